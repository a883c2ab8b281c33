import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import {
  checkKeys, checkKinds, checkNonEmpty, checkOneOf, checkStruct, invalid, METHOD_REQUEST_PARAMETER, normalizeHttpMethod,
  pathOf, unresolved, ValidationError,
} from '../core/validation';
import { ImportId } from './import-id';
import { Integration, IntegrationBackend } from './integration';
import { IntegrationResponse, IntegrationResponseOptions } from './integration-response';
import { MethodResponse, MethodResponseOptions } from './method-response';
import { checkModelMap, IModel, modelNames } from './model';
import { IRequestValidator, RequestValidatorOptions, validatorFor } from './request-validator';
import { mergeMethodOptions, ResourceBase } from './resource';
import type { IAuthorizer } from './authorizers/authorizer';
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
   * Models of the request body by content type, such as `{ 'application/json': Model.EMPTY }`:
   * models of the method's API, or API Gateway's built-in `Model.EMPTY` and `Model.ERROR`.
   * @default - none
   */
  readonly requestModels?: { [contentType: string]: IModel };

  /**
   * ID of a request validator made outside this library. Prefer `requestValidator` or
   * `requestValidatorOptions`.
   * @default - no request validation
   */
  readonly requestValidatorId?: string;

  /**
   * Method responses to add, the same as calling `addMethodResponse()` for each.
   * @default - none
   */
  readonly methodResponses?: MethodResponseOptions[];

  /**
   * The request validator of the method, one of its API's.
   * @default - no request validation (unless `requestValidatorOptions` is given)
   */
  readonly requestValidator?: IRequestValidator;

  /**
   * What to validate, with a validator the API shares among all methods that ask for the same
   * settings (made the first time one asks). Not together with `requestValidator`.
   * @default - no request validation (unless `requestValidator` is given)
   */
  readonly requestValidatorOptions?: RequestValidatorOptions;

  /**
   * The authorizer that protects the method: a `TokenAuthorizer` or `RequestAuthorizer`
   * (authorization `CUSTOM`), a `CognitoUserPoolsAuthorizer` (`COGNITO_USER_POOLS`), or any
   * `IAuthorizer`. The method references it, so Terraform creates the authorizer first. An
   * authorizer of another API is refused; `authorization` may be left unset.
   * @default - none; see `authorizerId` for an authorizer known only by its ID
   */
  readonly authorizer?: IAuthorizer;
}

/** Properties of a method created with `new Method()`. */
export interface MethodProps {
  /** The resource the method belongs to. */
  readonly resource: ResourceBase;

  /** GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH or ANY. */
  readonly httpMethod: string;

  /**
   * The backend of the method.
   * @default - the resource's `defaultIntegration`; without one, add it with `addIntegration()` before deploying
   */
  readonly integration?: IntegrationBackend;

  /**
   * Method settings, merged field by field over the resource's `defaultMethodOptions`.
   * @default - the resource's `defaultMethodOptions`; without them, no authorization (with a warning), no parameters, no responses
   */
  readonly options?: MethodOptions;
}

const OPEN = new WeakSet<MethodOptions>();

/** Marks options that take nothing from the resource's defaults (the CORS preflight). @internal */
export function withoutDefaults(options: MethodOptions): MethodOptions {
  OPEN.add(options);
  return options;
}

/**
 * An HTTP method of a resource (`aws_api_gateway_method`).
 *
 * `new Method(scope, id, { resource, httpMethod, integration, options })` does what
 * `resource.addMethod(httpMethod, integration, options)` does, under the construct ID you choose.
 * Its method responses and its integration reference the method, so Terraform creates them
 * after it.
 */
export class Method extends Construct {
  /** Whether `x` is a `Method`, also across two copies of the package. */
  public static isMethod(x: unknown): x is Method {
    return hasBrand(x, 'Method');
  }

  /** The HTTP method, upper case. */
  public readonly httpMethod: string;

  /** The resource of the method. */
  public readonly resource: ResourceBase;

  /** The API of the method. */
  public readonly api: RestApi;

  /** The options the method was created with, merged over the resource's defaults. */
  public readonly options: MethodOptions;

  private readonly methodResource: ApiGatewayMethod;
  private readonly responses = new Map<string, MethodResponse>();
  private _integration?: Integration;
  private refs?: ResourceRefs;

  constructor(scope: Construct, id: string, props: MethodProps) {
    super(scope, freeId(scope, id, (where) => {
      if (ResourceBase.isResourceBase(props?.resource) && typeof props.httpMethod === 'string') props.resource._checkMethod(where, props.httpMethod.toUpperCase());
    }));
    brand(this, 'Method');
    const resource = props?.resource;
    if (!ResourceBase.isResourceBase(resource)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'resource', resource, 'a resource of a RestApi, such as api.root or api.root.addResource(\'pets\')');
    }
    this.resource = resource;
    this.api = resource.api;
    const rollback = new Rollback(this);
    try {
      const given = props.options ?? {};
      const options = OPEN.has(given) ? given : mergeMethodOptions(resource.defaultMethodOptions, given) ?? {};
      checkStruct(this, 'options', options);
      checkKinds(this, options, {
        authorization: 'string', authorizerId: 'string', authorizationScopes: 'string[]', apiKeyRequired: 'boolean', operationName: 'string',
        requestParameters: 'map<boolean>', requestModels: 'object', requestValidatorId: 'string', methodResponses: 'object[]',
        requestValidator: 'object', requestValidatorOptions: 'object', authorizer: 'object',
      });
      this.options = options;
      this.httpMethod = normalizeHttpMethod(this, 'httpMethod', props.httpMethod);
      const authorization = validateMethodOptions(this, options);
      checkModelMap(this, 'requestModels', options.requestModels, this.api);
      if (options.requestValidatorId !== undefined && (options.requestValidator !== undefined || options.requestValidatorOptions !== undefined)) {
        throw invalid(this, 'requestValidatorId', options.requestValidatorId, 'give one of requestValidatorId, requestValidator and requestValidatorOptions');
      }
      rollback.add(resource._attachMethod(this));
      const validator = validatorFor(this, this.api, options.requestValidator, options.requestValidatorOptions, rollback);
      const authorizer = options.authorizer;
      if (authorizer !== undefined && hasBrand(authorizer, 'Authorizer')) {
        rollback.add((authorizer as unknown as { _bind(api: RestApi, where: string): () => void })._bind(this.api, pathOf(this)));
      }

      this.methodResource = new ApiGatewayMethod(this, 'Resource', literal({
        restApiId: this.api.restApiId,
        resourceId: resource.resourceId,
        httpMethod: this.httpMethod,
        authorization,
        authorizerId: authorizer !== undefined ? authorizer.authorizerId : options.authorizerId,
        authorizationScopes: options.authorizationScopes,
        apiKeyRequired: options.apiKeyRequired,
        operationName: options.operationName,
        requestParameters: options.requestParameters,
        requestModels: modelNames(options.requestModels),
        requestValidatorId: validator?.requestValidatorId ?? options.requestValidatorId,
      }));
      this.node.defaultChild = this.methodResource;
      markStructural(this.methodResource, 'rest_api_id', 'resource_id');
      const l1 = this.methodResource;
      this.api._members.register({
        construct: this,
        hashed: () => [l1],
        mustPrecede: () => [l1],
        deployProblems: () => (this._integration ? [] : [
          `method ${this.httpMethod} ${resource.path} (${pathOf(this)}) has no integration, and API Gateway refuses to deploy it ` +
          '("No integration defined for method"). Pass one to addMethod() or call method.addIntegration().']),
        adopt: (adoption) => l1.importFrom(ImportId.method(adoption.restApiId, adoption.resourceIdOf(resource), this.httpMethod)),
      });

      if (options.authorization === undefined && authorizer === undefined) {
        Annotations.of(this).addWarning(
          `${pathOf(this)}: authorization is not set, so the method uses NONE and anyone can call ${this.httpMethod} ${resource.path}. ` +
          'Set authorization (AuthorizationType.NONE to keep it open) to silence this warning.');
      }
      for (const response of options.methodResponses ?? []) {
        this.addMethodResponse(response);
      }
      const integration = props.integration ?? resource.defaultIntegration;
      if (integration) {
        this.addIntegration(integration);
      }
    } catch (e) {
      throw rollback.undo(e, this.api._members);
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
    return this.api.arnForExecuteApi(this.httpMethod, this.resource.path, '*');
  }

  /** The execute-api ARN used by the console's test invocations (stage `test-invoke-stage`). */
  public get testMethodArn(): string {
    return this.api.arnForExecuteApi(this.httpMethod, this.resource.path, 'test-invoke-stage');
  }

  /** Adds a method response for a status code. */
  public addMethodResponse(options: MethodResponseOptions): MethodResponse {
    checkStruct(`${pathOf(this)}/Response`, 'options', options, 'method response options such as { statusCode: \'200\' }');
    const id = keyedId('Response', options.statusCode, this.responses.size);
    this._checkResponse(`${pathOf(this)}/${id}`, options.statusCode);
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
    this._checkIntegration(`${pathOf(this)}/Integration`);
    if (!integration || typeof (integration as IntegrationBackend).bind !== 'function') {
      throw invalid(this, 'integration', integration, 'an integration backend such as new MockIntegration(), new HttpIntegration(url) or new AwsIntegration({...})');
    }
    // What bind() adds (a Lambda permission) goes again if the integration is refused.
    const before = new Set(this.node.children.map((c) => c.node.id));
    try {
      const config = integration.bind(this);
      return new Integration(this, 'Integration', { ...config, method: this });
    } catch (e) {
      for (const child of this.node.children) {
        if (!before.has(child.node.id)) this.node.tryRemoveChild(child.node.id);
      }
      throw e;
    }
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

  /** The request parameters the method declares, with those declared for its integration. @internal */
  public get _requestParameters(): { [param: string]: boolean } {
    return (this.methodResource.requestParametersInput ?? {}) as { [param: string]: boolean };
  }

  /** Declares path variables the integration maps (required, as path parameters are); returns the undo step. @internal */
  public _declareRequestParameters(keys: string[]): () => void {
    const before = this.methodResource.requestParametersInput;
    if (keys.length > 0) {
      this.methodResource.requestParameters = { ...before, ...Object.fromEntries(keys.map((k) => [k, true])) };
    }
    return () => {
      if (before === undefined) this.methodResource.resetRequestParameters();
      else this.methodResource.requestParameters = before;
    };
  }

  /** Rejects a second method response with the same status code. @internal */
  public _checkResponse(where: string, statusCode: string): void {
    if (typeof statusCode === 'string' && this.responses.has(statusCode)) {
      throw invalid(where, 'statusCode', statusCode,
        `the method already has a method response with status code ${statusCode}; each status code is declared once`);
    }
  }

  /** Registers a method response; returns the undo step. @internal */
  public _attachResponse(response: MethodResponse): () => void {
    this._checkResponse(pathOf(response), response.statusCode);
    this.responses.set(response.statusCode, response);
    return () => this.responses.delete(response.statusCode);
  }

  /** Rejects a second integration. @internal */
  public _checkIntegration(where: string): void {
    if (this._integration) {
      throw invalid(where, 'integration', this._integration.type, 'the method already has an integration; a method has exactly one');
    }
  }

  /** Registers the integration; returns the undo step. @internal */
  public _attachIntegration(integration: Integration): () => void {
    this._checkIntegration(pathOf(integration));
    this._integration = integration;
    return () => { this._integration = undefined; };
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

/** The authorization an authorizer gives the methods it protects. */
function authorizationOf(scope: Method, authorizer: IAuthorizer): AuthorizationType {
  if (typeof authorizer !== 'object' || authorizer === null || unresolved(authorizer) ||
    (!hasBrand(authorizer, 'Authorizer') && typeof authorizer.authorizerId !== 'string')) {
    throw invalid(scope, 'authorizer', authorizer, 'a TokenAuthorizer, RequestAuthorizer or CognitoUserPoolsAuthorizer, or an IAuthorizer with an authorizerId');
  }
  const type = authorizer.authorizationType ?? AuthorizationType.CUSTOM;
  checkOneOf(scope, 'authorizer.authorizationType', type, [AuthorizationType.CUSTOM, AuthorizationType.COGNITO]);
  return type;
}

/** Checks the options; returns the method's authorization. */
function validateMethodOptions(scope: Method, options: MethodOptions): AuthorizationType {
  const byAuthorizer = options.authorizer !== undefined ? authorizationOf(scope, options.authorizer) : undefined;
  if (byAuthorizer !== undefined) {
    if (options.authorization !== undefined && options.authorization !== byAuthorizer) {
      throw invalid(scope, 'authorization', options.authorization,
        `the authorizer makes the method ${byAuthorizer}; leave authorization unset with an authorizer, or set it to ${byAuthorizer}`);
    }
    if (options.authorizerId !== undefined) {
      throw invalid(scope, 'authorizerId', options.authorizerId, 'give either authorizer or authorizerId, not both');
    }
  }
  const authorization = options.authorization ?? byAuthorizer ?? AuthorizationType.NONE;
  checkOneOf(scope, 'authorization', authorization, Object.values(AuthorizationType));
  const needsAuthorizer = authorization === AuthorizationType.CUSTOM || authorization === AuthorizationType.COGNITO;
  if (needsAuthorizer && options.authorizerId === undefined && byAuthorizer === undefined) {
    throw invalid(scope, 'authorizerId', undefined, `authorization ${authorization} needs the ID of an authorizer`);
  }
  if (!needsAuthorizer && options.authorizerId !== undefined) {
    throw invalid(scope, 'authorizerId', options.authorizerId, `an authorizer is used only with CUSTOM or COGNITO_USER_POOLS authorization, not ${authorization}`);
  }
  if (options.authorizerId !== undefined) checkNonEmpty(scope, 'authorizerId', options.authorizerId, 'the authorizer ID');
  if (options.authorizationScopes !== undefined && !unresolved(options.authorizationScopes)) {
    if (authorization !== AuthorizationType.COGNITO) {
      throw invalid(scope, 'authorizationScopes', options.authorizationScopes,
        `scopes are used only with COGNITO_USER_POOLS authorization (a CognitoUserPoolsAuthorizer), not ${authorization}`);
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
  if (options.requestValidatorId !== undefined) checkNonEmpty(scope, 'requestValidatorId', options.requestValidatorId, 'the request validator ID');
  return authorization;
}
