import { AuthorizationType, MockIntegration, Model, RestApi, ValidationError } from '../../lib';
import { newStack, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  const method = api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, method };
}

describe('MethodResponse', () => {
  test('GIVEN a method response WHEN synthesized THEN it references its method for api, resource and HTTP method', () => {
    const { stack, method } = fixture();
    const response = method.addMethodResponse({
      statusCode: '201',
      responseParameters: { 'method.response.header.Location': true },
      responseModels: { 'application/json': Model.EMPTY },
    });
    const l1 = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method_response'))[0];
    const methodAddress = resolve(stack, method.methodId).replace(/\.id\}$/, '');
    expect(l1).toEqual({
      status_code: '201',
      http_method: `${methodAddress}.http_method}`,
      resource_id: `${methodAddress}.resource_id}`,
      rest_api_id: `${methodAddress}.rest_api_id}`,
      response_parameters: { 'method.response.header.Location': true },
      response_models: { 'application/json': 'Empty' },
    });
    expect(response.node.defaultChild).toBeDefined();
    expect(response.method).toBe(method);
  });

  test('GIVEN importFrom THEN an import block carries the ID', () => {
    const { stack, method } = fixture();
    method.addMethodResponse({ statusCode: '200' }).importFrom('a1/b2/GET/200');
    expect((synth(stack) as any).import).toEqual([expect.objectContaining({ id: 'a1/b2/GET/200', to: expect.stringMatching(/^aws_api_gateway_method_response\./) })]);
  });

  test.each([
    ['a two-digit status code', { statusCode: '20' }, /Response20: invalid statusCode "20": must be three digits from 100 to 599/],
    ['a status code of 600', { statusCode: '600' }, /invalid statusCode "600"/],
    ['a status code with letters', { statusCode: '2xx' }, /invalid statusCode "2xx"/],
    ['a header key outside method.response.header', { statusCode: '200', responseParameters: { 'X-Trace': true } }, /invalid responseParameters key "X-Trace": keys are method.response.header.\{name\}/],
    ['a header mapped to a string', { statusCode: '200', responseParameters: { 'method.response.header.X': 'yes' as unknown as boolean } }, /invalid responseParameters\["method.response.header.X"\] "yes": true when the header is required/],
    ['a model key that is not a content type', { statusCode: '200', responseModels: { json: Model.EMPTY } }, /invalid responseModels key "json"/],
  ])('GIVEN %s THEN addMethodResponse throws a ValidationError', (_what, options, message) => {
    expect(() => fixture().method.addMethodResponse(options)).toThrow(ValidationError);
    expect(() => fixture().method.addMethodResponse(options)).toThrow(message);
  });

  test('GIVEN a duplicate status code THEN the second is rejected', () => {
    const { method } = fixture();
    method.addMethodResponse({ statusCode: '200' });
    expect(() => method.addMethodResponse({ statusCode: '200' })).toThrow(/GET\/Response200: invalid statusCode "200": the method already has a method response with status code 200/);
  });
});
