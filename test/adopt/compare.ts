/**
 * Compares a synthesized program with the live API it adopts, the way `terraform plan` after the
 * imports would: every import block's ID must name a live object, every live object must be
 * imported, and every argument of an imported resource must equal the live value (an argument
 * left out equals the provider's default or the value API Gateway computes).
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';

type Json = { [key: string]: any };
export interface TfJson {
  resource?: { [type: string]: { [name: string]: Json } };
  import?: { to: string; id: string }[];
}

/** One difference, as plan would show it. */
export type Finding = string;

/** Resolves the references of a configuration value against the imported objects. */
class Resolver {
  constructor(private readonly tf: TfJson, private readonly computed: (address: string, attribute: string) => string | undefined) {}

  public value(v: unknown): unknown {
    if (typeof v === 'string') return this.str(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)]));
    return v;
  }

  private str(s: string): string {
    // Split on references that are not escaped ($${ is a literal).
    let out = '';
    let i = 0;
    while (i < s.length) {
      if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
        out += s[i] + '{';
        i += 3;
        continue;
      }
      if (s.startsWith('${', i)) {
        const end = s.indexOf('}', i);
        out += this.reference(s.slice(i + 2, end));
        i = end + 1;
        continue;
      }
      out += s[i++];
    }
    return out;
  }

  private reference(expr: string): string {
    const m = /^(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(expr.trim());
    if (!m) throw new Error(`cannot resolve \${${expr}}`);
    const [, type, name, attribute] = m;
    const config = this.tf.resource?.[type]?.[name];
    if (!config) throw new Error(`\${${expr}} names no resource of the program`);
    if (attribute in config && attribute !== 'id') return String(this.value(config[attribute]));
    const c = this.computed(`${type}.${name}`, attribute);
    if (c === undefined) throw new Error(`\${${expr}}: ${type}.${name} is not imported, so its ${attribute} is not known before apply`);
    return c;
  }
}

function norm(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length ? v : undefined;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Json).filter(([, x]) => x !== undefined && x !== null);
    return entries.length ? Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1))) : undefined;
  }
  if (v === '') return undefined;
  return v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Field → [live value, default when the argument is left out]. */
type Fields = { [argument: string]: [unknown, unknown?] };

/** Compares a configuration whose references are resolved already. */
function compareFields(address: string, config: Json, fields: Fields, findings: Finding[], counted: { fields: number }): void {
  for (const [argument, [live, fallback]] of Object.entries(fields)) {
    const given = argument in config ? config[argument] : fallback;
    counted.fields++;
    if (!same(given, live)) findings.push(`${address}.${argument}: program ${JSON.stringify(given)}, live ${JSON.stringify(live)}`);
  }
  const unknown = Object.keys(config).filter((k) => !(k in fields) && !['//', 'lifecycle', 'depends_on', 'triggers', 'provider'].includes(k));
  for (const k of unknown) findings.push(`${address}.${k}: an argument the comparison does not know (${JSON.stringify(config[k])})`);
}

/** Every imported address with its ID. */
function imports(tf: TfJson): Map<string, string> {
  return new Map((tf.import ?? []).map((i) => [i.to, i.id]));
}

export interface Outcome {
  readonly findings: Finding[];
  readonly imported: number;
  readonly fields: number;
  /** Addresses created rather than imported (the deployment). */
  readonly created: string[];
}

const policy = (p: string | undefined) => {
  if (!p) return undefined;
  try {
    return JSON.stringify(JSON.parse(p));
  } catch {
    return JSON.stringify(JSON.parse(JSON.parse(`"${p}"`)));
  }
};

/** One import block's comparison; false when it does not know the resource type. `see` records the live object it stands for. */
type CompareOne = (type: string, address: string, config: Json, id: string, parts: string[], see: (key: string) => void) => Promise<boolean>;

/**
 * The loop the REST and WebSocket comparisons share: each imported resource of the program is
 * compared by `compareOne` (a lookup that fails is a finding), resources without an import block
 * are counted as created, and the live objects seen are matched against those `expected`.
 */
async function compareImports(tf: TfJson, ids: Map<string, string>, expected: Set<string>, findings: Finding[], counted: { fields: number },
  compareOne: CompareOne): Promise<Outcome> {
  const seen = new Set<string>();
  const created: string[] = [];
  for (const [type, byName] of Object.entries(tf.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const id = ids.get(address);
      if (!id) {
        created.push(address);
        continue;
      }
      try {
        if (!(await compareOne(type, address, config, id, id.split('/'), (key) => seen.add(key)))) {
          findings.push(`${address}: imported with ${id}, but the comparison does not know ${type}`);
        }
      } catch (e) {
        findings.push(`${address}: import ID ${id} names no live object (${(e as Error).name}: ${(e as Error).message})`);
      }
    }
  }
  for (const key of expected) if (!seen.has(key)) findings.push(`live ${key} is not imported by the program`);
  for (const key of seen) if (!expected.has(key)) findings.push(`${key} is imported but is not part of the live API`);
  return { findings, imported: ids.size, fields: counted.fields, created };
}

/** Compares the program of a REST API with the live API. */
export async function compareRest(tf: TfJson, c: v1.APIGatewayClient, restApiId: string, stageNames: string[]): Promise<Outcome> {
  const findings: Finding[] = [];
  const ids = imports(tf);
  const counted = { fields: 0 };
  const api = await c.send(new v1.GetRestApiCommand({ restApiId }));
  const resources: v1.Resource[] = [];
  for await (const page of v1.paginateGetResources({ client: c }, { restApiId })) resources.push(...(page.items ?? []));
  const resolver = new Resolver(tf, (address, attribute) => {
    const id = ids.get(address);
    if (!id) return undefined;
    if (address.startsWith('aws_api_gateway_rest_api.')) return attribute === 'id' ? id : attribute === 'root_resource_id' ? api.rootResourceId : undefined;
    if (/^aws_api_gateway_(resource|authorizer|request_validator)\./.test(address) && attribute === 'id') return id.split('/')[1];
    if (address.startsWith('aws_api_gateway_model.') && attribute === 'name') return id.split('/')[1];
    return undefined;
  });
  const expected = new Set<string>([restApiId]);
  for (const r of resources) {
    if (r.path !== '/') expected.add(`${restApiId}/${r.id}`);
    for (const m of Object.keys(r.resourceMethods ?? {})) {
      const method = await c.send(new v1.GetMethodCommand({ restApiId, resourceId: r.id, httpMethod: m }));
      expected.add(`${restApiId}/${r.id}/${m}`);
      for (const s of Object.keys(method.methodResponses ?? {})) expected.add(`method-response ${restApiId}/${r.id}/${m}/${s}`);
      if (method.methodIntegration) {
        expected.add(`integration ${restApiId}/${r.id}/${m}`);
        for (const s of Object.keys(method.methodIntegration.integrationResponses ?? {})) expected.add(`integration-response ${restApiId}/${r.id}/${m}/${s}`);
      }
    }
  }
  for (const s of stageNames) expected.add(`stage ${restApiId}/${s}`);
  for (const a of (await c.send(new v1.GetAuthorizersCommand({ restApiId }))).items ?? []) expected.add(`authorizer ${restApiId}/${a.id}`);
  for (const m of (await c.send(new v1.GetModelsCommand({ restApiId }))).items ?? []) expected.add(`model ${restApiId}/${m.name}`);
  for (const r of (await c.send(new v1.GetRequestValidatorsCommand({ restApiId }))).items ?? []) expected.add(`validator ${restApiId}/${r.id}`);
  for (const g of (await c.send(new v1.GetGatewayResponsesCommand({ restApiId }))).items ?? []) {
    if (g.defaultResponse === false) expected.add(`gateway-response ${restApiId}/${g.responseType}`);
  }

  return compareImports(tf, ids, expected, findings, counted, async (type, address, config, id, parts, see) => {
    switch (type) {
      case 'aws_api_gateway_rest_api': {
        see(id);
        if (id !== restApiId) findings.push(`${address}: imports ${id}, not ${restApiId}`);
        const live = await c.send(new v1.GetRestApiCommand({ restApiId: id }));
        const resolved = resolver.value(config) as Json;
        compareFields(address, { ...resolved, policy: policy(resolved.policy) }, {
          name: [live.name], description: [live.description], endpoint_configuration: [{ types: live.endpointConfiguration?.types }, { types: ['EDGE'] }],
          binary_media_types: [live.binaryMediaTypes?.map((t) => t.replace(/~1/g, '/'))],
          minimum_compression_size: [live.minimumCompressionSize === undefined ? undefined : String(live.minimumCompressionSize)],
          api_key_source: [live.apiKeySource, 'HEADER'], disable_execute_api_endpoint: [live.disableExecuteApiEndpoint, false],
          policy: [policy(live.policy)], tags: [live.tags],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_authorizer': {
        see(`authorizer ${id}`);
        const live = await c.send(new v1.GetAuthorizerCommand({ restApiId: parts[0], authorizerId: parts[1] }));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], name: [live.name], type: [live.type], authorizer_uri: [live.authorizerUri],
          authorizer_credentials: [live.authorizerCredentials], identity_source: [live.identitySource],
          identity_validation_expression: [live.identityValidationExpression],
          authorizer_result_ttl_in_seconds: [live.authorizerResultTtlInSeconds ?? 300, 300], provider_arns: [live.providerARNs],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_model': {
        see(`model ${id}`);
        const live = await c.send(new v1.GetModelCommand({ restApiId: parts[0], modelName: parts[1] }));
        const resolved = resolver.value(config) as Json;
        compareFields(address, { ...resolved, schema: resolved.schema && JSON.parse(resolved.schema) }, {
          rest_api_id: [parts[0]], name: [live.name], content_type: [live.contentType], description: [live.description],
          schema: [live.schema === undefined ? undefined : JSON.parse(live.schema)],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_request_validator': {
        see(`validator ${id}`);
        const live = await c.send(new v1.GetRequestValidatorCommand({ restApiId: parts[0], requestValidatorId: parts[1] }));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], name: [live.name], validate_request_body: [live.validateRequestBody ?? false, false],
          validate_request_parameters: [live.validateRequestParameters ?? false, false],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_gateway_response': {
        see(`gateway-response ${id}`);
        const live = await c.send(new v1.GetGatewayResponseCommand({ restApiId: parts[0], responseType: parts[1] as v1.GatewayResponseType }));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], response_type: [live.responseType], status_code: [live.statusCode],
          response_parameters: [live.responseParameters], response_templates: [live.responseTemplates],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_resource': {
        see(id);
        const live = await c.send(new v1.GetResourceCommand({ restApiId: parts[0], resourceId: parts[1] }));
        const fields: Fields = { rest_api_id: [parts[0]], parent_id: [live.parentId], path_part: [live.pathPart] };
        compareFields(address, resolver.value(config) as Json, fields, findings, counted);
        return true;
      }
      case 'aws_api_gateway_method': {
        see(id);
        const live = await c.send(new v1.GetMethodCommand({ restApiId: parts[0], resourceId: parts[1], httpMethod: parts[2] }));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], resource_id: [parts[1]], http_method: [live.httpMethod], authorization: [live.authorizationType],
          authorizer_id: [live.authorizerId], authorization_scopes: [live.authorizationScopes], api_key_required: [live.apiKeyRequired, false],
          operation_name: [live.operationName], request_parameters: [live.requestParameters], request_models: [live.requestModels],
          request_validator_id: [live.requestValidatorId],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_method_response': {
        see(`method-response ${id}`);
        const key = { restApiId: parts[0], resourceId: parts[1], httpMethod: parts[2], statusCode: parts[3] };
        const live = await c.send(new v1.GetMethodResponseCommand(key));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], resource_id: [parts[1]], http_method: [parts[2]], status_code: [live.statusCode],
          response_parameters: [live.responseParameters], response_models: [live.responseModels],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_integration': {
        see(`integration ${id}`);
        const live = await c.send(new v1.GetIntegrationCommand({ restApiId: parts[0], resourceId: parts[1], httpMethod: parts[2] }));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], resource_id: [parts[1]], http_method: [parts[2]], type: [live.type], uri: [live.uri],
          integration_http_method: [live.httpMethod], request_templates: [live.requestTemplates], request_parameters: [live.requestParameters],
          passthrough_behavior: [live.passthroughBehavior ?? 'WHEN_NO_MATCH', 'WHEN_NO_MATCH'], content_handling: [live.contentHandling],
          credentials: [live.credentials], timeout_milliseconds: [live.timeoutInMillis ?? 29000, 29000],
          cache_key_parameters: [live.cacheKeyParameters?.slice().sort()], cache_namespace: [live.cacheNamespace ?? parts[1], parts[1]],
          connection_type: [live.connectionType ?? 'INTERNET', 'INTERNET'], connection_id: [live.connectionId],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_integration_response': {
        see(`integration-response ${id}`);
        const key = { restApiId: parts[0], resourceId: parts[1], httpMethod: parts[2], statusCode: parts[3] };
        const live = await c.send(new v1.GetIntegrationResponseCommand(key));
        compareFields(address, resolver.value(config) as Json, {
          rest_api_id: [parts[0]], resource_id: [parts[1]], http_method: [parts[2]], status_code: [live.statusCode],
          selection_pattern: [live.selectionPattern], response_parameters: [live.responseParameters], response_templates: [live.responseTemplates],
          content_handling: [live.contentHandling],
        }, findings, counted);
        return true;
      }
      case 'aws_api_gateway_stage': {
        see(`stage ${id}`);
        const live = await c.send(new v1.GetStageCommand({ restApiId: parts[0], stageName: parts[1] }));
        const { deployment_id: _deployment, ...rest } = config;
        compareFields(address, resolver.value(rest) as Json, {
          rest_api_id: [parts[0]], stage_name: [live.stageName], description: [live.description], variables: [live.variables],
          xray_tracing_enabled: [live.tracingEnabled ?? false, false], cache_cluster_enabled: [live.cacheClusterEnabled ?? false, false],
          cache_cluster_size: [live.cacheClusterEnabled ? live.cacheClusterSize : undefined],
          access_log_settings: [live.accessLogSettings?.destinationArn
            ? { destination_arn: live.accessLogSettings.destinationArn, format: live.accessLogSettings.format } : undefined],
          tags: [live.tags],
        }, findings, counted);
        return true;
      }
      default:
        return false;
    }
  });
}

/** Compares the program of a WebSocket API with the live API. */
export async function compareWebSocket(tf: TfJson, c: v2.ApiGatewayV2Client, apiId: string, stageNames: string[]): Promise<Outcome> {
  const findings: Finding[] = [];
  const ids = imports(tf);
  const counted = { fields: 0 };
  const resolver = new Resolver(tf, (address, attribute) => {
    const id = ids.get(address);
    if (!id || attribute !== 'id') return undefined;
    return id.split('/')[address.startsWith('aws_apigatewayv2_api.') ? 0 : 1];
  });
  const expected = new Set<string>([`api ${apiId}`]);
  const integrations = (await c.send(new v2.GetIntegrationsCommand({ ApiId: apiId }))).Items ?? [];
  for (const i of integrations) {
    expected.add(`integration ${apiId}/${i.IntegrationId}`);
    for (const r of (await c.send(new v2.GetIntegrationResponsesCommand({ ApiId: apiId, IntegrationId: i.IntegrationId }))).Items ?? []) {
      expected.add(`integration-response ${apiId}/${i.IntegrationId}/${r.IntegrationResponseId}`);
    }
  }
  for (const r of (await c.send(new v2.GetRoutesCommand({ ApiId: apiId }))).Items ?? []) {
    expected.add(`route ${apiId}/${r.RouteId}`);
    for (const rr of (await c.send(new v2.GetRouteResponsesCommand({ ApiId: apiId, RouteId: r.RouteId }))).Items ?? []) {
      expected.add(`route-response ${apiId}/${r.RouteId}/${rr.RouteResponseId}`);
    }
  }
  for (const s of stageNames) expected.add(`stage ${apiId}/${s}`);
  for (const a of (await c.send(new v2.GetAuthorizersCommand({ ApiId: apiId }))).Items ?? []) expected.add(`authorizer ${apiId}/${a.AuthorizerId}`);
  return compareImports(tf, ids, expected, findings, counted, async (type, address, config, id, parts, see) => {
    switch (type) {
      case 'aws_apigatewayv2_api': {
        see(`api ${id}`);
        const live = await c.send(new v2.GetApiCommand({ ApiId: id }));
        compareFields(address, resolver.value(config) as Json, {
          name: [live.Name], protocol_type: [live.ProtocolType], route_selection_expression: [live.RouteSelectionExpression],
          description: [live.Description], api_key_selection_expression: [live.ApiKeySelectionExpression, '$request.header.x-api-key'], tags: [live.Tags],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_authorizer': {
        see(`authorizer ${id}`);
        const live = await c.send(new v2.GetAuthorizerCommand({ ApiId: parts[0], AuthorizerId: parts[1] }));
        compareFields(address, resolver.value(config) as Json, {
          api_id: [parts[0]], authorizer_type: [live.AuthorizerType], name: [live.Name], authorizer_uri: [live.AuthorizerUri],
          identity_sources: [live.IdentitySource], authorizer_credentials_arn: [live.AuthorizerCredentialsArn],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_integration': {
        see(`integration ${id}`);
        const live = await c.send(new v2.GetIntegrationCommand({ ApiId: parts[0], IntegrationId: parts[1] }));
        compareFields(address, resolver.value(config) as Json, {
          api_id: [parts[0]], integration_type: [live.IntegrationType], integration_uri: [live.IntegrationUri],
          integration_method: [live.IntegrationMethod],
          request_templates: [live.RequestTemplates], request_parameters: [live.RequestParameters],
          template_selection_expression: [live.TemplateSelectionExpression], content_handling_strategy: [live.ContentHandlingStrategy],
          passthrough_behavior: [live.PassthroughBehavior ?? 'WHEN_NO_MATCH', 'WHEN_NO_MATCH'], credentials_arn: [live.CredentialsArn],
          timeout_milliseconds: [live.TimeoutInMillis ?? 29000, 29000],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_integration_response': {
        see(`integration-response ${id}`);
        const live = await c.send(new v2.GetIntegrationResponseCommand({ ApiId: parts[0], IntegrationId: parts[1], IntegrationResponseId: parts[2] }));
        compareFields(address, resolver.value(config) as Json, {
          api_id: [parts[0]], integration_id: [parts[1]], integration_response_key: [live.IntegrationResponseKey],
          response_templates: [live.ResponseTemplates], template_selection_expression: [live.TemplateSelectionExpression],
          content_handling_strategy: [live.ContentHandlingStrategy],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_route': {
        see(`route ${id}`);
        const live = await c.send(new v2.GetRouteCommand({ ApiId: parts[0], RouteId: parts[1] }));
        compareFields(address, resolver.value(config) as Json, {
          api_id: [parts[0]], route_key: [live.RouteKey], target: [live.Target],
          route_response_selection_expression: [live.RouteResponseSelectionExpression],
          authorization_type: [live.AuthorizationType ?? 'NONE', 'NONE'], authorizer_id: [live.AuthorizerId], api_key_required: [live.ApiKeyRequired, false],
          operation_name: [live.OperationName],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_route_response': {
        see(`route-response ${id}`);
        const live = await c.send(new v2.GetRouteResponseCommand({ ApiId: parts[0], RouteId: parts[1], RouteResponseId: parts[2] }));
        compareFields(address, resolver.value(config) as Json, {
          api_id: [parts[0]], route_id: [parts[1]], route_response_key: [live.RouteResponseKey], response_models: [live.ResponseModels],
          model_selection_expression: [live.ModelSelectionExpression],
        }, findings, counted);
        return true;
      }
      case 'aws_apigatewayv2_stage': {
        see(`stage ${id}`);
        const live = await c.send(new v2.GetStageCommand({ ApiId: parts[0], StageName: parts[1] }));
        const { deployment_id: _deployment, ...rest } = config;
        const d = live.DefaultRouteSettings ?? {};
        const settings = {
          throttling_burst_limit: d.ThrottlingBurstLimit || undefined, throttling_rate_limit: d.ThrottlingRateLimit || undefined,
          logging_level: d.LoggingLevel && d.LoggingLevel !== 'OFF' ? d.LoggingLevel : undefined, data_trace_enabled: d.DataTraceEnabled || undefined,
          detailed_metrics_enabled: d.DetailedMetricsEnabled || undefined,
        };
        compareFields(address, resolver.value(rest) as Json, {
          api_id: [parts[0]], name: [live.StageName], description: [live.Description], stage_variables: [live.StageVariables], tags: [live.Tags],
          default_route_settings: [norm(settings)],
        }, findings, counted);
        return true;
      }
      default:
        return false;
    }
  });
}
