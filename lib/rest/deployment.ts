import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkNewStageName, DeployedResources, wireDeployment } from '../redeployment';
import { pathOf } from '../validation';
import { Integration } from './integration';
import { IntegrationResponse } from './integration-response';
import { Method } from './method';
import { MethodResponse } from './method-response';
import { Resource } from './resource';
import type { RestApi } from './rest-api';
import { Stage, StageOptions } from './stage';

/** Properties of a deployment. */
export interface DeploymentProps {
  /** The API to deploy. */
  readonly api: RestApi;

  /**
   * Description of the deployment.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A deployment of a REST API (`aws_api_gateway_deployment`), created by `api.deploy()`.
 *
 * - `triggers.redeployment` is a hash of the configuration of the API and of every resource,
 *   method, method response, integration and integration response: any change to them
 *   creates a new deployment, and an unchanged API keeps its deployment.
 * - `lifecycle.create_before_destroy` creates the new deployment and moves the stages to it
 *   before the old one is deleted, so no stage is left pointing at a deleted deployment.
 * - `depends_on` lists every method, integration and response of the API, so the deployment
 *   snapshot is taken after all of them exist.
 */
export class Deployment extends Construct {
  /** The deployed API. */
  public readonly api: RestApi;

  /** ID of the deployment. */
  public readonly deploymentId: string;

  private readonly resource: ApiGatewayDeployment;
  private readonly _stages: Stage[] = [];

  constructor(scope: Construct, id: string, props: DeploymentProps) {
    super(scope, id);
    this.api = props.api;
    this.resource = new ApiGatewayDeployment(this, 'Resource', {
      restApiId: props.api.restApiId,
      description: props.description,
    });
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

  /** Adopts an existing deployment (`REST-API-ID/DEPLOYMENT-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The API's own resource and every resource, method, method response, integration and integration response. */
  private covered(): DeployedResources {
    const hashed: TerraformResource[] = [this.api.node.defaultChild as TerraformResource];
    const dependsOn: TerraformResource[] = [];
    for (const c of this.api.node.findAll()) {
      if (c instanceof Resource) {
        if (c.node.defaultChild) hashed.push(c.node.defaultChild as TerraformResource);
      } else if (c instanceof Method || c instanceof MethodResponse || c instanceof Integration || c instanceof IntegrationResponse) {
        const resource = c.node.defaultChild as TerraformResource;
        hashed.push(resource);
        dependsOn.push(resource);
      }
    }
    return { hashed, dependsOn };
  }

  private problems(): string[] {
    const methods = this.api.methods;
    if (methods.length === 0) {
      return [`the REST API ${this.api.restApiName} has no methods, and API Gateway cannot deploy an API without methods. ` +
        'Add one with api.root.addMethod(...) or do not call deploy().'];
    }
    return methods.filter((m) => !m.integration).map((m) =>
      `method ${m.httpMethod} ${m.resource.path} (${pathOf(m)}) has no integration, and API Gateway refuses to deploy it ` +
      '("No integration defined for method"). Pass one to addMethod() or call method.addIntegration().');
  }
}
