import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { deployedResource } from '../../core/protocol';
import type { RestAdoption, RestMember } from '../adoption';
import type { OpenApiDocument } from './export';

/** How a REST API becomes Terraform resources. */
export enum RestApiSynthesis {
  /**
   * One Terraform resource per construct: `aws_api_gateway_resource`, `_method`,
   * `_method_response`, `_integration`, `_integration_response`. Each can be imported, watched
   * and changed on its own.
   */
  RESOURCES = 'RESOURCES',

  /**
   * The whole API as one OpenAPI document in `aws_api_gateway_rest_api.body`
   * (`put_rest_api_mode = "overwrite"`), one deployment and the stages: a constant handful of
   * Terraform resources for any number of routes. The constructs of the chain validate as in
   * `RESOURCES` but have no Terraform resource of their own (`node.defaultChild` is undefined).
   */
  OPENAPI_BODY = 'OPENAPI_BODY',
}

/** What the chain's constructs ask of their API to decide whether they keep their resource. */
export interface SynthesisMode {
  readonly synthesis: RestApiSynthesis;
}

/** What a construct of the chain registers besides its resource. */
export interface ChainMemberParts {
  /** Whether the deployment must be created after the resource. @default true */
  readonly precedes?: boolean;
  readonly deployProblems?: () => string[];
  readonly adopt?: (adoption: RestAdoption) => void;
  readonly openApi?: (document: OpenApiDocument) => void;
}

/**
 * The member of a construct of the chain (resource, method, response, integration). With
 * `RESOURCES` its Terraform resource is its `node.defaultChild`, hashed and followed by the
 * deployment and imported by `importExisting`. With `OPENAPI_BODY` the resource is taken out of
 * the tree before synthesis (it stays in memory, so the construct's own wiring is unchanged):
 * the construct adds its part to the API's document and nothing else.
 */
export function chainMember(construct: IConstruct, api: SynthesisMode, resource: TerraformResource, parts: ChainMemberParts): RestMember {
  if (api.synthesis === RestApiSynthesis.OPENAPI_BODY) {
    construct.node.tryRemoveChild(resource.node.id);
    return { construct, hashed: () => [], mustPrecede: () => [], deployProblems: parts.deployProblems, openApi: parts.openApi };
  }
  construct.node.defaultChild = resource;
  return { ...deployedResource<RestAdoption>(construct, resource, parts), openApi: parts.openApi };
}
