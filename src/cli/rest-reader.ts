/**
 * Reads a REST API with the API Gateway SDK into a `RestApiModel`, and refuses what the library
 * cannot express yet: every such feature is named, none is dropped.
 */
import {
  APIGatewayClient, GetAuthorizersCommand, GetGatewayResponsesCommand, GetIntegrationCommand, GetIntegrationResponseCommand, GetMethodCommand,
  GetMethodResponseCommand, GetRequestValidatorsCommand, GetRestApiCommand, GetStagesCommand, Integration, Method, MethodSetting, Model,
  paginateGetModels, paginateGetResources, Resource, RestApi, Stage,
} from '@aws-sdk/client-api-gateway';
import { allPositions, call, CliError, Clients, explain } from './aws';
import {
  byText, MethodSettingsModel, present, RestApiModel, RestAuthorizerModel, RestIntegrationModel, RestIntegrationResponseModel, RestMethodModel,
  RestGatewayResponseModel, RestMethodResponseModel, RestModelModel, RestResourceModel, RestStageModel, sortedMap,
} from './model';

/** Progress lines (stderr). */
export type Progress = (line: string) => void;

/** Models API Gateway creates in every REST API. */
const BUILT_IN_MODELS = new Set(['Empty', 'Error']);

/** Reads the REST API `restApiId`; `stageNames` limits the stages (default: all). */
export async function readRestApi(clients: Clients, restApiId: string, stageNames: string[] | undefined, progress: Progress): Promise<RestApiModel> {
  const c = clients.v1;
  const endpoint = clients.endpoint;
  const api = await call(`REST API ${restApiId}`, endpoint, () => c.send(new GetRestApiCommand({ restApiId })),
    `unknown REST API ID "${restApiId}" in ${clients.region} (NotFoundException); list the region's APIs with: cdktf-apigateway inventory --region ${clients.region}`);
  const problems: string[] = [];
  const extras = await readApiMembers(c, endpoint, restApiId, problems);
  const authorizers = await readAuthorizers(c, endpoint, restApiId, problems);
  if (present(api.endpointConfiguration?.vpcEndpointIds)) {
    problems.push(`the private API's VPC endpoint IDs (${api.endpointConfiguration?.vpcEndpointIds?.join(', ')}): RestApiProps has no vpcEndpointIds`);
  }

  const items: Resource[] = [];
  try {
    for await (const page of paginateGetResources({ client: c, pageSize: 500 }, { restApiId })) items.push(...(page.items ?? []));
  } catch (e) {
    throw explain(e, `the resources of ${restApiId}`, endpoint);
  }
  progress(`read ${items.length} resources of REST API ${restApiId} (${api.name})`);
  const resources: RestResourceModel[] = [];
  let methodCount = 0;
  let responseCount = 0;
  for (const item of [...items].sort((a, b) => byText(a.path ?? '', b.path ?? ''))) {
    const methods: RestMethodModel[] = [];
    for (const httpMethod of Object.keys(item.resourceMethods ?? {}).sort(byText)) {
      const method = await readMethod(c, endpoint, restApiId, item, httpMethod, problems);
      methods.push(method);
      methodCount++;
      responseCount += method.integration?.responses.length ?? 0;
      if (methodCount % 25 === 0) progress(`read ${methodCount} methods ...`);
    }
    resources.push({ id: item.id as string, path: item.path as string, methods });
  }
  progress(`read ${methodCount} methods and ${responseCount} integration responses${authorizers.length ? `, ${authorizers.length} authorizers` : ''}`);

  const stageList = await call(`the stages of ${restApiId}`, endpoint, () => c.send(new GetStagesCommand({ restApiId })));
  const live = [...(stageList.item ?? [])].sort((a, b) => byText(a.stageName ?? '', b.stageName ?? ''));
  const chosen = selectStages(live.map((s) => s.stageName as string), stageNames, `REST API ${restApiId}`);
  const stages = live.filter((s) => chosen.includes(s.stageName as string)).map((s) => readStage(s, problems));
  progress(`read ${stages.length} stage${stages.length === 1 ? '' : 's'}${stages.length ? `: ${stages.map((s) => s.name).join(', ')}` : ''}`);

  if (problems.length) throw unsupported(`REST API ${restApiId} (${api.name})`, problems);
  return {
    kind: 'rest',
    region: clients.region,
    id: restApiId,
    name: api.name as string,
    ...restApiProps(api),
    resources,
    authorizers,
    ...extras,
    stages,
  };
}

/** The refusal: one message naming every feature the library cannot express. */
export function unsupported(what: string, problems: string[]): CliError {
  return new CliError(`${what} uses features the library cannot express yet, so no program was written ` +
    `(a program without them would change the live API):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/** The stages to adopt: all, or those named (each must exist). */
export function selectStages(live: string[], wanted: string[] | undefined, what: string): string[] {
  if (!wanted || wanted.length === 0) return live;
  const missing = wanted.filter((w) => !live.includes(w));
  if (missing.length) {
    throw new CliError(`${what} has no stage ${missing.map((m) => `"${m}"`).join(', ')} (its stages: ${live.join(', ') || 'none'})`);
  }
  return live.filter((l) => wanted.includes(l));
}

/** Models, request validators and customized gateway responses. */
async function readApiMembers(c: APIGatewayClient, endpoint: string, restApiId: string, problems: string[]):
Promise<Pick<RestApiModel, 'models' | 'requestValidators' | 'gatewayResponses'>> {
  const liveModels: Model[] = [];
  try {
    for await (const page of paginateGetModels({ client: c, pageSize: 500 }, { restApiId })) liveModels.push(...(page.items ?? []));
  } catch (e) {
    throw explain(e, `the models of ${restApiId}`, endpoint);
  }
  const models: RestModelModel[] = [];
  for (const m of liveModels.filter((x) => !BUILT_IN_MODELS.has(x.name as string)).sort((a, b) => byText(a.name ?? '', b.name ?? ''))) {
    let schema: unknown;
    try {
      schema = JSON.parse(m.schema ?? '');
    } catch {
      schema = undefined;
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      problems.push(`model ${m.name} (${m.id}): its schema is not a JSON object, which Model takes`);
      continue;
    }
    models.push({
      id: m.id as string, name: m.name as string, contentType: m.contentType ?? 'application/json', schema: schema as { [key: string]: unknown },
      description: present(m.description),
    });
  }
  const validators = await allPositions((position) =>
    call(`the request validators of ${restApiId}`, endpoint, () => c.send(new GetRequestValidatorsCommand({ restApiId, position, limit: 500 }))));
  const gatewayResponses = await allPositions((position) =>
    call(`the gateway responses of ${restApiId}`, endpoint, () => c.send(new GetGatewayResponsesCommand({ restApiId, position, limit: 500 }))));
  const customized: RestGatewayResponseModel[] = [];
  for (const g of gatewayResponses.filter((x) => x.defaultResponse === false).sort((a, b) => byText(a.responseType ?? '', b.responseType ?? ''))) {
    const headers: { [name: string]: string } = {};
    for (const [key, value] of Object.entries(g.responseParameters ?? {})) {
      const header = /^gatewayresponse\.header\.(.+)$/.exec(key);
      if (header) headers[header[1]] = value;
      else problems.push(`gateway response ${g.responseType}: the response parameter ${key}, which GatewayResponseOptions has no field for`);
    }
    customized.push({
      type: g.responseType as string,
      statusCode: present(g.statusCode),
      responseHeaders: sortedMap(headers),
      templates: sortedMap(g.responseTemplates),
    });
  }
  return {
    models,
    requestValidators: validators.sort((a, b) => byText(a.name ?? '', b.name ?? '')).map((x) => ({
      id: x.id as string, name: x.name as string,
      validateRequestBody: x.validateRequestBody ? true : undefined, validateRequestParameters: x.validateRequestParameters ? true : undefined,
    })),
    gatewayResponses: customized,
  };
}

async function readAuthorizers(c: APIGatewayClient, endpoint: string, restApiId: string, problems: string[]): Promise<RestAuthorizerModel[]> {
  const live = await allPositions((position) =>
    call(`the authorizers of ${restApiId}`, endpoint, () => c.send(new GetAuthorizersCommand({ restApiId, position, limit: 500 }))));
  const out: RestAuthorizerModel[] = [];
  for (const a of live.sort((x, y) => byText(x.name ?? '', y.name ?? ''))) {
    const where = `authorizer ${a.name} (${a.id})`;
    if (!['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'].includes(a.type ?? '')) problems.push(`${where}: type ${a.type}, which the library has no authorizer for`);
    if (a.authType) problems.push(`${where}: the authType "${a.authType}", which the authorizer constructs have no field for`);
    if (a.type === 'COGNITO_USER_POOLS' && a.authorizerCredentials) problems.push(`${where}: credentials on a Cognito authorizer`);
    out.push({
      id: a.id as string,
      name: a.name as string,
      type: a.type as string,
      authorizerUri: present(a.authorizerUri),
      authorizerCredentials: present(a.authorizerCredentials),
      identitySource: present(a.identitySource),
      identityValidationExpression: present(a.identityValidationExpression),
      resultsCacheTtl: a.authorizerResultTtlInSeconds ?? 300,
      providerArns: present(a.providerARNs),
    });
  }
  return out;
}

function restApiProps(api: RestApi) {
  const types = api.endpointConfiguration?.types ?? [];
  return {
    description: present(api.description),
    // EDGE is API Gateway's default: written only when it is something else.
    endpointTypes: types.length && !(types.length === 1 && types[0] === 'EDGE') ? [...types] : undefined,
    binaryMediaTypes: present(api.binaryMediaTypes?.map(decodeMediaType)),
    minimumCompressionSize: api.minimumCompressionSize ?? undefined,
    apiKeySource: api.apiKeySource && api.apiKeySource !== 'HEADER' ? api.apiKeySource : undefined,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ? true : undefined,
    policy: present(api.policy) === undefined ? undefined : normalizePolicy(api.policy as string),
    tags: sortedMap(api.tags),
  };
}

/** API Gateway returns `/` in binary media types as `~1`. */
function decodeMediaType(type: string): string {
  return type.replace(/~1/g, '/');
}

/** API Gateway returns the policy JSON with its quotes escaped; the library takes the JSON document. */
export function normalizePolicy(policy: string): string {
  for (const candidate of [policy, safeUnescape(policy)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.stringify(JSON.parse(candidate));
    } catch {
      // try the next form
    }
  }
  return policy;
}

function safeUnescape(text: string): string | undefined {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return undefined;
  }
}

async function readMethod(c: APIGatewayClient, endpoint: string, restApiId: string, resource: Resource, httpMethod: string, problems: string[]):
Promise<RestMethodModel> {
  const resourceId = resource.id as string;
  const where = `${httpMethod} ${resource.path}`;
  const method: Method = await call(`method ${where}`, endpoint, () => c.send(new GetMethodCommand({ restApiId, resourceId, httpMethod })));
  const responses: RestMethodResponseModel[] = [];
  for (const statusCode of Object.keys(method.methodResponses ?? {}).sort(byText)) {
    const r = await call(`method response ${statusCode} of ${where}`, endpoint,
      () => c.send(new GetMethodResponseCommand({ restApiId, resourceId, httpMethod, statusCode })));
    responses.push({
      statusCode,
      responseParameters: sortedMap(r.responseParameters),
      responseModels: sortedMap(r.responseModels),
    });
  }
  let integration: RestIntegrationModel | undefined;
  if (method.methodIntegration) {
    const i: Integration = await call(`the integration of ${where}`, endpoint, () => c.send(new GetIntegrationCommand({ restApiId, resourceId, httpMethod })));
    const integrationResponses: RestIntegrationResponseModel[] = [];
    for (const statusCode of Object.keys(i.integrationResponses ?? {}).sort(byText)) {
      const r = await call(`integration response ${statusCode} of ${where}`, endpoint,
        () => c.send(new GetIntegrationResponseCommand({ restApiId, resourceId, httpMethod, statusCode })));
      if (!responses.some((m) => m.statusCode === statusCode)) {
        problems.push(`${where}: integration response ${statusCode} has no method response with that status code, which the library requires`);
      }
      integrationResponses.push({
        statusCode,
        selectionPattern: present(r.selectionPattern),
        responseParameters: sortedMap(r.responseParameters),
        responseTemplates: sortedMap(nullToEmpty(r.responseTemplates)),
        contentHandling: present(r.contentHandling),
      });
    }
    if (i.tlsConfig?.insecureSkipVerification) problems.push(`${where}: the integration's tlsConfig.insecureSkipVerification, which IntegrationOptions has no field for`);
    if (i.connectionType === 'VPC_LINK' && !i.connectionId) problems.push(`${where}: a VPC_LINK integration without a connection ID`);
    integration = {
      type: i.type as string,
      uri: present(i.uri),
      integrationHttpMethod: present(i.httpMethod),
      requestTemplates: sortedMap(nullToEmpty(i.requestTemplates)),
      requestParameters: sortedMap(i.requestParameters),
      passthroughBehavior: i.passthroughBehavior && i.passthroughBehavior !== 'WHEN_NO_MATCH' ? i.passthroughBehavior : undefined,
      contentHandling: present(i.contentHandling),
      credentials: present(i.credentials),
      timeoutMilliseconds: i.timeoutInMillis !== undefined && i.timeoutInMillis !== 29000 ? i.timeoutInMillis : undefined,
      cacheKeyParameters: present(i.cacheKeyParameters ? [...i.cacheKeyParameters].sort(byText) : undefined),
      // API Gateway sets the namespace to the resource ID when none is given.
      cacheNamespace: i.cacheNamespace && i.cacheNamespace !== resourceId ? i.cacheNamespace : undefined,
      connectionType: i.connectionType === 'VPC_LINK' ? 'VPC_LINK' : undefined,
      connectionId: i.connectionType === 'VPC_LINK' ? present(i.connectionId) : undefined,
      responses: integrationResponses,
    };
  }
  return {
    httpMethod,
    authorizationType: method.authorizationType ?? 'NONE',
    authorizerId: present(method.authorizerId),
    authorizationScopes: present(method.authorizationScopes),
    apiKeyRequired: method.apiKeyRequired ? true : undefined,
    operationName: present(method.operationName),
    requestParameters: sortedMap(method.requestParameters),
    requestModels: sortedMap(method.requestModels),
    requestValidatorId: present(method.requestValidatorId),
    responses,
    integration,
  };
}

/** A template of `null` (API Gateway's "no template body") is the empty string in Terraform. */
function nullToEmpty(map: { [key: string]: string | null } | undefined): { [key: string]: string } | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v ?? '']));
}

function readStage(s: Stage, problems: string[]): RestStageModel {
  const name = s.stageName as string;
  if (s.canarySettings) problems.push(`stage ${name}: canary settings, which StageOptions has no field for`);
  if (s.clientCertificateId) problems.push(`stage ${name}: client certificate ${s.clientCertificateId}, which StageOptions has no field for`);
  if (s.webAclArn && !/^arn:[^:\s]+:wafv2:/.test(s.webAclArn)) problems.push(`stage ${name}: the AWS WAF Classic web ACL ${s.webAclArn}; the library associates AWS WAF (v2) web ACLs`);
  if (s.documentationVersion) problems.push(`stage ${name}: documentation version ${s.documentationVersion}, which StageOptions has no field for`);
  const settings = s.methodSettings ?? {};
  for (const key of Object.keys(settings).sort(byText)) {
    if (key !== '*/*') problems.push(`stage ${name}: method settings for ${key}; only the stage-wide settings (*/*) are adopted`);
  }
  const all = settings['*/*'];
  return {
    name,
    description: present(s.description),
    variables: sortedMap(s.variables),
    xrayTracingEnabled: s.tracingEnabled ? true : undefined,
    cacheClusterEnabled: s.cacheClusterEnabled ? true : undefined,
    cacheClusterSize: s.cacheClusterEnabled ? present(s.cacheClusterSize) : undefined,
    accessLogDestinationArn: present(s.accessLogSettings?.destinationArn),
    accessLogFormat: s.accessLogSettings?.destinationArn ? present(s.accessLogSettings?.format) : undefined,
    tags: sortedMap(s.tags),
    methodSettings: all ? methodSettings(all, name, problems) : undefined,
    webAclArn: present(s.webAclArn),
  };
}

function methodSettings(m: MethodSetting, stage: string, problems: string[]): MethodSettingsModel | undefined {
  if (m.requireAuthorizationForCacheControl === false || (m.unauthorizedCacheControlHeaderStrategy &&
    m.unauthorizedCacheControlHeaderStrategy !== 'SUCCEED_WITH_RESPONSE_HEADER')) {
    problems.push(`stage ${stage}: cache-control authorization settings, which MethodDeploymentOptions has no field for`);
  }
  const out: MethodSettingsModel = {
    throttlingBurstLimit: m.throttlingBurstLimit,
    throttlingRateLimit: m.throttlingRateLimit,
    loggingLevel: m.loggingLevel && m.loggingLevel !== 'OFF' ? m.loggingLevel : undefined,
    metricsEnabled: m.metricsEnabled ? true : undefined,
    dataTraceEnabled: m.dataTraceEnabled ? true : undefined,
    cachingEnabled: m.cachingEnabled ? true : undefined,
    cacheTtlSeconds: m.cachingEnabled ? m.cacheTtlInSeconds : undefined,
    cacheDataEncrypted: m.cacheDataEncrypted ? true : undefined,
  };
  return Object.values(out).some((v) => v !== undefined) ? out : undefined;
}
