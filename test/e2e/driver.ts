/**
 * Applies a synthesized cdk.tf.json to a moto server the way Terraform walks its graph: a
 * resource starts once everything it references or lists in `depends_on` exists, at most 10 run
 * at once, ready resources are taken in random order, and every call waits a random 0–50 ms
 * before it is sent, so a missing edge shows up as an error from the emulator.
 */
import { createHash } from 'crypto';
import * as gw from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { buildGraph, criticalPath, Node, TfJson } from '../support/graph';

type Config = { [key: string]: any };
type Attributes = { [key: string]: unknown };

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/**
 * Resources the driver accepts without calling moto, and why. Nothing reads them back, and
 * nothing in API Gateway depends on them.
 */
export const ACCEPTED_WITHOUT_CALL: { [type: string]: string } = {
  aws_lambda_permission: 'moto can only add a permission to a Lambda function it runs itself (in Docker); API Gateway never reads the permission',
  aws_lambda_function: 'moto runs Lambda functions in Docker, which this machine does not have; the driver gives the function an ARN',
  aws_iam_role: 'API Gateway in moto never assumes the role; the driver gives it an ARN',
  aws_apigatewayv2_deployment: 'moto does not implement CreateDeployment for apigatewayv2; the stage gets a generated deployment ID',
  aws_cloudwatch_log_group: 'the test has no CloudWatch Logs client; the driver gives the log group an ARN, which the stage\'s access log settings carry',
  aws_wafv2_web_acl_association: 'the test has no AWS WAF client and moto\'s API Gateway does not read WAF; the association only has to follow the stage',
  aws_api_gateway_account: 'the account setting is account-wide; moto never checks the role, so nothing reads it back',
  aws_iam_role_policy_attachment: 'moto\'s API Gateway never assumes the role; the attachment only has to precede the account setting',
};

/** What moto lacks for authorizers, and how the driver reads or writes around it. */
export const MOTO_AUTHORIZER_GAPS: readonly string[] = [
  'moto has no apigatewayv2 GetAuthorizers (the list): WebSocket authorizers are read back one by one with GetAuthorizer',
  'moto\'s CreateAuthorizer drops identityValidationExpression: the driver sets it with UpdateAuthorizer, which moto keeps, before the read-back',
];

/** AWS checks that moto does not make, made by the driver before the call, with AWS's message. */
const AWS_PRECONDITIONS = 'PutIntegration needs the method; PutIntegrationResponse needs the method response; CreateDeployment needs an integration on every method; ' +
  'PutMethod and PutMethodResponse need the models and the request validator they name; CreateModel needs the models its schema refers to; ' +
  'CreateUsagePlan needs its stages; CreateUsagePlanKey needs the plan and the key; CreateBasePathMapping needs the domain and the stage';

const BUILT_IN_MODELS = ['Empty', 'Error'];

/** AWS refuses a method or response naming a model the API does not have; moto does not check. */
async function needModels(v1: gw.APIGatewayClient, restApiId: string, models: { [contentType: string]: string } | undefined): Promise<void> {
  for (const name of Object.values(models ?? {})) {
    if (BUILT_IN_MODELS.includes(name)) continue;
    try {
      await v1.send(new gw.GetModelCommand({ restApiId, modelName: name }));
    } catch {
      throw Object.assign(new Error(`Invalid model identifier specified: ${name}`), { name: 'BadRequestException' });
    }
  }
}

export interface Clients {
  readonly v1: gw.APIGatewayClient;
  readonly v2: v2.ApiGatewayV2Client;
}

export function clientsFor(endpoint: string): Clients {
  const config = { endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };
  return { v1: new gw.APIGatewayClient(config), v2: new v2.ApiGatewayV2Client(config) };
}

/** A small seeded PRNG (mulberry32), so a schedule can be replayed with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScheduleResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly makespanMs: number;
  /** The attributes of every resource created, by address. */
  readonly state: Map<string, Attributes>;
}

class ApplyError extends Error {
  constructor(address: string, cause: unknown) {
    const e = cause as { name?: string; message?: string };
    super(`${address}: ${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e?.message ?? String(cause)}`);
  }
}

/** Replaces `${type.name.attr}` references with the attributes of created resources. */
function resolve(value: unknown, state: Map<string, Attributes>, where: string): any {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    const lookup = (expr: string): unknown => {
      // element(split("sep", reference), n): how the library takes a region out of an ARN.
      const fn = /^element\(split\("([^"]*)", (.+)\), (\d+)\)$/.exec(expr.trim());
      if (fn) return String(lookup(fn[2])).split(fn[1])[Number(fn[3])];
      const m = /^((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(expr.trim());
      if (!m) throw new Error(`${where}: the driver resolves references and element(split(...)), not "\${${expr}}"`);
      const attributes = state.get(m[1]);
      if (!attributes) throw new Error(`${where}: ${m[1]} does not exist yet`);
      if (!(m[2] in attributes)) throw new Error(`${where}: ${m[1]} has no attribute ${m[2]}`);
      return attributes[m[2]];
    };
    // The redeployment trigger, with the values it folds in: its value only has to change with them.
    const trigger = /^\$\{sha256\(jsonencode\(\["([0-9a-f]{64})", (.+)\]\)\)\}$/.exec(value);
    if (trigger) {
      const values = [trigger[1], ...trigger[2].split(', ').map(lookup)];
      return createHash('sha256').update(JSON.stringify(values)).digest('hex');
    }
    if (whole) return lookup(whole[1]);
    // Terraform's escapes ($${ and %%{) give a literal ${ and %{; anything else in ${...} is looked up.
    return value.replace(/\$\$\{|%%\{|\$\{([^}]+)\}/g, (match, expr) => (expr === undefined ? match.slice(1) : String(lookup(expr))));
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, state, where));
  if (value && typeof value === 'object') {
    const out: Config = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '//' || k === 'depends_on' || k === 'lifecycle' || k === 'provider') continue;
      out[k] = resolve(v, state, where);
    }
    return out;
  }
  return value;
}

const block = (value: unknown): Config | undefined => (Array.isArray(value) ? value[0] : value) as Config | undefined;
const num = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));

type Handler = (config: Config, clients: Clients) => Promise<Attributes>;

const HANDLERS: { [type: string]: Handler } = {
  async aws_api_gateway_rest_api(c, { v1 }) {
    const api = await v1.send(new gw.CreateRestApiCommand({
      name: c.name, description: c.description, binaryMediaTypes: c.binary_media_types,
      minimumCompressionSize: num(c.minimum_compression_size), apiKeySource: c.api_key_source,
      endpointConfiguration: block(c.endpoint_configuration) ? { types: block(c.endpoint_configuration)!.types } : undefined,
      policy: c.policy, tags: c.tags, disableExecuteApiEndpoint: c.disable_execute_api_endpoint,
    }));
    return { ...c, id: api.id, root_resource_id: api.rootResourceId, execution_arn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${api.id}`, arn: `arn:aws:apigateway:${REGION}::/restapis/${api.id}` };
  },
  async aws_api_gateway_resource(c, { v1 }) {
    const r = await v1.send(new gw.CreateResourceCommand({ restApiId: c.rest_api_id, parentId: c.parent_id, pathPart: c.path_part }));
    return { ...c, id: r.id, path: r.path };
  },
  async aws_api_gateway_method(c, { v1 }) {
    await needModels(v1, c.rest_api_id, c.request_models);
    if (c.request_validator_id) {
      try {
        await v1.send(new gw.GetRequestValidatorCommand({ restApiId: c.rest_api_id, requestValidatorId: c.request_validator_id }));
      } catch {
        throw Object.assign(new Error(`Invalid Request Validator identifier specified: ${c.request_validator_id}`), { name: 'BadRequestException' });
      }
    }
    await v1.send(new gw.PutMethodCommand({
      restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method, authorizationType: c.authorization,
      authorizerId: c.authorizer_id, authorizationScopes: c.authorization_scopes, apiKeyRequired: c.api_key_required,
      operationName: c.operation_name, requestParameters: c.request_parameters, requestModels: c.request_models,
      requestValidatorId: c.request_validator_id,
    }));
    return { ...c, id: `agm-${c.rest_api_id}-${c.resource_id}-${c.http_method}` };
  },
  async aws_api_gateway_method_response(c, { v1 }) {
    await needModels(v1, c.rest_api_id, c.response_models);
    await v1.send(new gw.PutMethodResponseCommand({
      restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method, statusCode: c.status_code,
      responseParameters: c.response_parameters, responseModels: c.response_models,
    }));
    return { ...c, id: `agmr-${c.rest_api_id}-${c.resource_id}-${c.http_method}-${c.status_code}` };
  },
  async aws_api_gateway_integration(c, { v1 }) {
    await v1.send(new gw.GetMethodCommand({ restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method }));
    await v1.send(new gw.PutIntegrationCommand({
      restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method, type: c.type, uri: c.uri,
      integrationHttpMethod: c.integration_http_method, requestTemplates: c.request_templates, requestParameters: c.request_parameters,
      passthroughBehavior: c.passthrough_behavior, contentHandling: c.content_handling, credentials: c.credentials,
      timeoutInMillis: num(c.timeout_milliseconds), cacheKeyParameters: c.cache_key_parameters, cacheNamespace: c.cache_namespace,
      connectionType: c.connection_type, connectionId: c.connection_id,
    }));
    return { ...c, id: `agi-${c.rest_api_id}-${c.resource_id}-${c.http_method}` };
  },
  async aws_api_gateway_integration_response(c, { v1 }) {
    const key = { restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method, statusCode: c.status_code };
    try {
      await v1.send(new gw.GetMethodResponseCommand(key));
    } catch {
      throw Object.assign(new Error('Invalid Response status code specified (no method response with this status code yet)'), { name: 'NotFoundException' });
    }
    await v1.send(new gw.PutIntegrationResponseCommand({
      ...key, selectionPattern: c.selection_pattern, responseTemplates: c.response_templates,
      responseParameters: c.response_parameters, contentHandling: c.content_handling,
    }));
    return { ...c, id: `agir-${c.rest_api_id}-${c.resource_id}-${c.http_method}-${c.status_code}` };
  },
  async aws_api_gateway_deployment(c, { v1 }) {
    const resources = await v1.send(new gw.GetResourcesCommand({ restApiId: c.rest_api_id, limit: 500 }));
    for (const resource of resources.items ?? []) {
      for (const httpMethod of Object.keys(resource.resourceMethods ?? {})) {
        const method = await v1.send(new gw.GetMethodCommand({ restApiId: c.rest_api_id, resourceId: resource.id, httpMethod }));
        if (!method.methodIntegration) {
          throw Object.assign(new Error(`No integration defined for method (${httpMethod} ${resource.path})`), { name: 'BadRequestException' });
        }
      }
    }
    const d = await v1.send(new gw.CreateDeploymentCommand({ restApiId: c.rest_api_id, description: c.description }));
    return { ...c, id: d.id, invoke_url: `https://${c.rest_api_id}.execute-api.${REGION}.amazonaws.com/`, execution_arn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${c.rest_api_id}` };
  },
  async aws_api_gateway_stage(c, { v1 }) {
    await v1.send(new gw.CreateStageCommand({
      restApiId: c.rest_api_id, stageName: c.stage_name, deploymentId: c.deployment_id, description: c.description,
      variables: c.variables, tracingEnabled: c.xray_tracing_enabled, cacheClusterEnabled: c.cache_cluster_enabled,
      cacheClusterSize: c.cache_cluster_size, tags: c.tags,
    }));
    const accessLog = block(c.access_log_settings);
    if (accessLog) {
      await v1.send(new gw.UpdateStageCommand({
        restApiId: c.rest_api_id, stageName: c.stage_name, patchOperations: [
          { op: 'replace', path: '/accessLogSettings/destinationArn', value: accessLog.destination_arn },
          { op: 'replace', path: '/accessLogSettings/format', value: accessLog.format },
        ],
      }));
    }
    return {
      ...c, id: `ags-${c.rest_api_id}-${c.stage_name}`, arn: `arn:aws:apigateway:${REGION}::/restapis/${c.rest_api_id}/stages/${c.stage_name}`, invoke_url: `https://${c.rest_api_id}.execute-api.${REGION}.amazonaws.com/${c.stage_name}`,
      execution_arn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${c.rest_api_id}/${c.stage_name}`,
    };
  },
  async aws_api_gateway_method_settings(c, { v1 }) {
    const settings = block(c.settings) ?? {};
    const paths: { [key: string]: string } = {
      metrics_enabled: 'metrics/enabled', logging_level: 'logging/loglevel', data_trace_enabled: 'logging/dataTrace',
      throttling_burst_limit: 'throttling/burstLimit', throttling_rate_limit: 'throttling/rateLimit', caching_enabled: 'caching/enabled',
      cache_ttl_in_seconds: 'caching/ttlInSeconds', cache_data_encrypted: 'caching/dataEncrypted',
    };
    const patchOperations = Object.entries(settings).filter(([k, v]) => v !== undefined && paths[k])
      .map(([k, v]) => ({ op: 'replace' as const, path: `/${c.method_path}/${paths[k]}`, value: String(v) }));
    await v1.send(new gw.UpdateStageCommand({ restApiId: c.rest_api_id, stageName: c.stage_name, patchOperations }));
    return { ...c, id: `${c.rest_api_id}-${c.stage_name}-${c.method_path}` };
  },
  async aws_api_gateway_model(c, { v1 }) {
    // A schema's $ref to another model of the API must resolve when the model is created.
    for (const [, restApiId, modelName] of String(c.schema ?? '').matchAll(/https:\/\/apigateway\.amazonaws\.com\/restapis\/([^/"]+)\/models\/([A-Za-z0-9]+)/g)) {
      try {
        await v1.send(new gw.GetModelCommand({ restApiId, modelName }));
      } catch {
        throw Object.assign(new Error(`Invalid model specified: Validation Result: errors : [Invalid model referenced: ${modelName}]`), { name: 'BadRequestException' });
      }
    }
    const m = await v1.send(new gw.CreateModelCommand({
      restApiId: c.rest_api_id, name: c.name, contentType: c.content_type, schema: c.schema, description: c.description,
    }));
    return { ...c, id: m.id };
  },
  async aws_api_gateway_request_validator(c, { v1 }) {
    const v = await v1.send(new gw.CreateRequestValidatorCommand({
      restApiId: c.rest_api_id, name: c.name, validateRequestBody: c.validate_request_body, validateRequestParameters: c.validate_request_parameters,
    }));
    return { ...c, id: v.id };
  },
  async aws_api_gateway_gateway_response(c, { v1 }) {
    await v1.send(new gw.PutGatewayResponseCommand({
      restApiId: c.rest_api_id, responseType: c.response_type, statusCode: c.status_code,
      responseParameters: c.response_parameters, responseTemplates: c.response_templates,
    }));
    return { ...c, id: `aggr-${c.rest_api_id}-${c.response_type}` };
  },
  async aws_api_gateway_usage_plan(c, { v1 }) {
    const stages = (c.api_stages ?? []) as Config[];
    for (const stage of stages) await v1.send(new gw.GetStageCommand({ restApiId: stage.api_id, stageName: stage.stage }));
    const throttle = block(c.throttle_settings);
    const quota = block(c.quota_settings);
    const plan = await v1.send(new gw.CreateUsagePlanCommand({
      name: c.name, description: c.description, tags: c.tags,
      throttle: throttle && { rateLimit: throttle.rate_limit, burstLimit: throttle.burst_limit },
      quota: quota && { limit: quota.limit, period: quota.period, offset: quota.offset },
      apiStages: stages.map((s) => ({
        apiId: s.api_id, stage: s.stage,
        throttle: s.throttle && Object.fromEntries((s.throttle as Config[]).map((t) => [t.path, { rateLimit: t.rate_limit, burstLimit: t.burst_limit }])),
      })),
    }));
    return { ...c, id: plan.id, arn: `arn:aws:apigateway:${REGION}::/usageplans/${plan.id}` };
  },
  async aws_api_gateway_api_key(c, { v1 }) {
    const key = await v1.send(new gw.CreateApiKeyCommand({
      name: c.name, description: c.description, enabled: c.enabled, value: c.value, customerId: c.customer_id, tags: c.tags,
    }));
    return { ...c, id: key.id, value: key.value, arn: `arn:aws:apigateway:${REGION}::/apikeys/${key.id}` };
  },
  async aws_api_gateway_usage_plan_key(c, { v1 }) {
    await v1.send(new gw.GetUsagePlanCommand({ usagePlanId: c.usage_plan_id }));
    await v1.send(new gw.GetApiKeyCommand({ apiKey: c.key_id }));
    const key = await v1.send(new gw.CreateUsagePlanKeyCommand({ usagePlanId: c.usage_plan_id, keyId: c.key_id, keyType: c.key_type }));
    return { ...c, id: key.id };
  },
  async aws_api_gateway_domain_name(c, { v1 }) {
    const mtls = block(c.mutual_tls_authentication);
    const d = await v1.send(new gw.CreateDomainNameCommand({
      domainName: c.domain_name, certificateArn: c.certificate_arn, regionalCertificateArn: c.regional_certificate_arn,
      endpointConfiguration: block(c.endpoint_configuration) ? { types: block(c.endpoint_configuration)!.types } : undefined,
      securityPolicy: c.security_policy, tags: c.tags,
      mutualTlsAuthentication: mtls && { truststoreUri: mtls.truststore_uri, truststoreVersion: mtls.truststore_version },
    }));
    return {
      ...c, id: c.domain_name, arn: `arn:aws:apigateway:${REGION}::/domainnames/${c.domain_name}`,
      regional_domain_name: d.regionalDomainName ?? `d-${c.domain_name}.execute-api.${REGION}.amazonaws.com`, regional_zone_id: d.regionalHostedZoneId ?? 'Z1UJRXOUMOOFQ8',
      cloudfront_domain_name: d.distributionDomainName ?? '', cloudfront_zone_id: 'Z2FDTNDATAQYW2',
    };
  },
  async aws_api_gateway_base_path_mapping(c, { v1 }) {
    await v1.send(new gw.GetDomainNameCommand({ domainName: c.domain_name }));
    await v1.send(new gw.GetStageCommand({ restApiId: c.api_id, stageName: c.stage_name }));
    await v1.send(new gw.CreateBasePathMappingCommand({ domainName: c.domain_name, basePath: c.base_path, restApiId: c.api_id, stage: c.stage_name }));
    return { ...c, id: `${c.domain_name}/${c.base_path ?? ''}` };
  },
  async aws_cloudwatch_log_group(c) {
    const name = c.name ?? `terraform-${Math.random().toString(36).slice(2, 12)}`;
    return { ...c, id: name, name, arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}` };
  },
  async aws_wafv2_web_acl_association(c) {
    return { ...c, id: `${c.web_acl_arn},${c.resource_arn}` };
  },
  async aws_api_gateway_account(c) {
    return { ...c, id: 'api-gateway-account' };
  },
  async aws_iam_role_policy_attachment(c) {
    return { ...c, id: `${c.role}-${Math.random().toString(36).slice(2, 10)}` };
  },
  async aws_api_gateway_authorizer(c, { v1 }) {
    const a = await v1.send(new gw.CreateAuthorizerCommand({
      restApiId: c.rest_api_id, name: c.name, type: c.type, authorizerUri: c.authorizer_uri, authorizerCredentials: c.authorizer_credentials,
      identitySource: c.identity_source, identityValidationExpression: c.identity_validation_expression,
      authorizerResultTtlInSeconds: num(c.authorizer_result_ttl_in_seconds), providerARNs: c.provider_arns,
    }));
    if (c.identity_validation_expression !== undefined) {
      // moto's CreateAuthorizer drops identityValidationExpression (it passes it on under a misspelt
      // keyword); its UpdateAuthorizer stores it, so the read-back still compares what AWS would keep.
      await v1.send(new gw.UpdateAuthorizerCommand({
        restApiId: c.rest_api_id, authorizerId: a.id,
        patchOperations: [{ op: 'replace', path: '/identityValidationExpression', value: c.identity_validation_expression }],
      }));
    }
    return { ...c, id: a.id, arn: `arn:aws:apigateway:${REGION}::/restapis/${c.rest_api_id}/authorizers/${a.id}` };
  },
  async aws_apigatewayv2_authorizer(c, { v2: client }) {
    const a = await client.send(new v2.CreateAuthorizerCommand({
      ApiId: c.api_id, AuthorizerType: c.authorizer_type, Name: c.name, AuthorizerUri: c.authorizer_uri, IdentitySource: c.identity_sources,
      AuthorizerCredentialsArn: c.authorizer_credentials_arn,
    }));
    return { ...c, id: a.AuthorizerId };
  },
  async aws_lambda_permission(c) {
    return { ...c, id: `permission-${c.function_name}` };
  },
  async aws_lambda_function(c) {
    const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${c.function_name}`;
    return { ...c, id: c.function_name, arn, qualified_arn: `${arn}:$LATEST`, invoke_arn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${arn}/invocations` };
  },
  async aws_iam_role(c) {
    const name = c.name ?? `role-${Math.random().toString(36).slice(2, 10)}`;
    return { ...c, id: name, name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, unique_id: name };
  },
  async aws_apigatewayv2_api(c, { v2: client }) {
    const api = await client.send(new v2.CreateApiCommand({
      Name: c.name, ProtocolType: c.protocol_type, RouteSelectionExpression: c.route_selection_expression, Description: c.description,
      ApiKeySelectionExpression: c.api_key_selection_expression, Tags: c.tags,
    }));
    return { ...c, id: api.ApiId, api_endpoint: api.ApiEndpoint, execution_arn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${api.ApiId}` };
  },
  async aws_apigatewayv2_integration(c, { v2: client }) {
    const i = await client.send(new v2.CreateIntegrationCommand({
      ApiId: c.api_id, IntegrationType: c.integration_type, IntegrationUri: c.integration_uri, IntegrationMethod: c.integration_method,
      RequestTemplates: c.request_templates, RequestParameters: c.request_parameters, TemplateSelectionExpression: c.template_selection_expression,
      ContentHandlingStrategy: c.content_handling_strategy, PassthroughBehavior: c.passthrough_behavior, CredentialsArn: c.credentials_arn,
      TimeoutInMillis: num(c.timeout_milliseconds),
    }));
    return { ...c, id: i.IntegrationId };
  },
  async aws_apigatewayv2_integration_response(c, { v2: client }) {
    const r = await client.send(new v2.CreateIntegrationResponseCommand({
      ApiId: c.api_id, IntegrationId: c.integration_id, IntegrationResponseKey: c.integration_response_key,
      ResponseTemplates: c.response_templates, TemplateSelectionExpression: c.template_selection_expression,
      ContentHandlingStrategy: c.content_handling_strategy,
    }));
    return { ...c, id: r.IntegrationResponseId };
  },
  async aws_apigatewayv2_route(c, { v2: client }) {
    const r = await client.send(new v2.CreateRouteCommand({
      ApiId: c.api_id, RouteKey: c.route_key, Target: c.target, RouteResponseSelectionExpression: c.route_response_selection_expression,
      AuthorizationType: c.authorization_type, AuthorizerId: c.authorizer_id, ApiKeyRequired: c.api_key_required, OperationName: c.operation_name,
    }));
    return { ...c, id: r.RouteId };
  },
  async aws_apigatewayv2_route_response(c, { v2: client }) {
    await client.send(new v2.GetRouteCommand({ ApiId: c.api_id, RouteId: c.route_id }));
    const r = await client.send(new v2.CreateRouteResponseCommand({
      ApiId: c.api_id, RouteId: c.route_id, RouteResponseKey: c.route_response_key, ResponseModels: c.response_models,
      ModelSelectionExpression: c.model_selection_expression,
    }));
    return { ...c, id: r.RouteResponseId };
  },
  async aws_apigatewayv2_deployment(c) {
    return { ...c, id: `dep${Math.random().toString(36).slice(2, 10)}` };
  },
  async aws_apigatewayv2_stage(c, { v2: client }) {
    const settings = block(c.default_route_settings);
    await client.send(new v2.CreateStageCommand({
      ApiId: c.api_id, StageName: c.name, DeploymentId: c.deployment_id, Description: c.description, StageVariables: c.stage_variables,
      Tags: c.tags, DefaultRouteSettings: settings && {
        ThrottlingBurstLimit: settings.throttling_burst_limit, ThrottlingRateLimit: settings.throttling_rate_limit,
        LoggingLevel: settings.logging_level, DataTraceEnabled: settings.data_trace_enabled, DetailedMetricsEnabled: settings.detailed_metrics_enabled,
      },
    }));
    return { ...c, id: c.name, invoke_url: `wss://${c.api_id}.execute-api.${REGION}.amazonaws.com/${c.name}` };
  },
};

const DATA: { [type: string]: (c: Config) => Attributes } = {
  aws_region: () => ({ id: REGION, name: REGION, region: REGION }),
  aws_partition: () => ({ id: 'aws', partition: 'aws', dns_suffix: 'amazonaws.com' }),
  aws_caller_identity: () => ({ id: ACCOUNT, account_id: ACCOUNT }),
};

/** Throws unless the driver can create every resource of the stack. */
export function checkSupported(graph: Map<string, Node>): void {
  for (const node of graph.values()) {
    const known = node.address.startsWith('data.') ? DATA[node.type] : HANDLERS[node.type];
    if (!known) throw new Error(`${node.address}: the driver does not know how to create ${node.address.startsWith('data.') ? 'data source ' : ''}${node.type}`);
  }
}

/** Applies the graph once, in the order `rng` picks among the ready resources. */
export async function applySchedule(graph: Map<string, Node>, clients: Clients, rng: () => number, concurrency = 10): Promise<ScheduleResult> {
  const started = Date.now();
  const state = new Map<string, Attributes>();
  const pending = new Set(graph.keys());
  const running = new Map<string, Promise<void>>();
  let failure: string | undefined;

  const create = async (node: Node) => {
    await new Promise((r) => setTimeout(r, Math.floor(rng() * 51)));
    try {
      const config = resolve(node.config, state, node.address);
      const attributes = node.address.startsWith('data.') ? DATA[node.type](config) : await HANDLERS[node.type](config, clients);
      state.set(node.address, attributes);
    } catch (e) {
      throw new ApplyError(node.address, e);
    }
  };

  while ((pending.size > 0 || running.size > 0) && failure === undefined) {
    const ready = [...pending].filter((a) => [...graph.get(a)!.dependsOn].every((d) => state.has(d)));
    for (let i = ready.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [ready[i], ready[j]] = [ready[j], ready[i]];
    }
    while (running.size < concurrency && ready.length > 0) {
      const address = ready.shift()!;
      pending.delete(address);
      running.set(address, create(graph.get(address)!).then(
        () => { running.delete(address); },
        (e) => { running.delete(address); failure ??= (e as Error).message; },
      ));
    }
    if (running.size === 0) {
      if (pending.size > 0) failure = `nothing can start: ${[...pending].join(', ')} wait for resources that never appear`;
      break;
    }
    await Promise.race(running.values());
  }
  await Promise.allSettled(running.values());
  if (failure === undefined) {
    try {
      await readBack(graph, state, clients);
    } catch (e) {
      failure = `read-back: ${(e as Error).message}`;
    }
  }
  return { ok: failure === undefined, error: failure, makespanMs: Date.now() - started, state };
}

/** Reads every integration response and method back and compares them with the configuration. */
export async function readBack(graph: Map<string, Node>, state: Map<string, Attributes>, { v1, v2: client }: Clients): Promise<void> {
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (typeof v === 'object' && Object.keys(v as object).length === 0);
  const same = (a: unknown, b: unknown) => (empty(a) && empty(b)) || JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  const compare = (address: string, field: string, configured: unknown, actual: unknown) => {
    if (!same(configured, actual)) {
      throw new Error(`${address}: ${field} is ${JSON.stringify(actual)} in API Gateway, configured ${JSON.stringify(configured)}`);
    }
  };
  for (const node of graph.values()) {
    const c = state.get(node.address) as Config;
    if (node.type === 'aws_api_gateway_integration_response') {
      const r = await v1.send(new gw.GetIntegrationResponseCommand({
        restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method, statusCode: c.status_code,
      }));
      compare(node.address, 'statusCode', c.status_code, r.statusCode);
      compare(node.address, 'selectionPattern', c.selection_pattern, r.selectionPattern);
      compare(node.address, 'responseTemplates', c.response_templates, r.responseTemplates);
      compare(node.address, 'responseParameters', c.response_parameters, r.responseParameters);
      compare(node.address, 'contentHandling', c.content_handling, r.contentHandling);
    } else if (node.type === 'aws_api_gateway_method') {
      const m = await v1.send(new gw.GetMethodCommand({ restApiId: c.rest_api_id, resourceId: c.resource_id, httpMethod: c.http_method }));
      compare(node.address, 'httpMethod', c.http_method, m.httpMethod);
      compare(node.address, 'authorizationType', c.authorization, m.authorizationType);
      compare(node.address, 'apiKeyRequired', c.api_key_required ?? false, m.apiKeyRequired ?? false);
      compare(node.address, 'requestParameters', c.request_parameters, m.requestParameters);
      compare(node.address, 'requestModels', c.request_models, m.requestModels);
      compare(node.address, 'requestValidatorId', c.request_validator_id, m.requestValidatorId);
      compare(node.address, 'authorizerId', c.authorizer_id, m.authorizerId);
      compare(node.address, 'authorizationScopes', c.authorization_scopes, m.authorizationScopes);
    } else if (node.type === 'aws_api_gateway_model') {
      const all = await v1.send(new gw.GetModelsCommand({ restApiId: c.rest_api_id, limit: 500 }));
      const m = all.items?.find((i) => i.name === c.name);
      if (!m) throw new Error(`${node.address}: GetModels has no model named ${c.name}`);
      compare(node.address, 'contentType', c.content_type, m.contentType);
      compare(node.address, 'schema', JSON.parse(c.schema), JSON.parse(m.schema ?? 'null'));
      compare(node.address, 'description', c.description, m.description);
    } else if (node.type === 'aws_api_gateway_request_validator') {
      const all = await v1.send(new gw.GetRequestValidatorsCommand({ restApiId: c.rest_api_id, limit: 500 }));
      const v = all.items?.find((i) => i.id === c.id);
      if (!v) throw new Error(`${node.address}: GetRequestValidators has no validator ${c.id}`);
      compare(node.address, 'name', c.name, v.name);
      compare(node.address, 'validateRequestBody', c.validate_request_body ?? false, v.validateRequestBody ?? false);
      compare(node.address, 'validateRequestParameters', c.validate_request_parameters ?? false, v.validateRequestParameters ?? false);
    } else if (node.type === 'aws_api_gateway_gateway_response') {
      const all = await v1.send(new gw.GetGatewayResponsesCommand({ restApiId: c.rest_api_id, limit: 500 }));
      const r = all.items?.find((i) => i.responseType === c.response_type);
      if (!r) throw new Error(`${node.address}: GetGatewayResponses has no response of type ${c.response_type}`);
      compare(node.address, 'statusCode', c.status_code, r.statusCode);
      compare(node.address, 'responseParameters', c.response_parameters, r.responseParameters);
      compare(node.address, 'responseTemplates', c.response_templates, r.responseTemplates);
    } else if (node.type === 'aws_api_gateway_usage_plan') {
      const p = await v1.send(new gw.GetUsagePlanCommand({ usagePlanId: String(c.id) }));
      const throttle = block(c.throttle_settings);
      const quota = block(c.quota_settings);
      compare(node.address, 'name', c.name, p.name);
      compare(node.address, 'throttle', throttle && { rateLimit: throttle.rate_limit, burstLimit: throttle.burst_limit }, p.throttle);
      compare(node.address, 'quota', quota && { limit: quota.limit, period: quota.period, offset: quota.offset ?? 0 }, p.quota);
      const stages = ((c.api_stages ?? []) as Config[]).map((s) => ({
        apiId: s.api_id, stage: s.stage,
        throttle: Object.fromEntries(((s.throttle ?? []) as Config[]).map((t) => [t.path, { rateLimit: t.rate_limit, burstLimit: t.burst_limit }])),
      }));
      compare(node.address, 'apiStages', stages, (p.apiStages ?? []).map((s) => ({ apiId: s.apiId, stage: s.stage, throttle: s.throttle ?? {} })));
    } else if (node.type === 'aws_api_gateway_api_key') {
      const k = await v1.send(new gw.GetApiKeyCommand({ apiKey: String(c.id), includeValue: true }));
      compare(node.address, 'name', c.name, k.name);
      compare(node.address, 'enabled', c.enabled ?? true, k.enabled);
      if (c.value !== undefined) compare(node.address, 'value', c.value, k.value);
    } else if (node.type === 'aws_api_gateway_usage_plan_key') {
      const k = await v1.send(new gw.GetUsagePlanKeyCommand({ usagePlanId: c.usage_plan_id, keyId: c.key_id }));
      compare(node.address, 'type', c.key_type, k.type);
    } else if (node.type === 'aws_api_gateway_domain_name') {
      const d = await v1.send(new gw.GetDomainNameCommand({ domainName: c.domain_name }));
      compare(node.address, 'regionalCertificateArn', c.regional_certificate_arn, d.regionalCertificateArn);
      compare(node.address, 'certificateArn', c.certificate_arn, d.certificateArn);
      compare(node.address, 'endpointConfiguration.types', block(c.endpoint_configuration)?.types, d.endpointConfiguration?.types);
      compare(node.address, 'securityPolicy', c.security_policy, d.securityPolicy);
    } else if (node.type === 'aws_api_gateway_base_path_mapping') {
      const m = await v1.send(new gw.GetBasePathMappingCommand({ domainName: c.domain_name, basePath: c.base_path ?? '(none)' }));
      compare(node.address, 'restApiId', c.api_id, m.restApiId);
      compare(node.address, 'stage', c.stage_name, m.stage);
      compare(node.address, 'basePath', c.base_path ?? '(none)', m.basePath);
    } else if (node.type === 'aws_api_gateway_stage' && c.access_log_settings) {
      const st = await v1.send(new gw.GetStageCommand({ restApiId: c.rest_api_id, stageName: c.stage_name }));
      const accessLog = block(c.access_log_settings)!;
      compare(node.address, 'accessLogSettings', { destinationArn: accessLog.destination_arn, format: accessLog.format }, st.accessLogSettings);
    } else if (node.type === 'aws_api_gateway_authorizer') {
      const all = await v1.send(new gw.GetAuthorizersCommand({ restApiId: c.rest_api_id }));
      const a = (all.items ?? []).find((x) => x.id === c.id);
      if (!a) throw new Error(`${node.address}: GetAuthorizers does not list the authorizer ${c.id}`);
      compare(node.address, 'name', c.name, a.name);
      compare(node.address, 'type', c.type, a.type);
      compare(node.address, 'authorizerUri', c.authorizer_uri, a.authorizerUri);
      compare(node.address, 'authorizerCredentials', c.authorizer_credentials, a.authorizerCredentials);
      compare(node.address, 'identitySource', c.identity_source, a.identitySource);
      compare(node.address, 'identityValidationExpression', c.identity_validation_expression, a.identityValidationExpression);
      compare(node.address, 'authorizerResultTtlInSeconds', num(c.authorizer_result_ttl_in_seconds), a.authorizerResultTtlInSeconds);
      compare(node.address, 'providerARNs', c.provider_arns, a.providerARNs);
    } else if (node.type === 'aws_apigatewayv2_authorizer') {
      // moto has no apigatewayv2 GetAuthorizers (the list); GetAuthorizer reads the same record.
      const a = await client.send(new v2.GetAuthorizerCommand({ ApiId: c.api_id, AuthorizerId: String(c.id) }));
      compare(node.address, 'Name', c.name, a.Name);
      compare(node.address, 'AuthorizerType', c.authorizer_type, a.AuthorizerType);
      compare(node.address, 'AuthorizerUri', c.authorizer_uri, a.AuthorizerUri);
      compare(node.address, 'IdentitySource', c.identity_sources, a.IdentitySource);
      compare(node.address, 'AuthorizerCredentialsArn', c.authorizer_credentials_arn, a.AuthorizerCredentialsArn);
    } else if (node.type === 'aws_apigatewayv2_route') {
      const r = await client.send(new v2.GetRouteCommand({ ApiId: c.api_id, RouteId: String(c.id) }));
      compare(node.address, 'AuthorizationType', c.authorization_type ?? 'NONE', r.AuthorizationType ?? 'NONE');
      compare(node.address, 'AuthorizerId', c.authorizer_id, r.AuthorizerId);
    } else if (node.type === 'aws_apigatewayv2_integration_response') {
      const r = await client.send(new v2.GetIntegrationResponseCommand({
        ApiId: c.api_id, IntegrationId: c.integration_id, IntegrationResponseId: String(c.id),
      }));
      compare(node.address, 'integrationResponseKey', c.integration_response_key, r.IntegrationResponseKey);
      compare(node.address, 'templateSelectionExpression', c.template_selection_expression, r.TemplateSelectionExpression);
      compare(node.address, 'responseTemplates', c.response_templates, r.ResponseTemplates);
      compare(node.address, 'contentHandlingStrategy', c.content_handling_strategy, r.ContentHandlingStrategy);
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Config)[k])]));
  return value;
}

export interface RunOptions {
  readonly schedules: number;
  readonly seed: number;
  readonly reset: () => Promise<void>;
  readonly log?: (line: string) => void;
}

export interface RunResult {
  readonly schedules: number;
  readonly failed: number;
  readonly resources: number;
  readonly criticalPath: number;
  readonly medianMakespanMs: number;
  readonly failures: string[];
}

/** Applies a stack in `schedules` random orders, resetting moto before each. */
export async function applyStack(json: TfJson, clients: Clients, options: RunOptions): Promise<RunResult> {
  const graph = buildGraph(json);
  checkSupported(graph);
  const log = options.log ?? (() => undefined);
  const failures: string[] = [];
  const makespans: number[] = [];
  for (let i = 0; i < options.schedules; i++) {
    const seed = options.seed + i;
    await options.reset();
    const result = await applySchedule(graph, clients, random(seed));
    makespans.push(result.makespanMs);
    if (!result.ok) {
      const line = `schedule ${i + 1} (seed ${seed}) failed: ${result.error}`;
      failures.push(line);
      log(line);
    }
  }
  makespans.sort((a, b) => a - b);
  return {
    schedules: options.schedules,
    failed: failures.length,
    resources: [...graph.values()].filter((n) => !n.address.startsWith('data.')).length,
    criticalPath: criticalPath(graph),
    medianMakespanMs: makespans[Math.floor(makespans.length / 2)] ?? 0,
    failures,
  };
}

export { AWS_PRECONDITIONS };

/** The create calls, for the update flows (test/e2e/flows/apply-one.ts), which add updates and deletes. */
export { HANDLERS as CREATE_HANDLERS };
