import { AnnotationMetadataEntryType } from 'cdktf';
import { AuthorizationType, MockIntegration, Model, RestApi, ValidationError } from '../../lib';
import { newStack, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  return { stack, api, pets: api.root.addResource('pets') };
}

function warningsOf(stack: ReturnType<typeof newStack>): string[] {
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data)));
}

describe('Method', () => {
  test('GIVEN every option WHEN synthesized THEN aws_api_gateway_method carries them', () => {
    const { stack, pets } = fixture();
    pets.addMethod('post', new MockIntegration(), {
      authorization: AuthorizationType.COGNITO,
      authorizerId: 'auth123',
      authorizationScopes: ['pets/write'],
      apiKeyRequired: true,
      operationName: 'CreatePet',
      requestParameters: { 'method.request.header.X-Trace': false, 'method.request.querystring.dryRun': true },
      requestModels: { 'application/json': Model.EMPTY },
      requestValidatorId: 'val123',
    });
    const method = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'))[0];
    expect(method).toEqual(expect.objectContaining({
      http_method: 'POST',
      authorization: 'COGNITO_USER_POOLS',
      authorizer_id: 'auth123',
      authorization_scopes: ['pets/write'],
      api_key_required: true,
      operation_name: 'CreatePet',
      request_parameters: { 'method.request.header.X-Trace': false, 'method.request.querystring.dryRun': true },
      request_models: { 'application/json': 'Empty' },
      request_validator_id: 'val123',
      resource_id: resolve(stack, pets.resourceId),
    }));
  });

  test.each([
    [AuthorizationType.NONE, 'NONE'],
    [AuthorizationType.IAM, 'AWS_IAM'],
  ])('GIVEN authorization %s THEN it renders %s', (authorization, rendered) => {
    const { stack, pets } = fixture();
    pets.addMethod('GET', new MockIntegration(), { authorization });
    expect(Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'))[0].authorization).toBe(rendered);
  });

  test('GIVEN authorization left unset THEN a warning names the method, and setting it silences the warning', () => {
    const { stack, pets } = fixture();
    const open = pets.addMethod('GET', new MockIntegration());
    pets.addMethod('DELETE', new MockIntegration(), { authorization: AuthorizationType.NONE });
    const warnings = warningsOf(stack);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(open.node.path);
    expect(warnings[0]).toMatch(/authorization is not set, so the method uses NONE and anyone can call GET \/pets/);
    expect(Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method')).map((m) => m.authorization)).toEqual(['NONE', 'NONE']);
  });

  test('GIVEN methodResponses in the options THEN they become method responses of the method', () => {
    const { stack, pets } = fixture();
    const method = pets.addMethod('GET', new MockIntegration(), {
      authorization: AuthorizationType.NONE,
      methodResponses: [{ statusCode: '200' }, { statusCode: '404' }],
    });
    expect(method.methodResponses.map((r) => r.statusCode)).toEqual(['200', '404']);
    expect(method.methodResponse('404')?.method).toBe(method);
    expect(Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method_response')).map((r) => r.status_code)).toEqual(['200', '404']);
  });

  test('GIVEN a method without integration WHEN addIntegration THEN the integration is its child', () => {
    const { stack, pets } = fixture();
    const method = pets.addMethod('GET', undefined, { authorization: AuthorizationType.NONE });
    expect(method.integration).toBeUndefined();
    const integration = method.addIntegration(new MockIntegration());
    expect(method.integration).toBe(integration);
    expect(integration.node.scope).toBe(method);
    expect(() => method.addIntegration(new MockIntegration())).toThrow(/already has an integration/);
    expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_integration'))).toHaveLength(1);
  });

  test('GIVEN methodArn THEN path variables become * and ANY becomes *', () => {
    const { stack, api, pets } = fixture();
    const get = pets.addResource('{id}').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    const any = api.root.addMethod('ANY', new MockIntegration(), { authorization: AuthorizationType.NONE });
    const exec = resolve(stack, api.executionArn);
    expect(resolve(stack, get.methodArn)).toBe(`${exec}/*/GET/pets/*`);
    expect(resolve(stack, any.methodArn)).toBe(`${exec}/*/*/`);
  });

  test.each([
    ['an unknown HTTP method', 'FETCH', {}, /Api\/Default\/pets\/FETCH: invalid httpMethod "FETCH": allowed values are GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH, ANY/],
    ['CUSTOM without authorizer', 'GET', { authorization: AuthorizationType.CUSTOM }, /invalid authorizerId undefined: authorization CUSTOM needs the ID of an authorizer/],
    ['an authorizer with IAM', 'GET', { authorization: AuthorizationType.IAM, authorizerId: 'a1' }, /invalid authorizerId "a1": an authorizer is used only with CUSTOM or COGNITO_USER_POOLS/],
    ['scopes without Cognito', 'GET', { authorization: AuthorizationType.NONE, authorizationScopes: ['a'] }, /invalid authorizationScopes \["a"\]: scopes are used only with COGNITO_USER_POOLS/],
    ['a bad request parameter', 'GET', { requestParameters: { 'querystring.id': true } }, /invalid requestParameters key "querystring.id": keys are method.request/],
    ['a bad request model content type', 'GET', { requestModels: { json: Model.EMPTY } }, /invalid requestModels key "json"/],
    ['an unknown authorization', 'GET', { authorization: 'OAUTH' as AuthorizationType }, /invalid authorization "OAUTH": allowed values are NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS/],
  ])('GIVEN %s THEN addMethod throws a ValidationError', (_what, httpMethod, options, message) => {
    expect(() => fixture().pets.addMethod(httpMethod, new MockIntegration(), options)).toThrow(ValidationError);
    expect(() => fixture().pets.addMethod(httpMethod, new MockIntegration(), options)).toThrow(message);
  });

  test('GIVEN a duplicate HTTP method THEN addMethod points to getMethod', () => {
    const { pets } = fixture();
    const get = pets.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    expect(() => pets.addMethod('get')).toThrow(/invalid httpMethod "GET": "\/pets" already has a GET method; use getMethod\('GET'\)/);
    expect(pets.getMethod('get')).toBe(get);
  });

  test('GIVEN no integration WHEN addIntegrationResponse THEN the error says to add one', () => {
    const { pets } = fixture();
    const method = pets.addMethod('GET', undefined, { authorization: AuthorizationType.NONE });
    expect(() => method.addIntegrationResponse({ statusCode: '200' })).toThrow(/addIntegrationResponse\(\) needs an integration/);
  });
});
