import { Construct } from 'constructs';
import { checkValidationRegex, REST_HEADER_SOURCE } from '../../core/identity-source';
import { Rollback } from '../../core/protocol';
import { checkKinds, checkPattern } from '../../core/validation';
import { AuthorizationType } from '../method';
import type { RestApi } from '../rest-api';
import { Authorizer, AuthorizerSpec } from './authorizer';
import { checkLambdaAuthorizerProps, LambdaAuthorizerProps, lambdaAuthorizerSpec } from './lambda';

/** Properties of a TOKEN authorizer. */
export interface TokenAuthorizerProps extends LambdaAuthorizerProps {
  /**
   * The one request header that carries the token, `method.request.header.{name}`.
   * @default 'method.request.header.Authorization'
   */
  readonly identitySource?: string;

  /**
   * A Java regular expression the token must match; API Gateway refuses a token that does not
   * match without invoking the function.
   * @default - every token goes to the function
   */
  readonly validationRegex?: string;
}

/**
 * A Lambda authorizer of type TOKEN: API Gateway passes the function one header, the bearer
 * token, and caches the answer by the token's value.
 *
 * @example
 * const auth = new TokenAuthorizer(this, 'TokenAuth', { restApi: api, functionArn: fn.arn });
 * api.root.addResource('pets').addMethod('GET', backend, { authorizer: auth });
 */
export class TokenAuthorizer extends Authorizer {
  public readonly authorizationType: AuthorizationType = AuthorizationType.CUSTOM;

  /** The header the token is read from. */
  public readonly identitySource: string;

  private readonly props: TokenAuthorizerProps;

  constructor(scope: Construct, id: string, props: TokenAuthorizerProps) {
    super(scope, id, props);
    const rollback = new Rollback(this);
    try {
      checkLambdaAuthorizerProps(this, props);
      checkKinds(this, props, { identitySource: 'string', validationRegex: 'string' });
      checkPattern(this, 'identitySource', props.identitySource, REST_HEADER_SOURCE,
        'a TOKEN authorizer reads exactly one header: method.request.header.{name}, such as method.request.header.Authorization');
      checkValidationRegex(this, 'validationRegex', props.validationRegex);
      this.props = props;
      this.identitySource = props.identitySource ?? 'method.request.header.Authorization';
      if (props.restApi) this._bind(props.restApi, `${this.node.path}`);
    } catch (e) {
      throw rollback.undo(e, props.restApi?._members);
    }
  }

  /** @internal */
  protected _spec(_api: RestApi): AuthorizerSpec {
    return lambdaAuthorizerSpec(this, this.props, 'TOKEN', this.identitySource, this.props.validationRegex);
  }
}
