import { Construct } from 'constructs';
import { brand, hasBrand } from '../core/protocol';
import { pathOf, ValidationError } from '../core/validation';
import type { CorsOptions } from './cors';
import type { IntegrationBackend } from './integration';
import type { MethodOptions } from './method';
import { ResourceBase, ResourceOptions } from './resource';
import type { RestApi } from './rest-api';

/** Properties of the root resource of an API. */
export interface RootResourceProps extends ResourceOptions {
  /** The API whose root this is. */
  readonly api: RestApi;
}

/**
 * The root `/` of a REST API, made by the API itself (`api.root`). It has no Terraform resource
 * of its own: API Gateway creates it with the API, as `root_resource_id`.
 */
export class RootResource extends ResourceBase {
  /** Whether `x` is the root resource of an API, also across two copies of the package. */
  public static isRootResource(x: unknown): x is RootResource {
    return hasBrand(x, 'RootResource');
  }

  public readonly api: RestApi;
  public readonly parentResource?: ResourceBase = undefined;
  public readonly pathPart: string = '';
  public readonly path: string = '/';
  public readonly resourceId: string;
  public readonly defaultIntegration?: IntegrationBackend;
  public readonly defaultMethodOptions?: MethodOptions;
  public readonly defaultCorsPreflightOptions?: CorsOptions;

  constructor(scope: Construct, id: string, props: RootResourceProps) {
    super(scope, id);
    brand(this, 'RootResource');
    if (props.api.root !== undefined) {
      scope.node.tryRemoveChild(id);
      throw new ValidationError(`${pathOf(scope)}/${id}`, `the REST API ${pathOf(props.api)} has its root resource already: use api.root`);
    }
    this.api = props.api;
    this.resourceId = props.api.rootResourceId;
    this.defaultIntegration = props.defaultIntegration;
    this.defaultMethodOptions = props.defaultMethodOptions;
    this.defaultCorsPreflightOptions = props.defaultCorsPreflightOptions;
    if (this.defaultCorsPreflightOptions) {
      this.addCorsPreflight(this.defaultCorsPreflightOptions);
    }
  }

  /** The root is created with its API and cannot be imported on its own: import the `RestApi`. */
  public importFrom(id: string): void {
    throw new ValidationError(pathOf(this), `cannot import ${JSON.stringify(id)}: the root resource is part of the REST API; import the RestApi instead`);
  }
}
