import { Apigatewayv2Model } from '@cdktf/provider-aws/lib/apigatewayv2-model';
import { Fn, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Deployment as RestDeployment, Integration as RestIntegration, MockIntegration, RestApi, Stage as RestStage, ValidationError, websocket } from '../../lib';
import { buildGraph, TfJson, websocketOrderingProblems } from '../support/graph';
import { newStack, only, resourcesOf, synth } from '../support/synth';

const {
  WebSocketApi, Route, Integration, IntegrationResponse, IntegrationResponseKey, RouteResponse, Deployment, Stage, IntegrationType,
  ContentHandlingStrategy, AuthorizationType,
} = websocket;
type WebSocketApi = websocket.WebSocketApi;
type Route = websocket.Route;
type Integration = websocket.Integration;
type Stage = websocket.Stage;

/** The synthesized JSON text of a stack, validations included, as `cdktf synth` writes it. */
const jsonText = (stack: TerraformStack): string => Testing.synth(stack, true);

/** The error a call throws; fails the test when it throws nothing. */
function errorOf(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

/** `type.name` of a Terraform resource, or of the one a construct keeps as its default child. */
function addressOf(construct: IConstruct): string {
  const resource = (TerraformResource.isTerraformResource(construct) ? construct : construct.node.defaultChild) as TerraformResource;
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** Addresses of the resources a WebSocket deployment must follow: every route, integration and response. */
function deployedAddresses(json: TfJson): string[] {
  return ['aws_apigatewayv2_route', 'aws_apigatewayv2_route_response', 'aws_apigatewayv2_integration', 'aws_apigatewayv2_integration_response']
    .flatMap((type) => Object.keys(resourcesOf(json, type)).map((name) => `${type}.${name}`))
    .sort();
}

const deploymentOf = (json: TfJson) => only(json, 'aws_apigatewayv2_deployment');
const triggerOf = (json: TfJson): string => deploymentOf(json).triggers.redeployment;
const dependsOnOf = (json: TfJson): string[] => [...(deploymentOf(json).depends_on as string[])].sort();

/** Members the API still holds whose construct is no longer in the construct tree. */
function danglingMembers(api: WebSocketApi): string[] {
  const inTree = new Set<IConstruct>(api.node.root.node.findAll());
  return api._members.all().filter((m) => !inTree.has(m.construct)).map((m) => m.construct.node.path);
}

type WsConstruct = 'Route' | 'Integration' | 'IntegrationResponse' | 'RouteResponse' | 'Deployment' | 'Stage';
const WS_CONSTRUCTS: WsConstruct[] = ['Route', 'Integration', 'IntegrationResponse', 'RouteResponse', 'Deployment', 'Stage'];

/**
 * A small chat API built with the add* methods, except for the kinds of construct listed in
 * `viaConstructor`, which are built with `new X(scope, id, props)` under the scope and ID that
 * the add* method uses.
 */
function buildChat(stack: TerraformStack, viaConstructor: ReadonlySet<WsConstruct>): WebSocketApi {
  const ctor = (c: WsConstruct) => viaConstructor.has(c);
  const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
  const integration = (id: string, options: websocket.IntegrationOptions) =>
    ctor('Integration') ? new Integration(api, id, { ...options, api }) : api.addIntegration(id, options);
  const route = (id: string, routeKey: string, options: websocket.RouteOptions = {}) =>
    ctor('Route') ? new Route(api, id, { ...options, api, routeKey }) : api.addRoute(routeKey, options);
  const integrationResponse = (i: Integration, id: string, options: websocket.IntegrationResponseOptions) =>
    ctor('IntegrationResponse') ? new IntegrationResponse(i, id, { ...options, integration: i }) : i.addResponse(options);
  const routeResponse = (r: Route, id: string, options: websocket.RouteResponseOptions) =>
    ctor('RouteResponse') ? new RouteResponse(r, id, { ...options, route: r }) : r.addResponse(options);
  const stage = (stageName: string, options: websocket.StageOptions = {}): Stage =>
    ctor('Stage') && api.deployment ? new Stage(api, `Stage_${stageName}`, { ...options, deployment: api.deployment, stageName }) : api.deploy(stageName, options);

  const mock = integration('Mock', {
    type: IntegrationType.MOCK,
    requestTemplates: { '$default': '{"statusCode": 200}' },
    templateSelectionExpression: '\\$default',
  });
  const backend = integration('Backend', { type: IntegrationType.HTTP, integrationUri: 'https://example.com/chat/${stageVariables.room}', integrationMethod: 'post' });
  integrationResponse(mock, 'Response_$default', {
    integrationResponseKey: IntegrationResponseKey.DEFAULT,
    responseTemplates: { '$default': '{"message": "sent"}' },
    templateSelectionExpression: '\\$default',
    contentHandlingStrategy: ContentHandlingStrategy.CONVERT_TO_TEXT,
  });
  integrationResponse(backend, 'Response_%2F404%2F', { integrationResponseKey: IntegrationResponseKey.fromStatusCode(404) });
  integrationResponse(backend, 'Response_%2F5\\d{2}%2F', { integrationResponseKey: IntegrationResponseKey.fromPattern('5\\d{2}') });

  route('Route_$connect', '$connect', { integration: mock, authorizationType: AuthorizationType.IAM });
  route('Route_$default', '$default', { integration: mock });
  const send = route('Route_chat%2Fsend', 'chat/send', { integration: backend, operationName: 'Send' });
  route('Route_tag%231', 'tag#1', { integration: backend });
  route('Route_100%25', '100%', { integration: backend });
  routeResponse(send, 'Response_$default', { routeResponseKey: '$default', responseModels: { '$default': 'Message' }, modelSelectionExpression: '$default' });

  if (ctor('Deployment')) new Deployment(api, 'Deployment', { api });
  stage('prod', { description: 'production' });
  stage('dev', { variables: { room: 'dev' }, throttlingRateLimit: 5 });
  return api;
}

describe('constructor and add* forms', () => {
  let reference: string;
  beforeAll(() => {
    const stack = newStack();
    buildChat(stack, new Set());
    reference = jsonText(stack);
  });

  test('GIVEN the add* form THEN the reference API has every construct, escaped route IDs and a valid graph', () => {
    const json = JSON.parse(reference) as TfJson;
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_route')).map((r) => r.route_key).sort())
      .toEqual(['$connect', '$default', '100%', 'chat/send', 'tag#1']);
    expect(Object.keys(resourcesOf(json, 'aws_apigatewayv2_integration'))).toHaveLength(2);
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_integration_response')).map((r) => r.integration_response_key).sort())
      .toEqual(['$default', '/404/', '/5\\d{2}/']);
    expect(Object.keys(resourcesOf(json, 'aws_apigatewayv2_route_response'))).toHaveLength(1);
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_stage')).map((s) => s.name).sort()).toEqual(['dev', 'prod']);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(websocketOrderingProblems(json)).toEqual([]);
  });

  test('GIVEN the add* form THEN route and response IDs escape %, / and # in their keys', () => {
    const stack = newStack();
    const api = buildChat(stack, new Set());
    expect(api.routes.map((r) => r.node.id)).toEqual(['Route_$connect', 'Route_$default', 'Route_chat%2Fsend', 'Route_tag%231', 'Route_100%25']);
    const backend = api.node.findChild('Backend') as Integration;
    expect(backend.responses.map((r) => r.node.id)).toEqual(['Response_%2F404%2F', 'Response_%2F5\\d{2}%2F']);
  });

  test.each(WS_CONSTRUCTS)('GIVEN the API built with new websocket.%s(...) under the add* scope and ID WHEN synthesized THEN the JSON is byte-identical', (kind) => {
    const stack = newStack();
    buildChat(stack, new Set([kind]));
    expect(jsonText(stack)).toBe(reference);
  });

  test('GIVEN every construct built with its constructor WHEN synthesized THEN the JSON is byte-identical to the add* form', () => {
    const stack = newStack();
    buildChat(stack, new Set(WS_CONSTRUCTS));
    expect(jsonText(stack)).toBe(reference);
  });
});

/** A chat API with a mock integration (default response) and a $default route to it. */
function fixture() {
  const stack = newStack();
  const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
  const mock = api.addIntegration('Mock', { type: IntegrationType.MOCK });
  mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT });
  const route = api.addRoute('$default', { integration: mock });
  route.addResponse({ routeResponseKey: '$default' });
  return { stack, api, mock, route };
}
type Fixture = ReturnType<typeof fixture>;

const sendOf = (f: Fixture): Route => f.api.routes.find((r) => r.routeKey === 'send')!;

interface ErrorCase {
  readonly bad: string;
  readonly prep?: (f: Fixture) => void;
  readonly viaAdd: (f: Fixture) => unknown;
  readonly viaNew: (f: Fixture) => unknown;
  /** Path of the construct the add* call would have made, and of the one the constructor call makes. */
  readonly paths: [string, string];
  readonly message: RegExp;
}

const ERROR_CASES: ErrorCase[] = [
  {
    bad: 'a duplicate route key',
    viaAdd: (f) => f.api.addRoute('$default'),
    viaNew: (f) => new Route(f.api, 'Fallback', { api: f.api, routeKey: '$default' }),
    paths: ['stack/Ws/Route_$default', 'stack/Ws/Fallback'],
    message: /invalid routeKey "\$default": the API already has a route with this key; each route key is used once/,
  },
  {
    bad: 'a reserved route key',
    viaAdd: (f) => f.api.addRoute('$send'),
    viaNew: (f) => new Route(f.api, 'Route_$send', { api: f.api, routeKey: '$send' }),
    paths: ['stack/Ws/Route_$send', 'stack/Ws/Route_$send'],
    message: /invalid routeKey "\$send": keys starting with "\$" are reserved/,
  },
  {
    bad: 'authorization on a route other than $connect',
    viaAdd: (f) => f.api.addRoute('chat/send', { authorizationType: AuthorizationType.IAM }),
    viaNew: (f) => new Route(f.api, 'Route_chat%2Fsend', { api: f.api, routeKey: 'chat/send', authorizationType: AuthorizationType.IAM }),
    paths: ['stack/Ws/Route_chat%2Fsend', 'stack/Ws/Route_chat%2Fsend'],
    message: /invalid authorizationType "AWS_IAM": WebSocket APIs authorize connections on the \$connect route only/,
  },
  {
    bad: 'a route targeting the integration of another API',
    viaAdd: (f) => f.api.addRoute('send', { integration: new WebSocketApi(f.stack, 'Other', { name: 'o' }).addIntegration('M', { type: IntegrationType.MOCK }) }),
    viaNew: (f) => new Route(f.api, 'Route_send', {
      api: f.api, routeKey: 'send', integration: new WebSocketApi(f.stack, 'Other', { name: 'o' }).addIntegration('M', { type: IntegrationType.MOCK }),
    }),
    paths: ['stack/Ws/Route_send', 'stack/Ws/Route_send'],
    message: /invalid integration "stack\/Other\/M": a route can only target an integration of its own API/,
  },
  {
    bad: 'an HTTP integration whose URI is not a URL',
    viaAdd: (f) => f.api.addIntegration('Http', { type: IntegrationType.HTTP, integrationUri: 'not a url', integrationMethod: 'GET' }),
    viaNew: (f) => new Integration(f.api, 'Http', { api: f.api, type: IntegrationType.HTTP, integrationUri: 'not a url', integrationMethod: 'GET' }),
    paths: ['stack/Ws/Http', 'stack/Ws/Http'],
    message: /invalid integrationUri "not a url": a HTTP integration's URI is an http:\/\/ or https:\/\/ URL/,
  },
  {
    bad: 'a duplicate integration response key',
    viaAdd: (f) => f.mock.addResponse({ integrationResponseKey: IntegrationResponseKey.DEFAULT }),
    viaNew: (f) => new IntegrationResponse(f.mock, 'Fallback', { integration: f.mock, integrationResponseKey: IntegrationResponseKey.DEFAULT }),
    paths: ['stack/Ws/Mock/Response_$default', 'stack/Ws/Mock/Fallback'],
    message: /invalid integrationResponseKey "\$default": the integration already has a response with this key/,
  },
  {
    bad: 'integration response parameters',
    viaAdd: (f) => f.mock.addResponse({ integrationResponseKey: IntegrationResponseKey.fromStatusCode(404), responseParameters: { a: 'b' } }),
    viaNew: (f) => new IntegrationResponse(f.mock, 'Response_%2F404%2F', {
      integration: f.mock, integrationResponseKey: IntegrationResponseKey.fromStatusCode(404), responseParameters: { a: 'b' },
    }),
    paths: ['stack/Ws/Mock/Response_%2F404%2F', 'stack/Ws/Mock/Response_%2F404%2F'],
    message: /invalid responseParameters \{"a":"b"\}: aws_apigatewayv2_integration_response has no response_parameters argument/,
  },
  {
    bad: 'an integration response key that is no IntegrationResponseKey',
    viaAdd: (f) => f.mock.addResponse({ integrationResponseKey: '/404/' as unknown as websocket.IntegrationResponseKey }),
    viaNew: (f) => new IntegrationResponse(f.mock, 'Response_#1', { integration: f.mock, integrationResponseKey: '/404/' as unknown as websocket.IntegrationResponseKey }),
    paths: ['stack/Ws/Mock/Response_#1', 'stack/Ws/Mock/Response_#1'],
    message: /invalid integrationResponseKey "\/404\/": an IntegrationResponseKey/,
  },
  {
    bad: 'a route response key other than $default',
    prep: (f) => f.api.addRoute('send'),
    viaAdd: (f) => sendOf(f).addResponse({ routeResponseKey: '200' }),
    viaNew: (f) => new RouteResponse(sendOf(f), 'Response_200', { route: sendOf(f), routeResponseKey: '200' }),
    paths: ['stack/Ws/Route_send/Response_200', 'stack/Ws/Route_send/Response_200'],
    message: /invalid routeResponseKey "200": WebSocket APIs accept only the route response key \$default/,
  },
  {
    bad: 'a second route response',
    viaAdd: (f) => f.route.addResponse({ routeResponseKey: '$default' }),
    viaNew: (f) => new RouteResponse(f.route, 'Again', { route: f.route, routeResponseKey: '$default' }),
    paths: ['stack/Ws/Route_$default/Response_$default', 'stack/Ws/Route_$default/Again'],
    message: /invalid routeResponseKey "\$default": the route already has a response with this key/,
  },
  {
    bad: 'a stage name with a space',
    prep: (f) => new Deployment(f.api, 'Deployment', { api: f.api }),
    viaAdd: (f) => f.api.deploy('pro d'),
    viaNew: (f) => new Stage(f.api, 'Stage_pro d', { deployment: f.api.deployment!, stageName: 'pro d' }),
    paths: ['stack/Ws/Stage_pro d', 'stack/Ws/Stage_pro d'],
    message: /invalid stageName "pro d"/,
  },
  {
    bad: 'a stage name in use',
    prep: (f) => f.api.deploy('prod'),
    viaAdd: (f) => f.api.deploy('prod'),
    viaNew: (f) => new Stage(f.api, 'Production', { deployment: f.api.deployment!, stageName: 'prod' }),
    paths: ['stack/Ws/Stage_prod', 'stack/Ws/Production'],
    message: /invalid stageName "prod": the API already has a stage with this name/,
  },
];

describe('both forms reject the same bad input', () => {
  const prepared = (c: ErrorCase) => {
    const f = fixture();
    c.prep?.(f);
    return f;
  };

  test.each(ERROR_CASES.map((c) => [c.bad, c] as const))('GIVEN %s WHEN added and WHEN constructed THEN both throw the same ValidationError', (_, c) => {
    const viaAdd = errorOf(() => c.viaAdd(prepared(c)));
    const viaNew = errorOf(() => c.viaNew(prepared(c)));
    expect(viaAdd).toBeInstanceOf(ValidationError);
    expect(viaNew).toBeInstanceOf(ValidationError);
    expect(viaAdd.message).toMatch(c.message);
    expect(viaAdd.message.startsWith(`${c.paths[0]}:`)).toBe(true);
    expect(viaNew.message.startsWith(`${c.paths[1]}:`)).toBe(true);
    expect(viaNew.message.slice(c.paths[1].length)).toBe(viaAdd.message.slice(c.paths[0].length));
  });

  test.each(ERROR_CASES.flatMap((c) => [['add*', c.bad, c, c.viaAdd], ['constructor', c.bad, c, c.viaNew]] as const))(
    'GIVEN the %s form refusing %s THEN the construct tree, the API members and the JSON are as if the call had not been made', (_, __, c, call) => {
      const paths = (f: Fixture) => f.stack.node.findAll().map((n) => n.node.path).filter((p) => !p.startsWith('stack/Other'));
      const members = (f: Fixture) => f.api._members.all().map((m) => m.construct.node.path);
      const reference = prepared(c);
      const refused = prepared(c);
      expect(() => call(refused)).toThrow(ValidationError);
      expect(paths(refused)).toEqual(paths(reference));
      expect(members(refused)).toEqual(members(reference));
      for (const f of [reference, refused]) {
        f.stack.node.tryRemoveChild('Other'); // the other API some cases build for their integration
        if (!f.api.deployment?.stages.length) f.api.deploy('final');
      }
      expect(jsonText(refused.stack)).toBe(jsonText(reference.stack));
    });

  test('GIVEN an API without routes WHEN deployed with deploy() and WHEN with new Deployment/new Stage THEN synth fails with the same message', () => {
    const build = (viaAdd: boolean) => {
      const stack = newStack();
      const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
      if (viaAdd) api.deploy('prod');
      else new Stage(api, 'Stage_prod', { deployment: new Deployment(api, 'Deployment', { api }), stageName: 'prod' });
      return errorOf(() => jsonText(stack)).message;
    };
    expect(build(true)).toMatch(/the WebSocket API chat has no routes/);
    expect(build(false)).toBe(build(true));
  });

  test('GIVEN a token route key WHEN given to addRoute THEN a ValidationError points to new Route with an ID of your choosing, and that works', () => {
    const { stack, api, mock } = fixture();
    const key = new TerraformVariable(stack, 'key', { type: 'string' });
    for (const token of [key.stringValue, Fn.lower('SEND')]) {
      const error = errorOf(() => api.addRoute(token, { integration: mock }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^stack\/Ws\/Route: invalid routeKey .*given as a token needs a construct ID of your choosing.*new Route\(api, 'Send', \{ api, routeKey \}\)/);
    }
    expect(api.routes.map((r) => r.routeKey)).toEqual(['$default']);
    new Route(api, 'Send', { api, routeKey: key.stringValue, integration: mock });
    api.deploy('prod');
    const json = synth(stack);
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_route')).map((r) => r.route_key).sort()).toEqual(['$default', '${var.key}']);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
  });

  test('GIVEN a token stage name WHEN given to deploy THEN a ValidationError points to new websocket.Stage, and no deployment is left behind', () => {
    const { stack, api } = fixture();
    const name = new TerraformVariable(stack, 'stage', { type: 'string' });
    expect(() => api.deploy(name.stringValue)).toThrow(/given as a token needs a construct ID of your choosing.*new websocket.Stage\(api, 'Prod', \{ deployment, stageName \}\)/);
    expect(api.deployment).toBeUndefined();
    new Stage(api, 'Prod', { deployment: new Deployment(api, 'Deployment', { api }), stageName: name.stringValue });
    expect(only(synth(stack), 'aws_apigatewayv2_stage').name).toBe('${var.stage}');
  });
});

describe('a failed constructor leaves nothing behind', () => {
  function settle(f: Fixture): TfJson {
    if (!f.api.deployment) f.api.deploy('prod');
    const json = synth(f.stack);
    buildGraph(json); // throws on a depends_on entry the stack does not define
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(danglingMembers(f.api)).toEqual([]);
    expect(websocketOrderingProblems(json)).toEqual([]);
    return json;
  }
  const countOf = (json: TfJson, type: string) => Object.keys(resourcesOf(json, type)).length;

  test('GIVEN new Route targeting another API\'s integration WHEN corrected with the same ID THEN one route targeting the right integration', () => {
    const f = fixture();
    const other = new WebSocketApi(f.stack, 'Other', { name: 'other' });
    const foreign = other.addIntegration('Mock', { type: IntegrationType.MOCK });
    expect(() => new Route(f.api, 'Route_send', { api: f.api, routeKey: 'send', integration: foreign })).toThrow(ValidationError);
    expect(f.api.routes.map((r) => r.routeKey)).toEqual(['$default']);
    expect(f.api.node.tryFindChild('Route_send')).toBeUndefined();
    const send = new Route(f.api, 'Route_send', { api: f.api, routeKey: 'send', integration: f.mock });
    expect(f.api.routes).toContain(send);
    expect(() => f.api.addRoute('send')).toThrow(/the API already has a route with this key/);
    f.stack.node.tryRemoveChild('Other');
    const json = settle(f);
    expect(countOf(json, 'aws_apigatewayv2_route')).toBe(2);
  });

  test('GIVEN new Integration with a bad URI WHEN corrected with the same ID THEN one integration', () => {
    const f = fixture();
    expect(() => new Integration(f.api, 'Backend', { api: f.api, type: IntegrationType.HTTP_PROXY, integrationUri: 'nope', integrationMethod: 'POST' }))
      .toThrow(/^stack\/Ws\/Backend: invalid integrationUri "nope"/);
    const backend = new Integration(f.api, 'Backend', { api: f.api, type: IntegrationType.HTTP_PROXY, integrationUri: 'https://example.com', integrationMethod: 'POST' });
    f.api.addRoute('send', { integration: backend });
    const json = settle(f);
    expect(countOf(json, 'aws_apigatewayv2_integration')).toBe(2);
  });

  test('GIVEN new IntegrationResponse with response parameters WHEN corrected with the same ID THEN one such response', () => {
    const f = fixture();
    const props = (responseParameters?: { [k: string]: string }) => ({
      integration: f.mock, integrationResponseKey: IntegrationResponseKey.fromStatusCode(404), responseParameters,
    });
    expect(() => new IntegrationResponse(f.mock, 'Response_%2F404%2F', props({ a: 'b' }))).toThrow(ValidationError);
    expect(f.mock.responses.map((r) => r.integrationResponseKey.key)).toEqual(['$default']);
    new IntegrationResponse(f.mock, 'Response_%2F404%2F', props());
    expect(() => f.mock.addResponse({ integrationResponseKey: IntegrationResponseKey.fromStatusCode(404) })).toThrow(/already has a response with this key/);
    const json = settle(f);
    expect(Object.values(resourcesOf(json, 'aws_apigatewayv2_integration_response')).map((r) => r.integration_response_key).sort()).toEqual(['$default', '/404/']);
  });

  test('GIVEN new RouteResponse with a bad key WHEN corrected with the same ID THEN one route response', () => {
    const f = fixture();
    const send = f.api.addRoute('send', { integration: f.mock });
    expect(() => new RouteResponse(send, 'Response_$default', { route: send, routeResponseKey: '$other' })).toThrow(ValidationError);
    expect(send.responses).toEqual([]);
    new RouteResponse(send, 'Response_$default', { route: send, routeResponseKey: '$default' });
    const json = settle(f);
    expect(countOf(json, 'aws_apigatewayv2_route_response')).toBe(2);
    const sendRoute = resourcesOf(json, 'aws_apigatewayv2_route')[addressOf(send).split('.')[1]];
    expect(sendRoute.route_response_selection_expression).toBe('$default');
  });

  test('GIVEN new Stage with a bad name WHEN corrected with the same ID THEN one stage on the deployment', () => {
    const f = fixture();
    const deployment = new Deployment(f.api, 'Deployment', { api: f.api });
    expect(() => new Stage(f.api, 'Stage_prod', { deployment, stageName: 'pro d' })).toThrow(ValidationError);
    expect(deployment.stages).toEqual([]);
    const stage = new Stage(f.api, 'Stage_prod', { deployment, stageName: 'prod' });
    expect(deployment.stages).toEqual([stage]);
    const json = settle(f);
    expect(only(json, 'aws_apigatewayv2_stage').name).toBe('prod');
  });

  test('GIVEN new Deployment with something else than a WebSocketApi WHEN corrected with the same ID THEN it deploys the API', () => {
    const f = fixture();
    expect(() => new Deployment(f.api, 'Deployment', { api: f.route as unknown as WebSocketApi })).toThrow(/^stack\/Ws\/Deployment: invalid api/);
    const deployment = new Deployment(f.api, 'Deployment', { api: f.api });
    expect(f.api.deployment).toBe(deployment);
    f.api.deploy('prod');
    const json = settle(f);
    expect(only(json, 'aws_apigatewayv2_stage').deployment_id).toBe(`\${${addressOf(deployment)}.id}`);
  });

  test('GIVEN new WebSocketApi with a bad route selection expression WHEN corrected with the same ID THEN one API', () => {
    const stack = newStack();
    expect(() => new WebSocketApi(stack, 'Ws', { name: 'chat', routeSelectionExpression: 'action' })).toThrow(/^stack\/Ws: invalid routeSelectionExpression/);
    expect(stack.node.tryFindChild('Ws')).toBeUndefined();
    new WebSocketApi(stack, 'Ws', { name: 'chat' });
    expect(only(synth(stack), 'aws_apigatewayv2_api').name).toBe('chat');
  });
});

describe('constructs outside the API subtree', () => {
  function deployed(extra: (f: Fixture) => void = () => undefined): { f: Fixture; json: TfJson } {
    const f = fixture();
    extra(f);
    if (!f.api.deployment?.stages.length) f.api.deploy('prod');
    const json = synth(f.stack);
    expect(websocketOrderingProblems(json)).toEqual([]);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    return { f, json };
  }
  const baseline = () => triggerOf(deployed().json);

  test('GIVEN new Route(stack, ...) THEN the deployment follows it and its configuration changes the hash', () => {
    const build = (operationName: string) => deployed((f) => new Route(f.stack, 'Send', { api: f.api, routeKey: 'send', integration: f.mock, operationName }));
    const { f, json } = build('Send');
    const send = f.stack.node.findChild('Send');
    expect(f.api.routes).toContain(send);
    expect(dependsOnOf(json)).toContain(addressOf(send));
    expect(triggerOf(json)).not.toBe(baseline());
    expect(triggerOf(build('Post').json)).not.toBe(triggerOf(json));
    expect(triggerOf(build('Send').json)).toBe(triggerOf(json));
  });

  test('GIVEN new Integration(stack, ...) targeted by a route THEN the deployment follows it and its templates change the hash', () => {
    const build = (template: string) => deployed((f) => {
      const external = new Integration(f.stack, 'External', { api: f.api, type: IntegrationType.MOCK, requestTemplates: { '$default': template } });
      f.api.addRoute('send', { integration: external });
    });
    const { f, json } = build('{"statusCode": 200}');
    expect(dependsOnOf(json)).toContain(addressOf(f.stack.node.findChild('External')));
    expect(triggerOf(build('{"statusCode": 201}').json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new IntegrationResponse(stack, ...) THEN the deployment follows it and its templates change the hash', () => {
    const build = (template: string) => deployed((f) => new IntegrationResponse(f.stack, 'NotFound', {
      integration: f.mock, integrationResponseKey: IntegrationResponseKey.fromStatusCode(404), responseTemplates: { '$default': template },
    }));
    const { f, json } = build('{}');
    expect(f.mock.responses.map((r) => r.node.path)).toEqual(['stack/Ws/Mock/Response_$default', 'stack/NotFound']);
    expect(dependsOnOf(json)).toContain(addressOf(f.stack.node.findChild('NotFound')));
    expect(triggerOf(json)).not.toBe(baseline());
    expect(triggerOf(build('{"error": 404}').json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new RouteResponse(stack, ...) THEN the deployment follows it and its models change the hash', () => {
    const build = (model: string) => deployed((f) => {
      const send = f.api.addRoute('send', { integration: f.mock });
      new RouteResponse(f.stack, 'Reply', { route: send, routeResponseKey: '$default', responseModels: { '$default': model }, modelSelectionExpression: '$default' });
    });
    const { f, json } = build('Message');
    expect(dependsOnOf(json)).toContain(addressOf(f.stack.node.findChild('Reply')));
    expect(triggerOf(build('Other').json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new Deployment(stack, ...) and new Stage(stack, ...) THEN deploy() reuses the deployment and both stages point at it', () => {
    const { f, json } = deployed((g) => {
      const deployment = new Deployment(g.stack, 'Release', { api: g.api });
      new Stage(g.stack, 'Dev', { deployment, stageName: 'dev' });
      g.api.deploy('prod');
    });
    const release = f.stack.node.findChild('Release');
    expect(Object.keys(resourcesOf(json, 'aws_apigatewayv2_deployment'))).toEqual([addressOf(release).split('.')[1]]);
    const stages = Object.values(resourcesOf(json, 'aws_apigatewayv2_stage'));
    expect(stages.map((s) => s.name).sort()).toEqual(['dev', 'prod']);
    for (const s of stages) expect(s.deployment_id).toBe(`\${${addressOf(release)}.id}`);
    expect(() => f.api.deploy('dev')).toThrow(/invalid stageName "dev": the API already has a stage with this name/);
    expect(triggerOf(json)).toBe(baseline());
  });
});

describe('deployment.watch', () => {
  function build(schema: string) {
    const stack = newStack();
    const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
    api.addRoute('$default', { integration: api.addIntegration('Mock', { type: IntegrationType.MOCK }) });
    const stage = api.deploy('prod');
    const model = new Apigatewayv2Model(stack, 'Message', { apiId: api.apiId, contentType: 'application/json', name: 'Message', schema });
    stage.deployment.watch(model);
    return { json: synth(stack), model };
  }
  const schema = (type: string) => JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type });

  test('GIVEN a watched model THEN depends_on lists it, its configuration changes the trigger, and the same program keeps it', () => {
    const a = build(schema('object'));
    expect(dependsOnOf(a.json)).toEqual([...deployedAddresses(a.json), addressOf(a.model)].sort());
    expect(triggerOf(build(schema('object')).json)).toBe(triggerOf(a.json));
    expect(triggerOf(build(schema('string')).json)).not.toBe(triggerOf(a.json));
  });

  test('GIVEN something else than a Terraform resource WHEN watched THEN a ValidationError names the deployment', () => {
    const { api } = fixture();
    const deployment = api.deploy('prod').deployment;
    expect(() => deployment.watch('aws_apigatewayv2_model.x' as unknown as TerraformResource)).toThrow(ValidationError);
    expect(() => deployment.watch({} as unknown as TerraformResource)).toThrow(/^stack\/Ws\/Deployment: invalid watch\(\) resource/);
  });
});

describe('brands', () => {
  const f = fixture();
  const stage = f.api.deploy('prod');
  const rest = new RestApi(f.stack, 'Rest', { name: 'rest' });
  const restMethod = rest.root.addMethod('GET', new MockIntegration());
  const restStage = rest.deploy('prod');
  const instances: { [name: string]: unknown } = {
    WebSocketApi: f.api,
    Route: f.route,
    Integration: f.mock,
    IntegrationResponse: f.mock.responses[0],
    RouteResponse: f.route.responses[0],
    Deployment: stage.deployment,
    Stage: stage,
    IntegrationResponseKey: IntegrationResponseKey.DEFAULT,
    'rest.RestApi': rest,
    'rest.Integration': restMethod.integration,
    'rest.Deployment': restStage.deployment,
    'rest.Stage': restStage,
  };
  const guards: Array<[string, (x: unknown) => boolean]> = [
    ['WebSocketApi', WebSocketApi.isWebSocketApi],
    ['Route', Route.isRoute],
    ['Integration', Integration.isIntegration],
    ['IntegrationResponse', IntegrationResponse.isIntegrationResponse],
    ['RouteResponse', RouteResponse.isRouteResponse],
    ['Deployment', Deployment.isDeployment],
    ['Stage', Stage.isStage],
    ['IntegrationResponseKey', IntegrationResponseKey.isIntegrationResponseKey],
  ];

  test.each(guards)('GIVEN every construct WHEN asked websocket.%s.is... THEN only its own kind answers true', (name, guard) => {
    for (const [other, instance] of Object.entries(instances)) {
      expect([other, guard(instance)]).toEqual([other, other === name]);
    }
    for (const value of [undefined, null, {}, 'Route', 0, f.stack]) expect(guard(value)).toBe(false);
  });

  test.each(guards)('GIVEN a plain object carrying Symbol.for(\'cdktf-apigateway.websocket.%s\') THEN the guard answers true', (name, guard) => {
    expect(guard({ [Symbol.for(`cdktf-apigateway.websocket.${name}`)]: true })).toBe(true);
    expect(guard({ [Symbol.for('cdktf-apigateway.websocket.Other')]: true })).toBe(false);
  });

  test('GIVEN the REST guards THEN they refuse the WebSocket constructs of the same name', () => {
    expect(RestIntegration.isIntegration(f.mock)).toBe(false);
    expect(RestDeployment.isDeployment(stage.deployment)).toBe(false);
    expect(RestStage.isStage(stage)).toBe(false);
    expect(Integration.isIntegration(restMethod.integration)).toBe(false);
  });

  test('GIVEN a second copy of the package THEN its websocket guards recognise the constructs of the first', () => {
    let copy: typeof import('../../lib') | undefined;
    jest.isolateModules(() => {
      copy = require('../../lib');
    });
    expect(copy!.websocket.Route).not.toBe(Route);
    expect(copy!.websocket.Route.isRoute(f.route)).toBe(true);
    expect(copy!.websocket.IntegrationResponseKey.isIntegrationResponseKey(IntegrationResponseKey.fromStatusCode(404))).toBe(true);
    expect(copy!.websocket.Stage.isStage(stage)).toBe(true);
    expect(copy!.websocket.Stage.isStage(f.route)).toBe(false);
  });

  test('GIVEN a key from a second copy of the package WHEN given to addResponse THEN it is accepted', () => {
    let copy: typeof import('../../lib') | undefined;
    jest.isolateModules(() => {
      copy = require('../../lib');
    });
    const { stack, mock, api } = fixture();
    mock.addResponse({ integrationResponseKey: copy!.websocket.IntegrationResponseKey.fromStatusCode(404) });
    api.deploy('prod');
    const keys = Object.values(resourcesOf(synth(stack), 'aws_apigatewayv2_integration_response')).map((r) => r.integration_response_key).sort();
    expect(keys).toEqual(['$default', '/404/']);
  });
});
