import type { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import { TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkMediaTypeKeys, checkPattern, checkStruct, invalid, pathOf, unresolved } from '../core/validation';
import type { CorsOptions } from './cors';
import { ImportId } from './import-id';
import { defined } from './openapi/export';
import { chainMember } from './openapi/synthesis';
import type { RestApi } from './rest-api';
import { providerAws } from '../core/provider';

/**
 * The kinds of errors API Gateway answers itself (gateway responses), each of which an API can
 * customise. `DEFAULT_4XX` and `DEFAULT_5XX` cover every type of their class that is not
 * customised on its own.
 */
export class ResponseType {
  /** Authorization failed, such as access denied by a custom or Cognito authorizer (403). */
  public static readonly ACCESS_DENIED = new ResponseType('ACCESS_DENIED');
  /** The API's configuration is invalid (500). */
  public static readonly API_CONFIGURATION_ERROR = new ResponseType('API_CONFIGURATION_ERROR');
  /** A custom or Cognito authorizer could not be reached (500). */
  public static readonly AUTHORIZER_CONFIGURATION_ERROR = new ResponseType('AUTHORIZER_CONFIGURATION_ERROR');
  /** A custom or Cognito authorizer failed to authenticate the caller (500). */
  public static readonly AUTHORIZER_FAILURE = new ResponseType('AUTHORIZER_FAILURE');
  /** The request parameters failed the request validator (400). */
  public static readonly BAD_REQUEST_PARAMETERS = new ResponseType('BAD_REQUEST_PARAMETERS');
  /** The request body failed the request validator (400). */
  public static readonly BAD_REQUEST_BODY = new ResponseType('BAD_REQUEST_BODY');
  /** Every 4XX response whose type is not customised. */
  public static readonly DEFAULT_4XX = new ResponseType('DEFAULT_4XX');
  /** Every 5XX response whose type is not customised. */
  public static readonly DEFAULT_5XX = new ResponseType('DEFAULT_5XX');
  /** An AWS authentication token expired (403). */
  public static readonly EXPIRED_TOKEN = new ResponseType('EXPIRED_TOKEN');
  /** The integration failed (504). */
  public static readonly INTEGRATION_FAILURE = new ResponseType('INTEGRATION_FAILURE');
  /** The integration timed out (504). */
  public static readonly INTEGRATION_TIMEOUT = new ResponseType('INTEGRATION_TIMEOUT');
  /** The API key is invalid for a method that requires one (403). */
  public static readonly INVALID_API_KEY = new ResponseType('INVALID_API_KEY');
  /** The AWS signature is invalid (403). */
  public static readonly INVALID_SIGNATURE = new ResponseType('INVALID_SIGNATURE');
  /** The authentication token is missing, as for a path or method the API does not have (403). */
  public static readonly MISSING_AUTHENTICATION_TOKEN = new ResponseType('MISSING_AUTHENTICATION_TOKEN');
  /** The usage plan quota is exceeded (429). */
  public static readonly QUOTA_EXCEEDED = new ResponseType('QUOTA_EXCEEDED');
  /** The request is too large (413). */
  public static readonly REQUEST_TOO_LARGE = new ResponseType('REQUEST_TOO_LARGE');
  /** The resource was not found after an API request passed authentication and authorization (404). */
  public static readonly RESOURCE_NOT_FOUND = new ResponseType('RESOURCE_NOT_FOUND');
  /** Usage plan, method, stage or account throttling limits are exceeded (429). */
  public static readonly THROTTLED = new ResponseType('THROTTLED');
  /** A custom or Cognito authorizer failed to authenticate the caller (401). */
  public static readonly UNAUTHORIZED = new ResponseType('UNAUTHORIZED');
  /** The payload's media type is not supported, under strict passthrough (415). */
  public static readonly UNSUPPORTED_MEDIA_TYPE = new ResponseType('UNSUPPORTED_MEDIA_TYPE');
  /** AWS WAF blocked the request (403). */
  public static readonly WAF_FILTERED = new ResponseType('WAF_FILTERED');

  /**
   * A response type by its API Gateway name, for types newer than this library.
   * @param responseType upper-case letters, digits and underscores, such as `DEFAULT_4XX`
   */
  public static of(responseType: string): ResponseType {
    checkPattern('ResponseType.of', 'responseType', responseType, /^[A-Z][A-Z0-9_]*$/,
      'a gateway response type is upper case with underscores, such as DEFAULT_4XX or UNAUTHORIZED');
    return new ResponseType(responseType);
  }

  private constructor(
    /** The API Gateway name of the type. */
    public readonly name: string,
  ) {
    brand(this, 'ResponseType');
  }
}

/** A gateway response, as given to `api.addGatewayResponse()`. */
export interface GatewayResponseOptions {
  /** The type of error the response customises. */
  readonly type: ResponseType;

  /**
   * HTTP status code of the response.
   * @default - the type's own status code (for DEFAULT_4XX and DEFAULT_5XX, each error's own)
   */
  readonly statusCode?: string;

  /**
   * Headers of the response, each a static value in single quotes (`"'Bearer'"`) or a value
   * taken from the request: `method.request.header.{name}`, `method.request.querystring.{name}`,
   * `method.request.path.{name}`, `method.request.multivalueheader.{name}`,
   * `method.request.multivaluequerystring.{name}`, `stageVariables.{name}` or `context.{name}`.
   * @default - no headers
   */
  readonly responseHeaders?: { [header: string]: string };

  /**
   * Mapping templates of the body, by content type.
   * @default - API Gateway's default body
   */
  readonly templates?: { [contentType: string]: string };
}

/** Properties of a gateway response created with `new GatewayResponse()`. */
export interface GatewayResponseProps extends GatewayResponseOptions {
  /** The API the response belongs to. */
  readonly restApi: RestApi;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const HEADER_SOURCE = new RegExp([
  '^method\\.request\\.(header|querystring|path|multivalueheader|multivaluequerystring)\\.[^\\s]+$',
  '^stageVariables\\.[A-Za-z0-9_]+$',
  '^context\\.[A-Za-z0-9_.]+$',
  "^'[^']*'$",
].join('|'));
const STATUS_CODE = /^[1-5]\d\d$/;

/** The gateway responses this library adds for CORS, by API, until the program defines its own. */
const CORS_RESPONSES = new WeakMap<RestApi, Map<string, GatewayResponse>>();

/**
 * A gateway response of a REST API (`aws_api_gateway_gateway_response`): how API Gateway
 * answers the errors it raises itself (authorizer denials, throttling, validation failures,
 * missing routes, integration timeouts), with a status code, headers and a body template.
 *
 * @example
 * api.addGatewayResponse('Unauthorized', {
 *   type: ResponseType.UNAUTHORIZED,
 *   statusCode: '401',
 *   responseHeaders: { 'WWW-Authenticate': "'Bearer'" },
 *   templates: { 'application/json': '{"message": $context.error.messageString}' },
 * });
 */
export class GatewayResponse extends Construct {
  /** Whether `x` is a `GatewayResponse`, also across two copies of the package. */
  public static isGatewayResponse(x: unknown): x is GatewayResponse {
    return hasBrand(x, 'GatewayResponse');
  }

  /** The type of error the response customises. */
  public readonly type: ResponseType;

  /** The API of the response. */
  public readonly restApi: RestApi;

  private readonly resource: ApiGatewayGatewayResponse;

  constructor(scope: Construct, id: string, props: GatewayResponseProps) {
    super(scope, freeId(scope, id));
    brand(this, 'GatewayResponse');
    const api = props?.restApi;
    if (!hasBrand(api, 'RestApi')) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'restApi', api, 'the RestApi the gateway response belongs to');
    }
    this.restApi = api;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { type: 'object', statusCode: 'string', responseHeaders: 'map<string>', templates: 'map<string>' });
      const type = props.type;
      if (!hasBrand(type, 'ResponseType')) {
        throw invalid(this, 'type', type, 'a ResponseType such as ResponseType.UNAUTHORIZED or ResponseType.of(\'DEFAULT_4XX\')');
      }
      const automatic = CORS_RESPONSES.get(api)?.get(type.name);
      if (!unresolved(type.name)) {
        const other = api._members.all().map((m) => m.construct)
          .find((c) => GatewayResponse.isGatewayResponse(c) && c !== this && c !== automatic && c.type.name === type.name);
        if (other) {
          throw invalid(this, 'type', type.name,
            `the API already has a gateway response of this type (${pathOf(other)}); each type is customised once in an API`);
        }
      }
      if (props.statusCode !== undefined) {
        checkPattern(this, 'statusCode', props.statusCode, STATUS_CODE, 'must be three digits from 100 to 599 (pattern [1-5]\\d\\d)');
      }
      checkHeaders(this, props.responseHeaders);
      checkMediaTypeKeys(this, 'templates', props.templates);
      this.type = type;
      this.resource = new providerAws.ApiGatewayGatewayResponse(this, 'Resource', literal({
        restApiId: api.restApiId,
        responseType: type.name,
        statusCode: props.statusCode,
        responseParameters: props.responseHeaders === undefined || unresolved(props.responseHeaders) ? props.responseHeaders as undefined
          : Object.fromEntries(Object.entries(props.responseHeaders).map(([name, value]) => [`gatewayresponse.header.${name}`, value])),
        responseTemplates: props.templates,
      }));
      // One address per API and type, wherever the construct lives: replacing the response added
      // for CORS with the program's own, or moving the construct, updates the response in place.
      // A new address would create the new one and then delete the old, and API Gateway's delete
      // resets the type to its default.
      const apiResource = api.node.defaultChild;
      if (!unresolved(type.name) && apiResource instanceof TerraformResource) {
        this.resource.overrideLogicalId(`${TerraformStack.of(apiResource).getLogicalId(apiResource)}_GatewayResponse_${type.name}`);
      }
      const l1 = this.resource;
      // In an OpenAPI body the response is part of the document (x-amazon-apigateway-gateway-responses).
      api._members.register(chainMember(this, api, l1, {
        adopt: (adoption) => l1.importFrom(ImportId.gatewayResponse(adoption.restApiId, type.name)),
        openApi: (document) => document.addGatewayResponse(type.name, defined({
          statusCode: props.statusCode,
          responseParameters: l1.responseParametersInput,
          responseTemplates: props.templates,
        })),
      }));
      // The program's own response of a type replaces the one added for CORS.
      if (automatic) {
        api._members.forget(automatic);
        automatic.node.scope?.node.tryRemoveChild(automatic.node.id);
        CORS_RESPONSES.get(api)?.delete(type.name);
      }
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** Adopts an existing gateway response (`REST-API-ID/RESPONSE-TYPE`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

function checkHeaders(scope: GatewayResponse, headers: { [header: string]: string } | undefined): void {
  if (headers === undefined || unresolved(headers)) return;
  checkStruct(scope, 'responseHeaders', headers, 'a map from header name to value');
  for (const [name, value] of Object.entries(headers)) {
    if (!unresolved(name) && !HEADER_NAME.test(name)) {
      throw invalid(scope, 'responseHeaders key', name, 'a header name such as WWW-Authenticate (letters, digits and !#$%&\'*+.^_`|~-)');
    }
    if (!unresolved(value) && !HEADER_SOURCE.test(value)) {
      throw invalid(scope, `responseHeaders["${name}"]`, value,
        "a static value in single quotes such as \"'Bearer'\", or method.request.{header|querystring|path|multivalueheader|multivaluequerystring}.{name}, " +
        'stageVariables.{name} or context.{name}');
    }
  }
}

/**
 * Makes the API's DEFAULT_4XX and DEFAULT_5XX gateway responses carry the CORS headers of a
 * preflight, so that browsers can read the errors API Gateway answers itself (an authorizer's
 * 401, a throttled 429, a missing route's 403). Called for every preflight; the first CORS
 * settings of the API decide, and a type the program customises itself is left to it.
 *
 * Gateway responses cannot choose among several origins as a preflight's template does: with
 * several allowed origins, the first is sent. Echoing the caller's `Origin` header would allow
 * every origin, with credentials when they are allowed.
 * @internal
 */
export function corsReachesErrors(api: RestApi, options: CorsOptions): void {
  if (CORS_RESPONSES.has(api)) return;
  const responses = new Map<string, GatewayResponse>();
  CORS_RESPONSES.set(api, responses);
  const headers: { [name: string]: string } = { 'Access-Control-Allow-Origin': `'${options.allowOrigins[0]}'` };
  if (options.allowCredentials) headers['Access-Control-Allow-Credentials'] = "'true'";
  const taken = new Set(api._members.all().map((m) => m.construct).filter(GatewayResponse.isGatewayResponse).map((r) => r.type.name));
  for (const type of [ResponseType.DEFAULT_4XX, ResponseType.DEFAULT_5XX]) {
    if (taken.has(type.name)) continue;
    responses.set(type.name, new GatewayResponse(api, `CorsGatewayResponse_${type.name}`, {
      restApi: api,
      type,
      responseHeaders: headers,
      // API Gateway's own default body, written out because a customised response has no template otherwise.
      templates: { 'application/json': '{"message":$context.error.messageString}' },
    }));
  }
}
