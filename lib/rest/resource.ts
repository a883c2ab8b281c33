import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { Construct } from 'constructs';
import { markStructural } from '../redeployment';
import { invalid, normalizeHttpMethod, pathOf, unresolved, ValidationError } from '../validation';
import { CorsOptions, addCorsPreflight } from './cors';
import { IntegrationBackend } from './integration';
import { Method, MethodOptions } from './method';
import type { RestApi } from './rest-api';

/** Options of a resource, inherited by its children. */
export interface ResourceOptions {
  /**
   * Integration used by methods of this resource and its children that are added without one.
   * @default - inherited from the parent resource; none at the root
   */
  readonly defaultIntegration?: IntegrationBackend;

  /**
   * Method options used by methods of this resource and its children; options given to
   * `addMethod()` override them field by field.
   * @default - inherited from the parent resource; none at the root
   */
  readonly defaultMethodOptions?: MethodOptions;

  /**
   * Adds a CORS preflight `OPTIONS` method to this resource and each of its children.
   * @default - inherited from the parent resource; no preflight at the root
   */
  readonly defaultCorsPreflightOptions?: CorsOptions;
}

/** Properties of a resource created with `new Resource()`. */
export interface ResourceProps extends ResourceOptions {
  /** Parent resource (`api.root` for a top-level path). */
  readonly parent: Resource;

  /** Last segment of the path: `pets`, `{id}` or `{proxy+}`. */
  readonly pathPart: string;
}

/** Options of `addProxy()`. */
export interface ProxyOptions extends ResourceOptions {
  /**
   * Adds an `ANY` method to the `{proxy+}` resource, with the default integration.
   * @default true
   */
  readonly anyMethod?: boolean;
}

const PATH_PART = /^([A-Za-z0-9._:$-]+|\{[A-Za-z0-9._:$-]+\+?\})$/;
const PATH_PART_TEXT = 'a path part is letters, digits and . _ : $ -, or a variable {name}, or a greedy variable {name+}';

let rootFor: RestApi | undefined;

/** Creates the root resource of an API (it has no Terraform resource of its own). @internal */
export function createRootResource(api: RestApi): Resource {
  rootFor = api;
  try {
    return new Resource(api, 'Default', { parent: undefined as unknown as Resource, pathPart: '' });
  } finally {
    rootFor = undefined;
  }
}

/**
 * A path of a REST API (`aws_api_gateway_resource`), or its root `/`.
 *
 * Children are created with `addResource()` or `resourceForPath()`, methods with `addMethod()`.
 */
export class Resource extends Construct {
  /** The API this resource belongs to. */
  public readonly api: RestApi;

  /** The parent resource; undefined for the root. */
  public readonly parentResource?: Resource;

  /** Last segment of the path; empty for the root. */
  public readonly pathPart: string;

  /** Full path: `/` for the root, `/a/b/c` below it. */
  public readonly path: string;

  /** ID of the resource in API Gateway. */
  public readonly resourceId: string;

  /** Integration inherited by methods added without one. */
  public readonly defaultIntegration?: IntegrationBackend;

  /** Method options inherited by methods of this resource. */
  public readonly defaultMethodOptions?: MethodOptions;

  /** CORS preflight options inherited by child resources. */
  public readonly defaultCorsPreflightOptions?: CorsOptions;

  private readonly resource?: ApiGatewayResource;
  private readonly children = new Map<string, Resource>();
  private readonly _methods = new Map<string, Method>();

  constructor(scope: Construct, id: string, props: ResourceProps) {
    super(scope, id);
    if (rootFor) {
      this.api = rootFor;
      this.pathPart = '';
      this.path = '/';
      this.resourceId = rootFor.rootResourceId;
      return;
    }
    const parent = props.parent;
    if (!(parent instanceof Resource)) {
      throw invalid(this, 'parent', parent, 'a Resource of a RestApi, such as api.root');
    }
    this.api = parent.api;
    this.parentResource = parent;
    this.pathPart = props.pathPart;
    parent._checkChild(props.pathPart);
    parent._adopt(this, props.pathPart);
    this.path = parent.path === '/' ? `/${props.pathPart}` : `${parent.path}/${props.pathPart}`;
    this.defaultIntegration = props.defaultIntegration ?? parent.defaultIntegration;
    this.defaultMethodOptions = mergeMethodOptions(parent.defaultMethodOptions, props.defaultMethodOptions);
    this.defaultCorsPreflightOptions = props.defaultCorsPreflightOptions ?? parent.defaultCorsPreflightOptions;

    this.resource = new ApiGatewayResource(this, 'Resource', {
      restApiId: this.api.restApiId,
      parentId: parent.resourceId,
      pathPart: props.pathPart,
    });
    this.node.defaultChild = this.resource;
    this.resourceId = this.resource.id;
    markStructural(this.resource, 'rest_api_id', 'parent_id');

    if (this.defaultCorsPreflightOptions) {
      this.addCorsPreflight(this.defaultCorsPreflightOptions);
    }
  }

  /** Methods of this resource, in the order they were added. */
  public get methods(): Method[] {
    return [...this._methods.values()];
  }

  /** Child resources, in the order they were added. */
  public get childResources(): Resource[] {
    return [...this.children.values()];
  }

  /**
   * Adds a child resource.
   *
   * @param pathPart `pets`, a variable `{id}`, or a greedy variable `{proxy+}`
   */
  public addResource(pathPart: string, options: ResourceOptions = {}): Resource {
    this._checkChild(pathPart);
    return new Resource(this, pathPart, { ...options, parent: this, pathPart });
  }

  /** The child resource with this path part, if there is one. */
  public getResource(pathPart: string): Resource | undefined {
    return this.children.get(pathPart);
  }

  /**
   * The resource at a path below this one (`a/b/c`), creating the missing segments and
   * reusing the ones that exist.
   */
  public resourceForPath(path: string): Resource {
    if (unresolved(path)) {
      throw invalid(this, 'resourceForPath path', path, 'the path must be known at synth time; use addResource() for a token path part');
    }
    let current: Resource = this;
    for (const part of path.split('/').filter((p) => p !== '')) {
      current = current.getResource(part) ?? current.addResource(part);
    }
    return current;
  }

  /**
   * Adds a greedy `{proxy+}` child that catches every path below this one, with an `ANY`
   * method unless `anyMethod` is false.
   */
  public addProxy(options: ProxyOptions = {}): Resource {
    const { anyMethod, ...resourceOptions } = options;
    const proxy = this.addResource('{proxy+}', resourceOptions);
    if (anyMethod ?? true) {
      proxy.addMethod('ANY');
    }
    return proxy;
  }

  /**
   * Adds a method.
   *
   * @param httpMethod GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH or ANY
   * @param integration the backend; defaults to the resource's `defaultIntegration`
   * @param options method settings, merged over the resource's `defaultMethodOptions`
   */
  public addMethod(httpMethod: string, integration?: IntegrationBackend, options?: MethodOptions): Method {
    // Checked before the construct exists: the HTTP method is its construct ID.
    const id = normalizeHttpMethod(`${pathOf(this)}/${httpMethod}`, 'httpMethod', httpMethod);
    if (this._methods.has(id)) throw duplicateMethod(`${pathOf(this)}/${id}`, this.path, id);
    return new Method(this, id, {
      resource: this,
      httpMethod,
      integration: integration ?? this.defaultIntegration,
      options: mergeMethodOptions(this.defaultMethodOptions, options),
    });
  }

  /** The method of this resource with this HTTP method, if there is one. */
  public getMethod(httpMethod: string): Method | undefined {
    return this._methods.get(httpMethod.toUpperCase());
  }

  /**
   * Adds an `OPTIONS` method that answers CORS preflight requests with a mock integration.
   */
  public addCorsPreflight(options: CorsOptions): Method {
    return addCorsPreflight(this, options);
  }

  /** Adopts an existing resource (`REST-API-ID/RESOURCE-ID`). */
  public importFrom(id: string): void {
    if (!this.resource) {
      throw new ValidationError(pathOf(this), 'the root resource is part of the REST API; import the RestApi instead');
    }
    this.resource.importFrom(id);
  }

  /** Rejects an invalid or duplicate path part before the child is created. @internal */
  public _checkChild(pathPart: string): void {
    if (unresolved(pathPart)) return;
    const where = `${pathOf(this)}/${pathPart}`;
    if (typeof pathPart !== 'string' || !PATH_PART.test(pathPart)) {
      throw invalid(where, 'pathPart', pathPart, PATH_PART_TEXT);
    }
    if (this.pathPart.endsWith('+}')) {
      throw invalid(where, 'pathPart', pathPart, `"${this.path}" is a greedy path variable and cannot have child resources`);
    }
    if (this.children.has(pathPart)) {
      throw invalid(where, 'pathPart', pathPart,
        `"${this.path}" already has a child "${pathPart}"; use getResource() or resourceForPath() to reuse it`);
    }
    if (pathPart.startsWith('{')) {
      const other = [...this.children.keys()].find((p) => p.startsWith('{'));
      if (other) {
        throw invalid(where, 'pathPart', pathPart,
          `"${this.path}" already has the variable child "${other}"; API Gateway allows one variable path part among siblings`);
      }
    }
  }

  /** Registers a child. @internal */
  public _adopt(child: Resource, pathPart: string): void {
    this.children.set(pathPart, child);
  }

  /** Registers a method and rejects a second one with the same HTTP method. @internal */
  public _attachMethod(method: Method): void {
    if (this._methods.has(method.httpMethod)) throw duplicateMethod(pathOf(method), this.path, method.httpMethod);
    this._methods.set(method.httpMethod, method);
  }
}

function mergeMethodOptions(base?: MethodOptions, over?: MethodOptions): MethodOptions | undefined {
  if (!base) return over;
  if (!over) return base;
  const merged: { [key: string]: unknown } = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as MethodOptions;
}

function duplicateMethod(where: string, path: string, httpMethod: string): ValidationError {
  return invalid(where, 'httpMethod', httpMethod, `"${path}" already has a ${httpMethod} method; use getMethod('${httpMethod}') to reach it`);
}
