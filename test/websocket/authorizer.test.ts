import { ValidationError, websocket } from '../../lib';
import { buildGraph, reaches } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

const { WebSocketApi, IntegrationType, ImportId, LambdaAuthorizer, AuthorizationType } = websocket;

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:connect-auth';
const ROLE = 'arn:aws:iam::123456789012:role/invoke-auth';

function fixture() {
  const stack = newStack();
  const api = new WebSocketApi(stack, 'Ws', { name: 'chat' });
  const connect = api.addIntegration('Connect', { type: IntegrationType.MOCK });
  return { stack, api, connect };
}

describe('websocket.LambdaAuthorizer', () => {
  test('GIVEN the documented props WHEN used on $connect THEN a REQUEST authorizer, the route CUSTOM referencing it, a scoped permission', () => {
    // GIVEN
    const { stack, api, connect } = fixture();
    const auth = new LambdaAuthorizer(stack, 'ConnectAuth', {
      api, functionArn: FN, identitySources: ['route.request.header.Authorization', 'route.request.querystring.token'],
    });
    // WHEN
    api.addRoute('$connect', { integration: connect, authorizer: auth });
    // THEN
    const json = synth(stack);
    expect(only(json, 'aws_apigatewayv2_authorizer')).toEqual({
      api_id: resolve(stack, api.apiId),
      authorizer_type: 'REQUEST',
      name: 'ConnectAuth',
      authorizer_uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FN}/invocations`,
      identity_sources: ['route.request.header.Authorization', 'route.request.querystring.token'],
    });
    expect(only(json, 'aws_apigatewayv2_route')).toEqual(expect.objectContaining({
      route_key: '$connect', authorization_type: 'CUSTOM', authorizer_id: resolve(stack, auth.authorizerId),
    }));
    expect(only(json, 'aws_lambda_permission')).toEqual({
      function_name: FN, action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com',
      source_arn: `${resolve(stack, api.executionArn)}/authorizers/${resolve(stack, auth.authorizerId)}`,
    });
  });

  test('GIVEN no identity sources THEN the Authorization header; GIVEN a role THEN credentials and no permission', () => {
    const { stack, api } = fixture();
    new LambdaAuthorizer(stack, 'A', { api, functionArn: FN, assumeRoleArn: ROLE, name: 'connect' });
    const json = synth(stack);
    expect(only(json, 'aws_apigatewayv2_authorizer')).toEqual(expect.objectContaining({
      name: 'connect', identity_sources: ['route.request.header.Authorization'], authorizer_credentials_arn: ROLE,
    }));
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
  });

  test('GIVEN a deployed API THEN the deployment follows the authorizer and its trigger changes with it', () => {
    const trigger = (sources: string[]) => {
      const { stack, api, connect } = fixture();
      const auth = new LambdaAuthorizer(stack, 'A', { api, functionArn: FN, identitySources: sources });
      api.addRoute('$connect', { integration: connect, authorizer: auth });
      api.deploy('prod');
      const json = synth(stack) as any;
      const graph = buildGraph(json);
      const authorizer = String(resolve(stack, auth.authorizerId)).replace(/^\$\{(.*)\.id\}$/, '$1');
      const deployment = `aws_apigatewayv2_deployment.${Object.keys(json.resource.aws_apigatewayv2_deployment)[0]}`;
      const route = `aws_apigatewayv2_route.${Object.keys(json.resource.aws_apigatewayv2_route)[0]}`;
      expect(graph.get(route)!.dependsOn.has(authorizer)).toBe(true);
      expect(reaches(graph, authorizer, deployment)).toBe(true);
      return only(json, 'aws_apigatewayv2_deployment').triggers.redeployment as string;
    };
    expect(trigger(['route.request.header.Authorization'])).toBe(trigger(['route.request.header.Authorization']));
    expect(trigger(['route.request.querystring.token'])).not.toBe(trigger(['route.request.header.Authorization']));
  });

  test('GIVEN ImportId.authorizer THEN API-ID/AUTHORIZER-ID, its parse twin, and importFrom', () => {
    expect(ImportId.authorizer('ws123', 'au45')).toBe('ws123/au45');
    expect(ImportId.parseAuthorizer('ws123/au45')).toEqual({ apiId: 'ws123', authorizerId: 'au45' });
    expect(() => ImportId.parseAuthorizer('ws123')).toThrow(/API-ID\/AUTHORIZER-ID/);
    const { stack, api } = fixture();
    const auth = new LambdaAuthorizer(stack, 'A', { api, functionArn: FN });
    auth.importFrom(ImportId.authorizer('ws123', 'au45'));
    expect((synth(stack) as any).import).toEqual([{ id: 'ws123/au45', to: String(resolve(stack, auth.authorizerId)).replace(/^\$\{(.*)\.id\}$/, '$1') }]);
  });

  type Row = [string, (f: ReturnType<typeof fixture>) => unknown, string, string, string, RegExp];
  const rows: Row[] = [
    ['authorizer on a route other than $connect', (f) => f.api.addRoute('sendmessage', { integration: f.connect, authorizer: new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN }) }),
      'stack/Ws/Route_sendmessage', 'authorizer', '"stack/A"', /\$connect route only, and this route is "sendmessage"/],
    ['authorizer on $default', (f) => f.api.addRoute('$default', { authorizer: new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN }) }),
      'stack/Ws/Route_$default', 'authorizer', '"stack/A"', /\$connect route only/],
    ['authorizer of another API', (f) => {
      const other = new WebSocketApi(f.stack, 'Other', { name: 'other' });
      f.api.addRoute('$connect', { authorizer: new LambdaAuthorizer(f.stack, 'A', { api: other, functionArn: FN }) });
    }, 'stack/Ws/Route_$connect', 'authorizer', '"stack/A"', /belongs to the WebSocket API stack\/Other, not stack\/Ws/],
    ['REST identity source', (f) => new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN, identitySources: ['method.request.header.Authorization'] }),
      'stack/A', 'identitySources', '"method.request.header.Authorization"', /route\.request\.header\.\{name\}/],
    ['route.request.body identity source', (f) => new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN, identitySources: ['route.request.body.token'] }),
      'stack/A', 'identitySources', '"route.request.body.token"', /identity sources are/],
    ['function name', (f) => new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: 'connect-auth' }),
      'stack/A', 'functionArn', '"connect-auth"', /cannot be made into the authorizer URI/],
    ['two authorizers with one name', (f) => {
      new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN, name: 'auth' });
      new LambdaAuthorizer(f.stack, 'B', { api: f.api, functionArn: FN, name: 'auth' });
    }, 'stack/B', 'name', '"auth"', /unique within an API/],
    ['authorizer with another authorization type', (f) => f.api.addRoute('$connect', {
      authorizer: new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN }), authorizationType: AuthorizationType.IAM,
    }), 'stack/Ws/Route_$connect', 'authorizationType', '"AWS_IAM"', /makes the route CUSTOM/],
    ['authorizer and authorizerId', (f) => f.api.addRoute('$connect', {
      authorizer: new LambdaAuthorizer(f.stack, 'A', { api: f.api, functionArn: FN }), authorizerId: 'x',
    }), 'stack/Ws/Route_$connect', 'authorizerId', '"x"', /either authorizer or authorizerId/],
    ['no API', (f) => new LambdaAuthorizer(f.stack, 'A', { api: undefined as any, functionArn: FN }),
      'stack/A', 'api', 'undefined', /WebSocketApi of the authorizer/],
  ];

  test.each(rows)('bad input: %s', (_d, act, where, property, value, allowed) => {
    const f = fixture();
    let error: unknown;
    try {
      act(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toContain(`${where}:`);
    expect(message).toContain(property);
    expect(message).toContain(value);
    expect(message).toMatch(allowed);
  });

  test('GIVEN a refused $connect route THEN it can be added again with the authorizer', () => {
    const { stack, api, connect } = fixture();
    const auth = new LambdaAuthorizer(stack, 'A', { api, functionArn: FN });
    expect(() => api.addRoute('$connect', { authorizer: auth, authorizerId: 'x' })).toThrow(ValidationError);
    api.addRoute('$connect', { integration: connect, authorizer: auth });
    expect(only(synth(stack), 'aws_apigatewayv2_route').authorization_type).toBe('CUSTOM');
  });
});
