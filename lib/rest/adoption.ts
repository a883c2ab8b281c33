import type { ApiMember, ApiMembers } from '../core/protocol';
import type { RequestValidator } from './request-validator';
import type { Authorizer } from './authorizers/authorizer';
import type { ResourceBase } from './resource';

/** What `RestApi.importExisting()` tells each construct of the API so it can compute its import ID. */
export interface RestAdoption {
  /** ID of the existing REST API. */
  readonly restApiId: string;
  /** ID of the existing API Gateway resource at the path of `resource` (a ValidationError when the map has none). */
  resourceIdOf(resource: ResourceBase): string;
  /** ID of the existing request validator of `validator`'s name (a ValidationError when the map has none). */
  requestValidatorIdOf(validator: RequestValidator): string;
  /** ID of the existing authorizer of this name (a ValidationError when `authorizerIds` has none). */
  authorizerIdOf(authorizer: Authorizer): string;
  /** Names of the stages that already exist. */
  readonly stageNames: ReadonlySet<string>;
}

/** A construct of a REST API, as its deployment and `importExisting` see it. */
export type RestMember = ApiMember<RestAdoption>;

/** The constructs of one REST API. */
export type RestMembers = ApiMembers<RestAdoption>;
