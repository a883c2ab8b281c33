import type { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { Construct } from 'constructs';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { invalid } from '../core/validation';
import { ApiKey } from './api-key';
import type { UsagePlan } from './usage-plan';
import { providerAws } from '../core/provider';

/** Properties of a key of a usage plan. */
export interface UsagePlanKeyProps {
  /** The usage plan. */
  readonly usagePlan: UsagePlan;

  /** The API key. */
  readonly apiKey: ApiKey;
}

/**
 * An API key in a usage plan (`aws_api_gateway_usage_plan_key`), made by `plan.addApiKey(key)`.
 * It references the plan and the key, so Terraform creates it after both.
 */
export class UsagePlanKey extends Construct {
  /** Whether `x` is a `UsagePlanKey`, also across two copies of the package. */
  public static isUsagePlanKey(x: unknown): x is UsagePlanKey {
    return hasBrand(x, 'UsagePlanKey');
  }

  /** The usage plan. */
  public readonly usagePlan: UsagePlan;

  /** The API key. */
  public readonly apiKey: ApiKey;

  private readonly resource: ApiGatewayUsagePlanKey;

  constructor(scope: Construct, id: string, props: UsagePlanKeyProps) {
    super(scope, freeId(scope, id, (where) => {
      if (isPlan(props?.usagePlan) && ApiKey.isApiKey(props.apiKey)) props.usagePlan._checkKey(where, props.apiKey);
    }));
    brand(this, 'UsagePlanKey');
    const rollback = new Rollback(this);
    try {
      if (!isPlan(props?.usagePlan)) throw invalid(this, 'usagePlan', props?.usagePlan, 'a UsagePlan');
      if (!ApiKey.isApiKey(props.apiKey)) throw invalid(this, 'apiKey', props.apiKey, 'an ApiKey');
      this.usagePlan = props.usagePlan;
      this.apiKey = props.apiKey;
      rollback.add(props.usagePlan._attachKey(props.apiKey));
      this.resource = new providerAws.ApiGatewayUsagePlanKey(this, 'Resource', {
        usagePlanId: props.usagePlan.usagePlanId,
        keyId: props.apiKey.apiKeyId,
        keyType: 'API_KEY',
      });
      this.node.defaultChild = this.resource;
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** ID of the usage plan key (the API key's ID). */
  public get usagePlanKeyId(): string {
    return this.resource.id;
  }

  /** Adopts an existing usage plan key (`USAGE-PLAN-ID/KEY-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

// UsagePlan imports this file, so its brand is checked here without importing it back.
function isPlan(x: unknown): x is UsagePlan {
  return hasBrand(x, 'UsagePlan');
}
