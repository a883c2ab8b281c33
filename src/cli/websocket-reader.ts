/**
 * Reads a WebSocket API with the API Gateway V2 SDK into a `WebSocketApiModel`, and refuses
 * what the library cannot express yet, naming each feature.
 */
import {
  GetApiCommand, GetAuthorizersCommand, GetIntegrationResponsesCommand, GetIntegrationsCommand, GetModelsCommand, GetRouteResponsesCommand,
  GetRoutesCommand, GetStagesCommand, Integration, IntegrationResponse, Route, RouteResponse, Stage,
} from '@aws-sdk/client-apigatewayv2';
import { allTokens, call, CliError, Clients } from './aws';
import { byText, present, sortedMap, WebSocketApiModel, WsAuthorizerModel, WsIntegrationModel, WsRouteModel, WsStageModel } from './model';
import { Progress, selectStages, unsupported } from './rest-reader';

/** Reads the WebSocket API `apiId`; `stageNames` limits the stages (default: all). */
export async function readWebSocketApi(clients: Clients, apiId: string, stageNames: string[] | undefined, progress: Progress): Promise<WebSocketApiModel> {
  const c = clients.v2;
  const endpoint = clients.endpoint;
  const api = await call(`WebSocket API ${apiId}`, endpoint, () => c.send(new GetApiCommand({ ApiId: apiId })),
    `unknown WebSocket API ID "${apiId}" in ${clients.region} (NotFoundException); list the region's APIs with: cdktf-apigateway inventory --region ${clients.region}`);
  if (api.ProtocolType !== 'WEBSOCKET') {
    throw new CliError(`API ${apiId} (${api.Name}) is an ${api.ProtocolType} API; adopt reads REST APIs (--rest-api-id) and WebSocket APIs (--websocket-api-id)`);
  }
  const problems: string[] = [];
  const label = `WebSocket API ${apiId} (${api.Name})`;
  const authorizers = await allTokens((NextToken) =>
    call(`the authorizers of ${apiId}`, endpoint, () => c.send(new GetAuthorizersCommand({ ApiId: apiId, NextToken }))));
  const authorizerModels: WsAuthorizerModel[] = [];
  for (const a of [...authorizers].sort((x, y) => byText(x.Name ?? '', y.Name ?? ''))) {
    const where = `authorizer ${a.Name} (${a.AuthorizerId})`;
    if (a.AuthorizerType !== 'REQUEST' || !a.AuthorizerUri) problems.push(`${where}: a ${a.AuthorizerType} authorizer; websocket.LambdaAuthorizer is a REQUEST authorizer with a function`);
    if (a.IdentityValidationExpression) problems.push(`${where}: an identity validation expression, which LambdaAuthorizerProps has no field for`);
    if (a.AuthorizerResultTtlInSeconds) problems.push(`${where}: a results cache TTL, which LambdaAuthorizerProps has no field for`);
    const sources = present(a.IdentitySource);
    authorizerModels.push({
      id: a.AuthorizerId as string,
      name: a.Name as string,
      authorizerUri: a.AuthorizerUri as string,
      identitySources: sources && !(sources.length === 1 && sources[0] === 'route.request.header.Authorization') ? [...sources] : undefined,
      authorizerCredentialsArn: present(a.AuthorizerCredentialsArn),
    });
  }
  const models = await allTokens((NextToken) => call(`the models of ${apiId}`, endpoint, () => c.send(new GetModelsCommand({ ApiId: apiId, NextToken }))));
  if (models.length) problems.push(`models (${models.map((m) => m.Name).sort().join(', ')}): the library has no WebSocket model construct yet`);
  if (api.DisableExecuteApiEndpoint) problems.push('the disabled execute-api endpoint: WebSocketApiProps has no disableExecuteApiEndpoint');

  const liveIntegrations: Integration[] = await allTokens((NextToken) =>
    call(`the integrations of ${apiId}`, endpoint, () => c.send(new GetIntegrationsCommand({ ApiId: apiId, NextToken }))));
  const integrations: WsIntegrationModel[] = [];
  let responseCount = 0;
  for (const i of [...liveIntegrations].sort((a, b) => byText(a.IntegrationId ?? '', b.IntegrationId ?? ''))) {
    const id = i.IntegrationId as string;
    const where = `integration ${id}`;
    const responses: IntegrationResponse[] = await allTokens((NextToken) =>
      call(`the responses of ${where}`, endpoint, () => c.send(new GetIntegrationResponsesCommand({ ApiId: apiId, IntegrationId: id, NextToken }))));
    if (i.ConnectionType === 'VPC_LINK') problems.push(`${where}: a VPC link connection (${i.ConnectionId}), which websocket IntegrationOptions has no field for`);
    if (i.IntegrationSubtype) problems.push(`${where}: integration subtype ${i.IntegrationSubtype}, which websocket IntegrationOptions has no field for`);
    if (i.TlsConfig?.ServerNameToVerify) problems.push(`${where}: TLS configuration, which websocket IntegrationOptions has no field for`);
    if (i.TimeoutInMillis !== undefined && i.TimeoutInMillis > 29000) {
      problems.push(`${where}: a timeout of ${i.TimeoutInMillis} ms, above the 29000 ms of WebSocket APIs that the library allows`);
    }
    if (i.Description) problems.push(`${where}: the description "${i.Description}", which websocket IntegrationOptions has no field for`);
    for (const r of responses) {
      if (present(r.ResponseParameters)) {
        problems.push(`${where}: response parameters of integration response ${r.IntegrationResponseKey}, which the AWS provider cannot set`);
      }
    }
    responseCount += responses.length;
    integrations.push({
      id,
      type: i.IntegrationType as string,
      integrationUri: present(i.IntegrationUri),
      integrationMethod: present(i.IntegrationMethod),
      requestTemplates: sortedMap(i.RequestTemplates),
      requestParameters: sortedMap(i.RequestParameters),
      templateSelectionExpression: present(i.TemplateSelectionExpression),
      contentHandlingStrategy: present(i.ContentHandlingStrategy),
      passthroughBehavior: i.PassthroughBehavior && i.PassthroughBehavior !== 'WHEN_NO_MATCH' ? i.PassthroughBehavior : undefined,
      credentialsArn: present(i.CredentialsArn),
      timeoutMilliseconds: i.TimeoutInMillis !== undefined && i.TimeoutInMillis !== 29000 ? i.TimeoutInMillis : undefined,
      responses: [...responses].sort((a, b) => byText(a.IntegrationResponseKey ?? '', b.IntegrationResponseKey ?? '')).map((r) => ({
        id: r.IntegrationResponseId as string,
        key: r.IntegrationResponseKey as string,
        responseTemplates: sortedMap(r.ResponseTemplates),
        templateSelectionExpression: present(r.TemplateSelectionExpression),
        contentHandlingStrategy: present(r.ContentHandlingStrategy),
      })),
    });
  }
  progress(`read ${integrations.length} integrations and ${responseCount} integration responses of ${label}`);

  const liveRoutes: Route[] = await allTokens((NextToken) => call(`the routes of ${apiId}`, endpoint, () => c.send(new GetRoutesCommand({ ApiId: apiId, NextToken }))));
  const routes: WsRouteModel[] = [];
  for (const r of [...liveRoutes].sort((a, b) => byText(a.RouteKey ?? '', b.RouteKey ?? ''))) {
    const id = r.RouteId as string;
    const where = `route ${r.RouteKey} (${id})`;
    const target = r.Target;
    const integrationId = target ? /^integrations\/(.+)$/.exec(target)?.[1] : undefined;
    if (target && !integrationId) problems.push(`${where}: the target ${target}, which is not an integration of the API`);
    if (present(r.RequestModels)) problems.push(`${where}: request models, which websocket RouteOptions has no field for`);
    if (present(r.RequestParameters)) problems.push(`${where}: request parameters, which websocket RouteOptions has no field for`);
    if (r.ModelSelectionExpression) problems.push(`${where}: a model selection expression, which websocket RouteOptions has no field for`);
    if (present(r.AuthorizationScopes)) problems.push(`${where}: authorization scopes, which websocket RouteOptions has no field for`);
    const responses: RouteResponse[] = await allTokens((NextToken) =>
      call(`the route responses of ${where}`, endpoint, () => c.send(new GetRouteResponsesCommand({ ApiId: apiId, RouteId: id, NextToken }))));
    for (const rr of responses) {
      if (present(rr.ResponseParameters)) problems.push(`${where}: response parameters of route response ${rr.RouteResponseKey}, which RouteResponseOptions has no field for`);
    }
    routes.push({
      id,
      routeKey: r.RouteKey as string,
      integrationId,
      routeResponseSelectionExpression: present(r.RouteResponseSelectionExpression),
      authorizationType: r.AuthorizationType && r.AuthorizationType !== 'NONE' ? r.AuthorizationType : undefined,
      authorizerId: present(r.AuthorizerId),
      apiKeyRequired: r.ApiKeyRequired ? true : undefined,
      operationName: present(r.OperationName),
      responses: [...responses].sort((a, b) => byText(a.RouteResponseKey ?? '', b.RouteResponseKey ?? '')).map((rr) => ({
        id: rr.RouteResponseId as string,
        key: rr.RouteResponseKey as string,
        responseModels: sortedMap(rr.ResponseModels),
        modelSelectionExpression: present(rr.ModelSelectionExpression),
      })),
    });
  }
  progress(`read ${routes.length} routes and ${routes.reduce((n, r) => n + r.responses.length, 0)} route responses`);

  const liveStages: Stage[] = await allTokens((NextToken) => call(`the stages of ${apiId}`, endpoint, () => c.send(new GetStagesCommand({ ApiId: apiId, NextToken }))));
  liveStages.sort((a, b) => byText(a.StageName ?? '', b.StageName ?? ''));
  const chosen = selectStages(liveStages.map((s) => s.StageName as string), stageNames, label);
  const stages = liveStages.filter((s) => chosen.includes(s.StageName as string)).map((s) => readStage(s, problems));
  progress(`read ${stages.length} stage${stages.length === 1 ? '' : 's'}${stages.length ? `: ${stages.map((s) => s.name).join(', ')}` : ''}`);

  if (problems.length) throw unsupported(label, problems);
  return {
    kind: 'websocket',
    region: clients.region,
    id: apiId,
    name: api.Name as string,
    routeSelectionExpression: api.RouteSelectionExpression && api.RouteSelectionExpression !== '$request.body.action' ? api.RouteSelectionExpression : undefined,
    description: present(api.Description),
    apiKeySelectionExpression: api.ApiKeySelectionExpression && api.ApiKeySelectionExpression !== '$request.header.x-api-key'
      ? api.ApiKeySelectionExpression : undefined,
    tags: sortedMap(api.Tags),
    integrations,
    authorizers: authorizerModels,
    routes,
    stages,
  };
}

function readStage(s: Stage, problems: string[]): WsStageModel {
  const name = s.StageName as string;
  if (s.AccessLogSettings?.DestinationArn) problems.push(`stage ${name}: access logs, which websocket StageOptions has no field for`);
  if (present(s.RouteSettings)) problems.push(`stage ${name}: per-route settings (${Object.keys(s.RouteSettings ?? {}).sort().join(', ')}), which websocket StageOptions has no field for`);
  if (s.ClientCertificateId) problems.push(`stage ${name}: client certificate ${s.ClientCertificateId}, which websocket StageOptions has no field for`);
  if (s.AutoDeploy) problems.push(`stage ${name}: automatic deployment, which websocket StageOptions has no field for`);
  const d = s.DefaultRouteSettings ?? {};
  return {
    name,
    description: present(s.Description),
    variables: sortedMap(s.StageVariables),
    tags: sortedMap(s.Tags),
    throttlingBurstLimit: d.ThrottlingBurstLimit || undefined,
    throttlingRateLimit: d.ThrottlingRateLimit || undefined,
    loggingLevel: d.LoggingLevel && d.LoggingLevel !== 'OFF' ? d.LoggingLevel : undefined,
    dataTraceEnabled: d.DataTraceEnabled ? true : undefined,
    detailedMetricsEnabled: d.DetailedMetricsEnabled ? true : undefined,
  };
}
