import { TerraformVariable } from 'cdktf';
import { AuthorizationType, GatewayResponse, ImportId, MockIntegration, ResponseType, RestApi, ValidationError } from '../../lib';
import { orderingProblems } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  return { stack, api };
}

const open = { authorization: AuthorizationType.NONE };
const responsesOf = (json: any) => Object.values(resourcesOf(json, 'aws_api_gateway_gateway_response'));
const byType = (json: any): { [type: string]: any } => Object.fromEntries(responsesOf(json).map((r) => [r.response_type, r]));

describe('GatewayResponse', () => {
  test('GIVEN api.addGatewayResponse THEN aws_api_gateway_gateway_response carries type, status code, gatewayresponse.header parameters and templates', () => {
    const { stack, api } = fixture();
    const response = api.addGatewayResponse('Unauthorized', {
      type: ResponseType.UNAUTHORIZED,
      statusCode: '401',
      responseHeaders: { 'WWW-Authenticate': "'Bearer'", 'X-Request-Id': 'context.requestId', 'X-Trace': 'method.request.header.X-Trace' },
      templates: { 'application/json': '{"message": $context.error.messageString}' },
    });
    expect(only(synth(stack), 'aws_api_gateway_gateway_response')).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      response_type: 'UNAUTHORIZED',
      status_code: '401',
      response_parameters: {
        'gatewayresponse.header.WWW-Authenticate': "'Bearer'",
        'gatewayresponse.header.X-Request-Id': 'context.requestId',
        'gatewayresponse.header.X-Trace': 'method.request.header.X-Trace',
      },
      response_templates: { 'application/json': '{"message": $context.error.messageString}' },
    });
    expect(response.type).toBe(ResponseType.UNAUTHORIZED);
    expect(response.node.defaultChild).toBeDefined();
  });

  test('GIVEN new GatewayResponse in another scope THEN it belongs to the API, and the deployment follows it', () => {
    const { stack, api } = fixture();
    api.root.addMethod('GET', new MockIntegration(), open);
    new GatewayResponse(stack, 'Throttled', { restApi: api, type: ResponseType.THROTTLED, templates: { 'application/json': '{"retry": true}' } });
    api.deploy('prod');
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_deployment').depends_on).toContainEqual(expect.stringMatching(/^aws_api_gateway_gateway_response\.Api_F70053CD_GatewayResponse_THROTTLED$/));
    expect(orderingProblems(json)).toEqual([]);
  });

  test('GIVEN ResponseType THEN every API Gateway gateway response type is there, and of() takes a newer one', () => {
    const names = Object.getOwnPropertyNames(ResponseType).filter((k) => /^[A-Z]/.test(k));
    expect(names.map((k) => (ResponseType as any)[k].name).sort()).toEqual([
      'ACCESS_DENIED', 'API_CONFIGURATION_ERROR', 'AUTHORIZER_CONFIGURATION_ERROR', 'AUTHORIZER_FAILURE', 'BAD_REQUEST_BODY', 'BAD_REQUEST_PARAMETERS',
      'DEFAULT_4XX', 'DEFAULT_5XX', 'EXPIRED_TOKEN', 'INTEGRATION_FAILURE', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY', 'INVALID_SIGNATURE',
      'MISSING_AUTHENTICATION_TOKEN', 'QUOTA_EXCEEDED', 'REQUEST_TOO_LARGE', 'RESOURCE_NOT_FOUND', 'THROTTLED', 'UNAUTHORIZED', 'UNSUPPORTED_MEDIA_TYPE',
      'WAF_FILTERED',
    ]);
    expect(ResponseType.of('SOMETHING_NEW').name).toBe('SOMETHING_NEW');
    expect(() => ResponseType.of('default 4xx')).toThrow(/ResponseType.of: invalid responseType "default 4xx": a gateway response type is upper case/);
  });

  test('GIVEN values given as tokens THEN they are not rejected', () => {
    const { stack, api } = fixture();
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    api.addGatewayResponse('R', { type: ResponseType.DEFAULT_4XX, statusCode: v, responseHeaders: { 'X-A': v } });
    const r = only(synth(stack), 'aws_api_gateway_gateway_response');
    expect(r.status_code).toBe('${var.v}');
    expect(r.response_parameters).toEqual({ 'gatewayresponse.header.X-A': '${var.v}' });
  });

  test('GIVEN importExisting THEN gateway responses are adopted by type', () => {
    const { stack, api } = fixture();
    api.addGatewayResponse('Denied', { type: ResponseType.ACCESS_DENIED, statusCode: '403' });
    api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root' } });
    const imports = (synth(stack) as any).import as Array<{ id: string; to: string }>;
    expect(imports).toContainEqual(expect.objectContaining({ id: 'a1b2c3/ACCESS_DENIED', to: expect.stringMatching(/^aws_api_gateway_gateway_response\./) }));
    expect(ImportId.gatewayResponse('a1b2c3', 'DEFAULT_4XX')).toBe('a1b2c3/DEFAULT_4XX');
    expect(ImportId.parseGatewayResponse('a1b2c3/DEFAULT_4XX')).toEqual({ restApiId: 'a1b2c3', responseType: 'DEFAULT_4XX' });
    expect(() => ImportId.parseGatewayResponse('a1b2c3/default')).toThrow(/ImportId.parseGatewayResponse: invalid import ID "a1b2c3\/default": response type "default"/);
  });

  test('GIVEN a changed template THEN the deployment trigger changes', () => {
    const build = (template: string) => {
      const { stack, api } = fixture();
      api.root.addMethod('GET', new MockIntegration(), open);
      api.addGatewayResponse('R', { type: ResponseType.DEFAULT_5XX, templates: { 'application/json': template } });
      api.deploy('prod');
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment;
    };
    expect(build('{}')).toBe(build('{}'));
    expect(build('{"a":1}')).not.toBe(build('{}'));
  });

  describe('bad input', () => {
    test.each([
      ['a status code outside [1-5]\\d\\d', { type: ResponseType.THROTTLED, statusCode: '600' }, /stack\/Api\/R: invalid statusCode "600": must be three digits from 100 to 599/],
      ['a two-digit status code', { type: ResponseType.THROTTLED, statusCode: '42' }, /invalid statusCode "42"/],
      ['an unquoted static header value', { type: ResponseType.THROTTLED, responseHeaders: { 'Retry-After': '10' } },
        /stack\/Api\/R: invalid responseHeaders\["Retry-After"\] "10": a static value in single quotes such as "'Bearer'", or method.request/],
      ['a header from the integration response', { type: ResponseType.THROTTLED, responseHeaders: { 'X-A': 'integration.response.header.X' } }, /invalid responseHeaders\["X-A"\]/],
      ['a header name with a space', { type: ResponseType.THROTTLED, responseHeaders: { 'X A': "'a'" } }, /invalid responseHeaders key "X A"/],
      ['a template key that is not a content type', { type: ResponseType.THROTTLED, templates: { json: '{}' } }, /invalid templates key "json"/],
      ['a type given as a string', { type: 'THROTTLED' }, /stack\/Api\/R: invalid type "THROTTLED": must be an object/],
      ['no type', {}, /stack\/Api\/R: invalid type undefined: a ResponseType such as ResponseType.UNAUTHORIZED/],
    ])('GIVEN %s THEN a ValidationError names path, property, value and rule, and nothing is left behind', (_what, options, message) => {
      const { stack, api } = fixture();
      expect(() => api.addGatewayResponse('R', options as any)).toThrow(ValidationError);
      expect(() => api.addGatewayResponse('R', options as any)).toThrow(message);
      expect(resourcesOf(synth(stack), 'aws_api_gateway_gateway_response')).toEqual({});
    });

    test('GIVEN two gateway responses of one type in an API THEN the second is refused', () => {
      const { stack, api } = fixture();
      api.addGatewayResponse('A', { type: ResponseType.UNAUTHORIZED });
      expect(() => new GatewayResponse(stack, 'B', { restApi: api, type: ResponseType.of('UNAUTHORIZED') }))
        .toThrow(/stack\/B: invalid type "UNAUTHORIZED": the API already has a gateway response of this type \(stack\/Api\/A\); each type is customised once in an API/);
      expect(() => new RestApi(stack, 'Other', { name: 'o' }).addGatewayResponse('A', { type: ResponseType.UNAUTHORIZED })).not.toThrow();
    });
  });
});

describe('CORS reaches error responses', () => {
  test('GIVEN defaultCorsPreflightOptions THEN DEFAULT_4XX and DEFAULT_5XX carry Access-Control-Allow-Origin, with the default body', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] } });
    api.root.addMethod('GET', new MockIntegration(), open);
    api.deploy('prod');
    const json = synth(stack);
    const responses = byType(json);
    expect(Object.keys(responses).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    for (const r of Object.values(responses)) {
      expect(r.response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://example.com'" });
      expect(r.response_templates).toEqual({ 'application/json': '{"message":$context.error.messageString}' });
      expect(r.status_code).toBeUndefined();
    }
    expect(orderingProblems(json)).toEqual([]);
  });

  test('GIVEN one resource with CORS and credentials THEN the error responses allow its origin with credentials', () => {
    const { stack, api } = fixture();
    api.root.addResource('pets', { defaultCorsPreflightOptions: { allowOrigins: ['https://a.example', 'https://b.example'], allowCredentials: true } });
    api.root.addResource('toys').addCorsPreflight({ allowOrigins: ['https://c.example'] });
    const r = byType(synth(stack)).DEFAULT_4XX;
    expect(r.response_parameters).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://a.example'",
      'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
    });
  });

  test('GIVEN the program defines DEFAULT_4XX itself, before or after CORS THEN its own is kept and only DEFAULT_5XX is added', () => {
    const before = fixture();
    before.api.addGatewayResponse('Mine', { type: ResponseType.DEFAULT_4XX, statusCode: '400' });
    before.api.root.addCorsPreflight({ allowOrigins: ['*'] });
    const after = newStack();
    const api = new RestApi(after, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    api.addGatewayResponse('Mine', { type: ResponseType.DEFAULT_4XX, statusCode: '400' });
    for (const stack of [before.stack, after]) {
      const json = synth(stack);
      expect(responsesOf(json)).toHaveLength(2);
      expect(byType(json).DEFAULT_4XX).toEqual(expect.objectContaining({ status_code: '400' }));
      expect(byType(json).DEFAULT_4XX.response_parameters).toBeUndefined();
      expect(byType(json).DEFAULT_5XX.response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
    }
    expect(api.node.tryFindChild('CorsGatewayResponse_DEFAULT_4XX')).toBeUndefined();
    expect(api._members.all().filter((m) => GatewayResponse.isGatewayResponse(m.construct))).toHaveLength(2);
  });

  test('GIVEN v1 with the CORS response and v2 with the program\'s own, or a renamed construct THEN the address stays, so Terraform updates in place', () => {
    // A new address would create the new response and then delete the old one, and API Gateway's
    // delete resets the type to its default.
    const addressesOf = (json: any) => Object.keys(json.resource.aws_api_gateway_gateway_response).sort();
    const v1 = newStack();
    new RestApi(v1, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    const v2 = newStack();
    const api2 = new RestApi(v2, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    new GatewayResponse(v2, 'My4xx', { restApi: api2, type: ResponseType.DEFAULT_4XX, statusCode: '400' });
    expect(addressesOf(synth(v2))).toEqual(addressesOf(synth(v1)));
    expect(addressesOf(synth(v1))).toEqual(['Api_F70053CD_GatewayResponse_DEFAULT_4XX', 'Api_F70053CD_GatewayResponse_DEFAULT_5XX']);
  });

  test('GIVEN a refused DEFAULT_4XX of the program THEN the CORS response stays', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    expect(() => api.addGatewayResponse('Mine', { type: ResponseType.DEFAULT_4XX, statusCode: '4000' })).toThrow(ValidationError);
    expect(byType(synth(stack)).DEFAULT_4XX.response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
  });

  test('GIVEN no CORS THEN no gateway response is added', () => {
    const { stack, api } = fixture();
    api.root.addMethod('GET', new MockIntegration(), open);
    expect(responsesOf(synth(stack))).toEqual([]);
  });

  test('GIVEN the same program twice THEN the same JSON', () => {
    const build = () => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'], allowCredentials: true } });
      api.root.addResource('pets').addMethod('GET', new MockIntegration(), open);
      api.deploy('prod');
      return JSON.stringify(synth(stack));
    };
    expect(build()).toBe(build());
  });
});
