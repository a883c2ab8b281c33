import { allowApiGatewayInvoke, lambdaTarget } from '../../core/lambda-target';
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
 * Pass the function's ARN (`fn.arn`, `fn.qualifiedArn`) or its invoke ARN (`fn.invokeArn`, what
 * the Terraform documentation puts in `uri`); both work, literal or token. A function name
 * (`fn.functionName`, a bare name) is refused: the integration URI needs the ARN. A token whose
 * attribute cannot be seen (a variable, say) is taken for a function ARN.
 *
 * @example
 * api.root.addResource('hello').addMethod('GET', new LambdaIntegration(fn.arn));
 */
export class LambdaIntegration extends IntegrationBackend {
  private readonly functionArn: string;
  private readonly allowTestInvoke: boolean;

  /**
   * @param functionArn ARN of the function (`lambdaFunction.arn`) or its invoke ARN (`lambdaFunction.invokeArn`)
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
    const { functionArn, uri } = lambdaTarget(`${method.node.path}/Integration`, method, this.functionArn, 'the integration URI');
    allowApiGatewayInvoke(method, 'LambdaPermission', functionArn, method.methodArn);
    if (this.allowTestInvoke) {
      allowApiGatewayInvoke(method, 'LambdaPermissionTest', functionArn, method.testMethodArn);
    }
    return { ...super.bind(method), uri };
  }
}
