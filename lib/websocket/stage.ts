import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { MethodLoggingLevel } from '../core/enums';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkInteger, checkKeys, checkKinds, checkOneOf, checkPattern, checkTags, invalid, pathOf, unresolved } from '../core/validation';
import type { WebSocketApi } from './api';
import { Deployment } from './deployment';
import { providerAws } from '../core/provider';

/** Settings of a WebSocket stage, given to `api.deploy()`. */
export interface StageOptions {
  /**
   * Description of the stage.
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables.
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Tags of the stage.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Burst limit of messages for every route.
   * @default - the account's limit
   */
  readonly throttlingBurstLimit?: number;

  /**
   * Steady-state messages per second for every route.
   * @default - the account's limit
   */
  readonly throttlingRateLimit?: number;

  /**
   * CloudWatch logging level for every route.
   * @default - no logging
   */
  readonly loggingLevel?: MethodLoggingLevel;

  /**
   * Whether full messages are logged.
   * @default false
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether detailed CloudWatch metrics are enabled.
   * @default false
   */
  readonly detailedMetricsEnabled?: boolean;
}

/** Properties of a stage created with `new Stage()`. */
export interface StageProps extends StageOptions {
  /** The deployment the stage serves. */
  readonly deployment: Deployment;

  /** Name of the stage. */
  readonly stageName: string;
}

/** A stage of a WebSocket API (`aws_apigatewayv2_stage`) pointing at its deployment. */
export class Stage extends Construct {
  /** Whether `x` is a WebSocket `Stage`, also across two copies of the package. */
  public static isStage(x: unknown): x is Stage {
    return hasBrand(x, 'websocket.Stage');
  }

  /** Name of the stage. */
  public readonly stageName: string;

  /** The deployment the stage serves. */
  public readonly deployment: Deployment;

  /** The API of the stage. */
  public readonly api: WebSocketApi;

  /** The `wss://` URL of the stage. */
  public readonly invokeUrl: string;

  private readonly resource: Apigatewayv2Stage;

  constructor(scope: Construct, id: string, props: StageProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Deployment.isDeployment(props?.deployment) && typeof props.stageName === 'string') props.deployment.api._checkStageName(where, props.stageName);
    }));
    brand(this, 'websocket.Stage');
    const deployment = props?.deployment;
    if (!Deployment.isDeployment(deployment)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'deployment', deployment, 'the Deployment the stage serves: create stages with api.deploy(stageName)');
    }
    this.deployment = deployment;
    this.api = deployment.api;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, {
        stageName: 'string', description: 'string', variables: 'map<string>', tags: 'map<string>', throttlingBurstLimit: 'number',
        throttlingRateLimit: 'number', loggingLevel: 'string', dataTraceEnabled: 'boolean', detailedMetricsEnabled: 'boolean',
      });
      checkPattern(this, 'stageName', props.stageName, /^[A-Za-z0-9_$-]{1,128}$/, 'a stage name is 1 to 128 letters, digits, hyphens and underscores');
      checkKeys(this, 'variables', props.variables, /^[A-Za-z0-9_]+$/, 'stage variable names are letters, digits and underscores');
      checkTags(this, 'tags', props.tags);
      checkInteger(this, 'throttlingBurstLimit', props.throttlingBurstLimit, 0, 2147483647);
      if (props.throttlingRateLimit !== undefined && !unresolved(props.throttlingRateLimit) && !(props.throttlingRateLimit >= 0)) {
        throw invalid(this, 'throttlingRateLimit', props.throttlingRateLimit, 'a rate is a number of messages per second, 0 or more');
      }
      checkOneOf(this, 'loggingLevel', props.loggingLevel, Object.values(MethodLoggingLevel));
      this.stageName = props.stageName;
      this.api._checkStageName(pathOf(this), props.stageName);
      rollback.add(this.api._attachStage(this));
      rollback.add(deployment._attachStage(this));
      const routeSettings = [props.throttlingBurstLimit, props.throttlingRateLimit, props.loggingLevel, props.dataTraceEnabled,
        props.detailedMetricsEnabled].some((v) => v !== undefined);
      this.resource = new providerAws.Apigatewayv2Stage(this, 'Resource', literal({
        apiId: this.api.apiId,
        name: props.stageName,
        deploymentId: props.deployment.deploymentId,
        description: props.description,
        stageVariables: props.variables,
        tags: props.tags,
        defaultRouteSettings: routeSettings ? {
          throttlingBurstLimit: props.throttlingBurstLimit,
          throttlingRateLimit: props.throttlingRateLimit,
          loggingLevel: props.loggingLevel,
          dataTraceEnabled: props.dataTraceEnabled,
          detailedMetricsEnabled: props.detailedMetricsEnabled,
        } : undefined,
      }));
      this.node.defaultChild = this.resource;
      this.invokeUrl = this.resource.invokeUrl;
    } catch (e) {
      throw rollback.undo(e, this.api._members);
    }
  }

  /** Adopts an existing stage (`API-ID/STAGE-NAME`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}
