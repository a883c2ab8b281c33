import type { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { ApiMembers, brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkNewStageName } from '../core/redeployment';
import { checkKinds, checkNonEmpty, checkPattern, checkStruct, checkTags, invalid, pathOf, unresolved } from '../core/validation';
import { Deployment } from './deployment';
import { Integration, IntegrationOptions } from './integration';
import { Route, RouteOptions } from './route';
import { Stage, StageOptions } from './stage';
import { providerAws } from '../core/provider';

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
  /** Whether `x` is a WebSocket `WebSocketApi`, also across two copies of the package. */
  public static isWebSocketApi(x: unknown): x is WebSocketApi {
    return hasBrand(x, 'websocket.WebSocketApi');
  }

  /** ID of the API. */
  public readonly apiId: string;

  /** The `wss://` endpoint of the API. */
  public readonly apiEndpoint: string;

  /** Execution ARN of the API. */
  public readonly executionArn: string;

  /** Name of the API. */
  public readonly apiName: string;

  /** Every construct of this API, as its deployment sees it. @internal */
  public readonly _members: ApiMembers<undefined> = new ApiMembers();

  private readonly resource: Apigatewayv2Api;
  private readonly routeKeys = new Map<string, Route>();
  private readonly deployments: Deployment[] = [];
  private readonly stages: Stage[] = [];

  constructor(scope: Construct, id: string, props: WebSocketApiProps) {
    super(scope, freeId(scope, id));
    brand(this, 'websocket.WebSocketApi');
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props, 'WebSocketApiProps such as { name: \'chat\' }');
      checkKinds(this, props, { name: 'string', routeSelectionExpression: 'string', description: 'string', apiKeySelectionExpression: 'string', tags: 'map<string>' });
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

      this.resource = new providerAws.Apigatewayv2Api(this, 'Resource', literal({
        name: props.name,
        protocolType: 'WEBSOCKET',
        routeSelectionExpression: props.routeSelectionExpression ?? '$request.body.action',
        description: props.description,
        apiKeySelectionExpression: props.apiKeySelectionExpression,
        tags: props.tags,
      }));
      this.node.defaultChild = this.resource;
      this.apiName = props.name;
      this.apiId = this.resource.id;
      this.apiEndpoint = this.resource.apiEndpoint;
      this.executionArn = this.resource.executionArn;
      const l1 = this.resource;
      this._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [] });
    } catch (e) {
      throw rollback.undo(e, undefined);
    }
  }

  /** The routes of the API, in the order they were added. */
  public get routes(): Route[] {
    return [...this.routeKeys.values()];
  }

  /** The deployment of the API, once `deploy()` has been called. */
  public get deployment(): Deployment | undefined {
    return this.deployments[0];
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
    if (unresolved(routeKey)) {
      throw invalid(`${pathOf(this)}/Route`, 'routeKey', routeKey,
        'a route key given as a token needs a construct ID of your choosing, or its Terraform address would follow cdktf\'s token numbering: ' +
        "new Route(api, 'Send', { api, routeKey })");
    }
    const id = keyedId('Route_', routeKey, this.routeKeys.size);
    this._checkRouteKey(`${pathOf(this)}/${id}`, routeKey);
    return new Route(this, id, { ...options, api: this, routeKey });
  }

  /**
   * Deploys the API to a stage. The first call creates the API's one deployment; each call adds
   * a stage to it.
   */
  public deploy(stageName: string, options: StageOptions = {}): Stage {
    const existing = this.deployment;
    const deployment = existing ?? new Deployment(this, 'Deployment', { api: this });
    try {
      return deployment.addStage(stageName, options);
    } catch (e) {
      // A deployment made for a stage that was refused goes too.
      if (!existing) deployment._discard();
      throw e;
    }
  }

  /** Adopts an existing API (`API-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Rejects a route key the API has already. @internal */
  public _checkRouteKey(where: string, routeKey: string): void {
    if (this.routeKeys.has(routeKey)) {
      throw invalid(where, 'routeKey', routeKey, 'the API already has a route with this key; each route key is used once');
    }
  }

  /** Registers a route; returns the undo step. @internal */
  public _attachRoute(route: Route): () => void {
    this._checkRouteKey(pathOf(route), route.routeKey);
    this.routeKeys.set(route.routeKey, route);
    return () => this.routeKeys.delete(route.routeKey);
  }

  /** Rejects a stage name the API already has. @internal */
  public _checkStageName(where: string, stageName: string): void {
    checkNewStageName(where, this.stages.map((s) => s.stageName), stageName);
  }

  /** Registers a stage; returns the undo step. @internal */
  public _attachStage(stage: Stage): () => void {
    this.stages.push(stage);
    return () => this.stages.splice(this.stages.indexOf(stage), 1);
  }

  /** Registers a deployment; returns the undo step. @internal */
  public _attachDeployment(deployment: Deployment): () => void {
    this.deployments.push(deployment);
    return () => this.deployments.splice(this.deployments.indexOf(deployment), 1);
  }
}
