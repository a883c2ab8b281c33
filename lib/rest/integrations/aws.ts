import type { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { TerraformStack } from 'cdktf';
import { invalid } from '../../core/validation';
import { IntegrationBackend, IntegrationConfig, IntegrationOptions, IntegrationType } from '../integration';
import type { Method } from '../method';
import { providerAws } from '../../core/provider';

/** Options of an AWS service integration. */
export interface AwsIntegrationProps extends IntegrationOptions {
  /** The service to call, as in its endpoint: `sqs`, `dynamodb`, `states`, `s3`... */
  readonly service: string;

  /**
   * Subdomain of the service endpoint, for services that use one.
   * @default - none
   */
  readonly subdomain?: string;

  /**
   * Path-based call: the URI's `path/{path}` part. Give exactly one of `path` and `action`.
   * @default - none
   */
  readonly path?: string;

  /**
   * Action-based call: the URI's `action/{action}` part. Give exactly one of `path` and `action`.
   * @default - none
   */
  readonly action?: string;

  /**
   * Query parameters appended to an action (`action/SendMessage&Version=2012-11-05`).
   * @default - none
   */
  readonly actionParameters?: { [name: string]: string };

  /**
   * HTTP method used to call the service.
   * @default 'POST'
   */
  readonly integrationHttpMethod?: string;

  /**
   * Whether the request passes through unchanged (`AWS_PROXY`).
   * @default false
   */
  readonly proxy?: boolean;

  /**
   * Region of the service.
   * @default - the provider's region, read with an `aws_region` data source
   */
  readonly region?: string;

  /**
   * AWS partition.
   * @default 'aws'
   */
  readonly partition?: string;
}

/**
 * An AWS service action as backend (`type = "AWS"`), addressed by the
 * `arn:{partition}:apigateway:{region}:{subdomain.}{service}:{path|action}/...` URI.
 *
 * @example
 * new AwsIntegration({ service: 'sqs', path: '123456789012/my-queue', credentials: roleArn });
 */
export class AwsIntegration extends IntegrationBackend {
  private readonly props: AwsIntegrationProps;

  constructor(props: AwsIntegrationProps) {
    // The integration construct reads only the IntegrationOptions fields of `options`.
    super({
      type: props.proxy ? IntegrationType.AWS_PROXY : IntegrationType.AWS,
      integrationHttpMethod: props.integrationHttpMethod ?? 'POST',
      options: props,
    });
    this.props = props;
  }

  public bind(method: Method): IntegrationConfig {
    const config = super.bind(method);
    return { ...config, uri: awsServiceUri(method, this.props) };
  }
}

/** Builds the API Gateway service ARN of an AWS integration. */
function awsServiceUri(method: Method, props: AwsIntegrationProps): string {
  const where = `${method.node.path}/Integration`;
  if (!props.service || typeof props.service !== 'string' || !/^[a-z0-9-]+$/.test(props.service)) {
    throw invalid(where, 'service', props.service, 'the service name as in its endpoint, such as sqs, dynamodb or states');
  }
  if ((props.path === undefined) === (props.action === undefined)) {
    throw invalid(where, 'path/action', [props.path, props.action], 'give exactly one of path (path-based call) and action (action-based call)');
  }
  if (props.actionParameters !== undefined && props.action === undefined) {
    throw invalid(where, 'actionParameters', props.actionParameters, 'action parameters go with action, not path');
  }
  const region = props.region ?? stackRegion(method);
  const host = props.subdomain ? `${props.subdomain}.${props.service}` : props.service;
  const target = props.path !== undefined
    ? `path/${props.path}`
    : `action/${props.action}${Object.entries(props.actionParameters ?? {}).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('')}`;
  return `arn:${props.partition ?? 'aws'}:apigateway:${region}:${host}:${target}`;
}

/** The provider's region, from one `aws_region` data source per stack. */
function stackRegion(scope: Method): string {
  const stack = TerraformStack.of(scope);
  const id = 'ApiGatewayRegion';
  const existing = stack.node.tryFindChild(id) as DataAwsRegion | undefined;
  return (existing ?? new providerAws.DataAwsRegion(stack, id)).region;
}
