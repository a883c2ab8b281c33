import type { ApiGatewayUsagePlan, ApiGatewayUsagePlanApiStages } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { Construct, IConstruct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { HTTP_METHODS } from '../core/patterns';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkInteger, checkKinds, checkNonEmpty, checkOneOf, checkStruct, checkTags, invalid, pathOf, show, unresolved } from '../core/validation';
import { ApiKey } from './api-key';
import { Stage } from './stage';
import { UsagePlanKey } from './usage-plan-key';
import { providerAws } from '../core/provider';

/** The time period of a usage plan's quota. */
export enum Period {
  /** The quota resets every day. */
  DAY = 'DAY',
  /** The quota resets every week. */
  WEEK = 'WEEK',
  /** The quota resets every month. */
  MONTH = 'MONTH',
}

/**
 * Request throttling of a usage plan, of one of its stages or of one method.
 *
 * API Gateway takes a rate of requests per second (a number, fractions allowed, 0 or more) and
 * a burst, the number of requests that may arrive at once (a whole number, 0 or more).
 */
export interface ThrottleSettings {
  /**
   * Steady-state requests per second, 0 or more.
   * @default - no rate limit
   */
  readonly rateLimit?: number;

  /**
   * Requests that may arrive at once, a whole number, 0 or more.
   * @default - no burst limit
   */
  readonly burstLimit?: number;
}

/** How many requests a key may make in a period. */
export interface QuotaSettings {
  /** Requests per period, a whole number, 0 or more. */
  readonly limit: number;

  /** The period the limit applies to. */
  readonly period: Period;

  /**
   * The day the period starts: 0 for DAY; 0 (Sunday) to 6 (Saturday) for WEEK;
   * 0 (the first day) to 27 for MONTH.
   * @default 0
   */
  readonly offset?: number;
}

/** A stage of an API in a usage plan, with optional throttling of single methods. */
export interface UsagePlanPerApiStage {
  /** The stage, from `api.deploy()`. */
  readonly stage: Stage;

  /**
   * Throttling of single methods of the stage's API, keyed by `/path/HTTP-METHOD`
   * (`/pets/GET`, `/pets/{id}/DELETE`, `/GET` for the root).
   * @default - the plan's throttling applies to every method
   */
  readonly throttle?: { [methodPath: string]: ThrottleSettings };
}

/** Properties of a usage plan. */
export interface UsagePlanProps {
  /**
   * Name of the usage plan.
   * @default - the construct path, with `-` for `/`
   */
  readonly name?: string;

  /**
   * Description of the usage plan.
   * @default - none
   */
  readonly description?: string;

  /**
   * Throttling of every request made with a key of the plan.
   * @default - no throttling beyond the account's and the stages'
   */
  readonly throttle?: ThrottleSettings;

  /**
   * How many requests a key of the plan may make in a period.
   * @default - no quota
   */
  readonly quota?: QuotaSettings;

  /**
   * The stages the plan covers; more can be added with `addApiStage()`.
   * @default - none
   */
  readonly apiStages?: UsagePlanPerApiStage[];

  /**
   * Tags of the usage plan.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A usage plan (`aws_api_gateway_usage_plan`): the throttling and quota that apply to calls
 * made with its API keys, on the stages it lists. Methods with `apiKeyRequired` answer 403 on a
 * stage that no usage plan lists.
 *
 * The plan references each stage's name and API ID, so Terraform creates it after them; it is
 * not part of what a deployment snapshots.
 *
 * @example
 * const plan = new UsagePlan(this, 'Basic', {
 *   name: 'basic',
 *   throttle: { rateLimit: 10, burstLimit: 20 },
 *   quota: { limit: 10000, period: Period.MONTH },
 *   apiStages: [{ stage: prod, throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 10 } } }],
 * });
 * plan.addApiKey(new ApiKey(this, 'PartnerKey', { name: 'partner' }));
 */
export class UsagePlan extends Construct {
  /** Whether `x` is a `UsagePlan`, also across two copies of the package. */
  public static isUsagePlan(x: unknown): x is UsagePlan {
    return hasBrand(x, 'UsagePlan');
  }

  /** ID of the usage plan. */
  public readonly usagePlanId: string;

  /** ARN of the usage plan. */
  public readonly usagePlanArn: string;

  private readonly resource: ApiGatewayUsagePlan;
  private readonly stages: UsagePlanPerApiStage[] = [];
  private readonly keys: ApiKey[] = [];

  constructor(scope: Construct, id: string, props: UsagePlanProps = {}) {
    super(scope, freeId(scope, id));
    brand(this, 'UsagePlan');
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props ?? {}, 'UsagePlanProps such as { name: \'basic\' }');
      props = props ?? {};
      checkKinds(this, props, { name: 'string', description: 'string', throttle: 'object', quota: 'object', apiStages: 'object[]', tags: 'map<string>' });
      const name = props.name ?? pathOf(this).replace(/\//g, '-');
      checkNonEmpty(this, 'name', name, 'a usage plan name');
      const throttle = props.throttle === undefined || unresolved(props.throttle) ? props.throttle : throttleSettingsOf(this, 'throttle', props.throttle, false);
      checkThrottle(this, 'throttle', throttle);
      checkQuota(this, props.quota);
      checkTags(this, 'tags', props.tags);
      this.resource = new providerAws.ApiGatewayUsagePlan(this, 'Resource', literal({
        name,
        description: props.description,
        throttleSettings: throttle && { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit },
        quotaSettings: props.quota && { limit: props.quota.limit, period: props.quota.period, offset: props.quota.offset },
        tags: props.tags,
      }));
      this.node.defaultChild = this.resource;
      this.usagePlanId = this.resource.id;
      this.usagePlanArn = this.resource.arn;
      for (const apiStage of props.apiStages ?? []) rollback.add(this.attachStage(apiStage));
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** The stages the plan lists. */
  public get apiStages(): UsagePlanPerApiStage[] {
    return [...this.stages];
  }

  /**
   * Adds a stage to the plan. A stage is listed once; put all of its per-method throttles in
   * that one entry.
   */
  public addApiStage(apiStage: UsagePlanPerApiStage): void {
    this.attachStage(apiStage);
  }

  private attachStage(apiStage: UsagePlanPerApiStage): () => void {
    checkStruct(this, 'apiStage', apiStage, 'a UsagePlanPerApiStage such as { stage: prod }');
    const stage = apiStage.stage;
    if (!Stage.isStage(stage)) {
      throw invalid(this, 'apiStage.stage', stage, 'a Stage, as api.deploy() returns');
    }
    if (this.stages.some((s) => s.stage === stage)) {
      throw invalid(this, 'apiStages', stage.stageName,
        `stage ${pathOf(stage)} is listed in this usage plan already; list each stage once, with all of its per-method throttles`);
    }
    const where = `apiStages["${stage.stageName}"].throttle`;
    const throttle = apiStage.throttle;
    if (throttle !== undefined && !unresolved(throttle)) checkStruct(this, where, throttle, 'a map from /path/HTTP-METHOD to ThrottleSettings');
    const methods: Array<{ key: string; path: string; method: string; settings: ThrottleSettings }> = [];
    for (const [key, given] of Object.entries(throttle ?? {})) {
      const parsed = parseThrottleKey(this, where, key);
      const settings = throttleSettingsOf(this, `${where}["${key}"]`, given, true);
      checkThrottle(this, `${where}["${key}"]`, settings);
      methods.push({ key, ...parsed, settings });
    }
    const entry: UsagePlanPerApiStage = { stage, throttle: throttle === undefined ? undefined : Object.fromEntries(methods.map((m) => [m.key, m.settings])) };
    this.stages.push(entry);
    const detach = stage._attachUsagePlan(this);
    // Methods may be added after the plan: look for each one when the tree is complete.
    this.node.addValidation({
      validate: () => methods.filter((m) => !stage.api.methods.some((x) => x.resource.path === m.path && x.httpMethod === m.method))
        .map((m) => `invalid ${where} key ${show(m.key)}: the API of stage ${pathOf(stage)} has no ${m.method} method at ${m.path}; ` +
          'keys are /path/HTTP-METHOD of a method of that API'),
    });
    this.resource.putApiStages(literal(this.stages.map((s): ApiGatewayUsagePlanApiStages => {
      const entries = Object.entries(s.throttle ?? {});
      return {
        apiId: s.stage.api.restApiId,
        stage: s.stage._stageNameRef,
        throttle: entries.length === 0 ? undefined : entries.map(([key, settings]) => ({
          path: throttlePath(key),
          rateLimit: settings.rateLimit,
          burstLimit: settings.burstLimit,
        })),
      };
    })));
    return () => {
      detach();
      this.stages.splice(this.stages.indexOf(entry), 1);
    };
  }

  /**
   * Lets an API key call the plan's stages, under the plan's throttling and quota
   * (`aws_api_gateway_usage_plan_key`).
   */
  public addApiKey(apiKey: ApiKey): UsagePlanKey {
    if (!ApiKey.isApiKey(apiKey)) {
      throw invalid(this, 'apiKey', apiKey, 'an ApiKey');
    }
    return new UsagePlanKey(this, keyedId('Key_', apiKey.node.path, this.keys.length), { usagePlan: this, apiKey });
  }

  /** The keys of the plan. */
  public get apiKeys(): ApiKey[] {
    return [...this.keys];
  }

  /** Adopts an existing usage plan (`USAGE-PLAN-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** Rejects a key the plan has already. @internal */
  public _checkKey(where: string, apiKey: ApiKey): void {
    if (this.keys.includes(apiKey)) {
      throw invalid(where, 'apiKey', pathOf(apiKey), `the key is in usage plan ${pathOf(this)} already`);
    }
  }

  /** Registers a key; returns the undo step. @internal */
  public _attachKey(apiKey: ApiKey): () => void {
    this.keys.push(apiKey);
    return () => this.keys.splice(this.keys.indexOf(apiKey), 1);
  }
}

/** `/pets/GET` → path `/pets`, method `GET`; `/GET` and `//GET` → the root. */
function parseThrottleKey(scope: IConstruct, where: string, key: string): { path: string; method: string } {
  const match = /^((?:\/[^/\s]+)*)\/\/?([A-Z]+)$/.exec(key);
  const method = match?.[2];
  if (!match || !method || !(HTTP_METHODS as readonly string[]).includes(method) || (key.startsWith('//') && match[1] !== '')) {
    throw invalid(scope, `${where} key`, key, 'keys are /path/HTTP-METHOD of a method of the stage\'s API, such as /pets/GET, /pets/{id}/DELETE or /GET for the root');
  }
  return { path: match[1] === '' ? '/' : match[1], method };
}

/** The key as API Gateway names a method of a usage plan stage: `{resourcePath}/{httpMethod}`, `//GET` for the root. */
function throttlePath(key: string): string {
  return key.startsWith('//') || /^\/[A-Z]+$/.test(key) ? `/${key.replace(/^\/+/, '/')}` : key;
}

const THROTTLE_KEYS = ['rateLimit', 'burstLimit'];

/**
 * A ThrottleSettings, with its keys checked so that a misspelt one is an error rather than a
 * setting silently lost. A per-method entry must set something: a Python dict with snake_case
 * keys inside a map reaches JavaScript empty (jsii converts only structs given directly).
 */
function throttleSettingsOf(scope: IConstruct, property: string, value: unknown, perMethod: boolean): ThrottleSettings {
  checkStruct(scope, property, value, 'ThrottleSettings such as { rateLimit: 5, burstLimit: 10 }');
  const settings = value as { [key: string]: unknown };
  for (const key of Object.keys(settings)) {
    if (!THROTTLE_KEYS.includes(key)) throw invalid(scope, `${property} key`, key, 'ThrottleSettings has rateLimit and burstLimit');
  }
  if (perMethod && settings.rateLimit === undefined && settings.burstLimit === undefined) {
    throw invalid(scope, property, value, 'a per-method throttle sets rateLimit, burstLimit or both ' +
      '(from Python, give ThrottleSettings(rate_limit=..., burst_limit=...) or a dict with the keys rateLimit and burstLimit)');
  }
  return { rateLimit: settings.rateLimit as number | undefined, burstLimit: settings.burstLimit as number | undefined };
}

/** API Gateway takes a rate of 0 or more requests per second and a whole burst of 0 or more. */
export function checkThrottle(scope: IConstruct, property: string, throttle: ThrottleSettings | undefined): void {
  if (throttle === undefined || unresolved(throttle)) return;
  checkStruct(scope, property, throttle, 'ThrottleSettings such as { rateLimit: 10, burstLimit: 20 }');
  const rate = throttle.rateLimit;
  if (rate !== undefined && !unresolved(rate) && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0)) {
    throw invalid(scope, `${property}.rateLimit`, rate, 'a rate is a number of requests per second, 0 or more');
  }
  const burst = throttle.burstLimit;
  if (burst !== undefined && !unresolved(burst) && (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 0 || burst > 2147483647)) {
    throw invalid(scope, `${property}.burstLimit`, burst, 'a burst is a whole number of requests, from 0 to 2147483647');
  }
}

const OFFSET_MAX: { [period: string]: number } = { DAY: 0, WEEK: 6, MONTH: 27 };

function checkQuota(scope: IConstruct, quota: QuotaSettings | undefined): void {
  if (quota === undefined || unresolved(quota)) return;
  checkStruct(scope, 'quota', quota, 'QuotaSettings such as { limit: 10000, period: Period.MONTH }');
  if (quota.limit === undefined) throw invalid(scope, 'quota.limit', undefined, 'a quota needs a limit, a whole number of requests');
  if (!unresolved(quota.limit) && (typeof quota.limit !== 'number' || !Number.isInteger(quota.limit) || quota.limit < 0 || quota.limit > 2147483647)) {
    throw invalid(scope, 'quota.limit', quota.limit, 'a quota limit is a whole number of requests, from 0 to 2147483647');
  }
  if (quota.period === undefined) throw invalid(scope, 'quota.period', undefined, 'a quota needs a period: DAY, WEEK or MONTH');
  checkOneOf(scope, 'quota.period', quota.period, Object.values(Period));
  if (quota.offset !== undefined && !unresolved(quota.period)) {
    const max = OFFSET_MAX[quota.period];
    try {
      checkInteger(scope, 'quota.offset', quota.offset, 0, max);
    } catch {
      throw invalid(scope, 'quota.offset', quota.offset, quota.period === Period.DAY
        ? 'a DAY quota starts at offset 0 only'
        : `the offset is the day the ${quota.period} starts, a whole number from 0 to ${max}`);
    }
  }
}
