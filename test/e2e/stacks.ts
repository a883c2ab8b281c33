/** The stacks the end-to-end test applies to moto. */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ChatStack } from '../../examples/websocket/main';
import { MyDemoStack } from '../../examples/typescript/main';
import {
  AccessLogFormat, ApiKey, AuthorizationType, CognitoUserPoolsAuthorizer, DomainName, LambdaIntegration, MethodLoggingLevel, MockIntegration, Model, Period,
  RequestAuthorizer, ResponseType, RestApi, TokenAuthorizer, UsagePlan, websocket,
} from '../../lib';
import { buildPetStore } from '../support/apis';
import { TfJson } from '../support/graph';

const synth = (stack: TerraformStack): TfJson => JSON.parse(Testing.synth(stack, true));

/** The MyDemoAPI example. */
export function exampleStack(): TfJson {
  return synth(new MyDemoStack(Testing.app(), 'my-demo-api'));
}

/** The WebSocket example. */
export function websocketStack(): TfJson {
  return synth(new ChatStack(Testing.app(), 'chat'));
}

/** Nested paths, several methods and status codes, a stage with method settings. */
export function petStoreStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'pet-store');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = buildPetStore(stack, 'chain');
  api.deploy('prod', {
    description: 'production',
    variables: { backend: 'mock' },
    metricsEnabled: true,
    loggingLevel: MethodLoggingLevel.INFO,
    throttlingBurstLimit: 100,
    methodOptions: { '/pets/GET': { cachingEnabled: false, throttlingRateLimit: 10 } },
  });
  return synth(stack);
}

/**
 * The Terraform documentation's MyDemoAPI written with raw provider resources. Without
 * `depends_on`, nothing orders the integration response after the integration.
 */
export function rawSeedStack(withDependsOn: boolean): TfJson {
  const stack = new TerraformStack(Testing.app(), withDependsOn ? 'raw-depends-on' : 'raw');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new ApiGatewayRestApi(stack, 'MyDemoAPI', { name: 'MyDemoAPI', description: 'This is my API for demonstration purposes' });
  const resource = new ApiGatewayResource(stack, 'MyDemoResource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'mydemoresource' });
  const method = new ApiGatewayMethod(stack, 'MyDemoMethod', { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
  const integration = new ApiGatewayIntegration(stack, 'MyDemoIntegration', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'MOCK',
  });
  const response200 = new ApiGatewayMethodResponse(stack, 'response_200', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: '200',
  });
  new ApiGatewayIntegrationResponse(stack, 'MyDemoIntegrationResponse', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: response200.statusCode,
    responseTemplates: { 'application/xml': "#set($inputRoot = $input.path('$'))\n<message>$inputRoot.body</message>" },
    dependsOn: withDependsOn ? [integration] : undefined,
  });
  return synth(stack);
}

/** A Lambda-backed proxy API: the integration URI takes its region from the function's ARN. */
export function lambdaStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'lambda');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const role = new IamRole(stack, 'Role', {
    name: 'hello-role',
    assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  });
  const fn = new LambdaFunction(stack, 'Hello', { functionName: 'hello', role: role.arn, runtime: 'nodejs20.x', handler: 'index.handler', filename: 'hello.zip' });
  const api = new RestApi(stack, 'Api', { name: 'hello' });
  api.root.addProxy({ defaultIntegration: new LambdaIntegration(fn.arn), defaultMethodOptions: { authorization: AuthorizationType.NONE } });
  api.root.addMethod('GET', new LambdaIntegration(fn.arn), { authorization: AuthorizationType.NONE });
  api.deploy('prod');
  return synth(stack);
}

/**
 * Models (one referring to another), request validators (one made by hand, one shared through
 * requestValidatorOptions), gateway responses, and CORS that reaches DEFAULT_4XX and DEFAULT_5XX.
 */
export function modelsStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'models');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new RestApi(stack, 'Api', {
    name: 'pets-validated',
    defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'], allowCredentials: true },
  });
  const pet = api.addModel('Pet', {
    description: 'a pet',
    schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, tag: { type: 'string' } } },
  });
  const petList = api.addModel('PetList', { schema: { type: 'array', items: { $ref: Model.referenceTo(pet) } } });
  const body = api.addRequestValidator('Body', { requestValidatorName: 'body-only', validateRequestBody: true });
  const pets = api.root.addResource('pets');
  const ok = { statusCode: '200', responseTemplates: { 'application/json': '{}' } };
  const mock = () => new MockIntegration({ requestTemplates: { 'application/json': '{ "statusCode": 200 }' }, integrationResponses: [ok] });
  pets.addMethod('POST', mock(), {
    authorization: AuthorizationType.NONE,
    requestModels: { 'application/json': pet },
    requestValidator: body,
    methodResponses: [{ statusCode: '200', responseModels: { 'application/json': Model.EMPTY } }],
  });
  pets.addMethod('GET', mock(), {
    authorization: AuthorizationType.NONE,
    requestParameters: { 'method.request.querystring.limit': true },
    requestValidatorOptions: { validateRequestParameters: true },
    methodResponses: [{ statusCode: '200', responseModels: { 'application/json': petList } }],
  });
  pets.addResource('{id}').addMethod('PUT', mock(), {
    authorization: AuthorizationType.NONE,
    requestModels: { 'application/json': pet },
    requestValidatorOptions: { validateRequestParameters: true },
    methodResponses: [{ statusCode: '200', responseModels: { 'application/json': Model.ERROR } }],
  });
  api.addGatewayResponse('Unauthorized', {
    type: ResponseType.UNAUTHORIZED,
    statusCode: '401',
    responseHeaders: { 'WWW-Authenticate': "'Bearer'", 'Access-Control-Allow-Origin': "'https://app.example.com'" },
    templates: { 'application/json': '{"message": $context.error.messageString}' },
  });
  api.addGatewayResponse('BadBody', {
    type: ResponseType.BAD_REQUEST_BODY,
    templates: { 'application/json': '{"message": "$context.error.validationErrorString"}' },
  });
  api.deploy('prod');
  return synth(stack);
}

/** Raw resources where a method names a model by a plain string: nothing orders the model first. */
export function rawModelStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'raw-model');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new ApiGatewayRestApi(stack, 'Api', { name: 'raw-model' });
  new ApiGatewayModel(stack, 'Pet', { restApiId: api.id, name: 'Pet', contentType: 'application/json', schema: '{"type":"object"}' });
  new ApiGatewayMethod(stack, 'Post', {
    restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'POST', authorization: 'NONE', requestModels: { 'application/json': 'Pet' },
  });
  return synth(stack);
}

/**
 * The production edges: a usage plan over two stages with a per-method throttle, two API keys
 * (one with a value), a domain with two base path mappings, an access-logged stage, the
 * CloudWatch role and a web ACL.
 */
export function edgesStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'edges');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new RestApi(stack, 'Api', { name: 'partners', cloudWatchRole: true });
  const pets = api.root.addResource('pets');
  const mock = () => new MockIntegration({ requestTemplates: { 'application/json': '{ "statusCode": 200 }' }, integrationResponses: [{ statusCode: '200' }] });
  pets.addMethod('GET', mock(), { authorization: AuthorizationType.NONE, apiKeyRequired: true, methodResponses: [{ statusCode: '200' }] });
  api.root.addMethod('GET', mock(), { authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }] });
  const prod = api.deploy('prod', { accessLogGroup: true, accessLogRetention: 30, loggingLevel: MethodLoggingLevel.ERROR });
  const staging = api.deploy('staging', {
    accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:staging-access', accessLogFormat: AccessLogFormat.clf(),
  });
  const plan = new UsagePlan(stack, 'Basic', {
    name: 'basic',
    description: 'partners',
    throttle: { rateLimit: 10, burstLimit: 20 },
    quota: { limit: 10000, period: Period.WEEK, offset: 1 },
    apiStages: [{ stage: prod, throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 10 } } }],
  });
  plan.addApiStage({ stage: staging });
  plan.addApiKey(new ApiKey(stack, 'PartnerKey', { name: 'partner', value: 'partner-key-0123456789abcdef' }));
  plan.addApiKey(new ApiKey(stack, 'InternalKey', { name: 'internal', enabled: false }));
  const domain = new DomainName(stack, 'Domain', {
    domainName: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
  });
  domain.addBasePathMapping(prod, { basePath: 'v1' });
  domain.addBasePathMapping(staging, { basePath: 'beta' });
  prod.associateWebAcl('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/partners/a1b2c3d4-5678-90ab-cdef-000000000000');
  return synth(stack);
}

/**
 * A REST API protected by the three REST authorizers (one with a role instead of a permission,
 * one joining the API on first use through the API's defaultMethodOptions), and a WebSocket API
 * whose $connect route has a Lambda authorizer.
 */
export function authorizersStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'authorizers');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const role = new IamRole(stack, 'Role', {
    name: 'auth-role',
    assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  });
  const fn = new LambdaFunction(stack, 'Auth', { functionName: 'auth', role: role.arn, runtime: 'nodejs20.x', handler: 'index.handler', filename: 'auth.zip' });
  const token = new TokenAuthorizer(stack, 'TokenAuth', { functionArn: fn.arn, validationRegex: '^Bearer [-0-9a-zA-Z._]*$', resultsCacheTtl: 60 });
  const api = new RestApi(stack, 'Api', { name: 'authorized', defaultMethodOptions: { authorizer: token } });
  const request = new RequestAuthorizer(stack, 'RequestAuth', {
    restApi: api, functionArn: fn.invokeArn, assumeRoleArn: role.arn,
    identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key'],
  });
  const pools = new CognitoUserPoolsAuthorizer(stack, 'UserPool', {
    restApi: api, userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123'], resultsCacheTtl: 0,
  });
  const pets = api.root.addResource('pets', { defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] } });
  pets.addMethod('GET', new MockIntegration());
  pets.addMethod('PUT', new MockIntegration(), { authorizer: request });
  pets.addMethod('POST', new MockIntegration(), { authorizer: pools, authorizationScopes: ['pets/write'] });
  pets.addResource('health').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  api.deploy('prod');

  const ws = new websocket.WebSocketApi(stack, 'Chat', { name: 'chat' });
  const connect = ws.addIntegration('Connect', { type: websocket.IntegrationType.MOCK });
  const auth = new websocket.LambdaAuthorizer(stack, 'ConnectAuth', {
    api: ws, functionArn: fn.arn, identitySources: ['route.request.header.Authorization', 'route.request.querystring.token'],
  });
  ws.addRoute('$connect', { integration: connect, authorizer: auth });
  ws.addRoute('$default', { integration: connect });
  ws.deploy('prod');
  return synth(stack);
}
