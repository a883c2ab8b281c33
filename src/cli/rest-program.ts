/**
 * Writes the program that builds a live REST API with the library's constructs and adopts it
 * with `api.importExisting()`.
 */
import { CliError } from './aws';
import { bool, Expr, Names, num, opt, Program, Prop, Statement, str, strList, strMap, boolMap, Sym, v } from './code';
import { RestApiModel, RestAuthorizerModel, RestIntegrationModel, RestMethodModel, RestResourceModel, RestStageModel } from './model';

const lib = (name: string): Sym => ({ name, module: 'lib' });
const member = (type: string, name: string): Expr => ({ k: 'member', sym: lib(type), name });

const AUTHORIZATION: { [live: string]: string } = { NONE: 'NONE', AWS_IAM: 'IAM', CUSTOM: 'CUSTOM', COGNITO_USER_POOLS: 'COGNITO' };

/** How the command was called, for the header. */
export interface Invocation {
  readonly command: string;
}

/** The program for a REST API. */
export function restProgram(given: RestApiModel, invocation: Invocation): Program {
  const model = sortRest(given);
  const names = new Names();
  const body: Statement[] = [];
  const problems: string[] = [];
  body.push({ k: 'let', name: 'api', value: { k: 'new', sym: lib('RestApi'), args: [v('this'), str('Api')], props: restApiProps(model) } });

  // Authorizers, by name: methods reference them.
  const authorizerVars = new Map<string, string>();
  const used = new Set(model.resources.flatMap((r) => r.methods.map((m) => m.authorizerId)));
  for (const a of model.authorizers ?? []) {
    const name = names.take([a.name, 'authorizer']);
    if (used.has(a.id)) authorizerVars.set(a.id, name);
    body.push({ k: 'blank' });
    const statements = authorizerStatements(a, name, problems);
    // An authorizer no method uses needs no variable.
    body.push(...statements.map((st): Statement => (st.k === 'let' && !used.has(a.id) ? { k: 'do', value: st.value } : st)));
  }

  // Models, request validators and gateway responses, by name: methods and responses reference the first two.
  const refs = referencedNames(model);
  const modelVars = new Map<string, Expr>([['Empty', member('Model', 'EMPTY')], ['Error', member('Model', 'ERROR')]]);
  for (const m of model.models ?? []) {
    const name = names.take([m.name, 'model']);
    const add: Expr = {
      k: 'call', target: v('api'), method: 'addModel', args: [str(`Model_${encodeKey(m.name)}`)], props: [
        ['schema', { k: 'json', value: m.schema }],
        ['contentType', m.contentType === 'application/json' ? undefined : str(m.contentType)],
        ['modelName', str(m.name)],
        ['description', opt(m.description, str)],
      ],
    };
    body.push({ k: 'blank' });
    if (refs.models.has(m.name)) {
      modelVars.set(m.name, v(name));
      body.push({ k: 'let', name, value: add });
    } else {
      body.push({ k: 'do', value: add });
    }
  }
  const validatorVars = new Map<string, string>();
  for (const r of model.requestValidators ?? []) {
    const name = names.take([r.name, 'validator']);
    const add: Expr = {
      k: 'call', target: v('api'), method: 'addRequestValidator', args: [str(`Validator_${encodeKey(r.name)}`)], props: [
        ['requestValidatorName', str(r.name)],
        ['validateRequestBody', opt(r.validateRequestBody, bool)],
        ['validateRequestParameters', opt(r.validateRequestParameters, bool)],
      ],
    };
    body.push({ k: 'blank' });
    if (refs.validators.has(r.id)) {
      validatorVars.set(r.id, name);
      body.push({ k: 'let', name, value: add });
    } else {
      body.push({ k: 'do', value: add });
    }
  }
  for (const g of model.gatewayResponses ?? []) {
    body.push({ k: 'blank' });
    const type: Expr = RESPONSE_TYPES.includes(g.type) ? member('ResponseType', g.type) : { k: 'static', sym: lib('ResponseType'), method: 'of', args: [str(g.type)] };
    body.push({
      k: 'do', value: {
        k: 'call', target: v('api'), method: 'addGatewayResponse', args: [str(`GatewayResponse_${g.type}`)], props: [
          ['type', type],
          ['statusCode', opt(g.statusCode, str)],
          ['responseHeaders', strMap(g.responseHeaders)],
          ['templates', strMap(g.templates)],
        ],
      },
    });
  }
  const modelMap = (map: { [contentType: string]: string } | undefined, where: string): Expr | undefined => {
    if (!map) return undefined;
    return {
      k: 'map', entries: Object.entries(map).map(([contentType, modelName]): [string, Expr] => {
        const ref = modelVars.get(modelName);
        if (!ref) problems.push(`${where}: the model ${modelName} for ${contentType}, which the API does not have`);
        return [contentType, ref ?? str(modelName)];
      }),
    };
  };

  // Resources, parents first (sorted by path), each under its parent.
  const vars = new Map<string, string>([['/', 'api.root']]);
  const resources = [...model.resources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const children = resources.filter((r) => r.path !== '/');
  if (children.length) body.push({ k: 'blank' });
  for (const r of children) {
    const parentPath = r.path.slice(0, r.path.lastIndexOf('/')) || '/';
    const parent = vars.get(parentPath);
    if (!parent) throw new CliError(`resource ${r.path} (${r.id}) has no parent resource ${parentPath} in the API`);
    const pathPart = r.path.slice(r.path.lastIndexOf('/') + 1);
    const add: Expr = { k: 'call', target: v(parent), method: 'addResource', args: [str(pathPart)] };
    // A resource with neither methods nor children needs no variable.
    if (r.methods.length === 0 && !children.some((c) => c.path.startsWith(`${r.path}/`))) {
      body.push({ k: 'do', value: add });
      continue;
    }
    const name = names.take(r.path.split('/'));
    vars.set(r.path, name);
    body.push({ k: 'let', name, value: add });
  }

  for (const r of resources) {
    for (const m of r.methods) {
      body.push({ k: 'blank' });
      body.push(...methodStatements(r, m, vars.get(r.path) as string, names, { authorizers: authorizerVars, validators: validatorVars, modelMap }, problems));
    }
  }

  if (model.stages.length) {
    body.push({ k: 'blank' });
    const incomplete = resources.flatMap((r) => r.methods.filter((m) => !m.integration).map((m) => `${m.httpMethod} ${r.path}`));
    if (incomplete.length) {
      problems.push(`methods without an integration (${incomplete.join(', ')}): API Gateway and the library refuse to deploy them, ` +
        'so the stages cannot be adopted; pass --stage with no stage names only when the API has none, or add the integrations first');
    }
    body.push({ k: 'comment', text: 'A new deployment is created for these stages; the stages themselves are imported.' });
    for (const s of model.stages) {
      const deploy: Expr = { k: 'call', target: v('api'), method: 'deploy', args: [str(s.name)], props: stageProps(s) };
      if (!s.webAclArn) {
        body.push({ k: 'do', value: deploy });
        continue;
      }
      // The association is imported by its Terraform ID, WEB-ACL-ARN,STAGE-ARN.
      const name = names.take([s.name, 'stage']);
      const partition = s.webAclArn.split(':')[1];
      const stageArn = `arn:${partition}:apigateway:${model.region}::/restapis/${model.id}/stages/${s.name}`;
      body.push({ k: 'let', name, value: deploy });
      body.push({
        k: 'do', value: {
          k: 'call', target: { k: 'call', target: v(name), method: 'associateWebAcl', args: [str(s.webAclArn)] }, method: 'importFrom',
          args: [str(`${s.webAclArn},${stageArn}`)],
        },
      });
    }
  }
  body.push({ k: 'blank' });
  body.push({ k: 'comment', text: 'Terraform import blocks for everything above, from the live IDs.' });
  const resourceIds: [string, Expr][] = resources.map((r) => [r.path, str(r.id)]);
  body.push({
    k: 'do',
    value: {
      k: 'call', target: v('api'), method: 'importExisting', args: [], props: [
        ['restApiId', str(model.id)],
        ['resourceIds', { k: 'map', entries: resourceIds }],
        ['stageNames', model.stages.length ? strList(model.stages.map((s) => s.name)) : undefined],
        ['authorizerIds', model.authorizers?.length ? { k: 'map', entries: model.authorizers.map((a) => [a.name, str(a.id)]) } : undefined],
        ['requestValidatorIds', model.requestValidators?.length ? { k: 'map', entries: model.requestValidators.map((x) => [x.name, str(x.id)]) } : undefined],
      ],
    },
  });
  return programOf('REST API', model, invocation, body, problems);
}

function restApiProps(model: RestApiModel): Prop[] {
  return [
    ['name', str(model.name)],
    ['description', opt(model.description, str)],
    ['endpointTypes', opt(model.endpointTypes, (t) => ({ k: 'list', items: t.map((x) => member('EndpointType', x)) }))],
    ['binaryMediaTypes', strList(model.binaryMediaTypes)],
    ['minimumCompressionSize', opt(model.minimumCompressionSize, num)],
    ['apiKeySource', opt(model.apiKeySource, (x) => member('ApiKeySourceType', x))],
    ['disableExecuteApiEndpoint', opt(model.disableExecuteApiEndpoint, bool)],
    ['policy', opt(model.policy, str)],
    ['tags', strMap(model.tags)],
  ];
}

/** What methods refer to by name or ID. */
interface MethodRefs {
  readonly authorizers: Map<string, string>;
  readonly validators: Map<string, string>;
  readonly modelMap: (map: { [contentType: string]: string } | undefined, where: string) => Expr | undefined;
}

function methodStatements(r: RestResourceModel, m: RestMethodModel, resourceVar: string, names: Names, refs: MethodRefs, problems: string[]): Statement[] {
  const authorizers = refs.authorizers;
  const where = `${m.httpMethod} ${r.path}`;
  const validator = m.requestValidatorId ? refs.validators.get(m.requestValidatorId) : undefined;
  const out: Statement[] = [{ k: 'comment', text: `${m.httpMethod} ${r.path}` }];
  const authorization = AUTHORIZATION[m.authorizationType];
  if (!authorization) problems.push(`${m.httpMethod} ${r.path}: authorization type ${m.authorizationType}, which AuthorizationType has no member for`);
  const backend = m.integration ? integrationBackend(m.integration, `${m.httpMethod} ${r.path}`, out, problems) : undefined;
  // A method protected by an authorizer of the API references it; its authorization follows from it.
  const authorizer = m.authorizerId ? authorizers.get(m.authorizerId) : undefined;
  const props: Prop[] = [
    ['authorization', authorizer ? undefined : member('AuthorizationType', authorization ?? 'NONE')],
    ['authorizer', authorizer ? v(authorizer) : undefined],
    ['authorizerId', authorizer ? undefined : opt(m.authorizerId, str)],
    ['authorizationScopes', strList(m.authorizationScopes)],
    ['apiKeyRequired', opt(m.apiKeyRequired, bool)],
    ['operationName', opt(m.operationName, str)],
    ['requestParameters', boolMap(m.requestParameters)],
    ['requestModels', refs.modelMap(m.requestModels, where)],
    ['requestValidator', validator ? v(validator) : undefined],
    ['requestValidatorId', validator ? undefined : opt(m.requestValidatorId, str)],
  ];
  const args: Expr[] = [str(m.httpMethod)];
  // Without an integration the second argument is still positional: pass undefined/None.
  args.push(backend ?? { k: 'undefined' });
  const addMethod: Expr = { k: 'call', target: v(resourceVar), method: 'addMethod', args, props };
  const responses = m.responses.length + (m.integration?.responses.length ?? 0);
  if (responses === 0) {
    out.push({ k: 'do', value: addMethod });
    return out;
  }
  const name = names.take([...r.path.split('/'), r.path === '/' ? 'root' : '', m.httpMethod].filter((w) => w !== ''));
  out.push({ k: 'let', name, value: addMethod });
  for (const mr of m.responses) {
    out.push({
      k: 'do', value: {
        k: 'call', target: v(name), method: 'addMethodResponse', args: [], props: [
          ['statusCode', str(mr.statusCode)],
          ['responseParameters', boolMap(mr.responseParameters)],
          ['responseModels', refs.modelMap(mr.responseModels, `${where} method response ${mr.statusCode}`)],
        ],
      },
    });
  }
  for (const ir of m.integration?.responses ?? []) {
    out.push({
      k: 'do', value: {
        k: 'call', target: v(name), method: 'addIntegrationResponse', args: [], props: [
          ['statusCode', str(ir.statusCode)],
          ['selectionPattern', opt(ir.selectionPattern, str)],
          ['responseParameters', strMap(ir.responseParameters)],
          ['responseTemplates', strMap(ir.responseTemplates)],
          ['contentHandling', opt(ir.contentHandling, (x) => member('ContentHandling', x))],
        ],
      },
    });
  }
  return out;
}

const RESPONSE_TYPES = [
  'ACCESS_DENIED', 'API_CONFIGURATION_ERROR', 'AUTHORIZER_CONFIGURATION_ERROR', 'AUTHORIZER_FAILURE', 'BAD_REQUEST_PARAMETERS', 'BAD_REQUEST_BODY',
  'DEFAULT_4XX', 'DEFAULT_5XX', 'EXPIRED_TOKEN', 'INTEGRATION_FAILURE', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY', 'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN', 'QUOTA_EXCEEDED', 'REQUEST_TOO_LARGE', 'RESOURCE_NOT_FOUND', 'THROTTLED', 'UNAUTHORIZED', 'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
];

/** `%`, `/` and `#` escaped, as the library's own construct IDs do. */
function encodeKey(key: string): string {
  return key.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The model names and validator IDs that methods and method responses refer to. */
function referencedNames(model: RestApiModel): { models: Set<string>; validators: Set<string> } {
  const models = new Set<string>();
  const validators = new Set<string>();
  for (const r of model.resources) {
    for (const m of r.methods) {
      for (const name of Object.values(m.requestModels ?? {})) models.add(name);
      for (const mr of m.responses) for (const name of Object.values(mr.responseModels ?? {})) models.add(name);
      if (m.requestValidatorId) validators.add(m.requestValidatorId);
    }
  }
  return { models, validators };
}

/** The construct of an authorizer, under the API, named as it is live. */
function authorizerStatements(a: RestAuthorizerModel, name: string, problems: string[]): Statement[] {
  const id = `Authorizer_${a.name.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  const ttl = a.resultsCacheTtl === undefined || a.resultsCacheTtl === 300 ? undefined : num(a.resultsCacheTtl);
  const common: Prop[] = [['restApi', v('api')], ['name', str(a.name)]];
  const out: Statement[] = [{ k: 'comment', text: `${a.type} authorizer ${a.name}` }];
  if (a.type === 'COGNITO_USER_POOLS') {
    out.push({
      k: 'let', name, value: {
        k: 'new', sym: lib('CognitoUserPoolsAuthorizer'), args: [v('api'), str(id)], props: [
          ...common,
          ['userPoolArns', strList(a.providerArns ?? [])],
          ['identitySource', a.identitySource === 'method.request.header.Authorization' ? undefined : opt(a.identitySource, str)],
          ['resultsCacheTtl', ttl],
        ],
      },
    });
    return out;
  }
  if (!a.authorizerUri) {
    problems.push(`authorizer ${a.name} (${a.id}): a ${a.type} authorizer without a function URI`);
    return out;
  }
  if (!a.authorizerCredentials) {
    out.push({ k: 'comment', text: 'The library adds the Lambda permission for this authorizer: plan shows it to create.' });
  }
  const lambda: Prop[] = [
    ['functionArn', str(a.authorizerUri)],
    ['assumeRoleArn', opt(a.authorizerCredentials, str)],
    ['resultsCacheTtl', ttl],
  ];
  if (a.type === 'TOKEN') {
    out.push({
      k: 'let', name, value: {
        k: 'new', sym: lib('TokenAuthorizer'), args: [v('api'), str(id)], props: [
          ...common, ...lambda,
          ['identitySource', a.identitySource === 'method.request.header.Authorization' ? undefined : opt(a.identitySource, str)],
          ['validationRegex', opt(a.identityValidationExpression, str)],
        ],
      },
    });
  } else {
    if (a.identityValidationExpression) problems.push(`authorizer ${a.name} (${a.id}): a validation expression on a REQUEST authorizer`);
    const sources = a.identitySource?.split(',').map((x) => x.trim()).filter((x) => x !== '');
    if (!sources?.length) {
      problems.push(`authorizer ${a.name} (${a.id}): a REQUEST authorizer without identity sources (the AWS provider would set method.request.header.Authorization)`);
    }
    out.push({
      k: 'let', name, value: {
        k: 'new', sym: lib('RequestAuthorizer'), args: [v('api'), str(id)], props: [...common, ...lambda, ['identitySources', strList(sources?.length ? sources : undefined)]],
      },
    });
  }
  return out;
}

/** The fields every backend takes (`IntegrationOptions`). */
function integrationOptions(i: RestIntegrationModel): Prop[] {
  return [
    ['requestTemplates', strMap(i.requestTemplates)],
    ['requestParameters', strMap(i.requestParameters)],
    ['passthroughBehavior', opt(i.passthroughBehavior, (x) => member('PassthroughBehavior', x))],
    ['contentHandling', opt(i.contentHandling, (x) => member('ContentHandling', x))],
    ['credentials', opt(i.credentials, str)],
    ['timeoutMilliseconds', opt(i.timeoutMilliseconds, num)],
    ['cacheKeyParameters', strList(i.cacheKeyParameters)],
    ['cacheNamespace', opt(i.cacheNamespace, str)],
    ['connectionType', opt(i.connectionType, (x) => member('ConnectionType', x))],
    ['connectionId', opt(i.connectionId, str)],
  ];
}

const SERVICE_URI = /^arn:([^:\s]+):apigateway:([^:\s]+):([^:\s]+):(path|action)\/(.+)$/;
const LAMBDA_PATH = /^2015-03-31\/functions\/(arn:[^/\s]+)\/invocations$/;

/** The backend that reproduces the live integration: Mock, Http or Aws, or the generic one. */
export function integrationBackend(i: RestIntegrationModel, where: string, comments: Statement[], problems: string[]): Expr {
  const options = integrationOptions(i);
  const none = options.every(([, x]) => x === undefined);
  const known = ['MOCK', 'HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY'];
  if (!known.includes(i.type)) {
    problems.push(`${where}: integration type ${i.type}, which IntegrationType has no member for`);
    return { k: 'new', sym: lib('MockIntegration'), args: [] };
  }
  if (i.type === 'MOCK' && i.uri === undefined) {
    return { k: 'new', sym: lib('MockIntegration'), args: [], props: options };
  }
  if ((i.type === 'HTTP' || i.type === 'HTTP_PROXY') && i.uri && /^https?:\/\//.test(i.uri) && i.integrationHttpMethod) {
    const props: Prop[] = [
      ['proxy', i.type === 'HTTP' ? bool(false) : undefined],
      ['httpMethod', i.integrationHttpMethod === 'GET' ? undefined : str(i.integrationHttpMethod)],
      ...options,
    ];
    return { k: 'new', sym: lib('HttpIntegration'), args: [str(i.uri)], props };
  }
  const service = i.uri ? SERVICE_URI.exec(i.uri) : null;
  if ((i.type === 'AWS' || i.type === 'AWS_PROXY') && service && i.integrationHttpMethod) {
    const [, partition, region, host, kind, target] = service;
    const dot = host.lastIndexOf('.');
    const serviceName = dot >= 0 ? host.slice(dot + 1) : host;
    const subdomain = dot >= 0 ? host.slice(0, dot) : undefined;
    if (/^[a-z0-9-]+$/.test(serviceName)) {
      const lambda = serviceName === 'lambda' && kind === 'path' ? LAMBDA_PATH.exec(target) : null;
      if (lambda) {
        comments.push({ k: 'comment', text: `Lambda function ${lambda[1]}: its invoke permission is not part of the API and is not adopted.` });
      }
      const props: Prop[] = [
        ['service', str(serviceName)],
        ['subdomain', opt(subdomain, str)],
        [kind, str(target)],
        ['integrationHttpMethod', i.integrationHttpMethod === 'POST' ? undefined : str(i.integrationHttpMethod)],
        ['proxy', i.type === 'AWS_PROXY' ? bool(true) : undefined],
        ['region', str(region)],
        ['partition', partition === 'aws' ? undefined : str(partition)],
        ...options,
      ];
      return { k: 'new', sym: lib('AwsIntegration'), args: [], props };
    }
  }
  // Anything else: the integration's settings as they are.
  return {
    k: 'new', sym: lib('IntegrationBackend'), args: [], props: [
      ['type', member('IntegrationType', i.type)],
      ['uri', opt(i.uri, str)],
      ['integrationHttpMethod', opt(i.integrationHttpMethod, str)],
      ['options', none ? undefined : { k: 'struct', sym: lib('IntegrationOptions'), props: options }],
    ],
  };
}

function stageProps(s: RestStageModel): Prop[] {
  const m = s.methodSettings ?? {};
  return [
    ['description', opt(s.description, str)],
    ['variables', strMap(s.variables)],
    ['xrayTracingEnabled', opt(s.xrayTracingEnabled, bool)],
    ['cacheClusterEnabled', opt(s.cacheClusterEnabled, bool)],
    ['cacheClusterSize', opt(s.cacheClusterSize, str)],
    ['accessLogDestinationArn', opt(s.accessLogDestinationArn, str)],
    ['accessLogFormat', opt(s.accessLogFormat, (x) => ({ k: 'static', sym: lib('AccessLogFormat'), method: 'custom', args: [str(x)] }))],
    ['tags', strMap(s.tags)],
    ['throttlingBurstLimit', opt(m.throttlingBurstLimit, num)],
    ['throttlingRateLimit', opt(m.throttlingRateLimit, num)],
    ['loggingLevel', opt(m.loggingLevel, (x) => member('MethodLoggingLevel', x))],
    ['metricsEnabled', opt(m.metricsEnabled, bool)],
    ['dataTraceEnabled', opt(m.dataTraceEnabled, bool)],
    ['cachingEnabled', opt(m.cachingEnabled, bool)],
    ['cacheTtlSeconds', opt(m.cacheTtlSeconds, num)],
    ['cacheDataEncrypted', opt(m.cacheDataEncrypted, bool)],
  ];
}

/**
 * The program around the statements of an API, or the refusal naming every problem found: a
 * program that leaves part of the live API out would change it.
 */
export function programOf(kind: 'REST API' | 'WebSocket API', model: { readonly id: string; readonly name: string; readonly region: string },
  invocation: Invocation, body: Statement[], problems: string[]): Program {
  if (problems.length) throw new CliError(`${kind} ${model.id} (${model.name}) cannot be adopted:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    header: [
      `Generated by ${invocation.command}`,
      `from the ${kind} "${model.name}" (${model.id}) in ${model.region}. Plan before applying: \`cdktf plan\``,
      'should show the imports, a new deployment and the stages moving to it, and no other change.',
    ],
    className: className(model.name),
    stackId: stackId(model.name),
    region: model.region,
    body,
  };
}

/** `my pets-API` → `MyPetsApiStack`. */
export function className(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const base = words.map((w) => w.charAt(0).toUpperCase() + (/^[A-Z0-9]+$/.test(w) ? w.slice(1).toLowerCase() : w.slice(1))).join('');
  const safe = base === '' || /^[0-9]/.test(base) ? `Adopted${base}` : base;
  return `${safe}Stack`;
}

/** `my pets-API` → `my-pets-api`: the stack's directory under cdktf.out/stacks. */
export function stackId(name: string): string {
  const id = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '').join('-');
  return id || 'adopted';
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The model in the program's order, whatever order it was read in: the output depends on the API only. */
function sortRest(model: RestApiModel): RestApiModel {
  return {
    ...model,
    resources: [...model.resources].sort(byKey((r) => r.path)).map((r) => ({
      ...r,
      methods: [...r.methods].sort(byKey((m) => m.httpMethod)).map((m) => ({
        ...m,
        responses: [...m.responses].sort(byKey((x) => x.statusCode)),
        integration: m.integration && { ...m.integration, responses: [...m.integration.responses].sort(byKey((x) => x.statusCode)) },
      })),
    })),
    stages: [...model.stages].sort(byKey((s) => s.name)),
    authorizers: model.authorizers && [...model.authorizers].sort(byKey((a) => a.name)),
    models: model.models && [...model.models].sort(byKey((m) => m.name)),
    requestValidators: model.requestValidators && [...model.requestValidators].sort(byKey((x) => x.name)),
    gatewayResponses: model.gatewayResponses && [...model.gatewayResponses].sort(byKey((g) => g.type)),
  };
}
