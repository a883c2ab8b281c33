import type { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { nameFromPath } from '../core/ids';
import { checkIdentitySources, WEBSOCKET_IDENTITY_SOURCE, WEBSOCKET_IDENTITY_SOURCE_TEXT } from '../core/identity-source';
import { allowApiGatewayInvoke, lambdaTarget } from '../core/lambda-target';
import { IAM_PRINCIPAL_ARN } from '../core/patterns';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { checkKinds, checkNonEmpty, checkPattern, checkStruct, invalid, pathOf, unresolved } from '../core/validation';
import { WebSocketApi } from './api';
import { providerAws } from '../core/provider';

/** Properties of a WebSocket Lambda authorizer. */
export interface LambdaAuthorizerProps {
  /** The API of the authorizer. */
  readonly api: WebSocketApi;

  /**
   * The Lambda function that authorizes connections: its ARN (`fn.arn`) or its invoke ARN
   * (`fn.invokeArn`), literal or token.
   */
  readonly functionArn: string;

  /**
   * Where the caller's identity is read from the `$connect` request:
   * `route.request.header.{name}`, `route.request.querystring.{name}`, `stageVariables.{name}`,
   * `context.{name}`. A connection missing one is refused without invoking the function.
   * @default ['route.request.header.Authorization']
   */
  readonly identitySources?: string[];

  /**
   * Name of the authorizer, unique within its API.
   * @default - derived from the construct path below the stack, such as `Chat-ConnectAuth`
   */
  readonly name?: string;

  /**
   * An IAM role API Gateway assumes to invoke the function. With a role, no Lambda permission
   * is made: the role must be allowed to invoke the function.
   * @default - API Gateway invokes the function with its own identity, allowed by an `aws_lambda_permission` scoped to this authorizer
   */
  readonly assumeRoleArn?: string;
}

/**
 * A Lambda authorizer of a WebSocket API (`aws_apigatewayv2_authorizer`, type REQUEST). It
 * authorizes connections: only the `$connect` route can use it
 * (`api.addRoute('$connect', { integration, authorizer })`). The route references it, so
 * Terraform creates it first, and the API's deployment hashes it.
 *
 * @example
 * const auth = new LambdaAuthorizer(this, 'ConnectAuth', { api: ws, functionArn: fn.arn });
 * ws.addRoute('$connect', { integration: connect, authorizer: auth });
 */
export class LambdaAuthorizer extends Construct {
  /** Whether `x` is a WebSocket `LambdaAuthorizer`, also across two copies of the package. */
  public static isLambdaAuthorizer(x: unknown): x is LambdaAuthorizer {
    return hasBrand(x, 'websocket.LambdaAuthorizer');
  }

  /** The API of the authorizer. */
  public readonly api: WebSocketApi;

  /** ID of the authorizer. */
  public readonly authorizerId: string;

  /** Name of the authorizer. */
  public readonly authorizerName: string;

  /** Where the caller's identity is read. */
  public readonly identitySources: string[];

  private readonly resource: Apigatewayv2Authorizer;

  constructor(scope: Construct, id: string, props: LambdaAuthorizerProps) {
    super(scope, freeId(scope, id));
    brand(this, 'websocket.LambdaAuthorizer');
    const api = props?.api;
    if (!WebSocketApi.isWebSocketApi(api)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'api', api === undefined ? api : pathOf(api as Construct), 'the WebSocketApi of the authorizer');
    }
    this.api = api;
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props, 'LambdaAuthorizerProps such as { api, functionArn }');
      checkKinds(this, props, { functionArn: 'string', identitySources: 'string[]', name: 'string', assumeRoleArn: 'string' });
      const { functionArn, uri } = lambdaTarget(pathOf(this), this, props.functionArn, 'the authorizer URI');
      checkIdentitySources(this, 'identitySources', props.identitySources, WEBSOCKET_IDENTITY_SOURCE, WEBSOCKET_IDENTITY_SOURCE_TEXT);
      checkPattern(this, 'assumeRoleArn', props.assumeRoleArn, IAM_PRINCIPAL_ARN, 'an IAM role ARN such as arn:aws:iam::123456789012:role/name');
      if (props.name !== undefined) checkNonEmpty(this, 'name', props.name, 'an authorizer name');
      this.authorizerName = props.name ?? nameFromPath(this);
      this.checkName(this.authorizerName);
      this.identitySources = props.identitySources ?? ['route.request.header.Authorization'];

      this.resource = new providerAws.Apigatewayv2Authorizer(this, 'Resource', literal({
        apiId: api.apiId,
        authorizerType: 'REQUEST',
        name: this.authorizerName,
        authorizerUri: uri,
        identitySources: this.identitySources,
        authorizerCredentialsArn: props.assumeRoleArn,
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'api_id');
      this.authorizerId = this.resource.id;
      if (props.assumeRoleArn === undefined) {
        // Only this authorizer of this API may invoke the function.
        allowApiGatewayInvoke(this, 'LambdaPermission', functionArn, `${api.executionArn}/authorizers/${this.resource.id}`);
      }
      const l1 = this.resource;
      api._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [l1] });
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** Adopts an existing authorizer (`API-ID/AUTHORIZER-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  private checkName(name: string): void {
    if (unresolved(name)) return;
    const other = this.api._members.all().map((m) => m.construct)
      .find((c): c is LambdaAuthorizer => LambdaAuthorizer.isLambdaAuthorizer(c) && c !== this && c.authorizerName === name);
    if (other) {
      throw invalid(this, 'name', name,
        `the WebSocket API ${pathOf(this.api)} has the authorizer ${pathOf(other)} with this name already; authorizer names are unique within an API`);
    }
  }
}
