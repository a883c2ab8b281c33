import { Apigatewayv2RouteResponse } from '@cdktf/provider-aws/lib/apigatewayv2-route-response';
import { Construct } from 'constructs';
import { markStructural } from '../redeployment';
import { checkNonEmpty, invalid, unresolved } from '../validation';
import type { Route } from './route';

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
  /** The route response key. */
  public readonly routeResponseKey: string;

  /** The route of the response. */
  public readonly route: Route;

  /** ID of the route response. */
  public readonly routeResponseId: string;

  private readonly resource: Apigatewayv2RouteResponse;

  constructor(scope: Construct, id: string, props: RouteResponseProps) {
    super(scope, id);
    if (!unresolved(props.routeResponseKey) && props.routeResponseKey !== '$default') {
      throw invalid(this, 'routeResponseKey', props.routeResponseKey, 'WebSocket APIs accept only the route response key $default');
    }
    if (props.modelSelectionExpression !== undefined) {
      checkNonEmpty(this, 'modelSelectionExpression', props.modelSelectionExpression, 'the model selection expression');
    }
    this.route = props.route;
    this.routeResponseKey = props.routeResponseKey;
    this.resource = new Apigatewayv2RouteResponse(this, 'Resource', {
      apiId: props.route.api.apiId,
      routeId: props.route.routeId,
      routeResponseKey: props.routeResponseKey,
      responseModels: props.responseModels,
      modelSelectionExpression: props.modelSelectionExpression,
    });
    this.node.defaultChild = this.resource;
    markStructural(this.resource, 'api_id', 'route_id');
    this.routeResponseId = this.resource.id;
  }

  /** Adopts an existing route response (`API-ID/ROUTE-ID/ROUTE-RESPONSE-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}
