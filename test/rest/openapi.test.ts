import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ApiKeySourceType, AuthorizationType, AwsIntegration, CognitoUserPoolsAuthorizer, ConnectionType, ContentHandling, HttpIntegration, LambdaIntegration,
  MockIntegration, Model, PassthroughBehavior, RequestAuthorizer, ResponseType, RestApi, RestApiProps, RestApiSynthesis, TokenAuthorizer, ValidationError,
} from '../../lib';
import { buildPetStore, ROUTES } from '../support/apis';
import { openApiProblem } from '../support/openapi';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

type Doc = { [key: string]: any };

/** Every field the export writes: all integration settings, headers, models, CORS, Lambda. */
function fullApi(stack: TerraformStack, props: Partial<RestApiProps> = {}): RestApi {
  const api = new RestApi(stack, 'Api', {
    name: 'shop', description: 'the shop', binaryMediaTypes: ['image/png'], apiKeySource: ApiKeySourceType.HEADER, ...props,
  });
  const pets = api.root.addResource('pets');
  const get = pets.addMethod('GET', new HttpIntegration('https://example.com/pets', {
    proxy: false,
    requestParameters: { 'integration.request.querystring.limit': 'method.request.querystring.limit' },
    requestTemplates: { 'application/json': '{ "stage": "${stageVariables.name}" }' },
    passthroughBehavior: PassthroughBehavior.WHEN_NO_TEMPLATES,
    contentHandling: ContentHandling.CONVERT_TO_TEXT,
    timeoutMilliseconds: 10000,
    cacheKeyParameters: ['method.request.querystring.limit'],
    cacheNamespace: 'pets',
    connectionType: ConnectionType.VPC_LINK,
    connectionId: 'vpclink1',
    credentials: 'arn:aws:iam::123456789012:role/api',
    integrationResponses: [
      { statusCode: '200', responseParameters: { 'method.response.header.X-Count': 'integration.response.header.X-Count' }, responseTemplates: { 'application/json': '$input.body' } },
      { statusCode: '500', selectionPattern: '5\\d{2}', contentHandling: ContentHandling.CONVERT_TO_BINARY },
    ],
  }), {
    authorization: AuthorizationType.IAM,
    apiKeyRequired: true,
    operationName: 'listPets',
    requestParameters: { 'method.request.querystring.limit': false, 'method.request.header.X-Trace': true },
    methodResponses: [
      { statusCode: '200', responseParameters: { 'method.response.header.X-Count': true }, responseModels: { 'application/json': Model.EMPTY } },
      { statusCode: '500', responseModels: { 'application/json': Model.ERROR } },
    ],
  });
  pets.addResource('{petId}').addMethod('PUT', new AwsIntegration({ service: 'dynamodb', action: 'PutItem', region: 'us-east-1', credentials: 'arn:aws:iam::123456789012:role/api' }), {
    authorization: AuthorizationType.NONE, requestModels: { 'application/json': Model.EMPTY },
  });
  pets.addCorsPreflight({ allowOrigins: ['https://example.com'] });
  api.root.addMethod('ANY', new MockIntegration({ requestTemplates: { 'application/json': '{ "statusCode": 200 }' }, integrationResponses: [{ statusCode: '200' }] }), {
    authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }],
  });
  void get;
  return api;
}

function validated(text: string): Doc {
  expect(openApiProblem(text)).toBeUndefined();
  return JSON.parse(text);
}

describe('api.toOpenApi()', () => {
  test('GIVEN an API with every integration setting WHEN exported THEN the document is valid OpenAPI 3.0', () => {
    const doc = validated(fullApi(newStack()).toOpenApi());
    expect(doc.openapi).toBe('3.0.1');
    expect(doc.info).toEqual({ title: 'shop', description: 'the shop', version: '1.0' });
    expect(Object.keys(doc.paths)).toEqual(['/', '/pets', '/pets/{petId}']);
  });

  test('GIVEN the full API THEN the operation carries parameters, security, responses with headers and models', () => {
    const doc = validated(fullApi(newStack()).toOpenApi());
    const get = doc.paths['/pets'].get;
    expect(get.operationId).toBe('listPets');
    expect(get.parameters).toEqual([
      { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(get.security).toEqual([{ sigv4: [] }, { api_key: [] }]);
    expect(doc.components.securitySchemes.sigv4).toEqual({ 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
    expect(doc.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
    expect(get.responses).toEqual({
      200: {
        description: '200 response',
        headers: { 'X-Count': { required: true, schema: { type: 'string' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } },
      },
      500: { description: '500 response', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    });
    expect(Object.keys(doc.components.schemas)).toEqual(['Empty', 'Error']);
    expect(doc.paths['/pets/{petId}'].put.requestBody).toEqual({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } });
    expect(doc.paths['/pets/{petId}'].put.parameters).toEqual([{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('GIVEN the full API THEN x-amazon-apigateway-integration has every field the integration was given', () => {
    const doc = validated(fullApi(newStack()).toOpenApi());
    expect(doc.paths['/pets'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'HTTP',
      uri: 'https://example.com/pets',
      httpMethod: 'GET',
      credentials: 'arn:aws:iam::123456789012:role/api',
      requestParameters: { 'integration.request.querystring.limit': 'method.request.querystring.limit' },
      requestTemplates: { 'application/json': '{ "stage": "${stageVariables.name}" }' },
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      contentHandling: 'CONVERT_TO_TEXT',
      timeoutInMillis: 10000,
      cacheKeyParameters: ['method.request.querystring.limit'],
      cacheNamespace: 'pets',
      connectionType: 'VPC_LINK',
      connectionId: 'vpclink1',
      responses: {
        'default': {
          statusCode: '200',
          responseParameters: { 'method.response.header.X-Count': 'integration.response.header.X-Count' },
          responseTemplates: { 'application/json': '$input.body' },
        },
        '5\\d{2}': { statusCode: '500', contentHandling: 'CONVERT_TO_BINARY' },
      },
    });
    expect(doc.paths['/pets/{petId}'].put['x-amazon-apigateway-integration']).toEqual({
      type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem', httpMethod: 'POST', credentials: 'arn:aws:iam::123456789012:role/api',
    });
  });

  test('GIVEN binary media types, an API key source, CORS and ANY THEN the document has their extensions', () => {
    const doc = validated(fullApi(newStack()).toOpenApi());
    expect(doc['x-amazon-apigateway-binary-media-types']).toEqual(['image/png']);
    expect(doc['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    const options = doc.paths['/pets'].options;
    expect(options.responses['204'].headers['Access-Control-Allow-Origin']).toEqual({ required: true, schema: { type: 'string' } });
    expect(options['x-amazon-apigateway-integration'].type).toBe('MOCK');
    expect(options['x-amazon-apigateway-integration'].responses.default.responseParameters['method.response.header.Access-Control-Allow-Origin'])
      .toBe("'https://example.com'");
    expect(doc.paths['/']['x-amazon-apigateway-any-method']['x-amazon-apigateway-integration'].responses).toEqual({ default: { statusCode: '200' } });
  });

  test('GIVEN a Lambda integration THEN the uri is a token that resolves to a Terraform expression', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'fn' });
    const fn = new LambdaFunction(stack, 'Fn', { functionName: 'f', role: 'arn:aws:iam::123456789012:role/r' });
    api.root.addResource('{proxy+}').addMethod('ANY', new LambdaIntegration(fn.arn), { authorization: AuthorizationType.NONE });
    const doc = validated(api.toOpenApi());
    expect(resolve(stack, doc.paths['/{proxy+}']['x-amazon-apigateway-any-method']['x-amazon-apigateway-integration'].uri))
      .toMatch(/^arn:\$\{element\(split\(":", aws_lambda_function\.Fn\.arn\), 1\)\}:apigateway:.*\/functions\/\$\{aws_lambda_function\.Fn\.arn\}\/invocations$/);
    expect(doc.paths['/{proxy+}']['x-amazon-apigateway-any-method'].parameters).toEqual([{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('GIVEN a document the validator refuses THEN the helper reports it, so the checks above can fail', () => {
    expect(openApiProblem(JSON.stringify({ openapi: '3.0.1', info: { title: 'x', version: '1' }, paths: { '/a': { get: {} } } }))).toMatch(/responses/);
  });

  test('GIVEN the same API built in either form THEN the documents are identical', () => {
    expect(buildPetStore(newStack(), 'options').toOpenApi()).toBe(buildPetStore(newStack(), 'chain').toOpenApi());
  });
});

function bodyApi(stack: TerraformStack, routes: number, template = '{ "statusCode": 200 }'): RestApi {
  const api = new RestApi(stack, 'Api', { name: 'shop', synthesis: RestApiSynthesis.OPENAPI_BODY });
  for (let i = 0; i < routes; i++) {
    api.root.addResource(`r${i}`).addMethod('GET', new MockIntegration({
      requestTemplates: { 'application/json': template }, integrationResponses: [{ statusCode: '200' }],
    }), { authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }] });
  }
  api.deploy('prod');
  return api;
}

const trigger = (json: any) => only(json, 'aws_api_gateway_deployment').triggers.redeployment;
const countResources = (json: any) => Object.values(json.resource ?? {}).reduce((n: number, byName: any) => n + Object.keys(byName).length, 0);

describe('RestApiSynthesis.OPENAPI_BODY', () => {
  test('GIVEN a body-mode API WHEN synthesized THEN the REST API carries the document with put_rest_api_mode overwrite', () => {
    const stack = newStack();
    const api = bodyApi(stack, 2, '{ "stage": "${stageVariables.name}" }');
    const restApi = only(synth(stack), 'aws_api_gateway_rest_api');
    expect(restApi.put_rest_api_mode).toBe('overwrite');
    expect(restApi.body).toBe(api.toOpenApi().replace(/\$\{stageVariables/g, () => '$${stageVariables'));
    expect(JSON.parse(restApi.body.replace(/\$\$\{/g, '${')).paths['/r0'].get['x-amazon-apigateway-integration'].requestTemplates)
      .toEqual({ 'application/json': '{ "stage": "${stageVariables.name}" }' });
  });

  test('GIVEN 3 or 60 routes THEN the stack has the same handful of resources: REST API, deployment, stage', () => {
    const small = synth((() => { const s = newStack(); bodyApi(s, 3); return s; })());
    const large = synth((() => { const s = newStack(); bodyApi(s, 60); return s; })());
    expect(Object.keys(large.resource ?? {})).toEqual(['aws_api_gateway_deployment', 'aws_api_gateway_rest_api', 'aws_api_gateway_stage']);
    expect(countResources(small)).toBe(3);
    expect(countResources(large)).toBe(3);
  });

  test('GIVEN the deployment THEN it follows the REST API by reference only, and the stage follows the deployment', () => {
    const json = synth((() => { const s = newStack(); bodyApi(s, 2); return s; })());
    const deployment = only(json, 'aws_api_gateway_deployment');
    expect(deployment.rest_api_id).toMatch(/^\$\{aws_api_gateway_rest_api\.Api_\w+\.id\}$/);
    expect(deployment.depends_on ?? []).toEqual([]);
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(only(json, 'aws_api_gateway_stage').deployment_id).toMatch(/^\$\{aws_api_gateway_deployment\./);
  });

  test('GIVEN a change in the document THEN the trigger changes; the same API gives the same trigger', () => {
    const build = (template: string) => synth((() => { const s = newStack(); bodyApi(s, 3, template); return s; })());
    expect(trigger(build('{ "statusCode": 200 }'))).toBe(trigger(build('{ "statusCode": 200 }')));
    expect(trigger(build('{ "statusCode": 200 }'))).not.toBe(trigger(build('{ "statusCode": 201 }')));
  });

  test('GIVEN a token in the document THEN the trigger folds the expression in, and the Lambda permissions stay per integration', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'fn', synthesis: RestApiSynthesis.OPENAPI_BODY });
    const arn = new TerraformVariable(stack, 'fn_arn', { type: 'string' });
    api.root.addResource('a').addMethod('GET', new LambdaIntegration(arn.stringValue), { authorization: AuthorizationType.NONE });
    api.root.addResource('b').addMethod('GET', new LambdaIntegration(arn.stringValue, { allowTestInvoke: false }), { authorization: AuthorizationType.NONE });
    api.deploy('prod');
    const json = synth(stack);
    expect(trigger(json)).toMatch(/^\$\{sha256\(jsonencode\(\["[0-9a-f]{64}", var\.fn_arn\]\)\)\}$/);
    expect(only(json, 'aws_api_gateway_rest_api').body).toContain('/functions/${var.fn_arn}/invocations');
    expect(Object.keys(resourcesOf(json, 'aws_lambda_permission'))).toHaveLength(3);
  });

  test('GIVEN body mode THEN the constructs of the chain have no Terraform resource (defaultChild undefined); in resource mode they do', () => {
    const parts = (synthesis: RestApiSynthesis) => {
      const api = new RestApi(newStack(), 'Api', { name: 'x', synthesis });
      const resource = api.root.addResource('pets');
      const method = resource.addMethod('GET', new MockIntegration({ integrationResponses: [{ statusCode: '200' }] }), {
        authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }],
      });
      return [resource, method, method.methodResponses[0], method.integration!, method.integration!.responses[0]];
    };
    for (const c of parts(RestApiSynthesis.OPENAPI_BODY)) expect(c.node.defaultChild).toBeUndefined();
    for (const c of parts(RestApiSynthesis.RESOURCES)) expect(c.node.defaultChild).toBeDefined();
  });

  test('GIVEN body mode THEN the root resource ID is the REST API\'s root_resource_id', () => {
    const stack = newStack();
    const api = bodyApi(stack, 1);
    expect(resolve(stack, api.rootResourceId)).toMatch(/^\$\{aws_api_gateway_rest_api\.Api_\w+\.root_resource_id\}$/);
  });

  test.each([RestApiSynthesis.RESOURCES, RestApiSynthesis.OPENAPI_BODY])(
    'GIVEN an integration response without its method response in %s mode THEN synth fails with the same error', (synthesis) => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'x', synthesis });
      api.root.addMethod('GET', new MockIntegration({ integrationResponses: [{ statusCode: '404' }] }), { authorization: AuthorizationType.NONE });
      api.deploy('prod');
      expect(() => synth(stack)).toThrow(/integration response statusCode "404" has no method response with status code 404 on GET \//);
    });

  test.each([RestApiSynthesis.RESOURCES, RestApiSynthesis.OPENAPI_BODY])(
    'GIVEN a method without integration in %s mode THEN deploying fails with the same error', (synthesis) => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'x', synthesis });
      api.root.addResource('pets').addMethod('GET', undefined, { authorization: AuthorizationType.NONE });
      api.deploy('prod');
      expect(() => synth(stack)).toThrow(/method GET \/pets .* has no integration, and API Gateway refuses to deploy it/);
    });

  test.each([RestApiSynthesis.RESOURCES, RestApiSynthesis.OPENAPI_BODY])(
    'GIVEN a bad status code in %s mode THEN the constructor throws the same ValidationError', (synthesis) => {
      const api = new RestApi(newStack(), 'Api', { name: 'x', synthesis });
      const method = api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
      expect(() => method.addMethodResponse({ statusCode: '600' })).toThrow(ValidationError);
      expect(() => method.addMethodResponse({ statusCode: '600' })).toThrow(/Api\/Default\/GET\/Response600: invalid statusCode "600"/);
    });

  test('GIVEN binaryMediaTypes from a list variable in body mode THEN the attribute carries it and the body stays valid JSON', () => {
    const stack = newStack();
    const types = new TerraformVariable(stack, 'types', { type: 'list(string)' });
    const api = new RestApi(stack, 'Api', { name: 'x', synthesis: RestApiSynthesis.OPENAPI_BODY, binaryMediaTypes: types.listValue });
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    api.deploy('prod');
    const restApi = only(synth(stack), 'aws_api_gateway_rest_api');
    expect(restApi.binary_media_types).toBe('${var.types}');
    expect(JSON.parse(restApi.body as string)['x-amazon-apigateway-binary-media-types']).toBeUndefined();
  });

  test('GIVEN an unknown synthesis THEN the API is refused', () => {
    expect(() => new RestApi(newStack(), 'Api', { name: 'x', synthesis: 'CLOUDFORMATION' as RestApiSynthesis }))
      .toThrow(/Api: invalid synthesis "CLOUDFORMATION": allowed values are RESOURCES, OPENAPI_BODY/);
  });

  test('GIVEN importExisting in body mode THEN the REST API and the stages are imported, and no resource IDs are needed', () => {
    const stack = newStack();
    const api = bodyApi(stack, 2);
    api.importExisting({ restApiId: 'a1b2c3', stageNames: ['prod'] });
    const imports = (synth(stack) as any).import;
    expect(imports).toEqual([
      { id: 'a1b2c3', provider: 'aws', to: expect.stringMatching(/^aws_api_gateway_rest_api\./) },
      { id: 'a1b2c3/prod', provider: 'aws', to: expect.stringMatching(/^aws_api_gateway_stage\./) },
    ].map((i) => expect.objectContaining({ id: i.id, to: i.to })));
  });

  test('GIVEN importExisting without resourceIds in resource mode THEN it is refused', () => {
    const api = buildPetStore(newStack(), 'options');
    expect(() => api.importExisting({ restApiId: 'a1b2c3' })).toThrow(/invalid resourceIds undefined: a map from every path of the tree/);
  });
});

describe('API Gateway limits', () => {
  const warnings = (api: RestApi) => {
    synth(api.node.scope as TerraformStack);
    return api.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
  };

  test('GIVEN 300 resources with the root THEN no warning; GIVEN 301 THEN a warning says how to raise the quota', () => {
    const build = (n: number) => {
      const api = new RestApi(newStack(), 'Api', { name: 'big', synthesis: RestApiSynthesis.OPENAPI_BODY });
      for (let i = 0; i < n; i++) api.root.addResource(`r${i}`);
      api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
      return api;
    };
    expect(warnings(build(299)).filter((w) => /quota/.test(w))).toEqual([]);
    expect(warnings(build(300))).toEqual([expect.stringMatching(
      /the REST API has 301 resources \(paths\), above API Gateway's default quota of 300 resources per API.*"Resources per API".*Service Quotas console/)]);
  });

  test('GIVEN more than 10 stages THEN a warning', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'x' });
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    for (let i = 0; i < 11; i++) api.deploy(`s${i}`);
    expect(warnings(api)).toEqual([expect.stringMatching(/the REST API has 11 stages, above API Gateway's default quota of 10 stages per API/)]);
  });

  test('GIVEN a body over 6 MB THEN synth fails', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'x', synthesis: RestApiSynthesis.OPENAPI_BODY });
    const template = 'x'.repeat(60000);
    for (let i = 0; i < 110; i++) {
      api.root.addResource(`r${i}`).addMethod('GET', new MockIntegration({ requestTemplates: { 'application/json': template } }), { authorization: AuthorizationType.NONE });
    }
    expect(() => synth(stack)).toThrow(/the OpenAPI body is \d+ bytes, and API Gateway imports definitions of at most 6291456 bytes/);
  });

  test('GIVEN the pet store THEN its routes are all in the body', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'PetStore', { name: 'pet-store', synthesis: RestApiSynthesis.OPENAPI_BODY });
    for (const route of ROUTES) api.root.resourceForPath(route.path).addMethod(route.method, new MockIntegration(), { authorization: AuthorizationType.NONE });
    const body = JSON.parse(only(synth(stack), 'aws_api_gateway_rest_api').body);
    for (const route of ROUTES) expect(body.paths[`/${route.path}`][route.method.toLowerCase()]).toBeDefined();
  });
});

describe('authorizers in the document', () => {
  const FN = 'arn:aws:lambda:us-east-1:123456789012:function:auth';

  function authorized(synthesis: RestApiSynthesis) {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'authorized', synthesis });
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, validationRegex: '^Bearer .*$', resultsCacheTtl: 60 });
    const request = new RequestAuthorizer(stack, 'RequestAuth', {
      restApi: api, functionArn: FN, identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key'],
    });
    const pools = new CognitoUserPoolsAuthorizer(stack, 'UserPool', {
      restApi: api, userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123'],
    });
    const pets = api.root.addResource('pets');
    const mock = () => new MockIntegration({ integrationResponses: [{ statusCode: '200' }] });
    const responses = { methodResponses: [{ statusCode: '200' }] };
    pets.addMethod('GET', mock(), { authorizer: token, ...responses });
    pets.addMethod('PUT', mock(), { authorizer: request, ...responses });
    pets.addMethod('POST', mock(), { authorizer: pools, authorizationScopes: ['pets/write'], ...responses });
    api.deploy('prod');
    return { stack, api };
  }

  test('GIVEN token, request and Cognito authorizers THEN each is a security scheme with x-amazon-apigateway-authorizer, named by the operations', () => {
    const { stack, api } = authorized(RestApiSynthesis.RESOURCES);
    const doc = validated(api.toOpenApi());
    const schemes = doc.components.securitySchemes;
    expect(Object.keys(schemes)).toEqual(['RequestAuth', 'TokenAuth', 'UserPool']);
    expect(schemes.TokenAuth).toEqual({
      'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token', authorizerUri: expect.stringMatching(/^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:.*:function:auth\/invocations$/),
        identitySource: 'method.request.header.Authorization', identityValidationExpression: '^Bearer .*$', authorizerResultTtlInSeconds: 60,
      },
    });
    expect(schemes.RequestAuth['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request', identitySource: 'method.request.header.X-Tenant,method.request.querystring.key',
    });
    expect(schemes.UserPool).toMatchObject({
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123'] },
    });
    expect(doc.paths['/pets'].get.security).toEqual([{ TokenAuth: [] }]);
    expect(doc.paths['/pets'].put.security).toEqual([{ RequestAuth: [] }]);
    expect(doc.paths['/pets'].post.security).toEqual([{ UserPool: ['pets/write'] }]);
    // In the resources mode the authorizers keep their own resources.
    expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_authorizer'))).toHaveLength(3);
  });

  test('GIVEN body mode THEN the authorizers are in the body only, and the Lambda permission names the API\'s authorizers', () => {
    const { stack } = authorized(RestApiSynthesis.OPENAPI_BODY);
    const json = synth(stack);
    expect(resourcesOf(json, 'aws_api_gateway_authorizer')).toEqual({});
    const body = JSON.parse(only(json, 'aws_api_gateway_rest_api').body);
    expect(Object.keys(body.components.securitySchemes)).toEqual(['RequestAuth', 'TokenAuth', 'UserPool']);
    const permissions = Object.values(resourcesOf(json, 'aws_lambda_permission'));
    expect(permissions).toHaveLength(2);
    for (const p of permissions) expect(p.source_arn).toMatch(/^\$\{aws_api_gateway_rest_api\.Api_\w+\.execution_arn\}\/authorizers\/\*$/);
  });

  test('GIVEN body mode and an authorizer known only by its ID THEN synth refuses it; the export leaves the operation without security', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'x', synthesis: RestApiSynthesis.OPENAPI_BODY });
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.CUSTOM, authorizerId: 'abc123' });
    expect(JSON.parse(api.toOpenApi()).paths['/'].get.security).toBeUndefined();
    expect(() => synth(stack)).toThrow(/GET \/ names an authorizer made outside this API \(by its ID\), which an OpenAPI body cannot refer to/);
  });
});

describe('models, request validators and gateway responses in the document', () => {
  function documented(synthesis: RestApiSynthesis) {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'documented', synthesis });
    const toy = api.addModel('Toy', { schema: { type: 'object', properties: { name: { type: 'string' } } } });
    const pet = api.addModel('Pet', {
      schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, toys: { type: 'array', items: { $ref: Model.referenceTo(toy) } } } },
    });
    const strict = api.addRequestValidator('Strict', { requestValidatorName: 'strict', validateRequestBody: true, validateRequestParameters: true });
    const pets = api.root.addResource('pets');
    const mock = () => new MockIntegration({ integrationResponses: [{ statusCode: '200' }] });
    pets.addMethod('POST', mock(), {
      authorization: AuthorizationType.NONE, requestModels: { 'application/json': pet }, requestValidator: strict,
      methodResponses: [{ statusCode: '200', responseModels: { 'application/json': pet } }],
    });
    pets.addMethod('PUT', mock(), {
      authorization: AuthorizationType.NONE, requestValidatorOptions: { validateRequestBody: true }, methodResponses: [{ statusCode: '200' }],
    });
    api.addGatewayResponse('Unauthorized', {
      type: ResponseType.UNAUTHORIZED, statusCode: '401', responseHeaders: { 'WWW-Authenticate': "'Bearer'" }, templates: { 'application/json': '{"message": $context.error.messageString}' },
    });
    api.deploy('prod');
    return { stack, api };
  }

  test('GIVEN models, validators and a gateway response THEN the document has their schemas and extensions, and is valid OpenAPI 3.0', () => {
    const doc = validated(documented(RestApiSynthesis.RESOURCES).api.toOpenApi());
    expect(doc.components.schemas.Pet).toEqual({
      type: 'object', required: ['name'], properties: { name: { type: 'string' }, toys: { type: 'array', items: { $ref: '#/components/schemas/Toy' } } },
    });
    expect(doc.components.schemas.Toy).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    expect(doc.paths['/pets'].post.requestBody).toEqual({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } });
    expect(doc.paths['/pets'].post.responses['200'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } });
    expect(doc['x-amazon-apigateway-request-validators']).toEqual({
      'strict': { validateRequestBody: true, validateRequestParameters: true },
      'validate-body': { validateRequestBody: true, validateRequestParameters: false },
    });
    expect(doc.paths['/pets'].post['x-amazon-apigateway-request-validator']).toBe('strict');
    expect(doc.paths['/pets'].put['x-amazon-apigateway-request-validator']).toBe('validate-body');
    expect(doc['x-amazon-apigateway-gateway-responses']).toEqual({
      UNAUTHORIZED: {
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
        responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
      },
    });
  });

  test('GIVEN body mode THEN models, validators and gateway responses are in the body only', () => {
    const { stack } = documented(RestApiSynthesis.OPENAPI_BODY);
    const json = synth(stack);
    expect(Object.keys(json.resource ?? {}).sort()).toEqual(['aws_api_gateway_deployment', 'aws_api_gateway_rest_api', 'aws_api_gateway_stage']);
    const body = JSON.parse(only(json, 'aws_api_gateway_rest_api').body);
    expect(Object.keys(body.components.schemas)).toEqual(['Pet', 'Toy']);
    // No reference to the REST API itself inside its own body.
    expect(only(json, 'aws_api_gateway_rest_api').body).not.toMatch(/aws_api_gateway_rest_api/);
    expect(Object.keys(body['x-amazon-apigateway-request-validators'])).toEqual(['strict', 'validate-body']);
    expect(Object.keys(body['x-amazon-apigateway-gateway-responses'])).toEqual(['UNAUTHORIZED']);
  });

  test('GIVEN two body-mode APIs with models of the same names THEN each body refers to its own schemas', () => {
    const stack = newStack();
    for (const id of ['One', 'Two']) {
      const api = new RestApi(stack, id, { name: id, synthesis: RestApiSynthesis.OPENAPI_BODY });
      const toy = api.addModel('Toy', { schema: { type: 'object' } });
      const pet = api.addModel('Pet', { schema: { type: 'object', properties: { toy: { $ref: Model.referenceTo(toy) } } } });
      api.root.addMethod('POST', new MockIntegration(), { authorization: AuthorizationType.NONE, requestModels: { 'application/json': pet } });
      api.deploy('prod');
    }
    const bodies = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_rest_api')).map((r) => JSON.parse(r.body));
    for (const body of bodies) expect(body.components.schemas.Pet.properties.toy).toEqual({ $ref: '#/components/schemas/Toy' });
  });

  test('GIVEN body mode and a request validator known only by its ID THEN synth refuses it', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'x', synthesis: RestApiSynthesis.OPENAPI_BODY });
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE, requestValidatorId: 'v123' });
    expect(() => synth(stack)).toThrow(/GET \/ names a request validator made outside this API \(by its ID\), which an OpenAPI body cannot refer to/);
  });
});
