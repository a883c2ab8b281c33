import type { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { Construct } from 'constructs';
import { brand, freeId, hasBrand } from '../core/protocol';
import { providerAws } from '../core/provider';

/**
 * The IAM role API Gateway writes CloudWatch logs with, and the `aws_api_gateway_account`
 * setting that names it: what execution logging (`loggingLevel`) and access logs need.
 * Made by `RestApiProps.cloudWatchRole`.
 *
 * The setting belongs to the AWS account and region, not to the API: one per account and
 * region is enough, and the last one applied wins. Destroying the stack leaves the setting
 * pointing at a role that no longer exists.
 */
export class CloudWatchRole extends Construct {
  /** Whether `x` is a `CloudWatchRole`, also across two copies of the package. */
  public static isCloudWatchRole(x: unknown): x is CloudWatchRole {
    return hasBrand(x, 'CloudWatchRole');
  }

  /** ARN of the role. */
  public readonly roleArn: string;

  private readonly resource: ApiGatewayAccount;

  constructor(scope: Construct, id: string) {
    super(scope, freeId(scope, id));
    brand(this, 'CloudWatchRole');
    const partition = new providerAws.DataAwsPartition(this, 'Partition');
    const role = new providerAws.IamRole(this, 'Role', {
      namePrefix: 'apigateway-cloudwatch-',
      description: 'Lets API Gateway write execution and access logs to CloudWatch Logs',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    const policy = new providerAws.IamRolePolicyAttachment(this, 'Policy', {
      role: role.name,
      policyArn: `arn:${partition.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
    });
    this.resource = new providerAws.ApiGatewayAccount(this, 'Resource', {
      cloudwatchRoleArn: role.arn,
      // API Gateway checks the role's permissions when the setting is made: the policy must be attached first.
      dependsOn: [policy],
    });
    this.node.defaultChild = this.resource;
    this.roleArn = role.arn;
  }

  /** Adopts the existing account setting (`api-gateway-account`, the provider's format). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The account setting, which stages that log must follow. @internal */
  public get _account(): ApiGatewayAccount {
    return this.resource;
  }
}
