import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { PassthroughBehavior } from '../core/enums';
import { keyedId } from '../core/ids';
import { APIGATEWAY_SERVICE_ARN, HTTP_URL, IAM_PRINCIPAL_ARN } from '../core/patterns';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import {
  checkInteger, checkKinds, checkMediaTypeKeys, checkNonEmpty, checkOneOf, checkPattern, checkStruct, INTEGRATION_REQUEST_PARAMETER,
  INTEGRATION_REQUEST_SOURCE, invalid, METHOD_REQUEST_PARAMETER, normalizeHttpMethod, pathOf, unresolved,
} from '../core/validation';
import { ImportId } from './import-id';
import { IntegrationResponse, IntegrationResponseOptions } from './integration-response';
import { Method, ResourceRefs } from './method';
import { integrationPart } from './openapi/parts';
import { chainMember, RestApiSynthesis } from './openapi/synthesis';

/** The kind of backend an integration calls. */
export enum IntegrationType {
  /** An AWS service action, with request and response mapping. */
  AWS = 'AWS',
  /** A Lambda function receiving the whole request (Lambda proxy). */
  AWS_PROXY = 'AWS_PROXY',
  /** An HTTP endpoint, with request and response mapping. */
  HTTP = 'HTTP',
  /** An HTTP endpoint receiving the request as it is. */
  HTTP_PROXY = 'HTTP_PROXY',
  /** No backend: API Gateway answers from the integration responses. */
  MOCK = 'MOCK',
}

/** How a payload is converted between text and binary. */
export enum ContentHandling {
  /** Converts a base64-encoded string payload to binary. */
  CONVERT_TO_BINARY = 'CONVERT_TO_BINARY',
  /** Converts a binary payload to a base64-encoded string. */
  CONVERT_TO_TEXT = 'CONVERT_TO_TEXT',
}

/** How API Gateway reaches the backend. */
export enum ConnectionType {
  /** Over the internet. */
  INTERNET = 'INTERNET',
  /** Through a VPC link, given by `connectionId`. */
  VPC_LINK = 'VPC_LINK',
}

/** Settings every integration backend takes. */
export interface IntegrationOptions {
  /**
   * Integration responses to add, the same as calling `addResponse()` for each.
   * @default - none
   */
  readonly integrationResponses?: IntegrationResponseOptions[];

  /**
   * Request mapping templates by content type.
   * @default - none
   */
  readonly requestTemplates?: { [contentType: string]: string };

  /**
   * Request parameters sent to the backend: `integration.request.{querystring|header|path}.{name}`
   * mapped from `method.request.*`, `context.*`, `stageVariables.*` or a `'static value'`.
   * @default - none
   */
  readonly requestParameters?: { [param: string]: string };

  /**
   * What happens to requests whose content type has no template.
   * @default - PassthroughBehavior.WHEN_NO_MATCH (API Gateway's default)
   */
  readonly passthroughBehavior?: PassthroughBehavior;

  /**
   * Conversion of the request payload.
   * @default - the payload is passed through
   */
  readonly contentHandling?: ContentHandling;

  /**
   * ARN of the IAM role API Gateway assumes to call the backend, or
   * `arn:aws:iam::*:user/*` to use the caller's credentials.
   * @default - none
   */
  readonly credentials?: string;

  /**
   * Integration timeout in milliseconds, 50 to 300000 (above 29000 only for Regional and private APIs).
   * @default 29000
   */
  readonly timeoutMilliseconds?: number;

  /**
   * Method request parameters whose values key the cache.
   * @default - none
   */
  readonly cacheKeyParameters?: string[];

  /**
   * Cache namespace shared by integrations.
   * @default - the resource ID
   */
  readonly cacheNamespace?: string;

  /**
   * How the backend is reached.
   * @default ConnectionType.INTERNET
   */
  readonly connectionType?: ConnectionType;

  /**
   * ID of the VPC link, required for `ConnectionType.VPC_LINK`.
   * @default - none
   */
  readonly connectionId?: string;
}

/** What an integration backend gives the method it is bound to. */
export interface IntegrationConfig {
  /** The kind of backend. */
  readonly type: IntegrationType;

  /**
   * The backend's URI: an `http(s)://` URL or an `arn:...:apigateway:...` ARN.
   * @default - none (MOCK)
   */
  readonly uri?: string;

  /**
   * HTTP method API Gateway uses to call the backend.
   * @default - none (MOCK)
   */
  readonly integrationHttpMethod?: string;

  /**
   * Backend settings.
   * @default - none
   */
  readonly options?: IntegrationOptions;
}

/**
 * A backend for a method: passed to `addMethod()` and bound to each method it is added to.
 *
 * `MockIntegration`, `HttpIntegration`, `AwsIntegration` and `LambdaIntegration` extend it;
 * it can also be used directly with a full `IntegrationConfig`.
 */
export class IntegrationBackend {
  constructor(private readonly config: IntegrationConfig) {}

  /**
   * Called when the backend is added to a method; returns the integration's settings and may
   * add resources the backend needs (such as a Lambda permission).
   */
  public bind(method: Method): IntegrationConfig {
    void method;
    return this.config;
  }
}

/** Properties of an integration construct. */
export interface IntegrationProps extends IntegrationConfig {
  /** The method the integration serves. */
  readonly method: Method;
}

/**
 * The integration of a method with its backend (`aws_api_gateway_integration`).
 *
 * It references its method, so Terraform creates it after the method; its integration
 * responses reference it in turn.
 *
 * In an API with `RestApiSynthesis.OPENAPI_BODY` it is part of the API's OpenAPI body and has no
 * Terraform resource of its own: `node.defaultChild` is undefined and `importFrom()` does nothing.
 */
export class Integration extends Construct {
  /** Whether `x` is an `Integration`, also across two copies of the package. */
  public static isIntegration(x: unknown): x is Integration {
    return hasBrand(x, 'Integration');
  }

  /** The kind of backend. */
  public readonly type: IntegrationType;

  /** The method of the integration. */
  public readonly method: Method;

  /** The backend URI, if any. */
  public readonly uri?: string;

  private readonly resource: ApiGatewayIntegration;
  private readonly _responses: IntegrationResponse[] = [];
  private refs?: ResourceRefs;

  constructor(scope: Construct, id: string, props: IntegrationProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Method.isMethod(props?.method)) props.method._checkIntegration(where);
    }));
    brand(this, 'Integration');
    const method = props?.method;
    if (!Method.isMethod(method)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'method', method, 'the Method the integration serves');
    }
    this.method = method;
    const rollback = new Rollback(this);
    try {
      const options = props.options ?? {};
      checkStruct(this, 'options', options, 'integration options');
      checkKinds(this, props, { type: 'string', uri: 'string', integrationHttpMethod: 'string' });
      checkKinds(this, options, {
        integrationResponses: 'object[]', requestTemplates: 'map<string>', requestParameters: 'map<string>', passthroughBehavior: 'string',
        contentHandling: 'string', credentials: 'string', timeoutMilliseconds: 'number', cacheKeyParameters: 'string[]', cacheNamespace: 'string',
        connectionType: 'string', connectionId: 'string',
      });
      this.type = props.type;
      this.uri = props.uri;
      const { integrationHttpMethod, declare } = validateIntegration(this, props);
      rollback.add(method._attachIntegration(this));
      rollback.add(method._declareRequestParameters(declare));

      this.resource = new ApiGatewayIntegration(this, 'Resource', literal({
        ...method._refs,
        type: props.type,
        uri: props.uri,
        integrationHttpMethod,
        requestTemplates: options.requestTemplates,
        requestParameters: options.requestParameters,
        passthroughBehavior: options.passthroughBehavior,
        contentHandling: options.contentHandling,
        credentials: options.credentials,
        timeoutMilliseconds: options.timeoutMilliseconds,
        cacheKeyParameters: options.cacheKeyParameters,
        cacheNamespace: options.cacheNamespace,
        connectionType: options.connectionType,
        connectionId: options.connectionId,
      }));
      markStructural(this.resource, 'rest_api_id', 'resource_id', 'http_method');
      const l1 = this.resource;
      method.api._members.register(chainMember(this, method.api, l1, {
        adopt: (adoption) => l1.importFrom(ImportId.integration(adoption.restApiId, adoption.resourceIdOf(method.resource), method.httpMethod)),
        openApi: (document) => integrationPart(document, props, integrationHttpMethod),
      }));

      for (const response of options.integrationResponses ?? []) {
        this.addResponse(response);
      }
    } catch (e) {
      throw rollback.undo(e, method.api._members);
    }
  }

  /** The integration responses, in the order they were added. */
  public get responses(): IntegrationResponse[] {
    return [...this._responses];
  }

  /**
   * Adds an integration response: which backend result (by `selectionPattern`) becomes which
   * method response (by `statusCode`), and how it is mapped.
   *
   * The method needs a method response with the same status code by synth time; it may be
   * added before or after this call.
   */
  public addResponse(options: IntegrationResponseOptions): IntegrationResponse {
    checkStruct(`${pathOf(this)}/Response`, 'options', options, 'integration response options such as { statusCode: \'200\' }');
    const id = keyedId('Response', options.statusCode, this._responses.length);
    this._checkResponse(`${pathOf(this)}/${id}`, options.statusCode, options.selectionPattern);
    return new IntegrationResponse(this, id, { ...options, integration: this });
  }

  /** Adopts an existing integration (`REST-API-ID/RESOURCE-ID/HTTP-METHOD`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Rejects a second response with the same status code, or a second default response. @internal */
  public _checkResponse(where: string, statusCode: string, selectionPattern: string | undefined): void {
    const same = this._responses.find((r) => r.statusCode === statusCode);
    if (same) {
      throw invalid(where, 'statusCode', statusCode,
        'the integration already has a response with this status code; route several backend results to it with one selectionPattern such as "4\\d{2}|5\\d{2}"');
    }
    if (isDefault(selectionPattern)) {
      const other = this._responses.find((r) => isDefault(r.selectionPattern));
      if (other) {
        throw invalid(where, 'selectionPattern', selectionPattern,
          `the response with status code ${other.statusCode} is already the default (no selectionPattern); give one of them a selectionPattern`);
      }
    }
  }

  /** Registers an integration response; returns the undo step. @internal */
  public _attachResponse(response: IntegrationResponse): () => void {
    this._checkResponse(pathOf(response), response.statusCode, response.selectionPattern);
    this._responses.push(response);
    return () => {
      const at = this._responses.indexOf(response);
      if (at >= 0) this._responses.splice(at, 1);
    };
  }

  /** References to the integration's identity, shared by its responses, which are thereby ordered after it. @internal */
  public get _refs(): ResourceRefs {
    if (this.method.api.synthesis === RestApiSynthesis.OPENAPI_BODY) return this.method._refs;
    this.refs ??= { restApiId: this.resource.restApiId, resourceId: this.resource.resourceId, httpMethod: this.resource.httpMethod };
    return this.refs;
  }
}

function isDefault(selectionPattern: string | undefined): boolean {
  return selectionPattern === undefined || selectionPattern === '';
}

/**
 * Checks an integration's settings; returns its upper-cased integration HTTP method and the path
 * variables of the method's resource that the integration maps but the method does not declare.
 */
function validateIntegration(scope: Integration, props: IntegrationProps): { integrationHttpMethod?: string; declare: string[] } {
  const options = props.options ?? {};
  checkOneOf(scope, 'type', props.type, Object.values(IntegrationType));
  let integrationHttpMethod = props.integrationHttpMethod;
  if (props.type === IntegrationType.MOCK) {
    if (props.uri !== undefined) {
      throw invalid(scope, 'uri', props.uri, 'a MOCK integration calls no backend and takes no uri');
    }
  } else {
    if (props.uri === undefined || (!unresolved(props.uri) && props.uri.trim() === '')) {
      throw invalid(scope, 'uri', props.uri, `a ${props.type} integration needs the uri of its backend`);
    }
    if (integrationHttpMethod === undefined) {
      throw invalid(scope, 'integrationHttpMethod', undefined, `a ${props.type} integration needs the HTTP method used to call its backend`);
    }
    integrationHttpMethod = normalizeHttpMethod(scope, 'integrationHttpMethod', integrationHttpMethod);
    if (!unresolved(props.uri)) {
      const http = props.type === IntegrationType.HTTP || props.type === IntegrationType.HTTP_PROXY;
      if (http && !HTTP_URL.test(props.uri)) {
        throw invalid(scope, 'uri', props.uri, `a ${props.type} integration's uri is an http:// or https:// URL`);
      }
      if (!http && !APIGATEWAY_SERVICE_ARN.test(props.uri)) {
        throw invalid(scope, 'uri', props.uri, `a ${props.type} integration's uri is an API Gateway service ARN, arn:aws:apigateway:{region}:{service}:{path|action}/...`);
      }
    }
  }
  checkMediaTypeKeys(scope, 'requestTemplates', options.requestTemplates);
  if (options.requestParameters && !unresolved(options.requestParameters)) {
    for (const [key, value] of Object.entries(options.requestParameters)) {
      if (!unresolved(key) && !INTEGRATION_REQUEST_PARAMETER.test(key)) {
        throw invalid(scope, 'requestParameters key', key, 'keys are integration.request.{querystring|header|path|multivaluequerystring|multivalueheader}.{name}');
      }
      if (!unresolved(value) && (typeof value !== 'string' || !INTEGRATION_REQUEST_SOURCE.test(value))) {
        throw invalid(scope, `requestParameters["${key}"]`, value,
          "allowed sources are method.request.{querystring|header|path|multivaluequerystring|multivalueheader}.{name}, method.request.body, context.{name}, stageVariables.{name} or a 'static value'");
      }
    }
  }
  checkOneOf(scope, 'passthroughBehavior', options.passthroughBehavior, Object.values(PassthroughBehavior));
  checkOneOf(scope, 'contentHandling', options.contentHandling, Object.values(ContentHandling));
  checkInteger(scope, 'timeoutMilliseconds', options.timeoutMilliseconds, 50, 300000);
  const endpointType = props.method.api.endpointType;
  if (typeof options.timeoutMilliseconds === 'number' && options.timeoutMilliseconds > 29000 && endpointType !== 'REGIONAL' && endpointType !== 'PRIVATE') {
    throw invalid(scope, 'timeoutMilliseconds', options.timeoutMilliseconds,
      `API Gateway allows more than 29000 ms only on REGIONAL and PRIVATE APIs; this API is ${endpointType ?? 'EDGE (the default)'}`);
  }
  checkOneOf(scope, 'connectionType', options.connectionType, Object.values(ConnectionType));
  if (options.connectionType === ConnectionType.VPC_LINK) {
    checkNonEmpty(scope, 'connectionId', options.connectionId, 'the VPC link ID (connectionType VPC_LINK)');
  } else if (options.connectionId !== undefined) {
    throw invalid(scope, 'connectionId', options.connectionId, 'a connectionId is used only with connectionType VPC_LINK');
  }
  checkPattern(scope, 'credentials', options.credentials, IAM_PRINCIPAL_ARN,
    'an IAM role ARN (arn:aws:iam::123456789012:role/name) or arn:aws:iam::*:user/* for caller credentials');
  const declare = mappedPathVariables(scope, props.method, options.requestParameters);
  if (options.cacheKeyParameters && !unresolved(options.cacheKeyParameters)) {
    const declared = props.method._requestParameters;
    for (const key of options.cacheKeyParameters) {
      if (unresolved(key)) continue;
      if (!METHOD_REQUEST_PARAMETER.test(key)) {
        throw invalid(scope, 'cacheKeyParameters', key, 'cache keys are method request parameters, method.request.{querystring|header|path}.{name}');
      }
      if (!unresolved(declared) && !(key in declared) && !declare.includes(key)) {
        throw invalid(scope, 'cacheKeyParameters', key, `the method does not declare this request parameter; add it to the method's requestParameters`);
      }
    }
  }
  return { integrationHttpMethod, declare };
}

const MAPPED_REQUEST_PARAMETER = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/;

/**
 * Checks that every `method.request.*` parameter the integration maps is declared by the method,
 * as API Gateway requires ("Invalid mapping expression parameter specified"). A variable of the
 * resource's own path (`{id}`, `{proxy+}`) is declared for the user, as required; any other
 * undeclared parameter is an error that says what to declare.
 */
function mappedPathVariables(scope: Integration, method: Method, mapped: { [key: string]: string } | undefined): string[] {
  if (!mapped || unresolved(mapped)) return [];
  const declared = method._requestParameters;
  if (unresolved(declared)) return [];
  const pathVariables = [...method.resource.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]);
  const declare: string[] = [];
  for (const [key, source] of Object.entries(mapped)) {
    const m = typeof source === 'string' && !unresolved(source) ? MAPPED_REQUEST_PARAMETER.exec(source) : null;
    if (!m) continue;
    const [, location, name] = m;
    const single = location.replace('multivalue', '');
    const candidates = [`method.request.${location}.${name}`, `method.request.${single}.${name}`];
    if (candidates.some((c) => c in declared)) continue;
    if (location === 'path' && pathVariables.includes(name)) {
      if (!declare.includes(source)) declare.push(source);
      continue;
    }
    const hint = location === 'path'
      ? `the path ${method.resource.path} has no variable {${name}} (its variables: ${pathVariables.map((v) => `{${v}}`).join(', ') || 'none'})`
      : `declare it on the method: requestParameters: { '${candidates[1]}': false }`;
    throw invalid(scope, `requestParameters["${key}"]`, source,
      `the ${method.httpMethod} method of ${method.resource.path} does not declare ${candidates[1]}, and API Gateway rejects the mapping ` +
      `("Invalid mapping expression parameter specified"); ${hint}`);
  }
  return declare;
}
