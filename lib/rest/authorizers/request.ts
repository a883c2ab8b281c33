import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { checkIdentitySources, REST_IDENTITY_SOURCE, REST_IDENTITY_SOURCE_TEXT } from '../../core/identity-source';
import { Rollback } from '../../core/protocol';
import { checkKinds, invalid, unresolved } from '../../core/validation';
import { AuthorizationType } from '../method';
import type { RestApi } from '../rest-api';
import { Authorizer, AuthorizerSpec } from './authorizer';
import { checkLambdaAuthorizerProps, LambdaAuthorizerProps, lambdaAuthorizerSpec } from './lambda';

/** Properties of a REQUEST authorizer. */
export interface RequestAuthorizerProps extends LambdaAuthorizerProps {
  /**
   * Where the caller's identity is read: `method.request.header.{name}`,
   * `method.request.querystring.{name}`, `method.request.multivalueheader.{name}`,
   * `method.request.multivaluequerystring.{name}`, `stageVariables.{name}`, `context.{name}`.
   * They are the key of the cache, and a request missing one is refused without invoking the
   * function. At least one is needed: the AWS provider writes `method.request.header.Authorization`
   * when none is given.
   * @default - none, which is refused: give at least one
   */
  readonly identitySources?: string[];
}

/**
 * A Lambda authorizer of type REQUEST: API Gateway passes the function the request's headers,
 * query string, stage variables and context, and caches the answer by the identity sources.
 *
 * @example
 * const auth = new RequestAuthorizer(this, 'RequestAuth', {
 *   restApi: api, functionArn: fn.arn,
 *   identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key'],
 * });
 */
export class RequestAuthorizer extends Authorizer {
  public readonly authorizationType: AuthorizationType = AuthorizationType.CUSTOM;

  /** Where the caller's identity is read. */
  public readonly identitySources: string[];

  private readonly props: RequestAuthorizerProps;

  constructor(scope: Construct, id: string, props: RequestAuthorizerProps) {
    super(scope, id, props);
    const rollback = new Rollback(this);
    try {
      checkLambdaAuthorizerProps(this, props);
      checkKinds(this, props, { identitySources: 'string[]' });
      checkIdentitySources(this, 'identitySources', props.identitySources, REST_IDENTITY_SOURCE, REST_IDENTITY_SOURCE_TEXT);
      const ttl = props.resultsCacheTtl ?? 300;
      const sources = props.identitySources ?? [];
      if (!unresolved(sources) && sources.length === 0) {
        // The AWS provider fills an empty identity_source with method.request.header.Authorization:
        // an authorizer without sources would silently require that header.
        throw invalid(this, 'identitySources', props.identitySources, (unresolved(ttl) || ttl > 0)
          ? `a REQUEST authorizer that caches its answers (resultsCacheTtl ${unresolved(ttl) ? 'given as a token' : ttl}) needs at least one identity source, ` +
            'the key of the cache; add one (method.request.header.{name}, ...)'
          : 'at least one identity source (method.request.header.{name}, ...): the AWS provider writes method.request.header.Authorization ' +
            'when none is given, so a REQUEST authorizer without identity sources would require that header');
      }
      this.props = props;
      this.identitySources = sources;
      if (props.restApi) this._bind(props.restApi, `${this.node.path}`);
    } catch (e) {
      throw rollback.undo(e, props.restApi?._members);
    }
  }

  /** @internal */
  protected _spec(_api: RestApi): AuthorizerSpec {
    const sources = this.identitySources;
    const identitySource = unresolved(sources) ? Fn.join(',', sources) : sources.join(',');
    return lambdaAuthorizerSpec(this, this.props, 'REQUEST', identitySource);
  }
}
