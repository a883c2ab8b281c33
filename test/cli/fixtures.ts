import { RestApiModel, WebSocketApiModel } from '../../src/cli/model';

/** A REST API as the reader returns it: nested paths, a variable, {proxy+}, four backends, two stages. */
export function petsModel(): RestApiModel {
  return {
    kind: 'rest',
    region: 'eu-west-1',
    id: 'a1b2c3d4e5',
    name: 'pets api',
    description: "Pets' API",
    endpointTypes: ['REGIONAL'],
    tags: { team: 'pets' },
    authorizers: [
      {
        id: 'auth000001', name: 'tokens', type: 'TOKEN', resultsCacheTtl: 60, identitySource: 'method.request.header.Authorization',
        authorizerUri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations',
        authorizerCredentials: 'arn:aws:iam::123456789012:role/auth',
      },
      { id: 'auth000002', name: 'pool', type: 'COGNITO_USER_POOLS', providerArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'] },
    ],
    resources: [
      { id: 'root000000', path: '/', methods: [] },
      {
        id: 'pets000000', path: '/pets', methods: [{
          httpMethod: 'GET',
          authorizationType: 'NONE',
          responses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Count': false } }, { statusCode: '500' }],
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: [
              {
                statusCode: '200',
                responseParameters: { 'method.response.header.X-Count': "'3'" },
                responseTemplates: { 'application/json': '{"stage": "${stageVariables.name}"}\n' },
              },
              { statusCode: '500', selectionPattern: '5\\d{2}', contentHandling: 'CONVERT_TO_TEXT' },
            ],
          },
        }],
      },
      {
        id: 'petid00000', path: '/pets/{petId}', methods: [{
          httpMethod: 'DELETE',
          authorizationType: 'CUSTOM',
          authorizerId: 'auth000001',
          requestParameters: { 'method.request.path.petId': true },
          responses: [{ statusCode: '204' }],
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:eu-west-1:s3:path/bucket/{petId}',
            integrationHttpMethod: 'DELETE',
            credentials: 'arn:aws:iam::123456789012:role/api',
            requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
            responses: [{ statusCode: '204' }],
          },
        }],
      },
      { id: 'toys000000', path: '/pets/{petId}/toys', methods: [] },
      {
        id: 'proxy00000', path: '/{proxy+}', methods: [{
          httpMethod: 'ANY',
          authorizationType: 'NONE',
          requestParameters: { 'method.request.path.proxy': true },
          responses: [],
          integration: {
            type: 'AWS_PROXY',
            uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:proxy/invocations',
            integrationHttpMethod: 'POST',
            responses: [],
          },
        }],
      },
    ],
    stages: [{ name: 'dev', variables: { name: 'dev' } }, { name: 'prod', description: 'production', variables: { name: 'prod' } }],
  };
}

/** A WebSocket API as the reader returns it. */
export function chatModel(): WebSocketApiModel {
  return {
    kind: 'websocket',
    region: 'eu-west-1',
    id: 'w1x2y3z4',
    name: 'chat',
    integrations: [
      {
        id: 'int00001', type: 'MOCK', requestTemplates: { $default: '{"statusCode": 200}' },
        responses: [{ id: 'resp0001', key: '$default' }],
      },
      {
        id: 'int00002', type: 'HTTP', integrationUri: 'https://echo.example.com', integrationMethod: 'POST',
        responses: [
          { id: 'resp0002', key: '/200/', responseTemplates: { json: '${x}' }, templateSelectionExpression: 'json' },
          { id: 'resp0003', key: '/4\\d{2}/', contentHandlingStrategy: 'CONVERT_TO_TEXT' },
        ],
      },
    ],
    authorizers: [{
      id: 'wauth001', name: 'connect-auth', identitySources: ['route.request.header.Auth'],
      authorizerUri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations',
    }],
    routes: [
      { id: 'route001', routeKey: '$connect', integrationId: 'int00001', authorizationType: 'CUSTOM', authorizerId: 'wauth001', responses: [] },
      { id: 'route002', routeKey: 'echo', integrationId: 'int00002', routeResponseSelectionExpression: '$default', responses: [{ id: 'rr000001', key: '$default' }] },
    ],
    stages: [{ name: 'prod', variables: { path: 'echo' } }],
  };
}
