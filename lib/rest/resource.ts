import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { resourceId } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { invalid, normalizeHttpMethod, pathOf, unresolved } from '../core/validation';
import { addCorsPreflight, CorsOptions } from './cors';
import { IntegrationBackend } from './integration';
import { ImportId } from './import-id';
import { AuthorizationType, Method, MethodOptions } from './method';
import type { RestApi } from './rest-api';

/** Options of a resource, inherited by its children. */
export interface ResourceOptions {
  /**
   * Integration used by methods of this resource and its children that are added without one.
   * @default - inherited from the parent resource (the API's `defaultIntegration` at the top)
   */
  readonly defaultIntegration?: IntegrationBackend;

  /**
   * Method options used by methods of this resource and its children; options given to
   * `addMethod()` override them field by field.
   * @default - inherited from the parent resource (the API's `defaultMethodOptions` at the top)
   */
  readonly defaultMethodOptions?: MethodOptions;

  /**
   * Adds a CORS preflight `OPTIONS` method to this resource and each of its children.
   * @default - inherited from the parent resource (the API's `defaultCorsPreflightOptions` at the top)
   */
  readonly defaultCorsPreflightOptions?: CorsOptions;
}

/** Properties of a resource created with `new Resource()`. */
export interface ResourceProps extends ResourceOptions {
  /** Parent resource (`api.root` for a top-level path). */
  readonly parent: ResourceBase;

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

const PATH_PART = /^([A-Za-z0-9._:-]+|\{[A-Za-z0-9._:-]+\+?\})$/;
const PATH_PART_TEXT = 'a path part is letters, digits and . _ : -, or a variable {name}, or a greedy variable {name+}';

/**
 * What the root resource and the resources below it share: children, methods, CORS and the
 * defaults they hand down.
 */
export abstract class ResourceBase extends Construct {
  /** Whether `x` is a resource of this library (root or not), also across two copies of the package. */
  public static isResourceBase(x: unknown): x is ResourceBase {
    return hasBrand(x, 'ResourceBase');
  }

  /** The API this resource belongs to. */
  public abstract readonly api: RestApi;

  /** The parent resource; undefined for the root. */
  public abstract readonly parentResource?: ResourceBase;

  /** Last segment of the path; empty for the root. */
  public abstract readonly pathPart: string;

  /** Full path: `/` for the root, `/a/b/c` below it. */
  public abstract readonly path: string;

  /** ID of the resource in API Gateway. */
  public abstract readonly resourceId: string;

  /** Integration inherited by methods added without one. */
  public abstract readonly defaultIntegration?: IntegrationBackend;

  /** Method options inherited by methods of this resource. */
  public abstract readonly defaultMethodOptions?: MethodOptions;

  /** CORS preflight options inherited by child resources. */
  public abstract readonly defaultCorsPreflightOptions?: CorsOptions;

  private readonly children = new Map<string, Resource>();
  private readonly _methods = new Map<string, Method>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    brand(this, 'ResourceBase');
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
    if (unresolved(pathPart)) {
      throw invalid(`${pathOf(this)}/<token>`, 'pathPart', pathPart,
        'a path part given as a token needs a construct ID of your choosing, or its Terraform address would follow cdktf\'s token numbering: ' +
        "new Resource(scope, 'Items', { parent, pathPart })");
    }
    this._checkChild(pathPart);
    return new Resource(this, resourceId(pathPart), { ...options, parent: this, pathPart });
  }

  /** The child resource with this path part, if there is one. */
  public getResource(pathPart: string): Resource | undefined {
    return this.children.get(pathPart);
  }

  /**
   * The resource at a path below this one (`a/b/c`), creating the missing segments and
   * reusing the ones that exist.
   */
  public resourceForPath(path: string): ResourceBase {
    if (typeof path !== 'string' || unresolved(path)) {
      throw invalid(this, 'resourceForPath path', path, 'a path such as "pets/{id}", known at synth time; use new Resource() for a token path part');
    }
    return path.split('/').filter((p) => p !== '')
      .reduce<ResourceBase>((current, part) => current.getResource(part) ?? current.addResource(part), this);
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
    if (unresolved(httpMethod)) {
      throw invalid(`${pathOf(this)}/<token>`, 'httpMethod', httpMethod,
        'an HTTP method given as a token needs a construct ID of your choosing, or its Terraform address would follow cdktf\'s token numbering: ' +
        "new Method(scope, 'Get', { resource, httpMethod, integration, options })");
    }
    // Checked before the construct exists: the HTTP method is its construct ID.
    const id = normalizeHttpMethod(`${pathOf(this)}/${httpMethod}`, 'httpMethod', httpMethod);
    this._checkMethod(`${pathOf(this)}/${id}`, id);
    return new Method(this, id, { resource: this, httpMethod, integration, options });
  }

  /** The method of this resource with this HTTP method, if there is one. */
  public getMethod(httpMethod: string): Method | undefined {
    return typeof httpMethod === 'string' ? this._methods.get(httpMethod.toUpperCase()) : undefined;
  }

  /**
   * Adds an `OPTIONS` method that answers CORS preflight requests with a mock integration.
   * The preflight is open whatever the resource's `defaultMethodOptions` say: browsers send
   * no credentials, API key or body with it.
   */
  public addCorsPreflight(options: CorsOptions): Method {
    return addCorsPreflight(this, options);
  }

  /** Rejects an invalid or duplicate path part before the child is created. @internal */
  public _checkChild(pathPart: string, where: string = `${pathOf(this)}/${pathPart}`): void {
    if (unresolved(pathPart)) return;
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

  /** Registers a child; returns the undo step. @internal */
  public _attachChild(child: Resource): () => void {
    this.children.set(child.pathPart, child);
    return () => this.children.delete(child.pathPart);
  }

  /** Rejects a second method with the same HTTP method. @internal */
  public _checkMethod(where: string, httpMethod: string): void {
    if (this._methods.has(httpMethod)) {
      throw invalid(where, 'httpMethod', httpMethod, `"${this.path}" already has a ${httpMethod} method; use getMethod('${httpMethod}') to reach it`);
    }
  }

  /** Registers a method; returns the undo step. @internal */
  public _attachMethod(method: Method): () => void {
    this._checkMethod(pathOf(method), method.httpMethod);
    this._methods.set(method.httpMethod, method);
    return () => this._methods.delete(method.httpMethod);
  }
}

/**
 * A path of a REST API below the root (`aws_api_gateway_resource`).
 *
 * `new Resource(scope, id, { parent, pathPart })` does what `parent.addResource(pathPart)`
 * does, under the construct ID you choose.
 */
export class Resource extends ResourceBase {
  /** Whether `x` is a `Resource` below the root, also across two copies of the package. */
  public static isResource(x: unknown): x is Resource {
    return hasBrand(x, 'Resource');
  }

  public readonly api: RestApi;
  public readonly parentResource?: ResourceBase;
  public readonly pathPart: string;
  public readonly path: string;
  public readonly resourceId: string;
  public readonly defaultIntegration?: IntegrationBackend;
  public readonly defaultMethodOptions?: MethodOptions;
  public readonly defaultCorsPreflightOptions?: CorsOptions;

  private readonly resource: ApiGatewayResource;

  constructor(scope: Construct, id: string, props: ResourceProps) {
    super(scope, freeId(scope, id, (where) => {
      if (ResourceBase.isResourceBase(props?.parent)) props.parent._checkChild(props.pathPart, where);
    }));
    brand(this, 'Resource');
    const parent = props?.parent;
    if (!ResourceBase.isResourceBase(parent)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'parent', parent, 'a resource of a RestApi, such as api.root');
    }
    this.api = parent.api;
    this.parentResource = parent;
    this.pathPart = props.pathPart;
    this.path = parent.path === '/' ? `/${props.pathPart}` : `${parent.path}/${props.pathPart}`;
    this.defaultIntegration = props.defaultIntegration ?? parent.defaultIntegration;
    this.defaultMethodOptions = mergeMethodOptions(parent.defaultMethodOptions, props.defaultMethodOptions);
    this.defaultCorsPreflightOptions = props.defaultCorsPreflightOptions ?? parent.defaultCorsPreflightOptions;
    const rollback = new Rollback(this);
    try {
      parent._checkChild(props.pathPart, pathOf(this));
      this.resource = new ApiGatewayResource(this, 'Resource', literal({
        restApiId: this.api.restApiId,
        parentId: parent.resourceId,
        pathPart: props.pathPart,
      }));
      this.node.defaultChild = this.resource;
      this.resourceId = this.resource.id;
      markStructural(this.resource, 'rest_api_id', 'parent_id');
      rollback.add(parent._attachChild(this));
      const l1 = this.resource;
      this.api._members.register({
        construct: this,
        hashed: () => [l1],
        // Methods reference their resource: the deployment follows them, not it.
        mustPrecede: () => [],
        adopt: (adoption) => l1.importFrom(ImportId.resource(adoption.restApiId, adoption.resourceIdOf(this))),
      });
      if (this.defaultCorsPreflightOptions) {
        this.addCorsPreflight(this.defaultCorsPreflightOptions);
      }
    } catch (e) {
      throw rollback.undo(e, this.api._members);
    }
  }

  /** Adopts an existing resource (`REST-API-ID/RESOURCE-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

/** Options merged field by field, the later over the earlier. @internal */
export function mergeMethodOptions(base?: MethodOptions, over?: MethodOptions): MethodOptions | undefined {
  if (!base) return over;
  if (!over) return base;
  const merged: { [key: string]: unknown } = { ...base };
  // A method that chooses its own authorization (directly or by its authorizer) takes no
  // authorizer or scopes it did not ask for.
  const baseAuthorization = authorizationOf(base);
  const overAuthorization = authorizationOf(over);
  if (overAuthorization !== undefined && overAuthorization !== baseAuthorization) {
    delete merged.authorizerId;
    delete merged.authorizer;
    delete merged.authorization;
    delete merged.authorizationScopes;
  }
  // A method that chooses its own request validator takes none of the defaults' other ways to name one.
  const validatorKeys = ['requestValidator', 'requestValidatorOptions', 'requestValidatorId'];
  if (validatorKeys.some((k) => (over as { [key: string]: unknown })[k] !== undefined)) {
    for (const k of validatorKeys) delete merged[k];
  }
  // An authorizer named in one form replaces one inherited in the other.
  if (over.authorizer !== undefined) {
    delete merged.authorizerId;
    if (over.authorization === undefined) delete merged.authorization;
  }
  if (over.authorizerId !== undefined && merged.authorizer !== undefined) {
    delete merged.authorizer;
    merged.authorization ??= baseAuthorization;
  }
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as MethodOptions;
}

/** The authorization options give a method: their own, or their authorizer's. */
function authorizationOf(options: MethodOptions): string | undefined {
  if (options.authorization !== undefined) return options.authorization;
  const authorizer = options.authorizer;
  if (authorizer === undefined || typeof authorizer !== 'object' || authorizer === null) return undefined;
  return authorizer.authorizationType ?? AuthorizationType.CUSTOM;
}
