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
   * function. With caching on (`resultsCacheTtl` above 0, the default) at least one is needed.
   * @default - none (then `resultsCacheTtl` must be 0)
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
      if (!unresolved(sources) && sources.length === 0 && (unresolved(ttl) || ttl > 0)) {
        throw invalid(this, 'identitySources', props.identitySources,
          `a REQUEST authorizer that caches its answers (resultsCacheTtl ${unresolved(ttl) ? 'given as a token' : ttl}) needs at least one identity source, ` +
          'the key of the cache; add one (method.request.header.{name}, ...) or set resultsCacheTtl to 0');
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
    const identitySource = unresolved(sources) ? Fn.join(',', sources) : sources.length ? sources.join(',') : undefined;
    return lambdaAuthorizerSpec(this, this.props, 'REQUEST', identitySource);
  }
}
