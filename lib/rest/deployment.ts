import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { DeploymentCore, wireDeployment } from '../core/redeployment';
import { invalid, pathOf, unresolved } from '../core/validation';
import { RestApi } from './rest-api';
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
 * A deployment of a REST API (`aws_api_gateway_deployment`), created by `api.deploy()` or
 * `new Deployment(scope, id, { api })`.
 *
 * - `triggers.redeployment` is a hash of the configuration of every construct of the API that
 *   API Gateway snapshots into a deployment (and of the resources passed to `watch()`): any
 *   change to them creates a new deployment, and an unchanged API keeps its deployment.
 * - `lifecycle.create_before_destroy` creates the new deployment and moves the stages to it
 *   before the old one is deleted, so no stage is left pointing at a deleted deployment.
 * - `depends_on` lists every method, integration and response of the API, so the deployment
 *   snapshot is taken after all of them exist.
 */
export class Deployment extends Construct {
  /** Whether `x` is a REST `Deployment`, also across two copies of the package. */
  public static isDeployment(x: unknown): x is Deployment {
    return hasBrand(x, 'rest.Deployment');
  }

  /** The deployed API. */
  public readonly api: RestApi;

  /** ID of the deployment. */
  public readonly deploymentId: string;

  private readonly resource: ApiGatewayDeployment;
  private readonly core = new DeploymentCore();
  private readonly _stages: Stage[] = [];
  private readonly discard: () => void;

  constructor(scope: Construct, id: string, props: DeploymentProps) {
    super(scope, freeId(scope, id));
    brand(this, 'rest.Deployment');
    const api = props?.api;
    if (!RestApi.isRestApi(api)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'api', api, 'the RestApi to deploy');
    }
    this.api = api;
    const rollback = new Rollback(this);
    try {
      this.resource = new ApiGatewayDeployment(this, 'Resource', literal({ restApiId: api.restApiId, description: props.description }));
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
        "new Stage(api, 'Prod', { deployment, stageName })");
    }
    this.api._checkStageName(`${pathOf(this.api)}/Stage_${stageName}`, stageName);
    return new Stage(this.api, `Stage_${stageName}`, { ...options, deployment: this, stageName });
  }

  /**
   * Makes the deployment follow a Terraform resource the library does not model (an
   * escape-hatch `aws_api_gateway_gateway_response`, say): it is created after the resource,
   * and a change to the resource's configuration redeploys.
   */
  public watch(resource: TerraformResource): void {
    this.core.watch(this, resource);
  }

  /** Adopts an existing deployment (`REST-API-ID/DEPLOYMENT-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Registers a stage; returns the undo step. @internal */
  public _attachStage(stage: Stage): () => void {
    this._stages.push(stage);
    return () => this._stages.splice(this._stages.indexOf(stage), 1);
  }

  private problems(): string[] {
    if ((this.api._documentMethodCount() ?? this.api.methods.length) === 0) {
      return [`the REST API ${this.api.restApiName} has no methods, and API Gateway cannot deploy an API without methods. ` +
        'Add one with api.root.addMethod(...) or do not call deploy().'];
    }
    return this.core.problems(this.api._members.all());
  }
}
