/**
 * Writes the program that builds a live WebSocket API with the library's `websocket` constructs
 * and adopts every object with `importFrom()` and the live IDs.
 */
import { bool, Expr, Names, num, opt, Program, Prop, Statement, str, strMap, Sym, v } from './code';
import { WebSocketApiModel, WsIntegrationModel, WsStageModel } from './model';
import { Invocation, programOf } from './rest-program';

const ws = (name: string): Sym => ({ name, module: 'websocket' });
const wsMember = (type: string, name: string): Expr => ({ k: 'member', sym: ws(type), name });
const importId = (method: string, ...ids: string[]): Expr => ({ k: 'static', sym: ws('ImportId'), method, args: ids.map(str) });
const adopt = (target: string, id: Expr): Statement => ({ k: 'do', value: { k: 'call', target: v(target), method: 'importFrom', args: [id] } });

const AUTHORIZATION: { [live: string]: string } = { NONE: 'NONE', AWS_IAM: 'IAM', CUSTOM: 'CUSTOM' };

/** Construct ID of an integration: after the first route that targets it, else its live ID. */
function integrationId(i: WsIntegrationModel, model: WebSocketApiModel): string {
  const route = model.routes.find((r) => r.integrationId === i.id);
  const key = route ? route.routeKey : i.id;
  return `Integration_${key.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The program for a WebSocket API. */
export function webSocketProgram(given: WebSocketApiModel, invocation: Invocation): Program {
  const model = sortWebSocket(given);
  const names = new Names();
  const problems: string[] = [];
  const body: Statement[] = [];
  body.push({
    k: 'let', name: 'api', value: {
      k: 'new', sym: ws('WebSocketApi'), args: [v('this'), str('Api')], props: [
        ['name', str(model.name)],
        ['routeSelectionExpression', opt(model.routeSelectionExpression, str)],
        ['description', opt(model.description, str)],
        ['apiKeySelectionExpression', opt(model.apiKeySelectionExpression, str)],
        ['tags', strMap(model.tags)],
      ],
    },
  });
  body.push(adopt('api', importId('api', model.id)));

  const integrationVars = new Map<string, string>();
  const integrations = model.integrations.map((i) => ({ i, cid: integrationId(i, model) })).sort((a, b) => (a.cid < b.cid ? -1 : a.cid > b.cid ? 1 : 0));
  for (const { i, cid } of integrations) {
    body.push({ k: 'blank' });
    const name = names.take([cid.replace(/^Integration_/, ''), 'integration']);
    integrationVars.set(i.id, name);
    if (!['MOCK', 'HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY'].includes(i.type)) problems.push(`integration ${i.id}: type ${i.type}, which IntegrationType has no member for`);
    body.push({
      k: 'let', name, value: {
        k: 'call', target: v('api'), method: 'addIntegration', args: [str(cid)], props: [
          ['type', wsMember('IntegrationType', i.type)],
          ['integrationUri', opt(i.integrationUri, str)],
          ['integrationMethod', opt(i.integrationMethod, str)],
          ['requestTemplates', strMap(i.requestTemplates)],
          ['requestParameters', strMap(i.requestParameters)],
          ['templateSelectionExpression', opt(i.templateSelectionExpression, str)],
          ['contentHandlingStrategy', opt(i.contentHandlingStrategy, (x) => wsMember('ContentHandlingStrategy', x))],
          ['passthroughBehavior', opt(i.passthroughBehavior, (x) => ({ k: 'member', sym: { name: 'PassthroughBehavior', module: 'lib' }, name: x }))],
          ['credentialsArn', opt(i.credentialsArn, str)],
          ['timeoutMilliseconds', opt(i.timeoutMilliseconds, num)],
        ],
      },
    });
    body.push(adopt(name, importId('integration', model.id, i.id)));
    for (const r of i.responses) {
      const key = responseKey(r.key, `integration ${i.id}`, problems);
      const rname = names.take([name, 'response', r.key === '$default' ? 'default' : r.key]);
      body.push({
        k: 'let', name: rname, value: {
          k: 'call', target: v(name), method: 'addResponse', args: [], props: [
            ['integrationResponseKey', key],
            ['responseTemplates', strMap(r.responseTemplates)],
            ['templateSelectionExpression', opt(r.templateSelectionExpression, str)],
            ['contentHandlingStrategy', opt(r.contentHandlingStrategy, (x) => wsMember('ContentHandlingStrategy', x))],
          ],
        },
      });
      body.push(adopt(rname, importId('integrationResponse', model.id, i.id, r.id)));
    }
  }

  const authorizerVars = new Map<string, string>();
  for (const a of model.authorizers ?? []) {
    body.push({ k: 'blank' });
    const name = names.take([a.name, 'authorizer']);
    authorizerVars.set(a.id, name);
    const id = `Authorizer_${a.name.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
    if (!a.authorizerCredentialsArn) body.push({ k: 'comment', text: 'The library adds the Lambda permission for this authorizer: plan shows it to create.' });
    body.push({
      k: 'let', name, value: {
        k: 'new', sym: ws('LambdaAuthorizer'), args: [v('api'), str(id)], props: [
          ['api', v('api')],
          ['name', str(a.name)],
          ['functionArn', str(a.authorizerUri)],
          ['identitySources', opt(a.identitySources, (x) => ({ k: 'list', items: x.map(str) }))],
          ['assumeRoleArn', opt(a.authorizerCredentialsArn, str)],
        ],
      },
    });
    body.push(adopt(name, importId('authorizer', model.id, a.id)));
  }

  for (const r of model.routes) {
    body.push({ k: 'blank' });
    const name = names.take([r.routeKey.replace(/^\$/, ''), 'route']);
    const authorization = r.authorizationType ? AUTHORIZATION[r.authorizationType] : undefined;
    if (r.authorizationType && !authorization) problems.push(`route ${r.routeKey}: authorization type ${r.authorizationType}, which AuthorizationType has no member for`);
    if (r.integrationId && !integrationVars.has(r.integrationId)) problems.push(`route ${r.routeKey}: its target integration ${r.integrationId} does not exist`);
    body.push({
      k: 'let', name, value: {
        k: 'call', target: v('api'), method: 'addRoute', args: [str(r.routeKey)], props: [
          ['integration', r.integrationId && integrationVars.has(r.integrationId) ? v(integrationVars.get(r.integrationId) as string) : undefined],
          ['routeResponseSelectionExpression', opt(r.routeResponseSelectionExpression, str)],
          ['authorizationType', r.authorizerId && authorizerVars.has(r.authorizerId) ? undefined : opt(authorization, (x) => wsMember('AuthorizationType', x))],
          ['authorizer', r.authorizerId && authorizerVars.has(r.authorizerId) ? v(authorizerVars.get(r.authorizerId) as string) : undefined],
          ['authorizerId', r.authorizerId && authorizerVars.has(r.authorizerId) ? undefined : opt(r.authorizerId, str)],
          ['apiKeyRequired', opt(r.apiKeyRequired, bool)],
          ['operationName', opt(r.operationName, str)],
        ],
      },
    });
    body.push(adopt(name, importId('route', model.id, r.id)));
    for (const rr of r.responses) {
      if (rr.key !== '$default') problems.push(`route ${r.routeKey}: route response key ${rr.key}; the library takes only $default, as WebSocket APIs do`);
      const rname = names.take([name, 'response']);
      body.push({
        k: 'let', name: rname, value: {
          k: 'call', target: v(name), method: 'addResponse', args: [], props: [
            ['routeResponseKey', str(rr.key)],
            ['responseModels', strMap(rr.responseModels)],
            ['modelSelectionExpression', opt(rr.modelSelectionExpression, str)],
          ],
        },
      });
      body.push(adopt(rname, importId('routeResponse', model.id, r.id, rr.id)));
    }
  }

  if (model.stages.length) {
    body.push({ k: 'blank' });
    body.push({ k: 'comment', text: 'A new deployment is created for these stages; the stages themselves are imported.' });
    for (const s of model.stages) {
      const name = names.take([s.name, 'stage']);
      body.push({ k: 'let', name, value: { k: 'call', target: v('api'), method: 'deploy', args: [str(s.name)], props: stageProps(s) } });
      body.push(adopt(name, importId('stage', model.id, s.name)));
    }
  }
  return programOf('WebSocket API', model, invocation, body, problems);
}

/** `$default`, `/200/` and `/4\d{2}/` as `IntegrationResponseKey` factories. */
function responseKey(key: string, where: string, problems: string[]): Expr {
  if (key === '$default') return wsMember('IntegrationResponseKey', 'DEFAULT');
  const status = /^\/([1-5][0-9][0-9])\/$/.exec(key);
  if (status) return { k: 'static', sym: ws('IntegrationResponseKey'), method: 'fromStatusCode', args: [num(Number(status[1]))] };
  const pattern = /^\/(.+)\/$/.exec(key);
  if (pattern) return { k: 'static', sym: ws('IntegrationResponseKey'), method: 'fromPattern', args: [str(pattern[1])] };
  problems.push(`${where}: integration response key ${key}, which is neither $default nor /pattern/`);
  return wsMember('IntegrationResponseKey', 'DEFAULT');
}

function stageProps(s: WsStageModel): Prop[] {
  return [
    ['description', opt(s.description, str)],
    ['variables', strMap(s.variables)],
    ['tags', strMap(s.tags)],
    ['throttlingBurstLimit', opt(s.throttlingBurstLimit, num)],
    ['throttlingRateLimit', opt(s.throttlingRateLimit, num)],
    ['loggingLevel', opt(s.loggingLevel, (x) => ({ k: 'member', sym: { name: 'MethodLoggingLevel', module: 'lib' }, name: x }))],
    ['dataTraceEnabled', opt(s.dataTraceEnabled, bool)],
    ['detailedMetricsEnabled', opt(s.detailedMetricsEnabled, bool)],
  ];
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The model in the program's order, whatever order it was read in. */
function sortWebSocket(model: WebSocketApiModel): WebSocketApiModel {
  return {
    ...model,
    integrations: model.integrations.map((i) => ({ ...i, responses: [...i.responses].sort(byKey((r) => r.key)) })),
    authorizers: model.authorizers && [...model.authorizers].sort(byKey((a) => a.name)),
    routes: [...model.routes].sort(byKey((r) => r.routeKey)).map((r) => ({ ...r, responses: [...r.responses].sort(byKey((x) => x.key)) })),
    stages: [...model.stages].sort(byKey((s) => s.name)),
  };
}
