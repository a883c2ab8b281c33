import type { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { DefaultTokenResolver, Fn, StringConcat, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { literal } from './escape';
import { LAMBDA_FUNCTION_ARN } from './patterns';
import { checkPattern, invalid, unresolved } from './validation';
import { providerAws } from './provider';

/**
 * What REST and WebSocket APIs share about the Lambda functions API Gateway invokes (the
 * backends of Lambda integrations, Lambda authorizers): the invoke URI made from the function's
 * ARN, and the permission that lets API Gateway invoke it.
 */

const INVOKE_ARN = /^arn:([^:\s]+):apigateway:([^:\s]+):lambda:path\/2015-03-31\/functions\/(arn:[^/\s]+)\/invocations$/;
const FUNCTION_NAME = /^([0-9]{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$/;
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** A Lambda function as API Gateway calls it. */
export interface LambdaTarget {
  /** The function's ARN, for the permission. */
  readonly functionArn: string;
  /** The invoke ARN, `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations`. */
  readonly uri: string;
}

/**
 * The function ARN and the invoke URI of what the user passed: a function ARN or an invoke ARN,
 * literal or token. A function name is refused, since the URI needs the ARN; a token whose
 * attribute cannot be seen (a variable, say) is taken for a function ARN.
 */
export function lambdaTarget(where: string, scope: IConstruct, given: string, uriName: string): LambdaTarget {
  const property = 'functionArn';
  const allowed = 'the ARN of a Lambda function (fn.arn, arn:aws:lambda:{region}:{account}:function:{name}) or its invoke ARN (fn.invokeArn)';
  if (typeof given !== 'string') throw invalid(where, property, given, allowed);
  if (!unresolved(given)) {
    const invoke = INVOKE_ARN.exec(given);
    if (invoke) {
      checkPattern(where, property, invoke[3], LAMBDA_FUNCTION_ARN, allowed);
      return { functionArn: invoke[3], uri: given };
    }
    if (FUNCTION_NAME.test(given)) {
      throw invalid(where, property, given, `${allowed}; a function name cannot be made into ${uriName}`);
    }
    checkPattern(where, property, given, LAMBDA_FUNCTION_ARN, allowed);
    return { functionArn: given, uri: invokeUri(given.split(':')[1], given.split(':')[3], given) };
  }
  const attribute = referencedAttribute(scope, given);
  if (attribute === 'invoke_arn') {
    // arn:{p}:apigateway:{r}:lambda:path/2015-03-31/functions/{function ARN}/invocations
    return { functionArn: Fn.element(Fn.split('/', given), 3), uri: given };
  }
  if (attribute === 'function_name' || attribute === 'id') {
    throw invalid(where, property, given, `${allowed}; this token is the function's ${attribute}, which cannot be made into ${uriName}`);
  }
  return { functionArn: given, uri: invokeUri(Fn.element(Fn.split(':', given), 1), Fn.element(Fn.split(':', given), 3), given) };
}

/** Lets API Gateway invoke a function, from the callers that `sourceArn` matches only. */
export function allowApiGatewayInvoke(scope: Construct, id: string, functionArn: string, sourceArn: string): LambdaPermission {
  return new providerAws.LambdaPermission(scope, id, literal({
    functionName: functionArn,
    action: 'lambda:InvokeFunction',
    principal: 'apigateway.amazonaws.com',
    sourceArn,
  }));
}

function invokeUri(partition: string, region: string, functionArn: string): string {
  return `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** The attribute a token refers to when it is a plain resource reference (`invoke_arn` of `${aws_lambda_function.f.invoke_arn}`). */
function referencedAttribute(scope: IConstruct, token: string): string | undefined {
  try {
    const text = Tokenization.resolve(token, { scope, resolver: RESOLVER, preparing: false });
    const m = typeof text === 'string' ? /^\$\{(?:data\.)?aws_lambda_[a-z_]+\.[A-Za-z0-9_-]+\.([a-z_]+)\}$/.exec(text) : null;
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}
