import { Construct } from 'constructs';
import { checkResultsCacheTtl, COGNITO_USER_POOL_ARN, REST_HEADER_SOURCE } from '../../core/identity-source';
import { Rollback } from '../../core/protocol';
import { checkKinds, checkPattern, invalid, unresolved } from '../../core/validation';
import { AuthorizationType } from '../method';
import type { RestApi } from '../rest-api';
import { Authorizer, AuthorizerProps, AuthorizerSpec } from './authorizer';

/** Properties of a Cognito user pools authorizer. */
export interface CognitoUserPoolsAuthorizerProps extends AuthorizerProps {
  /** ARNs of the user pools whose tokens are accepted (`pool.arn`), at least one. */
  readonly userPoolArns: string[];

  /**
   * The one request header that carries the ID or access token, `method.request.header.{name}`.
   * @default 'method.request.header.Authorization'
   */
  readonly identitySource?: string;

  /**
   * How long, in whole seconds from 0 to 3600, API Gateway caches the answer for a token; 0
   * turns caching off.
   * @default 300
   */
  readonly resultsCacheTtl?: number;
}

const USER_POOL_TEXT = 'a Cognito user pool ARN: arn:aws:cognito-idp:{region}:{account}:userpool/{region}_{id}';

/**
 * An authorizer that accepts the tokens of Cognito user pools (type `COGNITO_USER_POOLS`).
 * Methods that use it may require OAuth scopes with `authorizationScopes`.
 *
 * @example
 * const pools = new CognitoUserPoolsAuthorizer(this, 'UserPool', { restApi: api, userPoolArns: [pool.arn] });
 * pets.addMethod('POST', backend, { authorizer: pools, authorizationScopes: ['pets/write'] });
 */
export class CognitoUserPoolsAuthorizer extends Authorizer {
  public readonly authorizationType: AuthorizationType = AuthorizationType.COGNITO;

  /** The header the token is read from. */
  public readonly identitySource: string;

  private readonly props: CognitoUserPoolsAuthorizerProps;

  constructor(scope: Construct, id: string, props: CognitoUserPoolsAuthorizerProps) {
    super(scope, id, props);
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { userPoolArns: 'string[]', identitySource: 'string', resultsCacheTtl: 'number' });
      const arns = props.userPoolArns;
      if (!unresolved(arns) && (!Array.isArray(arns) || arns.length === 0)) {
        throw invalid(this, 'userPoolArns', arns, `at least one user pool ARN, ${USER_POOL_TEXT}`);
      }
      if (!unresolved(arns)) for (const arn of arns) checkPattern(this, 'userPoolArns', arn, COGNITO_USER_POOL_ARN, USER_POOL_TEXT);
      checkPattern(this, 'identitySource', props.identitySource, REST_HEADER_SOURCE,
        'a Cognito authorizer reads the token from one header: method.request.header.{name}, such as method.request.header.Authorization');
      checkResultsCacheTtl(this, 'resultsCacheTtl', props.resultsCacheTtl);
      this.props = props;
      this.identitySource = props.identitySource ?? 'method.request.header.Authorization';
      if (props.restApi) this._bind(props.restApi, `${this.node.path}`);
    } catch (e) {
      throw rollback.undo(e, props.restApi?._members);
    }
  }

  /** @internal */
  protected _spec(_api: RestApi): AuthorizerSpec {
    return {
      config: {
        type: 'COGNITO_USER_POOLS',
        providerArns: this.props.userPoolArns,
        identitySource: this.identitySource,
        authorizerResultTtlInSeconds: this.props.resultsCacheTtl ?? 300,
      },
    };
  }
}
