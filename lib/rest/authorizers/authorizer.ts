import type { ApiGatewayAuthorizer, ApiGatewayAuthorizerConfig } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { Construct } from 'constructs';
import { literal } from '../../core/escape';
import { nameFromPath } from '../../core/ids';
import { allowApiGatewayInvoke } from '../../core/lambda-target';
import { brand, freeId, hasBrand } from '../../core/protocol';
import { markStructural } from '../../core/redeployment';
import { checkKinds, checkNonEmpty, checkStruct, invalid, pathOf, unresolved, ValidationError } from '../../core/validation';
import { ImportId } from '../import-id';
import { AuthorizationType } from '../method';
import { authorizerScheme } from '../openapi/parts';
import { RestApiSynthesis } from '../openapi/synthesis';
import type { RestApi } from '../rest-api';
import { providerAws } from '../../core/provider';

/**
 * An authorizer a method can name in `MethodOptions.authorizer`: one of this library's
 * authorizers, or an authorizer made elsewhere, given by its ID.
 */
export interface IAuthorizer {
  /** ID of the authorizer in API Gateway. */
  readonly authorizerId: string;

  /** The authorization of the methods it protects: `CUSTOM` (Lambda) or `COGNITO` (Cognito user pools). */
  readonly authorizationType: AuthorizationType;
}

/** What every authorizer of a REST API takes. */
export interface AuthorizerProps {
  /**
   * The REST API of the authorizer. Without it, the authorizer joins the API of the first
   * method that uses it (so it can be passed to `RestApiProps.defaultMethodOptions`), and
   * synthesis fails if no method uses it.
   * @default - the API of the first method that uses it
   */
  readonly restApi?: RestApi;

  /**
   * Name of the authorizer, unique within its API.
   * @default - derived from the construct path below the stack, such as `Auth-Token`
   */
  readonly name?: string;
}

/** What a concrete authorizer gives its base class to create its Terraform resource. @internal */
export interface AuthorizerSpec {
  /** The configuration of the `aws_api_gateway_authorizer` besides the API and the name. */
  readonly config: Omit<ApiGatewayAuthorizerConfig, 'restApiId' | 'name'>;
  /** The Lambda function to permit, when API Gateway invokes it with its own identity. */
  readonly permitFunctionArn?: string;
}

interface Binding {
  readonly api: RestApi;
  readonly resource: ApiGatewayAuthorizer;
}

/**
 * What the authorizers of a REST API share (`aws_api_gateway_authorizer`): the name, the API
 * they belong to, the Lambda permission scoped to the authorizer, the deployment and the import.
 *
 * The authorizer's Terraform resource is created once it belongs to an API (at construction
 * with `restApi`, else when a method first uses it); methods reference its `id`, so Terraform
 * creates it before them, and the API's deployment hashes it: changing an authorizer redeploys.
 */
export abstract class Authorizer extends Construct implements IAuthorizer {
  /** Whether `x` is an authorizer of this library, also across two copies of the package. */
  public static isAuthorizer(x: unknown): x is Authorizer {
    return hasBrand(x, 'Authorizer');
  }

  /** The authorization of the methods it protects. */
  public abstract readonly authorizationType: AuthorizationType;

  /** Name of the authorizer. */
  public readonly authorizerName: string;

  private binding?: Binding;

  constructor(scope: Construct, id: string, props: AuthorizerProps) {
    super(scope, freeId(scope, id));
    brand(this, 'Authorizer');
    try {
      checkStruct(this, 'props', props, 'the authorizer\'s props, such as { restApi, functionArn }');
      checkKinds(this, props, { name: 'string', restApi: 'object' });
      if (props.name !== undefined) checkNonEmpty(this, 'name', props.name, 'an authorizer name');
      if (props.restApi !== undefined && !hasBrand(props.restApi, 'RestApi')) {
        throw invalid(this, 'restApi', pathOf(props.restApi as unknown as Construct), 'the RestApi of the authorizer');
      }
    } catch (e) {
      scope.node.tryRemoveChild(id);
      throw e;
    }
    this.authorizerName = props.name ?? nameFromPath(this);
    this.node.addValidation({
      validate: () => (this.binding ? [] : [`${pathOf(this)}: the authorizer belongs to no REST API: pass restApi, or use it in a method (MethodOptions.authorizer)`]),
    });
  }

  /** The REST API of the authorizer, once it has one. */
  public get restApi(): RestApi | undefined {
    return this.binding?.api;
  }

  /** ID of the authorizer (a reference to its Terraform resource). */
  public get authorizerId(): string {
    return this.bound().resource.id;
  }

  /** Adopts an existing authorizer (`REST-API-ID/AUTHORIZER-ID`). */
  public importFrom(id: string): void {
    this.bound().resource.importFrom(id);
  }

  /** The configuration of the Terraform resource, asked once the API is known. @internal */
  protected abstract _spec(api: RestApi): AuthorizerSpec;

  /**
   * Ties the authorizer to `api` (a second API is refused, naming `where`); returns the undo
   * step, which unties it if this call tied it. @internal
   */
  public _bind(api: RestApi, where: string): () => void {
    if (this.binding) {
      if (this.binding.api !== api) {
        throw invalid(where, 'authorizer', pathOf(this),
          `the authorizer belongs to the REST API ${pathOf(this.binding.api)}, not ${pathOf(api)}; a method can only use an authorizer of its own API`);
      }
      return () => undefined;
    }
    const name = this.authorizerName;
    if (!unresolved(name)) {
      const other = api._members.all().map((m) => m.construct)
        .find((c): c is Authorizer => Authorizer.isAuthorizer(c) && c !== this && c.authorizerName === name);
      if (other) {
        throw invalid(pathOf(this), 'name', name,
          `the REST API ${pathOf(api)} has the authorizer ${pathOf(other)} with this name already; authorizer names are unique within an API`);
      }
    }
    const spec = this._spec(api);
    const resource = new providerAws.ApiGatewayAuthorizer(this, 'Resource', literal({ restApiId: api.restApiId, name, ...spec.config }));
    markStructural(resource, 'rest_api_id');
    // In an OpenAPI body the authorizer is a security scheme of the document, which API Gateway creates.
    const body = api.synthesis === RestApiSynthesis.OPENAPI_BODY;
    if (body) this.node.tryRemoveChild('Resource');
    else this.node.defaultChild = resource;
    if (spec.permitFunctionArn !== undefined) {
      // Only this authorizer of this API may invoke the function (any authorizer of the API in a body, whose IDs are not known).
      allowApiGatewayInvoke(this, 'LambdaPermission', spec.permitFunctionArn, `${api.executionArn}/authorizers/${body ? '*' : resource.id}`);
    }
    this.binding = { api, resource };
    api._members.register({
      construct: this,
      hashed: () => (body ? [] : [resource]),
      mustPrecede: () => (body ? [] : [resource]),
      adopt: body ? undefined : (adoption) => resource.importFrom(ImportId.authorizer(adoption.restApiId, adoption.authorizerIdOf(this))),
      openApi: (document) => document.addAuthorizer(this, name, authorizerScheme(spec.config)),
    });
    return () => {
      api._members.forget(this);
      this.node.tryRemoveChild('LambdaPermission');
      this.node.tryRemoveChild('Resource');
      this.node.defaultChild = undefined;
      this.binding = undefined;
    };
  }

  private bound(): Binding {
    if (!this.binding) {
      throw new ValidationError(pathOf(this),
        'the authorizer belongs to no REST API yet: pass restApi to its constructor, or use it in a method (MethodOptions.authorizer) first');
    }
    return this.binding;
  }
}
