import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { DefaultTokenResolver, Fn, StringConcat, Tokenization } from 'cdktf';
import { literal } from '../../core/escape';
import { LAMBDA_FUNCTION_ARN } from '../../core/patterns';
import { checkPattern, invalid, unresolved } from '../../core/validation';
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


const INVOKE_ARN = /^arn:([^:\s]+):apigateway:([^:\s]+):lambda:path\/2015-03-31\/functions\/(arn:[^/\s]+)\/invocations$/;
const FUNCTION_NAME = /^([0-9]{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$/;
const RESOLVER = new DefaultTokenResolver(new StringConcat());

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
    const { functionArn, uri } = lambdaTarget(`${method.node.path}/Integration`, method, this.functionArn);
    const permission = { functionName: functionArn, action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com' };
    new LambdaPermission(method, 'LambdaPermission', literal({ ...permission, sourceArn: method.methodArn }));
    if (this.allowTestInvoke) {
      new LambdaPermission(method, 'LambdaPermissionTest', literal({ ...permission, sourceArn: method.testMethodArn }));
    }
    return { ...super.bind(method), uri };
  }
}

/** The function ARN (for the permission) and the invoke ARN (the integration URI) of what the user passed. */
function lambdaTarget(where: string, scope: Method, given: string): { functionArn: string; uri: string } {
  const allowed = 'the ARN of a Lambda function (fn.arn, arn:aws:lambda:{region}:{account}:function:{name}) or its invoke ARN (fn.invokeArn)';
  if (typeof given !== 'string') throw invalid(where, 'functionArn', given, allowed);
  if (!unresolved(given)) {
    const invoke = INVOKE_ARN.exec(given);
    if (invoke) {
      checkPattern(where, 'functionArn', invoke[3], LAMBDA_FUNCTION_ARN, allowed);
      return { functionArn: invoke[3], uri: given };
    }
    if (FUNCTION_NAME.test(given)) {
      throw invalid(where, 'functionArn', given, `${allowed}; a function name cannot be made into the integration URI`);
    }
    checkPattern(where, 'functionArn', given, LAMBDA_FUNCTION_ARN, allowed);
    return { functionArn: given, uri: invokeUri(given.split(':')[1], given.split(':')[3], given) };
  }
  const attribute = referencedAttribute(scope, given);
  if (attribute === 'invoke_arn') {
    // arn:{p}:apigateway:{r}:lambda:path/2015-03-31/functions/{function ARN}/invocations
    return { functionArn: Fn.element(Fn.split('/', given), 3), uri: given };
  }
  if (attribute === 'function_name' || attribute === 'id') {
    throw invalid(where, 'functionArn', given, `${allowed}; this token is the function's ${attribute}, which cannot be made into the integration URI`);
  }
  return { functionArn: given, uri: invokeUri(Fn.element(Fn.split(':', given), 1), Fn.element(Fn.split(':', given), 3), given) };
}

function invokeUri(partition: string, region: string, functionArn: string): string {
  return `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** The attribute a token refers to when it is a plain resource reference (`invoke_arn` of `${aws_lambda_function.f.invoke_arn}`). */
function referencedAttribute(scope: Method, token: string): string | undefined {
  try {
    const text = Tokenization.resolve(token, { scope, resolver: RESOLVER, preparing: false });
    const m = typeof text === 'string' ? /^\$\{(?:data\.)?aws_lambda_[a-z_]+\.[A-Za-z0-9_-]+\.([a-z_]+)\}$/.exec(text) : null;
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}
