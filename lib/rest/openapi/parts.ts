import type { ApiGatewayAuthorizerConfig } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { hasBrand } from '../../core/protocol';
import { unresolved } from '../../core/validation';
import type { IntegrationProps } from '../integration';
import type { IntegrationResponse } from '../integration-response';
import type { Method } from '../method';
import type { IModel } from '../model';
import type { IRequestValidator } from '../request-validator';
import type { MethodResponse } from '../method-response';
import type { RestApiProps } from '../rest-api';
import { defined, Json, OpenApiDocument, parameterLocation } from './export';

/**
 * What each construct of the chain adds to the OpenAPI document, one function per kind, called
 * from the `openApi` hook of the construct's member.
 */

/** The API's title, description and `x-amazon-apigateway-*` settings. */
export function restApiPart(document: OpenApiDocument, props: RestApiProps): void {
  document.setInfo('title', props.name);
  document.setInfo('description', props.description);
  // A list token cannot stand inside the JSON document; the REST API's binary_media_types attribute carries it in both modes.
  if (!unresolved(props.binaryMediaTypes)) document.set('x-amazon-apigateway-binary-media-types', props.binaryMediaTypes);
  document.set('x-amazon-apigateway-api-key-source', props.apiKeySource);
  document.set('x-amazon-apigateway-minimum-compression-size', props.minimumCompressionSize);
  if (props.endpointTypes !== undefined || props.disableExecuteApiEndpoint !== undefined) {
    document.set('x-amazon-apigateway-endpoint-configuration', defined({
      types: props.endpointTypes, disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
    }));
  }
  if (props.policy !== undefined && !unresolved(props.policy)) {
    document.set('x-amazon-apigateway-policy', JSON.parse(props.policy));
  }
}

/** The operation: its parameters, request body models and security. */
export function methodPart(document: OpenApiDocument, method: Method, validator?: IRequestValidator): void {
  const operation = document.operation(method.resource.path, method.httpMethod);
  const options = method.options;
  if (options.operationName !== undefined) operation.operationId = options.operationName;
  const parameters = method._requestParameters;
  if (!unresolved(parameters)) {
    for (const key of Object.keys(parameters).sort()) {
      const location = parameterLocation(key);
      if (location) document.parameter(operation, location, key.split('.').slice(3).join('.'), parameters[key] === true);
    }
  }
  if (options.requestModels && !unresolved(options.requestModels)) {
    const content: Json = {};
    for (const [contentType, model] of Object.entries(options.requestModels)) content[contentType] = { schema: document.modelReference(modelName(model)) };
    operation.requestBody = { content };
  }
  const authorization = options.authorization ?? 'NONE';
  if (authorization === 'AWS_IAM') {
    document.addSecurityScheme('sigv4', { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
    document.addSecurity(operation, 'sigv4');
  } else if (options.authorizer !== undefined || options.authorizerId !== undefined) {
    // The library's authorizers are matched by identity; one made elsewhere only by its ID.
    const key = hasBrand(options.authorizer, 'Authorizer') ? options.authorizer : options.authorizer?.authorizerId ?? options.authorizerId;
    document.requireAuthorizer(operation, key, options.authorizationScopes, `${method.httpMethod} ${method.resource.path}`);
  }
  if (options.apiKeyRequired) {
    document.addSecurityScheme('api_key', { type: 'apiKey', name: 'x-api-key', in: 'header' });
    document.addSecurity(operation, 'api_key');
  }
  if (validator !== undefined || options.requestValidatorId !== undefined) {
    // The library's validators are matched by identity; one made elsewhere only by its ID.
    const key = hasBrand(validator, 'RequestValidator') ? validator : validator?.requestValidatorId ?? options.requestValidatorId;
    document.requireRequestValidator(operation, key, `${method.httpMethod} ${method.resource.path}`);
  }
}

/** A response of the operation, with its headers and models. */
export function methodResponsePart(document: OpenApiDocument, response: MethodResponse): void {
  const method = response.method;
  const out = document.response(document.operation(method.resource.path, method.httpMethod), response.statusCode);
  const params = response.responseParameters;
  if (params && !unresolved(params)) {
    const headers: Json = {};
    for (const key of Object.keys(params).sort()) {
      headers[key.replace(/^method\.response\.header\./, '')] = params[key] === true ? { required: true, schema: { type: 'string' } } : { schema: { type: 'string' } };
    }
    if (Object.keys(headers).length > 0) out.headers = headers;
  }
  const models = response.responseModels;
  if (models && !unresolved(models)) {
    const content: Json = {};
    for (const [contentType, model] of Object.entries(models)) content[contentType] = { schema: document.modelReference(modelName(model)) };
    out.content = content;
  }
}

/** `x-amazon-apigateway-integration`, without its responses (each integration response adds its own). */
export function integrationPart(document: OpenApiDocument, props: IntegrationProps, integrationHttpMethod: string | undefined): void {
  const method = props.method;
  const operation = document.operation(method.resource.path, method.httpMethod);
  const options = props.options ?? {};
  const responses = (operation['x-amazon-apigateway-integration'] as Json | undefined)?.responses;
  operation['x-amazon-apigateway-integration'] = defined({
    type: props.type,
    uri: props.uri,
    httpMethod: integrationHttpMethod,
    credentials: options.credentials,
    requestParameters: options.requestParameters,
    requestTemplates: options.requestTemplates,
    passthroughBehavior: options.passthroughBehavior,
    contentHandling: options.contentHandling,
    timeoutInMillis: options.timeoutMilliseconds,
    cacheKeyParameters: options.cacheKeyParameters,
    cacheNamespace: options.cacheNamespace,
    connectionType: options.connectionType,
    connectionId: options.connectionId,
    responses,
  });
}

/** An entry of the integration's `responses`, keyed by selection pattern (`default` without one). */
export function integrationResponsePart(document: OpenApiDocument, response: IntegrationResponse): void {
  const method = response.integration.method;
  const operation = document.operation(method.resource.path, method.httpMethod);
  const integration = (operation['x-amazon-apigateway-integration'] ??= {}) as Json;
  const responses = (integration.responses ??= {}) as Json;
  const pattern = response.selectionPattern === undefined || response.selectionPattern === '' ? 'default' : response.selectionPattern;
  responses[pattern] = defined({
    statusCode: response.statusCode,
    responseParameters: response.responseParameters,
    responseTemplates: response.responseTemplates,
    contentHandling: response.contentHandling,
  });
}

/** The security scheme of an authorizer: `x-amazon-apigateway-authorizer` with its settings. */
export function authorizerScheme(config: Omit<ApiGatewayAuthorizerConfig, 'restApiId' | 'name'>): Json {
  const type = (config.type ?? 'TOKEN').toLowerCase();
  const identitySource = config.identitySource;
  // A TOKEN or Cognito authorizer reads one header, which the scheme names; a REQUEST authorizer names its sources itself.
  const header = typeof identitySource === 'string' ? /^method\.request\.header\.([^,\s]+)$/.exec(identitySource)?.[1] : undefined;
  return {
    'type': 'apiKey',
    'name': header ?? (type === 'request' ? 'Unused' : 'Authorization'),
    'in': 'header',
    'x-amazon-apigateway-authtype': type === 'cognito_user_pools' ? 'cognito_user_pools' : 'custom',
    'x-amazon-apigateway-authorizer': defined({
      type,
      authorizerUri: config.authorizerUri,
      authorizerCredentials: config.authorizerCredentials,
      identitySource,
      identityValidationExpression: config.identityValidationExpression,
      authorizerResultTtlInSeconds: config.authorizerResultTtlInSeconds,
      providerARNs: config.providerArns,
    }),
  };
}

/** The name a schema is known by in the document: a model's own name (not the reference to its resource), or a token as it is. */
function modelName(model: IModel): string {
  if (unresolved(model)) return model as unknown as string;
  return hasBrand(model, 'Model') ? (model as unknown as { _name: string })._name : model.modelName;
}
