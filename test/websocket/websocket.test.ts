import * as fc from 'fast-check';
import { ValidationError, websocket } from '../../lib';
import { ChatStack } from '../../examples/websocket/main';
import { buildGraph, criticalPath, websocketOrderingProblems } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';
import { Testing } from 'cdktf';

const { WebSocketApi, IntegrationType, IntegrationResponseKey, ImportId, AuthorizationType } = websocket;

function fixture() {
  const stack = newStack();
  const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
  const mock = api.addIntegration('Mock', { type: IntegrationType.MOCK });
  return { stack, api, mock };
}

describe('WebSocketApi', () => {
  test('GIVEN an API THEN protocol WEBSOCKET with the default route selection expression', () => {
    const stack = newStack();
    new WebSocketApi(stack, 'Ws', { name: 'chat', description: 'd', apiKeySelectionExpression: '$request.header.x-api-key', tags: { a: 'b' } });
    expect(only(synth(stack), 'aws_apigatewayv2_api')).toEqual({
      name: 'chat', protocol_type: 'WEBSOCKET', route_selection_expression: '$request.body.action', description: 'd',
      api_key_selection_expression: '$request.header.x-api-key', tags: { a: 'b' },
    });
  });

  test('GIVEN the example THEN every field and ordering edge is in the JSON', () => {
    const json = JSON.parse(Testing.synth(new ChatStack(Testing.app(), 'chat'), true));
    expect(json).toMatchSnapshot();
    expect(websocketOrderingProblems(json)).toEqual([]);
    const responses = Object.values(resourcesOf(json, 'aws_apigatewayv2_integration_response'));
    expect(responses).toContainEqual(expect.objectContaining({
      integration_response_key: '$default', template_selection_expression: '\\$default', content_handling_strategy: 'CONVERT_TO_TEXT',
      response_templates: { '$default': '{"message": "sent"}' },
    }));
    expect(responses).toContainEqual(expect.objectContaining({ integration_response_key: '/404/' }));
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_route_response'))).toEqual([expect.objectContaining({ route_response_key: '$default' })]);
    const deployment = only(json, 'aws_apigatewayv2_deployment');
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(deployment.triggers.redeployment).toMatch(/^[0-9a-f]{64}$/);
    expect(deployment.depends_on).toHaveLength(6);
    expect(only(json, 'aws_apigatewayv2_stage')).toEqual(expect.objectContaining({ name: 'prod', deployment_id: expect.stringMatching(/^\$\{aws_apigatewayv2_deployment\..*\.id\}$/) }));
    // api → integration → route → route response → deployment → stage
    expect(criticalPath(buildGraph(json))).toBe(6);
  });

  test('GIVEN a route with an integration and a response THEN target references the integration and the response the route', () => {
    const { stack, mock, api } = fixture();
    const route = api.addRoute('sendmessage', { integration: mock, apiKeyRequired: true, operationName: 'Send' });
    route.addResponse({ routeResponseKey: '$default', responseModels: { '$default': 'Message' }, modelSelectionExpression: '$default' });
    const json = synth(stack);
    expect(only(json, 'aws_apigatewayv2_route')).toEqual(expect.objectContaining({
      route_key: 'sendmessage', target: `integrations/${resolve(stack, mock.integrationId)}`, route_response_selection_expression: '$default',
      api_key_required: true, operation_name: 'Send',
    }));
    expect(only(json, 'aws_apigatewayv2_route_response')).toEqual(expect.objectContaining({
      route_id: resolve(stack, route.routeId), response_models: { '$default': 'Message' }, model_selection_expression: '$default',
    }));
  });

  test('GIVEN a one-way route THEN it has no route response selection expression', () => {
    const { stack, mock, api } = fixture();
    api.addRoute('$default', { integration: mock });
    expect(only(synth(stack), 'aws_apigatewayv2_route').route_response_selection_expression).toBeUndefined();
  });

  test('GIVEN an HTTP_PROXY integration THEN URI and method are set', () => {
    const { stack, api } = fixture();
    api.addIntegration('Http', { type: IntegrationType.HTTP_PROXY, integrationUri: 'https://example.com/ws', integrationMethod: 'post', timeoutMilliseconds: 1000 });
    expect(Object.values(resourcesOf(synth(stack), 'aws_apigatewayv2_integration'))).toContainEqual(expect.objectContaining({
      integration_type: 'HTTP_PROXY', integration_uri: 'https://example.com/ws', integration_method: 'POST', timeout_milliseconds: 1000,
    }));
  });

  test('IntegrationResponseKey renders $default, /404/ and /4\\d{2}/', () => {
    expect(IntegrationResponseKey.DEFAULT.key).toBe('$default');
    expect(IntegrationResponseKey.fromStatusCode(404).key).toBe('/404/');
    expect(IntegrationResponseKey.fromPattern('4\\d{2}').key).toBe('/4\\d{2}/');
  });

  test('GIVEN the same API twice THEN the same hash; GIVEN a changed template THEN another', () => {
    const hash = (template: string) => {
      const { stack, api, mock } = fixture();
      mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT, responseTemplates: { '$default': template } });
      api.addRoute('$default', { integration: mock });
      api.deploy('prod');
      return only(synth(stack), 'aws_apigatewayv2_deployment').triggers.redeployment;
    };
    expect(hash('a')).toBe(hash('a'));
    expect(hash('a')).not.toBe(hash('b'));
  });

  test.each([
    ['fromStatusCode(99)', () => IntegrationResponseKey.fromStatusCode(99), /IntegrationResponseKey.fromStatusCode: invalid statusCode 99: a whole number from 100 to 599/],
    ['fromStatusCode(600)', () => IntegrationResponseKey.fromStatusCode(600), /invalid statusCode 600/],
    ['fromStatusCode(404.5)', () => IntegrationResponseKey.fromStatusCode(404.5), /invalid statusCode 404.5/],
    ['a pattern that does not compile', () => IntegrationResponseKey.fromPattern('(4\\d{2}'), /IntegrationResponseKey.fromPattern: invalid pattern "\(4\\\\d\{2\}": it is not a Java regular expression/],
    ['a pattern with its slashes', () => IntegrationResponseKey.fromPattern('/404/'), /give the pattern without the enclosing slashes/],
    ['duplicate integration response keys', () => { const { mock } = fixture(); mock.addResponse({ integrationResponseKey: IntegrationResponseKey.fromStatusCode(404) }); mock.addResponse({ integrationResponseKey: IntegrationResponseKey.fromStatusCode(404) }); }, /Mock\/Response_%2F404%2F: invalid integrationResponseKey "\/404\/": the integration already has a response with this key/],
    ['response parameters', () => fixture().mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT, responseParameters: { a: 'b' } }), /invalid responseParameters \{"a":"b"\}: aws_apigatewayv2_integration_response has no response_parameters argument/],
    ['duplicate route keys', () => { const { api } = fixture(); api.addRoute('send'); api.addRoute('send'); }, /Ws\/Route_send: invalid routeKey "send": the API already has a route with this key/],
    ['a reserved route key', () => fixture().api.addRoute('$send'), /invalid routeKey "\$send": keys starting with "\$" are reserved: \$connect, \$disconnect, \$default/],
    ['an empty route key', () => fixture().api.addRoute(''), /invalid routeKey "": a route key is required/],
    ['a route response key other than $default', () => fixture().api.addRoute('send').addResponse({ routeResponseKey: '200' }), /Route_send\/Response_200: invalid routeResponseKey "200": WebSocket APIs accept only the route response key \$default/],
    ['a route response selection expression other than $default', () => fixture().api.addRoute('send', { routeResponseSelectionExpression: '$request.body.x' }), /invalid routeResponseSelectionExpression "\$request.body.x": WebSocket APIs accept only \$default/],
    ['authorization on a route other than $connect', () => fixture().api.addRoute('send', { authorizationType: AuthorizationType.IAM }), /invalid authorizationType "AWS_IAM": WebSocket APIs authorize connections on the \$connect route only/],
    ['CUSTOM authorization without authorizer', () => fixture().api.addRoute('$connect', { authorizationType: AuthorizationType.CUSTOM }), /invalid authorizerId undefined: CUSTOM authorization needs the ID of a Lambda authorizer/],
    ['an HTTP integration without URI', () => fixture().api.addIntegration('H', { type: IntegrationType.HTTP, integrationMethod: 'GET' }), /Ws\/H: invalid integrationUri undefined: a HTTP integration needs the URI of its backend/],
    ['an HTTP_PROXY integration without method', () => fixture().api.addIntegration('H', { type: IntegrationType.HTTP_PROXY, integrationUri: 'https://x.example' }), /invalid integrationMethod undefined: a HTTP_PROXY integration needs the HTTP method/],
    ['an AWS_PROXY integration with a URL', () => fixture().api.addIntegration('L', { type: IntegrationType.AWS_PROXY, integrationUri: 'https://x.example' }), /invalid integrationUri "https:\/\/x.example": a AWS_PROXY integration's URI is an ARN/],
    ['a MOCK integration with a URI', () => fixture().api.addIntegration('M2', { type: IntegrationType.MOCK, integrationUri: 'https://x.example' }), /invalid integrationUri "https:\/\/x.example": a MOCK integration calls no backend/],
    ['an unknown integration type', () => fixture().api.addIntegration('X', { type: 'VPC' as websocket.IntegrationType }), /invalid type "VPC": allowed values are MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY/],
    ['an unknown content handling strategy', () => fixture().mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT, contentHandlingStrategy: 'CONVERT' as websocket.ContentHandlingStrategy }), /invalid contentHandlingStrategy "CONVERT": allowed values are CONVERT_TO_BINARY, CONVERT_TO_TEXT/],
    ['a timeout over 29 seconds', () => fixture().api.addIntegration('T', { type: IntegrationType.MOCK, timeoutMilliseconds: 30000 }), /invalid timeoutMilliseconds 30000: must be a whole number from 50 to 29000/],
    ['a route selection expression without $request', () => new WebSocketApi(newStack(), 'W', { name: 'x', routeSelectionExpression: 'action' }), /W: invalid routeSelectionExpression "action": a selection expression such as \$request.body.action/],
    ['a stage name with a space', () => { const { api } = fixture(); api.addRoute('$default'); api.deploy('pro d'); }, /invalid stageName "pro d"/],
  ])('GIVEN %s THEN a ValidationError', (_what, act, message) => {
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(message);
  });

  test('GIVEN a deployment of an API without routes WHEN synthesized THEN the error says so', () => {
    const { stack, api } = fixture();
    api.deploy('prod');
    expect(() => synth(stack)).toThrow(/the WebSocket API chat has no routes, and API Gateway cannot deploy an API without routes/);
  });

  test('GIVEN importFrom on every construct THEN import blocks carry the IDs', () => {
    const { stack, api, mock } = fixture();
    api.importFrom('a1');
    mock.importFrom(ImportId.integration('a1', 'i1'));
    mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT }).importFrom(ImportId.integrationResponse('a1', 'i1', 'r1'));
    const route = api.addRoute('send', { integration: mock });
    route.importFrom(ImportId.route('a1', 'ro1'));
    route.addResponse({ routeResponseKey: '$default' }).importFrom(ImportId.routeResponse('a1', 'ro1', 'rr1'));
    const stage = api.deploy('prod');
    stage.importFrom(ImportId.stage('a1', 'prod'));
    const ids = (synth(stack) as any).import.map((i: any) => i.id).sort();
    expect(ids).toEqual(['a1', 'a1/i1', 'a1/i1/r1', 'a1/prod', 'a1/ro1', 'a1/ro1/rr1']);
  });
});

describe('websocket.ImportId', () => {
  const id = fc.stringMatching(/^[a-z0-9]{1,10}$/);
  test('property: every format/parse pair round-trips', () => {
    fc.assert(fc.property(id, id, id, (a, b, c) => {
      expect(ImportId.parseApi(ImportId.api(a))).toEqual({ apiId: a });
      expect(ImportId.parseRoute(ImportId.route(a, b))).toEqual({ apiId: a, routeId: b });
      expect(ImportId.parseIntegration(ImportId.integration(a, b))).toEqual({ apiId: a, integrationId: b });
      expect(ImportId.parseIntegrationResponse(ImportId.integrationResponse(a, b, c))).toEqual({ apiId: a, integrationId: b, integrationResponseId: c });
      expect(ImportId.parseRouteResponse(ImportId.routeResponse(a, b, c))).toEqual({ apiId: a, routeId: b, routeResponseId: c });
      expect(ImportId.parseDeployment(ImportId.deployment(a, b))).toEqual({ apiId: a, deploymentId: b });
      expect(ImportId.parseStage(ImportId.stage(a, b))).toEqual({ apiId: a, stageName: b });
    }));
  });

  test('the documented example', () => {
    expect(ImportId.integrationResponse('aabbccddee', '1122334', 'ffgghh')).toBe('aabbccddee/1122334/ffgghh');
  });

  test.each([
    ['two segments for an integration response', () => ImportId.parseIntegrationResponse('a/b'), /websocket.ImportId.parseIntegrationResponse: invalid import ID "a\/b": it has 2 segment\(s\).*API-ID\/INTEGRATION-ID\/INTEGRATION-RESPONSE-ID/],
    ['an empty route ID', () => ImportId.parseRoute('a/'), /ROUTE-ID is empty; expected format API-ID\/ROUTE-ID/],
    ['a slash in an ID', () => ImportId.stage('a/b', 'prod'), /websocket.ImportId.stage: cannot build an import ID: API-ID "a\/b" contains a slash/],
  ])('GIVEN %s THEN a ValidationError', (_what, act, message) => {
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(message);
  });
});
