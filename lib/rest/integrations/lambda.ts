import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Fn } from 'cdktf';
import { LAMBDA_FUNCTION_ARN } from '../../core/patterns';
import { checkPattern, unresolved } from '../../core/validation';
import { IntegrationBackend, IntegrationConfig, IntegrationOptions, IntegrationType } from '../integration';
import type { Method } from '../method';

/** Options of a Lambda integration. */
export interface LambdaIntegrationOptions extends IntegrationOptions {
  /**
   * Whether the function receives the whole request (`AWS_PROXY`) rather than a mapped one (`AWS`).
   * @default true
   */
  readonly proxy?: boolean;

  /**
   * Whether the console's test invocations may call the function too.
   * @default true
   */
  readonly allowTestInvoke?: boolean;
}


/**
 * A Lambda function as backend. Binding it to a method adds the `aws_lambda_permission`
 * that lets API Gateway invoke the function from that method (and only that method).
 *
 * @example
 * api.root.addResource('hello').addMethod('GET', new LambdaIntegration(fn.arn));
 */
export class LambdaIntegration extends IntegrationBackend {
  private readonly functionArn: string;
  private readonly allowTestInvoke: boolean;

  /**
   * @param functionArn ARN of the function (for example `lambdaFunction.arn`)
   * @param options integration settings
   */
  constructor(functionArn: string, options: LambdaIntegrationOptions = {}) {
    super({
      type: options.proxy ?? true ? IntegrationType.AWS_PROXY : IntegrationType.AWS,
      integrationHttpMethod: 'POST',
      options,
    });
    this.functionArn = functionArn;
    this.allowTestInvoke = options.allowTestInvoke ?? true;
  }

  public bind(method: Method): IntegrationConfig {
    const arn = this.functionArn;
    checkPattern(`${method.node.path}/Integration`, 'functionArn', arn, LAMBDA_FUNCTION_ARN,
      'the ARN of a Lambda function, arn:aws:lambda:{region}:{account}:function:{name}');
    const [partition, region] = unresolved(arn)
      ? [Fn.element(Fn.split(':', arn), 1), Fn.element(Fn.split(':', arn), 3)]
      : [arn.split(':')[1], arn.split(':')[3]];
    const permission = { functionName: arn, action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com' };
    new LambdaPermission(method, 'LambdaPermission', { ...permission, sourceArn: method.methodArn });
    if (this.allowTestInvoke) {
      new LambdaPermission(method, 'LambdaPermissionTest', { ...permission, sourceArn: method.testMethodArn });
    }
    return {
      ...super.bind(method),
      uri: `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
    };
  }
}
