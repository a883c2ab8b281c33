import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Construct } from 'constructs';
import { checkNonEmpty, checkPattern, checkTags, invalid, pathOf, unresolved, ValidationError } from '../validation';
import { Deployment } from './deployment';
import { Integration, IntegrationOptions } from './integration';
import { Route, RouteOptions } from './route';
import { Stage, StageOptions } from './stage';

/** Properties of a WebSocket API. */
export interface WebSocketApiProps {
  /** Name of the API. */
  readonly name: string;

  /**
   * Expression that selects the route of an incoming message.
   * @default '$request.body.action'
   */
  readonly routeSelectionExpression?: string;

  /**
   * Description of the API.
   * @default - none
   */
  readonly description?: string;

  /**
   * Expression that selects the API key of a request: `$request.header.x-api-key` or
   * `$context.authorizer.usageIdentifierKey`.
   * @default - API Gateway's default, `$request.header.x-api-key`
   */
  readonly apiKeySelectionExpression?: string;

  /**
   * Tags of the API.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const SELECTION_EXPRESSION = /\$\{?request\.body\.|\$\{?request\.header\.|\$\{?context\./;

/**
 * A WebSocket API (`aws_apigatewayv2_api` with `protocol_type = "WEBSOCKET"`).
 *
 * Integrations, routes and their responses reference what they follow, so Terraform orders
 * them without a hand-written `depends_on`.
 */
export class WebSocketApi extends Construct {
  /** ID of the API. */
  public readonly apiId: string;

  /** The `wss://` endpoint of the API. */
  public readonly apiEndpoint: string;

  /** Execution ARN of the API. */
  public readonly executionArn: string;

  /** Name of the API. */
  public readonly apiName: string;

  private readonly resource: Apigatewayv2Api;
  private readonly routeKeys = new Map<string, Route>();
  private _deployment?: Deployment;

  constructor(scope: Construct, id: string, props: WebSocketApiProps) {
    super(scope, id);
    checkNonEmpty(this, 'name', props.name, 'an API name');
    if (props.routeSelectionExpression !== undefined) {
      checkPattern(this, 'routeSelectionExpression', props.routeSelectionExpression, SELECTION_EXPRESSION,
        'a selection expression such as $request.body.action');
    }
    if (props.apiKeySelectionExpression !== undefined) {
      checkPattern(this, 'apiKeySelectionExpression', props.apiKeySelectionExpression,
        /^\$(request\.header\.x-api-key|context\.authorizer\.usageIdentifierKey)$/,
        'API Gateway accepts $request.header.x-api-key or $context.authorizer.usageIdentifierKey');
    }
    checkTags(this, 'tags', props.tags);

    this.resource = new Apigatewayv2Api(this, 'Resource', {
      name: props.name,
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: props.routeSelectionExpression ?? '$request.body.action',
      description: props.description,
      apiKeySelectionExpression: props.apiKeySelectionExpression,
      tags: props.tags,
    });
    this.node.defaultChild = this.resource;
    this.apiName = props.name;
    this.apiId = this.resource.id;
    this.apiEndpoint = this.resource.apiEndpoint;
    this.executionArn = this.resource.executionArn;
  }

  /** The routes of the API, in the order they were added. */
  public get routes(): Route[] {
    return [...this.routeKeys.values()];
  }

  /** The deployment of the API, once `deploy()` has been called. */
  public get deployment(): Deployment | undefined {
    return this._deployment;
  }

  /** Adds an integration (a backend that routes can target). */
  public addIntegration(id: string, options: IntegrationOptions): Integration {
    return new Integration(this, id, { ...options, api: this });
  }

  /**
   * Adds a route for a route key: `$connect`, `$disconnect`, `$default`, or a value of the
   * route selection expression such as `sendmessage`.
   */
  public addRoute(routeKey: string, options: RouteOptions = {}): Route {
    const id = typeof routeKey === 'string' && !unresolved(routeKey) ? `Route_${routeKey.replace(/\//g, '_')}` : `Route${this.routeKeys.size}`;
    if (this.routeKeys.has(routeKey)) {
      throw invalid(`${pathOf(this)}/${id}`, 'routeKey', routeKey, 'the API already has a route with this key; each route key is used once');
    }
    return new Route(this, id, { ...options, api: this, routeKey });
  }

  /**
   * Deploys the API to a stage. The first call creates the API's one deployment; each call adds
   * a stage to it.
   */
  public deploy(stageName: string, options: StageOptions = {}): Stage {
    if (!this._deployment) {
      this._deployment = new Deployment(this, 'Deployment', { api: this });
    }
    return this._deployment.addStage(stageName, options);
  }

  /** Adopts an existing API (`API-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Registers a route. @internal */
  public _attachRoute(route: Route): void {
    if (this.routeKeys.has(route.routeKey)) {
      throw new ValidationError(pathOf(route), `invalid routeKey "${route.routeKey}": the API already has a route with this key`);
    }
    this.routeKeys.set(route.routeKey, route);
  }
}
