import type { Apigatewayv2RouteResponse } from '@cdktf/provider-aws/lib/apigatewayv2-route-response';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { checkKinds, checkNonEmpty, invalid, pathOf, unresolved } from '../core/validation';
import { Route } from './route';
import { providerAws } from '../core/provider';

/** A route response, as given to `route.addResponse()`. */
export interface RouteResponseOptions {
  /** The route response key; WebSocket APIs accept only `$default`. */
  readonly routeResponseKey: string;

  /**
   * Models of the response by model key, selected by `modelSelectionExpression`.
   * @default - none
   */
  readonly responseModels?: { [key: string]: string };

  /**
   * Expression that selects the response model.
   * @default - none
   */
  readonly modelSelectionExpression?: string;
}

/** Properties of a route response created with `new RouteResponse()`. */
export interface RouteResponseProps extends RouteResponseOptions {
  /** The route the response belongs to. */
  readonly route: Route;
}

/**
 * The response of a two-way WebSocket route (`aws_apigatewayv2_route_response`). Its `route_id`
 * references the route, so Terraform creates it after the route.
 */
export class RouteResponse extends Construct {
  /** Whether `x` is a WebSocket `RouteResponse`, also across two copies of the package. */
  public static isRouteResponse(x: unknown): x is RouteResponse {
    return hasBrand(x, 'websocket.RouteResponse');
  }

  /** The route response key. */
  public readonly routeResponseKey: string;

  /** The route of the response. */
  public readonly route: Route;

  /** ID of the route response. */
  public readonly routeResponseId: string;

  private readonly resource: Apigatewayv2RouteResponse;

  constructor(scope: Construct, id: string, props: RouteResponseProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Route.isRoute(props?.route)) props.route._checkResponseKey(where, props.routeResponseKey);
    }));
    brand(this, 'websocket.RouteResponse');
    const route = props?.route;
    if (!Route.isRoute(route)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'route', route, 'the Route the response belongs to');
    }
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { routeResponseKey: 'string', responseModels: 'map<string>', modelSelectionExpression: 'string' });
      if (!unresolved(props.routeResponseKey) && props.routeResponseKey !== '$default') {
        throw invalid(this, 'routeResponseKey', props.routeResponseKey, 'WebSocket APIs accept only the route response key $default');
      }
      if (props.modelSelectionExpression !== undefined) {
        checkNonEmpty(this, 'modelSelectionExpression', props.modelSelectionExpression, 'the model selection expression');
      }
      this.route = props.route;
      this.routeResponseKey = props.routeResponseKey;
      this.resource = new providerAws.Apigatewayv2RouteResponse(this, 'Resource', literal({
        apiId: route.api.apiId,
        routeId: route.routeId,
        routeResponseKey: props.routeResponseKey,
        responseModels: props.responseModels,
        modelSelectionExpression: props.modelSelectionExpression,
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'api_id', 'route_id');
      this.routeResponseId = this.resource.id;
      rollback.add(route._attachResponse(this));
      const l1 = this.resource;
      route.api._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [l1] });
    } catch (e) {
      throw rollback.undo(e, route.api._members);
    }
  }

  /** Adopts an existing route response (`API-ID/ROUTE-ID/ROUTE-RESPONSE-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}
