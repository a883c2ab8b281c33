import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { markStructural } from '../redeployment';
import {
  checkKeys, checkMediaTypeKeys, checkNonEmpty, checkOneOf, invalid, METHOD_REQUEST_PARAMETER, normalizeHttpMethod, pathOf, unresolved,
  ValidationError,
} from '../validation';
import { Integration, IntegrationBackend } from './integration';
import { IntegrationResponse, IntegrationResponseOptions } from './integration-response';
import { MethodResponse, MethodResponseOptions, responseConstructId } from './method-response';
import type { Resource } from './resource';
import type { RestApi } from './rest-api';

/** Who may call a method. */
export enum AuthorizationType {
  /** Anyone: no authorization. */
  NONE = 'NONE',
  /** Callers signing with AWS IAM credentials (Signature Version 4). */
  IAM = 'AWS_IAM',
  /** A Lambda (custom) authorizer, given by `authorizerId`. */
  CUSTOM = 'CUSTOM',
  /** A Cognito user pool authorizer, given by `authorizerId`. */
  COGNITO = 'COGNITO_USER_POOLS',
}

/** Options of a method. */
export interface MethodOptions {
  /**
   * Who may call the method. Leaving it unset gives `NONE` with a warning, since anyone can
   * then call the method; set it explicitly to silence the warning.
   * @default AuthorizationType.NONE
   */
  readonly authorization?: AuthorizationType;

  /**
   * ID of the authorizer, required for `CUSTOM` and `COGNITO` authorization.
   * @default - none
   */
  readonly authorizerId?: string;

  /**
   * OAuth scopes a Cognito access token must carry (`COGNITO` authorization only).
   * @default - none
   */
  readonly authorizationScopes?: string[];

  /**
   * Whether callers must send an API key.
   * @default false
   */
  readonly apiKeyRequired?: boolean;

  /**
   * Friendly operation name, used by SDK generators.
   * @default - none
   */
  readonly operationName?: string;

  /**
   * Request parameters the method accepts, `method.request.{querystring|header|path}.{name}`,
   * each mapped to whether it is required.
   * @default - none
   */
  readonly requestParameters?: { [param: string]: boolean };

  /**
   * Models of the request body by content type, such as `{ 'application/json': 'Empty' }`.
   * @default - none
   */
  readonly requestModels?: { [contentType: string]: string };

  /**
   * ID of the request validator.
   * @default - no request validation
   */
  readonly requestValidatorId?: string;

  /**
   * Method responses to add, the same as calling `addMethodResponse()` for each.
   * @default - none
   */
  readonly methodResponses?: MethodResponseOptions[];
}

/** Properties of a method created with `new Method()`. */
export interface MethodProps {
  /** The resource the method belongs to. */
  readonly resource: Resource;

  /** GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH or ANY. */
  readonly httpMethod: string;

  /**
   * The backend of the method.
   * @default - none yet: add one with `addIntegration()` before deploying
   */
  readonly integration?: IntegrationBackend;

  /**
   * Method settings.
   * @default - no authorization (with a warning), no parameters, no responses
   */
  readonly options?: MethodOptions;
}

/**
 * An HTTP method of a resource (`aws_api_gateway_method`).
 *
 * Its method responses and its integration are its children; they reference the method, so
 * Terraform creates them after it.
 */
export class Method extends Construct {
  /** The HTTP method, upper case. */
  public readonly httpMethod: string;

  /** The resource of the method. */
  public readonly resource: Resource;

  /** The API of the method. */
  public readonly api: RestApi;

  /** The options the method was created with (merged with the resource's defaults). */
  public readonly options: MethodOptions;

  private readonly methodResource: ApiGatewayMethod;
  private readonly responses = new Map<string, MethodResponse>();
  private _integration?: Integration;
  private refs?: ResourceRefs;

  constructor(scope: Construct, id: string, props: MethodProps) {
    super(scope, id);
    const options = props.options ?? {};
    this.resource = props.resource;
    this.api = props.resource.api;
    this.options = options;
    this.httpMethod = normalizeHttpMethod(this, 'httpMethod', props.httpMethod);
    this.resource._attachMethod(this);
    validateMethodOptions(this, options);

    this.methodResource = new ApiGatewayMethod(this, 'Resource', {
      restApiId: this.api.restApiId,
      resourceId: this.resource.resourceId,
      httpMethod: this.httpMethod,
      authorization: options.authorization ?? AuthorizationType.NONE,
      authorizerId: options.authorizerId,
      authorizationScopes: options.authorizationScopes,
      apiKeyRequired: options.apiKeyRequired,
      operationName: options.operationName,
      requestParameters: options.requestParameters,
      requestModels: options.requestModels,
      requestValidatorId: options.requestValidatorId,
    });
    this.node.defaultChild = this.methodResource;
    markStructural(this.methodResource, 'rest_api_id', 'resource_id');

    if (options.authorization === undefined) {
      Annotations.of(this).addWarning(
        `${pathOf(this)}: authorization is not set, so the method uses NONE and anyone can call ${this.httpMethod} ${this.resource.path}. ` +
        'Set authorization (AuthorizationType.NONE to keep it open) to silence this warning.');
    }

    for (const response of options.methodResponses ?? []) {
      this.addMethodResponse(response);
    }
    if (props.integration) {
      this.addIntegration(props.integration);
    }
  }

  /** The integration construct of the method, once it has one. */
  public get integration(): Integration | undefined {
    return this._integration;
  }

  /** The method responses, in the order they were added. */
  public get methodResponses(): MethodResponse[] {
    return [...this.responses.values()];
  }

  /** ID of the method resource in Terraform (`REST-API-ID/RESOURCE-ID/HTTP-METHOD` once applied). */
  public get methodId(): string {
    return this.methodResource.id;
  }

  /**
   * The execute-api ARN of this method on every stage, as Lambda permissions expect
   * (`arn:aws:execute-api:region:account:api-id/*\/GET/pets/*`).
   */
  public get methodArn(): string {
    const method = this.httpMethod === 'ANY' ? '*' : this.httpMethod;
    return `${this.api.executionArn}/*/${method}${arnPath(this.resource.path)}`;
  }

  /** The execute-api ARN used by the console's test invocations (stage `test-invoke-stage`). */
  public get testMethodArn(): string {
    const method = this.httpMethod === 'ANY' ? '*' : this.httpMethod;
    return `${this.api.executionArn}/test-invoke-stage/${method}${arnPath(this.resource.path)}`;
  }

  /** Adds a method response for a status code. */
  public addMethodResponse(options: MethodResponseOptions): MethodResponse {
    const id = responseConstructId(options.statusCode, this.responses.size);
    if (this.responses.has(options.statusCode)) {
      throw invalid(`${pathOf(this)}/${id}`, 'statusCode', options.statusCode,
        `the method already has a method response with status code ${options.statusCode}; each status code is declared once`);
    }
    return new MethodResponse(this, id, { ...options, method: this });
  }

  /** The method response with this status code, if there is one. */
  public methodResponse(statusCode: string): MethodResponse | undefined {
    return this.responses.get(statusCode);
  }

  /**
   * Sets the backend of a method created without one.
   */
  public addIntegration(integration: IntegrationBackend): Integration {
    if (this._integration) {
      throw invalid(this, 'integration', this._integration.type, 'the method already has an integration; a method has exactly one');
    }
    if (!integration || typeof (integration as IntegrationBackend).bind !== 'function') {
      throw invalid(this, 'integration', integration, 'an integration backend such as new MockIntegration(), new HttpIntegration(url) or new AwsIntegration({...})');
    }
    const config = integration.bind(this);
    this._integration = new Integration(this, 'Integration', { ...config, method: this });
    return this._integration;
  }

  /** Adds an integration response to the method's integration (see `Integration.addResponse`). */
  public addIntegrationResponse(options: IntegrationResponseOptions): IntegrationResponse {
    if (!this._integration) {
      throw new ValidationError(pathOf(this),
        'addIntegrationResponse() needs an integration: pass one to addMethod() or call method.addIntegration() first');
    }
    return this._integration.addResponse(options);
  }

  /** Adopts an existing method (`REST-API-ID/RESOURCE-ID/HTTP-METHOD`). */
  public importFrom(id: string): void {
    this.methodResource.importFrom(id);
  }

  /** Registers a method response. @internal */
  public _attachResponse(response: MethodResponse): void {
    this.responses.set(response.statusCode, response);
  }

  /**
   * References to the method's identity (`rest_api_id`, `resource_id`, `http_method`), created
   * once and shared by its responses and integration, which are thereby ordered after it. @internal
   */
  public get _refs(): ResourceRefs {
    this.refs ??= {
      restApiId: this.methodResource.restApiId,
      resourceId: this.methodResource.resourceId,
      httpMethod: this.methodResource.httpMethod,
    };
    return this.refs;
  }
}

/** References to the identity of a method or an integration. @internal */
export interface ResourceRefs {
  readonly restApiId: string;
  readonly resourceId: string;
  readonly httpMethod: string;
}

/** `/pets/{id}` becomes `/pets/*` in execute-api ARNs; the root is empty. */
function arnPath(path: string): string {
  return path === '/' ? '/' : path.replace(/\{[^}]*\}/g, '*');
}

function validateMethodOptions(scope: Method, options: MethodOptions): void {
  const authorization = options.authorization ?? AuthorizationType.NONE;
  checkOneOf(scope, 'authorization', authorization, Object.values(AuthorizationType));
  const needsAuthorizer = authorization === AuthorizationType.CUSTOM || authorization === AuthorizationType.COGNITO;
  if (needsAuthorizer && options.authorizerId === undefined) {
    throw invalid(scope, 'authorizerId', undefined, `authorization ${authorization} needs the ID of an authorizer`);
  }
  if (!needsAuthorizer && options.authorizerId !== undefined) {
    throw invalid(scope, 'authorizerId', options.authorizerId, `an authorizer is used only with CUSTOM or COGNITO_USER_POOLS authorization, not ${authorization}`);
  }
  if (options.authorizerId !== undefined) checkNonEmpty(scope, 'authorizerId', options.authorizerId, 'the authorizer ID');
  if (options.authorizationScopes !== undefined && !unresolved(options.authorizationScopes)) {
    if (authorization !== AuthorizationType.COGNITO) {
      throw invalid(scope, 'authorizationScopes', options.authorizationScopes, `scopes are used only with COGNITO_USER_POOLS authorization, not ${authorization}`);
    }
    for (const s of options.authorizationScopes) checkNonEmpty(scope, 'authorizationScopes', s, 'each scope');
  }
  if (options.operationName !== undefined) checkNonEmpty(scope, 'operationName', options.operationName, 'the operation name');
  checkKeys(scope, 'requestParameters', options.requestParameters, METHOD_REQUEST_PARAMETER,
    'keys are method.request.{querystring|header|path|multivaluequerystring|multivalueheader}.{name}');
  if (options.requestParameters && !unresolved(options.requestParameters)) {
    for (const [key, value] of Object.entries(options.requestParameters)) {
      if (!unresolved(value) && typeof value !== 'boolean') {
        throw invalid(scope, `requestParameters["${key}"]`, value, 'true when the parameter is required, false when it is optional');
      }
    }
  }
  checkMediaTypeKeys(scope, 'requestModels', options.requestModels);
  if (options.requestValidatorId !== undefined) checkNonEmpty(scope, 'requestValidatorId', options.requestValidatorId, 'the request validator ID');
}
