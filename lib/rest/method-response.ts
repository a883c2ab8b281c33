import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { Construct } from 'constructs';
import { markStructural } from '../redeployment';
import { checkKeys, checkMediaTypeKeys, checkStatusCode, invalid, METHOD_RESPONSE_HEADER, unresolved } from '../validation';
import type { Method } from './method';

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
   * Models of the response body by content type, such as `{ 'application/json': 'Empty' }`.
   * @default - none
   */
  readonly responseModels?: { [contentType: string]: string };
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
  /** HTTP status code. */
  public readonly statusCode: string;

  /** Declared headers and whether each is required. */
  public readonly responseParameters?: { [header: string]: boolean };

  /** Models by content type. */
  public readonly responseModels?: { [contentType: string]: string };

  /** The method of the response. */
  public readonly method: Method;

  private readonly resource: ApiGatewayMethodResponse;
  private readonly statusCodeRef: string;

  constructor(scope: Construct, id: string, props: MethodResponseProps) {
    super(scope, id);
    checkStatusCode(this, 'statusCode', props.statusCode);
    checkKeys(this, 'responseParameters', props.responseParameters, METHOD_RESPONSE_HEADER, 'keys are method.response.header.{name}');
    if (props.responseParameters && !unresolved(props.responseParameters)) {
      for (const [key, value] of Object.entries(props.responseParameters)) {
        if (!unresolved(value) && typeof value !== 'boolean') {
          throw invalid(this, `responseParameters["${key}"]`, value, 'true when the header is required, false when it is optional');
        }
      }
    }
    checkMediaTypeKeys(this, 'responseModels', props.responseModels);

    this.method = props.method;
    this.statusCode = props.statusCode;
    this.responseParameters = props.responseParameters;
    this.responseModels = props.responseModels;

    this.resource = new ApiGatewayMethodResponse(this, 'Resource', {
      ...props.method._refs,
      statusCode: props.statusCode,
      responseParameters: props.responseParameters,
      responseModels: props.responseModels,
    });
    this.node.defaultChild = this.resource;
    markStructural(this.resource, 'rest_api_id', 'resource_id', 'http_method');
    // One reference token, reused by every integration response that follows this one.
    this.statusCodeRef = this.resource.statusCode;
    props.method._attachResponse(this);
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

/** `Response200`, or `Response<n>` for a status code given as a token. @internal */
export function responseConstructId(statusCode: string, index: number): string {
  if (typeof statusCode !== 'string' || unresolved(statusCode) || statusCode.includes('/')) {
    return `Response${index}`;
  }
  return `Response${statusCode}`;
}
