/**
 * What the commands read from API Gateway, as plain data: the readers fill it, the code
 * generators and the inventory read it. Optional fields are absent when API Gateway has its
 * default there.
 */

export type StringMap = { [key: string]: string };

export interface RestApiModel {
  readonly kind: 'rest';
  readonly region: string;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly endpointTypes?: string[];
  readonly binaryMediaTypes?: string[];
  readonly minimumCompressionSize?: number;
  readonly apiKeySource?: string;
  readonly disableExecuteApiEndpoint?: boolean;
  readonly policy?: string;
  readonly tags?: StringMap;
  /** Every resource, the root (`/`) included. */
  readonly resources: RestResourceModel[];
  readonly authorizers?: RestAuthorizerModel[];
  /** Models other than API Gateway's built-in Empty and Error. */
  readonly models?: RestModelModel[];
  readonly requestValidators?: RestValidatorModel[];
  /** Gateway responses that differ from API Gateway's defaults. */
  readonly gatewayResponses?: RestGatewayResponseModel[];
  readonly stages: RestStageModel[];
}

export interface RestModelModel {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  /** The JSON schema, parsed. */
  readonly schema: { [key: string]: unknown };
  readonly description?: string;
}

export interface RestValidatorModel {
  readonly id: string;
  readonly name: string;
  readonly validateRequestBody?: boolean;
  readonly validateRequestParameters?: boolean;
}

export interface RestGatewayResponseModel {
  readonly type: string;
  readonly statusCode?: string;
  /** By header name (the `gatewayresponse.header.` prefix taken off). */
  readonly responseHeaders?: StringMap;
  readonly templates?: StringMap;
}

export interface RestAuthorizerModel {
  readonly id: string;
  readonly name: string;
  /** TOKEN, REQUEST or COGNITO_USER_POOLS. */
  readonly type: string;
  readonly authorizerUri?: string;
  readonly authorizerCredentials?: string;
  readonly identitySource?: string;
  readonly identityValidationExpression?: string;
  readonly resultsCacheTtl?: number;
  readonly providerArns?: string[];
}

export interface RestResourceModel {
  readonly id: string;
  readonly path: string;
  readonly methods: RestMethodModel[];
}

export interface RestMethodModel {
  readonly httpMethod: string;
  readonly authorizationType: string;
  readonly authorizerId?: string;
  readonly authorizationScopes?: string[];
  readonly apiKeyRequired?: boolean;
  readonly operationName?: string;
  readonly requestParameters?: { [key: string]: boolean };
  readonly requestModels?: StringMap;
  readonly requestValidatorId?: string;
  readonly responses: RestMethodResponseModel[];
  readonly integration?: RestIntegrationModel;
}

export interface RestMethodResponseModel {
  readonly statusCode: string;
  readonly responseParameters?: { [key: string]: boolean };
  readonly responseModels?: StringMap;
}

export interface RestIntegrationModel {
  readonly type: string;
  readonly uri?: string;
  readonly integrationHttpMethod?: string;
  readonly requestTemplates?: StringMap;
  readonly requestParameters?: StringMap;
  readonly passthroughBehavior?: string;
  readonly contentHandling?: string;
  readonly credentials?: string;
  readonly timeoutMilliseconds?: number;
  readonly cacheKeyParameters?: string[];
  readonly cacheNamespace?: string;
  readonly connectionType?: string;
  readonly connectionId?: string;
  readonly responses: RestIntegrationResponseModel[];
}

export interface RestIntegrationResponseModel {
  readonly statusCode: string;
  readonly selectionPattern?: string;
  readonly responseParameters?: StringMap;
  readonly responseTemplates?: StringMap;
  readonly contentHandling?: string;
}

export interface RestStageModel {
  readonly name: string;
  readonly description?: string;
  readonly variables?: StringMap;
  readonly xrayTracingEnabled?: boolean;
  readonly cacheClusterEnabled?: boolean;
  readonly cacheClusterSize?: string;
  readonly accessLogDestinationArn?: string;
  readonly accessLogFormat?: string;
  readonly tags?: StringMap;
  readonly methodSettings?: MethodSettingsModel;
  /** The AWS WAF (v2) web ACL associated with the stage. */
  readonly webAclArn?: string;
}

export interface WebSocketApiModel {
  readonly kind: 'websocket';
  readonly region: string;
  readonly id: string;
  readonly name: string;
  readonly routeSelectionExpression?: string;
  readonly description?: string;
  readonly apiKeySelectionExpression?: string;
  readonly tags?: StringMap;
  readonly integrations: WsIntegrationModel[];
  readonly authorizers?: WsAuthorizerModel[];
  readonly routes: WsRouteModel[];
  readonly stages: WsStageModel[];
}

export interface WsAuthorizerModel {
  readonly id: string;
  readonly name: string;
  readonly authorizerUri: string;
  readonly identitySources?: string[];
  readonly authorizerCredentialsArn?: string;
}

export interface WsIntegrationModel {
  readonly id: string;
  readonly type: string;
  readonly integrationUri?: string;
  readonly integrationMethod?: string;
  readonly requestTemplates?: StringMap;
  readonly requestParameters?: StringMap;
  readonly templateSelectionExpression?: string;
  readonly contentHandlingStrategy?: string;
  readonly passthroughBehavior?: string;
  readonly credentialsArn?: string;
  readonly timeoutMilliseconds?: number;
  readonly responses: WsIntegrationResponseModel[];
}

export interface WsIntegrationResponseModel {
  readonly id: string;
  readonly key: string;
  readonly responseTemplates?: StringMap;
  readonly templateSelectionExpression?: string;
  readonly contentHandlingStrategy?: string;
}

export interface WsRouteModel {
  readonly id: string;
  readonly routeKey: string;
  readonly integrationId?: string;
  readonly routeResponseSelectionExpression?: string;
  readonly authorizationType?: string;
  readonly authorizerId?: string;
  readonly apiKeyRequired?: boolean;
  readonly operationName?: string;
  readonly responses: WsRouteResponseModel[];
}

export interface WsRouteResponseModel {
  readonly id: string;
  readonly key: string;
  readonly responseModels?: StringMap;
  readonly modelSelectionExpression?: string;
}

export interface WsStageModel {
  readonly name: string;
  readonly description?: string;
  readonly variables?: StringMap;
  readonly tags?: StringMap;
  readonly throttlingBurstLimit?: number;
  readonly throttlingRateLimit?: number;
  readonly loggingLevel?: string;
  readonly dataTraceEnabled?: boolean;
  readonly detailedMetricsEnabled?: boolean;
}

/** Drops `undefined`, empty strings, empty maps and empty lists, so absent and empty read the same. */
export function present<T>(value: T | undefined | null): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value : undefined;
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return undefined;
  return value;
}

/** A copy of a map with its keys sorted, or undefined when it is empty. */
export function sortedMap<V>(map: { [key: string]: V } | undefined | null): { [key: string]: V } | undefined {
  if (!map || Object.keys(map).length === 0) return undefined;
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));
}

/** Compares strings by code point, the same on every machine. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stage-wide method settings (`*\/*`), the same fields as the library's `MethodDeploymentOptions`. */
export interface MethodSettingsModel {
  readonly throttlingBurstLimit?: number;
  readonly throttlingRateLimit?: number;
  readonly loggingLevel?: string;
  readonly metricsEnabled?: boolean;
  readonly dataTraceEnabled?: boolean;
  readonly cachingEnabled?: boolean;
  readonly cacheTtlSeconds?: number;
  readonly cacheDataEncrypted?: boolean;
}
