import type { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator';
import { Construct, IConstruct } from 'constructs';
import { literal } from '../core/escape';
import { nameFromPath } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkNonEmpty, checkStruct, invalid, pathOf, unresolved } from '../core/validation';
import { ImportId } from './import-id';
import { chainMember } from './openapi/synthesis';
import type { RestApi } from './rest-api';
import { providerAws } from '../core/provider';

/** A request validator a method can use. */
export interface IRequestValidator {
  /** ID of the request validator. */
  readonly requestValidatorId: string;
}

/** What a request validator checks, as given to `api.addRequestValidator()` or `MethodOptions.requestValidatorOptions`. */
export interface RequestValidatorOptions {
  /**
   * Name of the validator, unique in the API.
   * @default - derived from the construct path below the stack, segments joined with `-` (for `requestValidatorOptions`, a name that says what it validates)
   */
  readonly requestValidatorName?: string;

  /**
   * Whether the request body is checked against the method's request model.
   * @default false
   */
  readonly validateRequestBody?: boolean;

  /**
   * Whether the required request parameters (`requestParameters` set to true) must be present.
   * @default false
   */
  readonly validateRequestParameters?: boolean;
}

/** Properties of a request validator created with `new RequestValidator()`. */
export interface RequestValidatorProps extends RequestValidatorOptions {
  /** The API the validator belongs to. */
  readonly restApi: RestApi;
}

/**
 * A request validator of a REST API (`aws_api_gateway_request_validator`): API Gateway checks
 * the body and the required parameters of a request before it reaches the backend, and answers
 * `BAD_REQUEST_BODY` or `BAD_REQUEST_PARAMETERS` (400) otherwise.
 *
 * Methods reference the validator's ID, so Terraform creates it first.
 *
 * @example
 * const body = new RequestValidator(this, 'Body', { restApi: api, validateRequestBody: true });
 * pets.addMethod('POST', backend, { requestValidator: body, requestModels: { 'application/json': pet } });
 */
export class RequestValidator extends Construct implements IRequestValidator {
  /** Whether `x` is a `RequestValidator`, also across two copies of the package. */
  public static isRequestValidator(x: unknown): x is RequestValidator {
    return hasBrand(x, 'RequestValidator');
  }

  /** ID of the request validator. */
  public readonly requestValidatorId: string;

  /** Name of the request validator. */
  public readonly requestValidatorName: string;

  /** The API of the validator. */
  public readonly restApi: RestApi;

  private readonly resource: ApiGatewayRequestValidator;

  constructor(scope: Construct, id: string, props: RequestValidatorProps) {
    super(scope, freeId(scope, id));
    brand(this, 'RequestValidator');
    const api = props?.restApi;
    if (!hasBrand(api, 'RestApi')) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'restApi', api, 'the RestApi the request validator belongs to');
    }
    this.restApi = api;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { requestValidatorName: 'string', validateRequestBody: 'boolean', validateRequestParameters: 'boolean' });
      const name = props.requestValidatorName ?? nameFromPath(this);
      checkNonEmpty(this, 'requestValidatorName', name, 'a request validator name');
      const other = validatorsOf(api).find((v) => v !== this && v.requestValidatorName === name);
      if (other && !unresolved(name)) {
        throw invalid(this, 'requestValidatorName', name,
          `the API already has a request validator with this name (${pathOf(other)}); request validator names are unique in an API`);
      }
      this.requestValidatorName = name;
      this.resource = new providerAws.ApiGatewayRequestValidator(this, 'Resource', literal({
        restApiId: api.restApiId,
        name,
        validateRequestBody: props.validateRequestBody ?? false,
        validateRequestParameters: props.validateRequestParameters ?? false,
      }));
      this.requestValidatorId = this.resource.id;
      const l1 = this.resource;
      const validator = { validateRequestBody: props.validateRequestBody ?? false, validateRequestParameters: props.validateRequestParameters ?? false };
      // In an OpenAPI body the validator is part of the document (x-amazon-apigateway-request-validators).
      api._members.register(chainMember(this, api, l1, {
        adopt: (adoption) => l1.importFrom(ImportId.requestValidator(adoption.restApiId, adoption.requestValidatorIdOf(this))),
        openApi: (document) => document.addRequestValidator(this, name, validator),
      }));
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** Adopts an existing request validator (`REST-API-ID/REQUEST-VALIDATOR-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

function validatorsOf(api: RestApi): RequestValidator[] {
  return api._members.all().map((m) => m.construct).filter((c): c is RequestValidator => RequestValidator.isRequestValidator(c));
}

/**
 * The validator a method uses: the one it names, or the API's shared validator for the settings
 * it gives (made the first time a method asks for them), or none.
 */
export function validatorFor(method: IConstruct, api: RestApi, validator: IRequestValidator | undefined,
  options: RequestValidatorOptions | undefined, rollback: Rollback): IRequestValidator | undefined {
  if (validator !== undefined && options !== undefined) {
    throw invalid(method, 'requestValidatorOptions', options,
      'give either requestValidator (a validator you made) or requestValidatorOptions (a validator shared across the API), not both');
  }
  if (validator !== undefined) {
    if (typeof validator !== 'object' || validator === null || typeof validator.requestValidatorId !== 'string') {
      throw invalid(method, 'requestValidator', validator, 'a request validator made with new RequestValidator() or api.addRequestValidator()');
    }
    if (RequestValidator.isRequestValidator(validator) && validator.restApi !== api) {
      throw invalid(method, 'requestValidator', pathOf(validator),
        `the request validator belongs to another API (${pathOf(validator.restApi)}); a method can only use validators of its own API (${pathOf(api)})`);
    }
    return validator;
  }
  if (options === undefined) return undefined;
  checkStruct(method, 'requestValidatorOptions', options, 'request validator options such as { validateRequestBody: true }');
  checkKinds(pathOf(method), options, { requestValidatorName: 'string', validateRequestBody: 'boolean', validateRequestParameters: 'boolean' });
  const body = options.validateRequestBody ?? false;
  const parameters = options.validateRequestParameters ?? false;
  if (unresolved(body) || unresolved(parameters) || unresolved(options.requestValidatorName)) {
    throw invalid(method, 'requestValidatorOptions', options,
      'a shared validator is chosen by its settings, which must be known when the program runs; make one with new RequestValidator() for settings given as tokens');
  }
  const what = [body ? 'body' : '', parameters ? 'parameters' : ''].filter((w) => w).join('-and-') || 'nothing';
  const name = options.requestValidatorName ?? `validate-${what}`;
  const same = validatorsOf(api).find((v) => v.requestValidatorName === name);
  if (same) {
    if (!sharedSettings.has(same) || sharedSettings.get(same) !== `${body}/${parameters}`) {
      throw invalid(method, 'requestValidatorOptions', options,
        `the API has a request validator named "${name}" already (${pathOf(same)}) with other settings or made by hand; ` +
        'pass it as requestValidator, or give requestValidatorName');
    }
    return same;
  }
  const shared = new RequestValidator(api, `RequestValidator(${name})`, {
    restApi: api, requestValidatorName: name, validateRequestBody: body, validateRequestParameters: parameters,
  });
  sharedSettings.set(shared, `${body}/${parameters}`);
  // A method that is refused after this leaves no validator behind.
  rollback.add(() => {
    api._members.forget(shared);
    api.node.tryRemoveChild(shared.node.id);
  });
  return shared;
}

/** The validators made for `requestValidatorOptions`, with their settings. */
const sharedSettings = new WeakMap<RequestValidator, string>();
