import { AuthorizationType, MockIntegration, RestApi, ValidationError } from '../../lib';
import { orderingProblems } from '../support/graph';
import { newStack, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  return { stack, api: new RestApi(stack, 'Api', { name: 'pets' }) };
}

describe('CORS preflight', () => {
  test('GIVEN one origin WHEN addCorsPreflight THEN an open OPTIONS mock answers 204 with static headers the method response declares', () => {
    const { stack, api } = fixture();
    const options = api.root.addResource('pets').addCorsPreflight({ allowOrigins: ['https://example.com'], allowCredentials: true, maxAgeSeconds: 600 });
    expect(options.httpMethod).toBe('OPTIONS');
    const json = synth(stack);
    const method = Object.values(resourcesOf(json, 'aws_api_gateway_method'))[0];
    expect(method).toEqual(expect.objectContaining({ http_method: 'OPTIONS', authorization: 'NONE' }));
    const mr = Object.values(resourcesOf(json, 'aws_api_gateway_method_response'))[0];
    const ir = Object.values(resourcesOf(json, 'aws_api_gateway_integration_response'))[0];
    expect(mr.status_code).toBe('204');
    expect(ir.response_parameters).toEqual({
      'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
      'method.response.header.Access-Control-Allow-Origin': "'https://example.com'",
      'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
      'method.response.header.Vary': "'Origin'",
      'method.response.header.Access-Control-Allow-Credentials': "'true'",
      'method.response.header.Access-Control-Max-Age': "'600'",
    });
    expect(Object.keys(mr.response_parameters).sort()).toEqual(Object.keys(ir.response_parameters).sort());
    expect(ir.response_templates).toBeUndefined();
    expect(orderingProblems(json)).toEqual([]);
  });

  test('GIVEN several origins THEN a template echoes the caller origin when it is allowed', () => {
    const { stack, api } = fixture();
    api.root.addCorsPreflight({ allowOrigins: ['https://a.example', 'https://b.example'], allowMethods: ['get', 'POST'] });
    const ir = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_integration_response'))[0];
    expect(ir.response_templates['application/json']).toContain('#if($origin == "https://a.example" || $origin == "https://b.example")');
    expect(ir.response_parameters['method.response.header.Access-Control-Allow-Methods']).toBe("'GET,POST'");
  });

  test('GIVEN defaultCorsPreflightOptions THEN every child resource gets a preflight', () => {
    const { stack, api } = fixture();
    const v1 = api.root.addResource('v1', { defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    v1.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    const methods = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method')).map((m) => m.http_method).sort();
    expect(methods).toEqual(['GET', 'OPTIONS', 'OPTIONS']);
  });

  test.each([
    ['no origin', { allowOrigins: [] }, /invalid allowOrigins \[\]: at least one origin/],
    ['* with other origins', { allowOrigins: ['*', 'https://a.example'] }, /"\*" allows every origin and cannot be combined/],
    ['an origin with a path', { allowOrigins: ['https://a.example/app'] }, /invalid allowOrigins "https:\/\/a.example\/app": an origin is scheme:\/\/host/],
    ['credentials with *', { allowOrigins: ['*'], allowCredentials: true }, /invalid allowCredentials true: browsers refuse credentials with the origin "\*"/],
    ['an unknown method', { allowOrigins: ['*'], allowMethods: ['FETCH'] }, /invalid allowMethods "FETCH"/],
  ])('GIVEN %s THEN addCorsPreflight throws a ValidationError', (_what, options, message) => {
    expect(() => fixture().api.root.addCorsPreflight(options)).toThrow(ValidationError);
    expect(() => fixture().api.root.addCorsPreflight(options)).toThrow(message);
  });
});
