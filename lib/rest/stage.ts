import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Aspects } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { literal } from '../core/escape';
import { MethodLoggingLevel } from '../core/enums';
import { HTTP_METHODS } from '../core/patterns';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkInteger, checkKeys, checkKinds, checkOneOf, checkPattern, checkStruct, checkTags, invalid, Kind, pathOf, unresolved, ValidationError } from '../core/validation';
import { AccessLogFormat, checkAccessLogs } from './access-log';
import { WarnWithoutUsagePlan } from './api-key-coverage';
import { Deployment } from './deployment';
import { ImportId } from './import-id';
import type { RestApi } from './rest-api';
import { WebAclAssociation } from './web-acl';
import { providerAws } from '../core/provider';

/** Throttling, logging, metrics and caching of methods on a stage (`aws_api_gateway_method_settings`). */
export interface MethodDeploymentOptions {
  /**
   * Burst limit of requests.
   * @default - the account's limit
   */
  readonly throttlingBurstLimit?: number;

  /**
   * Steady-state requests per second.
   * @default - the account's limit
   */
  readonly throttlingRateLimit?: number;

  /**
   * CloudWatch logging level.
   * @default - logging is not changed
   */
  readonly loggingLevel?: MethodLoggingLevel;

  /**
   * Whether CloudWatch metrics are enabled.
   * @default false
   */
  readonly metricsEnabled?: boolean;

  /**
   * Whether full requests and responses are logged.
   * @default false
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether responses are cached (needs `cacheClusterEnabled` on the stage).
   * @default false
   */
  readonly cachingEnabled?: boolean;

  /**
   * Time to live of cached responses, in seconds (0 to 3600).
   * @default 300
   */
  readonly cacheTtlSeconds?: number;

  /**
   * Whether the cached responses are encrypted.
   * @default false
   */
  readonly cacheDataEncrypted?: boolean;
}

/** Settings of a stage, given to `api.deploy()`. */
export interface StageOptions extends MethodDeploymentOptions {
  /**
   * Description of the stage.
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables: names of letters, digits and underscores.
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Whether X-Ray tracing is enabled.
   * @default false
   */
  readonly xrayTracingEnabled?: boolean;

  /**
   * Whether the stage has a cache cluster.
   * @default false
   */
  readonly cacheClusterEnabled?: boolean;

  /**
   * Size of the cache cluster in GB: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237.
   * @default - API Gateway's default, 0.5, when the cache is enabled
   */
  readonly cacheClusterSize?: string;

  /**
   * ARN of the CloudWatch log group or Firehose stream that receives access logs.
   * @default - no access logs, unless `accessLogGroup` is true
   */
  readonly accessLogDestinationArn?: string;

  /**
   * Format of access log lines; must contain `$context.requestId` or `$context.extendedRequestId`.
   * @default - `AccessLogFormat.jsonWithStandardFields()` when the stage has an access log destination
   */
  readonly accessLogFormat?: AccessLogFormat;

  /**
   * Tags of the stage.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Settings for single methods, keyed by `/path/HTTP-METHOD` (`/pets/{id}/GET`, `/GET` for the root);
   * they override the stage-wide settings above.
   * @default - none
   */
  readonly methodOptions?: { [methodPath: string]: MethodDeploymentOptions };

  /**
   * Whether the stage writes access logs to a CloudWatch log group of its own
   * (`aws_cloudwatch_log_group`), instead of `accessLogDestinationArn`.
   * @default false
   */
  readonly accessLogGroup?: boolean;

  /**
   * Days the log group of `accessLogGroup` keeps access logs, one of the values CloudWatch
   * offers: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
   * 2557, 2922, 3288 or 3653.
   * @default - logs are kept forever
   */
  readonly accessLogRetention?: number;
}

/** Properties of a stage created with `new Stage()`. */
export interface StageProps extends StageOptions {
  /** The deployment the stage serves. */
  readonly deployment: Deployment;

  /** Name of the stage. */
  readonly stageName: string;
}

const CACHE_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

/**
 * A stage of a REST API (`aws_api_gateway_stage`) pointing at its deployment.
 *
 * The stage is its own resource (never the deployment's deprecated `stage_name`), so a new
 * deployment replaces the old one under it without "Active stages pointing to this deployment
 * must be moved or deleted".
 */
export class Stage extends Construct {
  /** Whether `x` is a REST `Stage`, also across two copies of the package. */
  public static isStage(x: unknown): x is Stage {
    return hasBrand(x, 'rest.Stage');
  }

  /** Name of the stage. */
  public readonly stageName: string;

  /** The deployment the stage serves. */
  public readonly deployment: Deployment;

  /** The API of the stage. */
  public readonly api: RestApi;

  /** URL of the stage, `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. */
  public readonly invokeUrl: string;

  /** Execution ARN of the stage. */
  public readonly executionArn: string;

  /** ARN of the stage, `arn:{partition}:apigateway:{region}::/restapis/{api-id}/stages/{name}`, as AWS WAF names it. */
  public readonly arn: string;

  /** The log group of `accessLogGroup`, when the stage has one. */
  public readonly logGroup?: CloudwatchLogGroup;

  private readonly resource: ApiGatewayStage;
  private readonly usagePlans: IConstruct[] = [];
  private webAcl?: WebAclAssociation;

  constructor(scope: Construct, id: string, props: StageProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Deployment.isDeployment(props?.deployment) && typeof props.stageName === 'string') props.deployment.api._checkStageName(where, props.stageName);
    }));
    brand(this, 'rest.Stage');
    const deployment = props?.deployment;
    if (!Deployment.isDeployment(deployment)) {
      scope.node.tryRemoveChild(id);
      throw new ValidationError(`${pathOf(scope)}/${id}`, 'a stage needs a deployment: create stages with api.deploy(stageName)');
    }
    this.deployment = deployment;
    this.api = deployment.api;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, {
        stageName: 'string', description: 'string', variables: 'map<string>', xrayTracingEnabled: 'boolean', cacheClusterEnabled: 'boolean',
        cacheClusterSize: 'string', accessLogDestinationArn: 'string', accessLogFormat: 'object', tags: 'map<string>', methodOptions: 'object',
        accessLogGroup: 'boolean', accessLogRetention: 'number',
        ...METHOD_DEPLOYMENT_KINDS,
      });
      validateStage(this, props);
      this.stageName = props.stageName;
      this.api._checkStageName(pathOf(this), props.stageName);
      rollback.add(this.api._attachStage(this));
      rollback.add(deployment._attachStage(this));

      if (props.accessLogGroup) {
        this.logGroup = new providerAws.CloudwatchLogGroup(this, 'AccessLogs', { retentionInDays: props.accessLogRetention });
      }
      const destination = this.logGroup?.arn ?? props.accessLogDestinationArn;
      const accessLog = destination !== undefined
        ? { destinationArn: destination, format: (props.accessLogFormat ?? AccessLogFormat.jsonWithStandardFields()).format }
        : undefined;
      const cloudWatch = this.api.cloudWatchRole?._account;
      this.resource = new ApiGatewayStage(this, 'Resource', literal({
        restApiId: this.api.restApiId,
        deploymentId: deployment.deploymentId,
        stageName: props.stageName,
        description: props.description,
        variables: props.variables,
        xrayTracingEnabled: props.xrayTracingEnabled,
        cacheClusterEnabled: props.cacheClusterEnabled,
        cacheClusterSize: props.cacheClusterSize,
        accessLogSettings: accessLog,
        tags: props.tags,
        // Logging needs the account's CloudWatch role first, when this API sets it.
        dependsOn: cloudWatch && (accessLog !== undefined || hasLogging(props)) ? [cloudWatch] : undefined,
      }));
      this.node.defaultChild = this.resource;
      this.invokeUrl = this.resource.invokeUrl;
      this.executionArn = this.resource.executionArn;
      this.arn = this.resource.arn;
      Aspects.of(this).add(new WarnWithoutUsagePlan(this));
      const l1 = this.resource;
      this.api._members.register({
        construct: this,
        // A stage follows its deployment; the deployment does not snapshot it.
        hashed: () => [],
        mustPrecede: () => [],
        adopt: (adoption) => {
          if (adoption.stageNames.has(this.stageName)) l1.importFrom(ImportId.stage(adoption.restApiId, this.stageName));
        },
      });

      if (hasMethodSettings(props)) {
        this.addMethodSettings('All', '*/*', props);
      }
      for (const [path, options] of Object.entries(props.methodOptions ?? {})) {
        const methodPath = parseMethodPath(this, path);
        checkMethodEntry(this, path, options);
        this.addMethodSettings(`Method_${methodPath}`, methodPath, options);
      }
    } catch (e) {
      throw rollback.undo(e, this.api._members);
    }
  }

  /** Adopts an existing stage (`REST-API-ID/STAGE-NAME`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /**
   * Puts an AWS WAF web ACL in front of the stage (`aws_wafv2_web_acl_association`).
   *
   * @param webAclArn ARN of a regional wafv2 web ACL, `arn:aws:wafv2:{region}:{account}:regional/webacl/{name}/{id}`
   */
  public associateWebAcl(webAclArn: string): WebAclAssociation {
    return new WebAclAssociation(this, 'WebAcl', { stage: this, webAclArn });
  }

  /** The stage name as a reference to the stage, so that users of it come after it. @internal */
  public get _stageNameRef(): string {
    return this.resource.stageName;
  }

  /** Records a usage plan that lists the stage; returns the undo step. @internal */
  public _attachUsagePlan(plan: IConstruct): () => void {
    this.usagePlans.push(plan);
    return () => this.usagePlans.splice(this.usagePlans.indexOf(plan), 1);
  }

  /** The usage plans that list the stage. @internal */
  public get _usagePlans(): IConstruct[] {
    return [...this.usagePlans];
  }

  /** Rejects a second web ACL. @internal */
  public _checkWebAcl(where: string): void {
    if (this.webAcl) {
      throw invalid(where, 'webAclArn', this.webAcl.webAclArn, `stage ${pathOf(this)} has a web ACL already; a stage takes one`);
    }
  }

  /** Records the stage's web ACL; returns the undo step. @internal */
  public _attachWebAcl(association: WebAclAssociation): () => void {
    this.webAcl = association;
    return () => { this.webAcl = undefined; };
  }

  private addMethodSettings(id: string, methodPath: string, options: MethodDeploymentOptions): void {
    validateMethodDeploymentOptions(this, options);
    new providerAws.ApiGatewayMethodSettings(this, id, literal({
      restApiId: this.api.restApiId,
      stageName: this.resource.stageName,
      methodPath,
      settings: {
        throttlingBurstLimit: options.throttlingBurstLimit,
        throttlingRateLimit: options.throttlingRateLimit,
        loggingLevel: options.loggingLevel,
        metricsEnabled: options.metricsEnabled,
        dataTraceEnabled: options.dataTraceEnabled,
        cachingEnabled: options.cachingEnabled,
        cacheTtlInSeconds: options.cacheTtlSeconds,
        cacheDataEncrypted: options.cacheDataEncrypted,
      },
    }));
  }
}

function hasLogging(props: StageOptions): boolean {
  const levels = [props.loggingLevel, ...Object.values(props.methodOptions ?? {}).map((o) => o?.loggingLevel)];
  return levels.some((l) => l !== undefined && l !== MethodLoggingLevel.OFF) || props.dataTraceEnabled === true;
}

function hasMethodSettings(options: MethodDeploymentOptions): boolean {
  return [options.throttlingBurstLimit, options.throttlingRateLimit, options.loggingLevel, options.metricsEnabled,
    options.dataTraceEnabled, options.cachingEnabled, options.cacheTtlSeconds, options.cacheDataEncrypted].some((v) => v !== undefined);
}

/** `/pets/{id}/GET` → `pets/{id}/GET`, the form `aws_api_gateway_method_settings` expects. */
function parseMethodPath(scope: Stage, path: string): string {
  const match = typeof path === 'string' ? /^((?:\/[^/]+)*)\/([A-Z]+)$/.exec(path) : null;
  const method = match?.[2];
  if (!match || !method || !(HTTP_METHODS as readonly string[]).includes(method)) {
    throw invalid(scope, 'methodOptions key', path, 'keys are /path/HTTP-METHOD, such as /pets/{id}/GET or /GET for the root');
  }
  const resourcePath = match[1] === '' ? '/' : match[1];
  const api = scope.api;
  // Methods may be added after deploy(): look for this one when the tree is complete.
  scope.node.addValidation({
    validate: () => api.methods.some((m) => m.resource.path === resourcePath && m.httpMethod === method)
      ? [] : [`methodOptions names "${path}", but the API has no ${method} method at ${resourcePath}`],
  });
  return resourcePath === '/' ? `~1/${method}` : `${resourcePath.slice(1)}/${method}`;
}

function validateStage(scope: Stage, props: StageProps): void {
  checkPattern(scope, 'stageName', props.stageName, /^[A-Za-z0-9_-]{1,128}$/, 'a stage name is 1 to 128 letters, digits, hyphens and underscores');
  checkKeys(scope, 'variables', props.variables, /^[A-Za-z0-9_]+$/, 'stage variable names are letters, digits and underscores');
  if (props.variables && !unresolved(props.variables)) {
    for (const [key, value] of Object.entries(props.variables)) {
      checkPattern(scope, `variables["${key}"]`, value, /^[A-Za-z0-9\-._~:/?#&=,]{1,2048}$/,
        'stage variable values are 1 to 2048 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,');
    }
  }
  checkOneOf(scope, 'cacheClusterSize', props.cacheClusterSize, CACHE_SIZES);
  if (props.cacheClusterSize !== undefined && props.cacheClusterEnabled !== true) {
    throw invalid(scope, 'cacheClusterSize', props.cacheClusterSize, 'a cache size needs cacheClusterEnabled: true');
  }
  checkAccessLogs(scope, props);
  checkTags(scope, 'tags', props.tags);
}

const METHOD_DEPLOYMENT_KINDS: { [prop: string]: Kind } = {
  throttlingBurstLimit: 'number', throttlingRateLimit: 'number', loggingLevel: 'string', metricsEnabled: 'boolean', dataTraceEnabled: 'boolean',
  cachingEnabled: 'boolean', cacheTtlSeconds: 'number', cacheDataEncrypted: 'boolean',
};

/**
 * A per-method entry names only MethodDeploymentOptions keys and sets at least one: an empty
 * `settings` block is invalid Terraform, and a Python dict with snake_case keys inside the map
 * reaches JavaScript without its settings (jsii converts only structs given directly).
 */
function checkMethodEntry(scope: Stage, path: string, options: unknown): void {
  checkStruct(scope, `methodOptions["${path}"]`, options, 'method settings such as { throttlingRateLimit: 10 }');
  const keys = Object.keys(options as object).filter((k) => (options as { [k: string]: unknown })[k] !== undefined);
  for (const key of keys) {
    if (!(key in METHOD_DEPLOYMENT_KINDS)) {
      throw invalid(scope, `methodOptions["${path}"] key`, key, `MethodDeploymentOptions has ${Object.keys(METHOD_DEPLOYMENT_KINDS).join(', ')}`);
    }
  }
  if (keys.length === 0) {
    throw invalid(scope, `methodOptions["${path}"]`, options, 'a per-method entry sets at least one setting, such as { throttlingRateLimit: 10 } ' +
      '(from Python, give MethodDeploymentOptions(throttling_rate_limit=...) as the value)');
  }
}

/** Checks the settings of one aws_api_gateway_method_settings; callers have checked that `options` is an object. */
function validateMethodDeploymentOptions(scope: Stage, options: MethodDeploymentOptions): void {
  checkKinds(scope, options, METHOD_DEPLOYMENT_KINDS);
  checkInteger(scope, 'throttlingBurstLimit', options.throttlingBurstLimit, 0, 2147483647);
  if (options.throttlingRateLimit !== undefined && !unresolved(options.throttlingRateLimit) &&
    (typeof options.throttlingRateLimit !== 'number' || !(options.throttlingRateLimit >= 0))) {
    throw invalid(scope, 'throttlingRateLimit', options.throttlingRateLimit, 'a rate is a number of requests per second, 0 or more');
  }
  checkOneOf(scope, 'loggingLevel', options.loggingLevel, Object.values(MethodLoggingLevel));
  checkInteger(scope, 'cacheTtlSeconds', options.cacheTtlSeconds, 0, 3600);
}
