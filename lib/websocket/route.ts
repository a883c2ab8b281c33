import type { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { checkKinds, checkNonEmpty, checkOneOf, invalid, pathOf, unresolved } from '../core/validation';
import { WebSocketApi } from './api';
import type { LambdaAuthorizer } from './authorizer';
import type { Integration } from './integration';
import { RouteResponse, RouteResponseOptions } from './route-response';
import { providerAws } from '../core/provider';

/** Who may use a WebSocket route. Authorization applies to the `$connect` route only. */
export enum AuthorizationType {
  /** Anyone. */
  NONE = 'NONE',
  /** Callers signing with AWS IAM credentials. */
  IAM = 'AWS_IAM',
  /** A Lambda authorizer, given by `authorizerId`. */
  CUSTOM = 'CUSTOM',
}

/** Options of a route, given to `api.addRoute()`. */
export interface RouteOptions {
  /**
   * The integration the route sends messages to.
   * @default - no target
   */
  readonly integration?: Integration;

  /**
   * Expression that selects the route response; `$default` is the only value WebSocket APIs accept.
   * @default - `$default` once the route has a route response, else none (one-way route)
   */
  readonly routeResponseSelectionExpression?: string;

  /**
   * Authorization, on the `$connect` route only.
   * @default AuthorizationType.NONE
   */
  readonly authorizationType?: AuthorizationType;

  /**
   * ID of the Lambda authorizer, for `CUSTOM` authorization.
   * @default - none
   */
  readonly authorizerId?: string;

  /**
   * Whether an API key is required.
   * @default false
   */
  readonly apiKeyRequired?: boolean;

  /**
   * Operation name of the route.
   * @default - none
   */
  readonly operationName?: string;

  /**
   * The Lambda authorizer of the API that authorizes connections, on the `$connect` route
   * only; it sets `CUSTOM` authorization, and the route references it.
   * @default - none; see `authorizerId` for an authorizer known only by its ID
   */
  readonly authorizer?: LambdaAuthorizer;
}

/** Properties of a route created with `new Route()`. */
export interface RouteProps extends RouteOptions {
  /** The API of the route. */
  readonly api: WebSocketApi;

  /** `$connect`, `$disconnect`, `$default` or a custom key such as `sendmessage`. */
  readonly routeKey: string;
}

const SPECIAL_KEYS = ['$connect', '$disconnect', '$default'];

/**
 * A route of a WebSocket API (`aws_apigatewayv2_route`). Its `target` references its
 * integration, so Terraform creates it after the integration; its route responses reference it.
 */
export class Route extends Construct {
  /** Whether `x` is a WebSocket `Route`, also across two copies of the package. */
  public static isRoute(x: unknown): x is Route {
    return hasBrand(x, 'websocket.Route');
  }

  /** The route key. */
  public readonly routeKey: string;

  /** The API of the route. */
  public readonly api: WebSocketApi;

  /** The integration the route targets, if any. */
  public readonly integration?: Integration;

  /** ID of the route. */
  public readonly routeId: string;

  private readonly resource: Apigatewayv2Route;
  private readonly _responses: RouteResponse[] = [];

  constructor(scope: Construct, id: string, props: RouteProps) {
    super(scope, freeId(scope, id, (where) => {
      if (WebSocketApi.isWebSocketApi(props?.api) && typeof props.routeKey === 'string') props.api._checkRouteKey(where, props.routeKey);
    }));
    brand(this, 'websocket.Route');
    const api = props?.api;
    if (!WebSocketApi.isWebSocketApi(api)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'api', api, 'the WebSocketApi of the route');
    }
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, {
        routeKey: 'string', routeResponseSelectionExpression: 'string', authorizationType: 'string', authorizerId: 'string', apiKeyRequired: 'boolean',
        operationName: 'string', integration: 'object', authorizer: 'object',
      });
      validate(this, props);
      this.api = props.api;
      this.routeKey = props.routeKey;
      this.integration = props.integration;
      rollback.add(api._attachRoute(this));
      const selection = props.routeResponseSelectionExpression;
      this.resource = new providerAws.Apigatewayv2Route(this, 'Resource', literal({
        apiId: props.api.apiId,
        routeKey: props.routeKey,
        target: props.integration ? `integrations/${props.integration.integrationId}` : undefined,
        routeResponseSelectionExpression: selection ?? Lazy.stringValue({ produce: () => (this._responses.length ? '$default' : undefined) }),
        authorizationType: props.authorizer ? AuthorizationType.CUSTOM : props.authorizationType,
        authorizerId: props.authorizer ? props.authorizer.authorizerId : props.authorizerId,
        apiKeyRequired: props.apiKeyRequired,
        operationName: props.operationName,
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'api_id');
      this.routeId = this.resource.id;
      const l1 = this.resource;
      api._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [l1] });
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** The route responses. */
  public get responses(): RouteResponse[] {
    return [...this._responses];
  }

  /** Adds the route response (two-way route); `$default` is the only key WebSocket APIs accept. */
  public addResponse(options: RouteResponseOptions): RouteResponse {
    const key = options?.routeResponseKey;
    const id = keyedId('Response_', key, this._responses.length);
    this._checkResponseKey(`${pathOf(this)}/${id}`, key);
    return new RouteResponse(this, id, { ...options, route: this });
  }

  /** Rejects a second response with the same key. @internal */
  public _checkResponseKey(where: string, key: string): void {
    if (this._responses.some((r) => r.routeResponseKey === key)) {
      throw invalid(where, 'routeResponseKey', key, 'the route already has a response with this key');
    }
  }

  /** Registers a route response; returns the undo step. @internal */
  public _attachResponse(response: RouteResponse): () => void {
    this._checkResponseKey(pathOf(response), response.routeResponseKey);
    this._responses.push(response);
    return () => this._responses.splice(this._responses.indexOf(response), 1);
  }

  /** Adopts an existing route (`API-ID/ROUTE-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

function validate(scope: Route, props: RouteProps): void {
  checkNonEmpty(scope, 'routeKey', props.routeKey, 'a route key');
  if (!unresolved(props.routeKey) && props.routeKey.startsWith('$') && !SPECIAL_KEYS.includes(props.routeKey)) {
    throw invalid(scope, 'routeKey', props.routeKey, `keys starting with "$" are reserved: ${SPECIAL_KEYS.join(', ')}`);
  }
  if (props.routeResponseSelectionExpression !== undefined && !unresolved(props.routeResponseSelectionExpression) &&
    props.routeResponseSelectionExpression !== '$default') {
    throw invalid(scope, 'routeResponseSelectionExpression', props.routeResponseSelectionExpression, 'WebSocket APIs accept only $default');
  }
  checkOneOf(scope, 'authorizationType', props.authorizationType, Object.values(AuthorizationType));
  if (props.authorizer !== undefined) checkAuthorizer(scope, props);
  const authorization = props.authorizationType ?? AuthorizationType.NONE;
  if (authorization !== AuthorizationType.NONE && props.routeKey !== '$connect') {
    throw invalid(scope, 'authorizationType', authorization, 'WebSocket APIs authorize connections on the $connect route only');
  }
  if (authorization === AuthorizationType.CUSTOM && props.authorizerId === undefined && props.authorizer === undefined) {
    throw invalid(scope, 'authorizerId', undefined, 'CUSTOM authorization needs the ID of a Lambda authorizer');
  }
  if (authorization !== AuthorizationType.CUSTOM && props.authorizerId !== undefined) {
    throw invalid(scope, 'authorizerId', props.authorizerId, 'an authorizer is used only with CUSTOM authorization');
  }
  if (props.integration !== undefined && props.integration.api !== props.api) {
    throw invalid(scope, 'integration', props.integration.node.path, 'a route can only target an integration of its own API');
  }
}

function checkAuthorizer(scope: Route, props: RouteProps): void {
  const authorizer = props.authorizer!;
  if (!hasBrand(authorizer, 'websocket.LambdaAuthorizer')) {
    throw invalid(scope, 'authorizer', authorizer, 'a websocket.LambdaAuthorizer of the API');
  }
  if (props.routeKey !== '$connect') {
    throw invalid(scope, 'authorizer', pathOf(authorizer),
      `WebSocket APIs authorize connections on the $connect route only, and this route is ${JSON.stringify(props.routeKey)}`);
  }
  if (authorizer.api !== props.api) {
    throw invalid(scope, 'authorizer', pathOf(authorizer),
      `the authorizer belongs to the WebSocket API ${pathOf(authorizer.api)}, not ${pathOf(props.api)}; a route can only use an authorizer of its own API`);
  }
  if (props.authorizationType !== undefined && props.authorizationType !== AuthorizationType.CUSTOM) {
    throw invalid(scope, 'authorizationType', props.authorizationType, 'a Lambda authorizer makes the route CUSTOM; leave authorizationType unset');
  }
  if (props.authorizerId !== undefined) {
    throw invalid(scope, 'authorizerId', props.authorizerId, 'give either authorizer or authorizerId, not both');
  }
}
