import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { checkBooleanValues, checkKeys, checkKinds, checkStatusCode, invalid, METHOD_RESPONSE_HEADER, pathOf } from '../core/validation';
import { ImportId } from './import-id';
import { Method } from './method';
import { checkModelMap, IModel, modelNames } from './model';

/** A method response, as given to `addMethodResponse()` or `MethodOptions.methodResponses`. */
export interface MethodResponseOptions {
  /** HTTP status code, three digits from 100 to 599. */
  readonly statusCode: string;

  /**
   * Headers the response may carry, `method.response.header.{name}`, each mapped to whether
   * it is required. An integration response can only map headers declared here.
   * @default - no headers
   */
  readonly responseParameters?: { [header: string]: boolean };

  /**
   * Models of the response body by content type, such as `{ 'application/json': Model.EMPTY }`:
   * models of the method's API, or API Gateway's built-in `Model.EMPTY` and `Model.ERROR`.
   * @default - none
   */
  readonly responseModels?: { [contentType: string]: IModel };
}

/** Properties of a method response created with `new MethodResponse()`. */
export interface MethodResponseProps extends MethodResponseOptions {
  /** The method the response belongs to. */
  readonly method: Method;
}

/**
 * A response a method declares (`aws_api_gateway_method_response`).
 *
 * It references its method, so Terraform creates it after the method; integration responses
 * with the same status code reference it in turn.
 */
export class MethodResponse extends Construct {
  /** Whether `x` is a `MethodResponse`, also across two copies of the package. */
  public static isMethodResponse(x: unknown): x is MethodResponse {
    return hasBrand(x, 'MethodResponse');
  }

  /** HTTP status code. */
  public readonly statusCode: string;

  /** Declared headers and whether each is required. */
  public readonly responseParameters?: { [header: string]: boolean };

  /** Models by content type. */
  public readonly responseModels?: { [contentType: string]: IModel };

  /** The method of the response. */
  public readonly method: Method;

  private readonly resource: ApiGatewayMethodResponse;
  private readonly statusCodeRef: string;

  constructor(scope: Construct, id: string, props: MethodResponseProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Method.isMethod(props?.method)) props.method._checkResponse(where, props.statusCode);
    }));
    brand(this, 'MethodResponse');
    const method = props?.method;
    if (!Method.isMethod(method)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'method', method, 'the Method the response belongs to');
    }
    this.method = method;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { statusCode: 'string', responseParameters: 'map<boolean>', responseModels: 'object' });
      checkStatusCode(this, 'statusCode', props.statusCode);
      checkKeys(this, 'responseParameters', props.responseParameters, METHOD_RESPONSE_HEADER, 'keys are method.response.header.{name}');
      checkBooleanValues(this, 'responseParameters', props.responseParameters, 'true when the header is required, false when it is optional');
      checkModelMap(this, 'responseModels', props.responseModels, method.api);
      this.statusCode = props.statusCode;
      this.responseParameters = props.responseParameters;
      this.responseModels = props.responseModels;
      rollback.add(method._attachResponse(this));

      this.resource = new ApiGatewayMethodResponse(this, 'Resource', literal({
        ...method._refs,
        statusCode: props.statusCode,
        responseParameters: props.responseParameters,
        responseModels: modelNames(props.responseModels),
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'rest_api_id', 'resource_id', 'http_method');
      // One reference token, reused by every integration response that follows this one.
      this.statusCodeRef = this.resource.statusCode;
      const l1 = this.resource;
      method.api._members.register({
        construct: this,
        hashed: () => [l1],
        mustPrecede: () => [l1],
        adopt: (adoption) => l1.importFrom(
          ImportId.methodResponse(adoption.restApiId, adoption.resourceIdOf(method.resource), method.httpMethod, this.statusCode)),
      });
    } catch (e) {
      throw rollback.undo(e, method.api._members);
    }
  }

  /** Adopts an existing method response (`REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The status code as a reference to this resource, so that users of it come after it. @internal */
  public get _statusCodeRef(): string {
    return this.statusCodeRef;
  }
}
