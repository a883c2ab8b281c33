/**
 * The APIs the adopt round trip reads back: made directly with the AWS SDK on the emulator, the
 * way a console user or an old template would, never with the library.
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';

export interface Made {
  readonly restApiIds: string[];
  readonly webSocketApiIds: string[];
  /** An API with a feature the library cannot express (a WebSocket model): adopt must refuse it. */
  readonly refusedWebSocketApiId: string;
}

const ROLE = 'arn:aws:iam::123456789012:role/apigateway-backend';
const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:pets-proxy';
const INVOKE = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION}/invocations`;

/** One method with its responses and integration, as the console would create them. */
interface MethodSpec {
  readonly path: string;
  readonly httpMethod: string;
  readonly method?: Partial<v1.PutMethodRequest>;
  readonly responses?: { [status: string]: Partial<v1.PutMethodResponseRequest> };
  readonly integration?: Partial<v1.PutIntegrationRequest>;
  readonly integrationResponses?: { [status: string]: Partial<v1.PutIntegrationResponseRequest> };
}

/** Creates a REST API with the given resources (paths) and methods, deployed to `stages`. */
/** What a REST API has beside its resources: made before the methods, which refer to them. */
interface Members {
  readonly authorizers?: Omit<v1.CreateAuthorizerRequest, 'restApiId'>[];
  readonly validators?: Omit<v1.CreateRequestValidatorRequest, 'restApiId'>[];
  readonly models?: Omit<v1.CreateModelRequest, 'restApiId'>[];
  readonly gatewayResponses?: Omit<v1.PutGatewayResponseRequest, 'restApiId'>[];
}

export async function makeRestApi(c: v1.APIGatewayClient, api: v1.CreateRestApiRequest, paths: string[], methods: MethodSpec[],
  stages: v1.CreateStageRequest[] = [], members: Members = {}): Promise<string> {
  const created = await c.send(new v1.CreateRestApiCommand(api));
  const restApiId = created.id as string;
  // A method names its authorizer and validator as `@name` (moto has no UpdateMethod to set them afterwards).
  const authorizerIds = new Map<string, string>();
  for (const a of members.authorizers ?? []) authorizerIds.set(`@${a.name}`, (await c.send(new v1.CreateAuthorizerCommand({ ...a, restApiId }))).id as string);
  const validatorIds = new Map<string, string>();
  for (const r of members.validators ?? []) validatorIds.set(`@${r.name}`, (await c.send(new v1.CreateRequestValidatorCommand({ ...r, restApiId }))).id as string);
  for (const m of members.models ?? []) await c.send(new v1.CreateModelCommand({ ...m, restApiId }));
  for (const g of members.gatewayResponses ?? []) await c.send(new v1.PutGatewayResponseCommand({ ...g, restApiId }));
  const ids = new Map<string, string>([['/', created.rootResourceId as string]]);
  for (const path of paths) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    const r = await c.send(new v1.CreateResourceCommand({ restApiId, parentId: ids.get(parent), pathPart: path.slice(path.lastIndexOf('/') + 1) }));
    ids.set(path, r.id as string);
  }
  for (const m of methods) {
    const resourceId = ids.get(m.path) as string;
    const key = { restApiId, resourceId, httpMethod: m.httpMethod };
    const authorizerId = m.method?.authorizerId ? authorizerIds.get(m.method.authorizerId) : undefined;
    const requestValidatorId = m.method?.requestValidatorId ? validatorIds.get(m.method.requestValidatorId) : undefined;
    await c.send(new v1.PutMethodCommand({
      authorizationType: 'NONE', ...m.method, ...(authorizerId ? { authorizerId } : {}), ...(requestValidatorId ? { requestValidatorId } : {}), ...key,
    }));
    for (const [statusCode, r] of Object.entries(m.responses ?? {})) await c.send(new v1.PutMethodResponseCommand({ ...r, ...key, statusCode }));
    if (m.integration) await c.send(new v1.PutIntegrationCommand({ type: 'MOCK', ...m.integration, ...key }));
    for (const [statusCode, r] of Object.entries(m.integrationResponses ?? {})) {
      await c.send(new v1.PutIntegrationResponseCommand({ ...r, ...key, statusCode }));
    }
  }
  if (stages.length) {
    const deployment = await c.send(new v1.CreateDeploymentCommand({ restApiId }));
    for (const s of stages) await c.send(new v1.CreateStageCommand({ ...s, restApiId, deploymentId: deployment.id }));
  }
  return restApiId;
}

/** The REST API of the round trip: nested paths, variables, {proxy+}, ANY, four kinds of backend. */
export async function makePetsApi(c: v1.APIGatewayClient): Promise<string> {
  return makeRestApi(c, {
    name: 'pets-api',
    description: 'Pets, made by hand',
    endpointConfiguration: { types: ['REGIONAL'] },
    binaryMediaTypes: ['image/png'],
    tags: { team: 'pets' },
  }, ['/pets', '/pets/{petId}', '/pets/{petId}/toys', '/orders', '/orders/{orderId}', '/{proxy+}'], [
    {
      path: '/', httpMethod: 'GET',
      responses: { 200: {} },
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
      integrationResponses: { 200: { responseTemplates: { 'text/html': '<h1>pets</h1>' } } },
    },
    {
      path: '/pets', httpMethod: 'GET',
      responses: {
        200: { responseParameters: { 'method.response.header.X-Count': false, 'method.response.header.X-Stage': false } },
        400: {},
        500: { responseModels: { 'application/json': 'Error' } },
      },
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": $input.params(\'code\')}' } },
      integrationResponses: {
        200: {
          responseParameters: { 'method.response.header.X-Count': "'3'", 'method.response.header.X-Stage': 'stageVariables.name' },
          responseTemplates: { 'application/json': '#set($root = $input.path(\'$\'))\n{"pets": $input.json(\'$\'), "stage": "${stageVariables.name}"}' },
        },
        400: { selectionPattern: '4\\d{2}' },
        500: { selectionPattern: '5\\d{2}|.*Error.*', contentHandling: 'CONVERT_TO_TEXT' },
      },
    },
    {
      path: '/pets', httpMethod: 'POST',
      method: {
        requestParameters: { 'method.request.header.X-Trace': false }, operationName: 'CreatePet', authorizationType: 'CUSTOM', authorizerId: '@tokens',
        requestModels: { 'application/json': 'Pet' }, requestValidatorId: '@body-only',
      },
      responses: { 201: {}, 502: {} },
      integration: {
        type: 'HTTP', integrationHttpMethod: 'POST', uri: 'https://${stageVariables.backend}/pets',
        requestParameters: { 'integration.request.header.X-Trace': 'method.request.header.X-Trace' },
        requestTemplates: { 'application/json': '$input.body' },
        passthroughBehavior: 'NEVER', timeoutInMillis: 10000,
      },
      integrationResponses: { 201: { selectionPattern: '2\\d{2}' }, 502: { selectionPattern: '' } },
    },
    {
      path: '/pets/{petId}', httpMethod: 'GET',
      method: { requestParameters: { 'method.request.path.petId': true } },
      responses: { 200: {}, 404: {} },
      integration: {
        type: 'AWS', integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/GetItem', credentials: ROLE,
        requestTemplates: { 'application/json': '{"TableName": "pets", "Key": {"id": {"S": "$input.params(\'petId\')"}}}' },
      },
      integrationResponses: { 200: {}, 404: { selectionPattern: '.*NotFound.*', responseTemplates: { 'application/json': '{"message": "no such pet"}' } } },
    },
    {
      path: '/pets/{petId}', httpMethod: 'DELETE',
      method: { authorizationType: 'AWS_IAM', requestParameters: { 'method.request.path.petId': true } },
      responses: { 204: {} },
      integration: {
        type: 'AWS', integrationHttpMethod: 'DELETE', uri: 'arn:aws:apigateway:us-east-1:s3:path/pets-bucket/{petId}', credentials: ROLE,
        requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
      },
      integrationResponses: { 204: {} },
    },
    {
      path: '/orders', httpMethod: 'OPTIONS',
      responses: { 200: { responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } } },
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
      integrationResponses: { 200: { responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } } },
    },
    {
      path: '/orders/{orderId}', httpMethod: 'GET',
      method: { apiKeyRequired: true, requestParameters: { 'method.request.path.orderId': true, 'method.request.querystring.verbose': false } },
      responses: { 200: {} },
      integration: {
        type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: 'https://orders.example.com/orders/{orderId}',
        requestParameters: { 'integration.request.path.orderId': 'method.request.path.orderId' },
        cacheKeyParameters: ['method.request.path.orderId'],
      },
    },
    {
      path: '/{proxy+}', httpMethod: 'ANY',
      method: { requestParameters: { 'method.request.path.proxy': true } },
      integration: { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: INVOKE },
    },
  ], [
    { restApiId: '', deploymentId: '', stageName: 'prod', description: 'production', variables: { name: 'prod', backend: 'pets.example.com' } },
    { restApiId: '', deploymentId: '', stageName: 'dev', variables: { name: 'dev', backend: 'dev.pets.example.com' }, tracingEnabled: true },
  ], {
    // A TOKEN authorizer that POST /pets uses, invoked with a role; a REQUEST authorizer no method uses, invoked without one.
    authorizers: [{
      name: 'tokens', type: 'TOKEN', authorizerUri: INVOKE, identitySource: 'method.request.header.Authorization', authorizerCredentials: ROLE,
      authorizerResultTtlInSeconds: 60,
    },
    {
      name: 'tenants', type: 'REQUEST', authorizerUri: INVOKE, identitySource: 'method.request.header.X-Tenant,method.request.querystring.key',
      authorizerResultTtlInSeconds: 0,
    }],
    validators: [{ name: 'body-only', validateRequestBody: true }, { name: 'params', validateRequestParameters: true }],
    models: [
      { name: 'Pet', contentType: 'application/json', schema: '{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}' },
      { name: 'Unused', contentType: 'text/plain', schema: '{"type":"string"}', description: 'no method uses it' },
    ],
    gatewayResponses: [{
      responseType: 'DEFAULT_4XX', statusCode: '400', responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
    }],
  });
}

/** A second, small REST API: the inventory lists both; one stage, root-only methods. */
export async function makeStatusApi(c: v1.APIGatewayClient): Promise<string> {
  return makeRestApi(c, { name: 'status' }, [], [{
    path: '/', httpMethod: 'GET',
    responses: { 200: {}, 503: {} },
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    integrationResponses: { 200: {}, 503: { selectionPattern: '5\\d{2}', contentHandling: 'CONVERT_TO_BINARY' } },
  }], [{ restApiId: '', deploymentId: '', stageName: 'live' }]);
}

/** A WebSocket API with a model, which the library cannot express yet. */
export async function makeRefusedApi(c: v2.ApiGatewayV2Client): Promise<string> {
  const api = await c.send(new v2.CreateApiCommand({ Name: 'with-model', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
  await c.send(new v2.CreateModelCommand({ ApiId: api.ApiId, Name: 'Message', ContentType: 'application/json', Schema: '{"type":"object"}' }));
  return api.ApiId as string;
}

/** The WebSocket API of the round trip: mock, Lambda and HTTP integrations with responses, route responses, two stages. */
export async function makeChatApi(c: v2.ApiGatewayV2Client): Promise<string> {
  const api = await c.send(new v2.CreateApiCommand({
    Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', Description: 'Chat, made by hand', Tags: { team: 'chat' },
  }));
  const ApiId = api.ApiId as string;
  const mock = await c.send(new v2.CreateIntegrationCommand({
    ApiId, IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' }, TemplateSelectionExpression: '\\$default',
  }));
  const lambda = await c.send(new v2.CreateIntegrationCommand({ ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: INVOKE, IntegrationMethod: 'POST', TimeoutInMillis: 29000 }));
  const http = await c.send(new v2.CreateIntegrationCommand({
    ApiId, IntegrationType: 'HTTP', IntegrationUri: 'https://echo.example.com/${stageVariables.path}', IntegrationMethod: 'POST',
    RequestTemplates: { json: '{"message": $input.json(\'$.message\')}' }, TemplateSelectionExpression: 'json', TimeoutInMillis: 5000,
    PassthroughBehavior: 'NEVER', CredentialsArn: ROLE,
  }));
  await c.send(new v2.CreateIntegrationResponseCommand({ ApiId, IntegrationId: mock.IntegrationId, IntegrationResponseKey: '$default' }));
  await c.send(new v2.CreateIntegrationResponseCommand({
    ApiId, IntegrationId: http.IntegrationId, IntegrationResponseKey: '/200/', ResponseTemplates: { json: '{"echo": ${stageVariables.path}}' },
    TemplateSelectionExpression: 'json',
  }));
  await c.send(new v2.CreateIntegrationResponseCommand({
    ApiId, IntegrationId: http.IntegrationId, IntegrationResponseKey: '/4\\d{2}/', ContentHandlingStrategy: 'CONVERT_TO_TEXT',
  }));
  const authorizer = await c.send(new v2.CreateAuthorizerCommand({
    ApiId, Name: 'connect-auth', AuthorizerType: 'REQUEST', AuthorizerUri: INVOKE, IdentitySource: ['route.request.header.Auth', 'route.request.querystring.token'],
  }));
  await c.send(new v2.CreateRouteCommand({
    ApiId, RouteKey: '$connect', Target: `integrations/${mock.IntegrationId}`, AuthorizationType: 'CUSTOM', AuthorizerId: authorizer.AuthorizerId,
  }));
  await c.send(new v2.CreateRouteCommand({ ApiId, RouteKey: '$disconnect', Target: `integrations/${mock.IntegrationId}` }));
  await c.send(new v2.CreateRouteCommand({ ApiId, RouteKey: 'sendmessage', Target: `integrations/${lambda.IntegrationId}`, OperationName: 'Send' }));
  const echo = await c.send(new v2.CreateRouteCommand({
    ApiId, RouteKey: 'echo', Target: `integrations/${http.IntegrationId}`, RouteResponseSelectionExpression: '$default', ApiKeyRequired: true,
  }));
  await c.send(new v2.CreateRouteResponseCommand({ ApiId, RouteId: echo.RouteId, RouteResponseKey: '$default' }));
  await c.send(new v2.CreateStageCommand({ ApiId, StageName: 'prod', Description: 'production', StageVariables: { path: 'echo' } }));
  await c.send(new v2.CreateStageCommand({ ApiId, StageName: 'dev', StageVariables: { path: 'echo-dev' } }));
  return ApiId;
}

/** Every API of the round trip. */
export async function makeAll(c1: v1.APIGatewayClient, c2: v2.ApiGatewayV2Client): Promise<Made> {
  return {
    restApiIds: [await makePetsApi(c1), await makeStatusApi(c1)],
    webSocketApiIds: [await makeChatApi(c2)],
    refusedWebSocketApiId: await makeRefusedApi(c2),
  };
}
