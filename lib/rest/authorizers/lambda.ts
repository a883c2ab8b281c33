import { IConstruct } from 'constructs';
import { checkResultsCacheTtl } from '../../core/identity-source';
import { lambdaTarget } from '../../core/lambda-target';
import { IAM_PRINCIPAL_ARN } from '../../core/patterns';
import { checkKinds, checkPattern, pathOf } from '../../core/validation';
import { AuthorizerProps, AuthorizerSpec } from './authorizer';

/** What the Lambda (TOKEN and REQUEST) authorizers of a REST API take. */
export interface LambdaAuthorizerProps extends AuthorizerProps {
  /**
   * The Lambda function that authorizes callers: its ARN (`fn.arn`) or its invoke ARN
   * (`fn.invokeArn`), literal or token.
   */
  readonly functionArn: string;

  /**
   * An IAM role API Gateway assumes to invoke the function. With a role, no Lambda permission
   * is made: the role must be allowed to invoke the function.
   * @default - API Gateway invokes the function with its own identity, allowed by an `aws_lambda_permission` scoped to this authorizer
   */
  readonly assumeRoleArn?: string;

  /**
   * How long, in whole seconds from 0 to 3600, API Gateway caches the function's answer for an
   * identity; 0 turns caching off.
   * @default 300
   */
  readonly resultsCacheTtl?: number;
}

/** Checks what Lambda authorizers share, when the authorizer is constructed. @internal */
export function checkLambdaAuthorizerProps(scope: IConstruct, props: LambdaAuthorizerProps): void {
  checkKinds(scope, props, { functionArn: 'string', assumeRoleArn: 'string', resultsCacheTtl: 'number' });
  lambdaTarget(pathOf(scope), scope, props.functionArn, 'the authorizer URI');
  checkPattern(scope, 'assumeRoleArn', props.assumeRoleArn, IAM_PRINCIPAL_ARN, 'an IAM role ARN such as arn:aws:iam::123456789012:role/name');
  checkResultsCacheTtl(scope, 'resultsCacheTtl', props.resultsCacheTtl);
}

/** The configuration of a Lambda authorizer and the function to permit (none when a role invokes it). @internal */
export function lambdaAuthorizerSpec(scope: IConstruct, props: LambdaAuthorizerProps, type: string, identitySource?: string,
  identityValidationExpression?: string): AuthorizerSpec {
  const { functionArn, uri } = lambdaTarget(pathOf(scope), scope, props.functionArn, 'the authorizer URI');
  return {
    config: {
      type,
      authorizerUri: uri,
      authorizerCredentials: props.assumeRoleArn,
      authorizerResultTtlInSeconds: props.resultsCacheTtl ?? 300,
      identitySource,
      identityValidationExpression,
    },
    permitFunctionArn: props.assumeRoleArn === undefined ? functionArn : undefined,
  };
}
