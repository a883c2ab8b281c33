import { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkNewStageName, DeployedResources, wireDeployment } from '../redeployment';
import type { WebSocketApi } from './api';
import { Integration } from './integration';
import { IntegrationResponse } from './integration-response';
import { Route } from './route';
import { RouteResponse } from './route-response';
import { Stage, StageOptions } from './stage';

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
  /** The deployed API. */
  public readonly api: WebSocketApi;

  /** ID of the deployment. */
  public readonly deploymentId: string;

  private readonly resource: Apigatewayv2Deployment;
  private readonly _stages: Stage[] = [];

  constructor(scope: Construct, id: string, props: DeploymentProps) {
    super(scope, id);
    this.api = props.api;
    this.resource = new Apigatewayv2Deployment(this, 'Resource', { apiId: props.api.apiId, description: props.description });
    wireDeployment(this, this.resource, { problems: () => this.problems(), covered: () => this.covered() });
    this.node.defaultChild = this.resource;
    this.deploymentId = this.resource.id;
  }

  /** The stages of this deployment. */
  public get stages(): Stage[] {
    return [...this._stages];
  }

  /** Adds a stage that serves this deployment. */
  public addStage(stageName: string, options: StageOptions = {}): Stage {
    checkNewStageName(this.api, this._stages, stageName);
    const stage = new Stage(this.api, `Stage_${stageName}`, { ...options, deployment: this, stageName });
    this._stages.push(stage);
    return stage;
  }

  /** Adopts an existing deployment (`API-ID/DEPLOYMENT-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The API's own resource and every route, integration, integration response and route response. */
  private covered(): DeployedResources {
    const covered = this.api.node.findAll()
      .filter((c) => c instanceof Route || c instanceof RouteResponse || c instanceof Integration || c instanceof IntegrationResponse)
      .map((c) => c.node.defaultChild as TerraformResource);
    return { hashed: [this.api.node.defaultChild as TerraformResource, ...covered], dependsOn: covered };
  }

  private problems(): string[] {
    if (this.api.routes.length === 0) {
      return [`the WebSocket API ${this.api.apiName} has no routes, and API Gateway cannot deploy an API without routes. Add one with api.addRoute(...).`];
    }
    return [];
  }
}
