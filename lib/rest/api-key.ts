import type { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkNonEmpty, checkStruct, checkTags, invalid, pathOf, unresolved } from '../core/validation';
import { providerAws } from '../core/provider';

/** Properties of an API key. */
export interface ApiKeyProps {
  /**
   * Name of the API key.
   * @default - the construct path, with `-` for `/`
   */
  readonly name?: string;

  /**
   * Description of the API key.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the key can be used.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The key itself, 20 to 128 characters. It is stored in the Terraform state; Terraform and
   * the stack's output `Value` treat it as sensitive.
   * @default - API Gateway generates a key
   */
  readonly value?: string;

  /**
   * An AWS Marketplace customer identifier, for SaaS integration.
   * @default - none
   */
  readonly customerId?: string;

  /**
   * Tags of the API key.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An API key (`aws_api_gateway_api_key`) that clients send in the `X-API-Key` header to call
 * methods with `apiKeyRequired`. A key does nothing until a usage plan lists it:
 * `plan.addApiKey(key)`.
 *
 * When a `value` is given, the key also has a Terraform output `Value` marked sensitive, so
 * `terraform output` hides it unless asked for it by name.
 */
export class ApiKey extends Construct {
  /** Whether `x` is an `ApiKey`, also across two copies of the package. */
  public static isApiKey(x: unknown): x is ApiKey {
    return hasBrand(x, 'ApiKey');
  }

  /** ID of the API key. */
  public readonly apiKeyId: string;

  /** ARN of the API key. */
  public readonly apiKeyArn: string;

  /** The sensitive output of the key's value, when a value was given. */
  public readonly valueOutput?: TerraformOutput;

  private readonly resource: ApiGatewayApiKey;

  constructor(scope: Construct, id: string, props: ApiKeyProps = {}) {
    super(scope, freeId(scope, id));
    brand(this, 'ApiKey');
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props ?? {}, 'ApiKeyProps such as { name: \'partner\' }');
      props = props ?? {};
      checkKinds(this, props, { name: 'string', description: 'string', enabled: 'boolean', value: 'string', customerId: 'string', tags: 'map<string>' });
      const name = props.name ?? pathOf(this).replace(/\//g, '-');
      checkNonEmpty(this, 'name', name, 'an API key name');
      // checkKinds lets null through as "not given"; here it would reach the length check.
      if (props.value === null) {
        throw invalid(this, 'value', null, 'a string of 20 to 128 characters, or leave it out to let API Gateway generate one');
      }
      const value = props.value;
      if (value !== undefined && !unresolved(value)) {
        // The value itself stays out of the messages: it is a secret.
        if (value.length < 20 || value.length > 128) {
          throw invalid(this, 'value', `(${value.length} characters)`, 'API Gateway takes API key values of 20 to 128 characters');
        }
        if (/\s/.test(value)) throw invalid(this, 'value', '(a value with white space)', 'API key values contain no white space');
      }
      checkTags(this, 'tags', props.tags);
      this.resource = new providerAws.ApiGatewayApiKey(this, 'Resource', literal({
        name,
        description: props.description,
        enabled: props.enabled ?? true,
        value: props.value,
        customerId: props.customerId,
        tags: props.tags,
      }));
      this.node.defaultChild = this.resource;
      this.apiKeyId = this.resource.id;
      this.apiKeyArn = this.resource.arn;
      if (props.value !== undefined) {
        this.valueOutput = new TerraformOutput(this, 'Value', {
          value: this.resource.value,
          sensitive: true,
          description: `Value of the API key ${name}`,
        });
      }
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** Adopts an existing API key (`API-KEY-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}
