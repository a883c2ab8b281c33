import type { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { DeploymentCore, wireDeployment } from '../core/redeployment';
import { invalid, pathOf, unresolved } from '../core/validation';
import { WebSocketApi } from './api';
import { Stage, StageOptions } from './stage';
import { providerAws } from '../core/provider';

/** Properties of a WebSocket deployment. */
export interface DeploymentProps {
  /** The API to deploy. */
  readonly api: WebSocketApi;

  /**
   * Description of the deployment.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A deployment of a WebSocket API (`aws_apigatewayv2_deployment`), created by `api.deploy()`:
 * `triggers.redeployment` hashes the configuration of the API and of every route, integration,
 * integration response and route response; `create_before_destroy` replaces it under its
 * stages; `depends_on` waits for all of them.
 */
export class Deployment extends Construct {
  /** Whether `x` is a WebSocket `Deployment`, also across two copies of the package. */
  public static isDeployment(x: unknown): x is Deployment {
    return hasBrand(x, 'websocket.Deployment');
  }

  /** The deployed API. */
  public readonly api: WebSocketApi;

  /** ID of the deployment. */
  public readonly deploymentId: string;

  private readonly resource: Apigatewayv2Deployment;
  private readonly core = new DeploymentCore();
  private readonly _stages: Stage[] = [];
  private readonly discard: () => void;

  constructor(scope: Construct, id: string, props: DeploymentProps) {
    super(scope, freeId(scope, id));
    brand(this, 'websocket.Deployment');
    const api = props?.api;
    if (!WebSocketApi.isWebSocketApi(api)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'api', api, 'the WebSocketApi to deploy');
    }
    this.api = api;
    const rollback = new Rollback(this);
    try {
      this.resource = new providerAws.Apigatewayv2Deployment(this, 'Resource', literal({ apiId: api.apiId, description: props.description }));
      wireDeployment(this, this.resource, {
        problems: () => this.problems(),
        covered: () => this.core.covered(api._members.all()),
      });
      this.node.defaultChild = this.resource;
      this.deploymentId = this.resource.id;
      rollback.add(api._attachDeployment(this));
      this.discard = () => rollback.undo(undefined, api._members);
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** Removes a deployment that has no stage yet, as when the stage `deploy()` made it for was refused. @internal */
  public _discard(): void {
    if (this._stages.length === 0) this.discard();
  }

  /** The stages of this deployment. */
  public get stages(): Stage[] {
    return [...this._stages];
  }

  /** Adds a stage that serves this deployment. */
  public addStage(stageName: string, options: StageOptions = {}): Stage {
    if (typeof stageName !== 'string' || unresolved(stageName)) {
      throw invalid(`${pathOf(this.api)}/Stage`, 'stageName', stageName,
        'a stage name given as a token needs a construct ID of your choosing, or its Terraform address would follow cdktf\'s token numbering: ' +
        "new websocket.Stage(api, 'Prod', { deployment, stageName })");
    }
    this.api._checkStageName(`${pathOf(this.api)}/Stage_${stageName}`, stageName);
    return new Stage(this.api, `Stage_${stageName}`, { ...options, deployment: this, stageName });
  }

  /**
   * Makes the deployment follow a Terraform resource the library does not model: it is created
   * after the resource, and a change to the resource's configuration redeploys.
   */
  public watch(resource: TerraformResource): void {
    this.core.watch(this, resource);
  }

  /** Adopts an existing deployment (`API-ID/DEPLOYMENT-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Registers a stage; returns the undo step. @internal */
  public _attachStage(stage: Stage): () => void {
    this._stages.push(stage);
    return () => this._stages.splice(this._stages.indexOf(stage), 1);
  }

  private problems(): string[] {
    if (this.api.routes.length === 0) {
      return [`the WebSocket API ${this.api.apiName} has no routes, and API Gateway cannot deploy an API without routes. Add one with api.addRoute(...).`];
    }
    return this.core.problems(this.api._members.all());
  }
}
