import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Annotations, Aspects, IAspect } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IMPORT_ASPECT, ImportId } from '../import-id';
import {
  checkInteger, checkKeys, checkNonEmpty, checkOneOf, checkTags, invalid, MEDIA_TYPE, pathOf, unresolved, ValidationError,
} from '../validation';
import { Deployment } from './deployment';
import { IntegrationResponse } from './integration-response';
import { Method } from './method';
import { MethodResponse } from './method-response';
import { createRootResource, Resource } from './resource';
import { Stage, StageOptions } from './stage';

/** Where the API's endpoint lives. */
export enum EndpointType {
  /** Edge-optimized: served through CloudFront. */
  EDGE = 'EDGE',
  /** Regional: served in the API's region. */
  REGIONAL = 'REGIONAL',
  /** Private: reachable only from VPC endpoints. */
  PRIVATE = 'PRIVATE',
}

/** Where API Gateway reads the API key of a request. */
export enum ApiKeySourceType {
  /** From the `X-API-Key` header. */
  HEADER = 'HEADER',
  /** From the `usageIdentifierKey` returned by a custom authorizer. */
  AUTHORIZER = 'AUTHORIZER',
}

/** Properties of a REST API. */
export interface RestApiProps {
  /** Name of the REST API. */
  readonly name: string;

  /**
   * Description of the REST API.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Endpoint type of the API. API Gateway takes exactly one.
   * @default - API Gateway's default, EDGE
   */
  readonly endpointTypes?: EndpointType[];

  /**
   * Media types (`image/png`, `*\/*`) that API Gateway treats as binary.
   * @default - none: every payload is text
   */
  readonly binaryMediaTypes?: string[];

  /**
   * Smallest response body, in bytes, that API Gateway compresses (0 to 10485760).
   * @default - compression disabled
   */
  readonly minimumCompressionSize?: number;

  /**
   * Where API keys are read from.
   * @default ApiKeySourceType.HEADER
   */
  readonly apiKeySource?: ApiKeySourceType;

  /**
   * Whether clients cannot call the default `execute-api` endpoint (only custom domains).
   * @default false
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * Resource policy of the API, as a JSON document.
   * @default - no resource policy
   */
  readonly policy?: string;

  /**
   * Tags of the REST API.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** An API that already exists, to be adopted with Terraform `import` blocks. */
export interface ExistingRestApi {
  /** ID of the existing REST API. */
  readonly restApiId: string;

  /**
   * ID of every existing resource by its path, `/` being the root resource:
   * `{ '/': 'abc123root', '/pets': 'def456', '/pets/{id}': 'ghi789' }`.
   */
  readonly resourceIds: { [path: string]: string };

  /**
   * Stages that already exist. A stage of `deploy()` with one of these names is imported
   * (`REST-API-ID/STAGE-NAME`) instead of created.
   * @default - no stage is imported
   */
  readonly stageNames?: string[];
}

/**
 * An API Gateway REST API (`aws_api_gateway_rest_api`), the top of the construct chain
 * RestApi → Resource → Method → MethodResponse / Integration → IntegrationResponse.
 *
 * Every construct below it orders itself: no `depends_on` is written by hand.
 *
 * @example
 * const api = new RestApi(this, 'MyDemoAPI', { name: 'MyDemoAPI' });
 * const get = api.root.addResource('mydemoresource').addMethod('GET', new MockIntegration(), {
 *   authorization: AuthorizationType.NONE,
 * });
 * get.addMethodResponse({ statusCode: '200' });
 * get.addIntegrationResponse({ statusCode: '200' });
 * api.deploy('prod');
 */
export class RestApi extends Construct {
  /** ID of the REST API. */
  public readonly restApiId: string;

  /** ID of the root (`/`) resource. */
  public readonly rootResourceId: string;

  /** Execution ARN, the prefix of the ARNs that Lambda permissions and IAM policies name. */
  public readonly executionArn: string;

  /** The root resource, `/`. */
  public readonly root: Resource;

  /** Name of the REST API. */
  public readonly restApiName: string;

  private readonly resource: ApiGatewayRestApi;
  private _deployment?: Deployment;
  private existing?: ExistingRestApi;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    validateRestApiProps(this, props);

    this.resource = new ApiGatewayRestApi(this, 'Resource', {
      name: props.name,
      description: props.description,
      endpointConfiguration: props.endpointTypes ? { types: [...props.endpointTypes] } : undefined,
      binaryMediaTypes: props.binaryMediaTypes,
      minimumCompressionSize: props.minimumCompressionSize === undefined ? undefined : String(props.minimumCompressionSize),
      apiKeySource: props.apiKeySource,
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
      policy: props.policy,
      tags: props.tags,
    });
    this.node.defaultChild = this.resource;

    this.restApiName = props.name;
    this.restApiId = this.resource.id;
    this.rootResourceId = this.resource.rootResourceId;
    this.executionArn = this.resource.executionArn;
    this.root = createRootResource(this);
  }

  /** The deployment of this API, once `deploy()` has been called. */
  public get deployment(): Deployment | undefined {
    return this._deployment;
  }

  /** Every method of the API, in the order they were added. */
  public get methods(): Method[] {
    return this.node.findAll().filter((c): c is Method => c instanceof Method);
  }

  /**
   * Deploys the API to a stage.
   *
   * The first call creates the API's one `Deployment`; each call adds a stage to it.
   * The deployment redeploys whenever any resource, method, integration or response changes.
   *
   * @param stageName name of the stage, such as `prod`
   * @param options settings of the stage
   */
  public deploy(stageName: string, options: StageOptions = {}): Stage {
    if (!this._deployment) {
      this._deployment = new Deployment(this, 'Deployment', { api: this });
    }
    return this._deployment.addStage(stageName, options);
  }

  /**
   * The URL of a path of the API on its first stage.
   *
   * @param path a path starting with `/`
   * @default path '/'
   */
  public urlForPath(path: string = '/'): string {
    if (!unresolved(path) && !path.startsWith('/')) {
      throw invalid(this, 'path', path, 'a path must start with "/"');
    }
    const stage = this._deployment?.stages[0];
    if (!stage) {
      throw new ValidationError(pathOf(this), 'urlForPath() needs a stage: call api.deploy(stageName) first');
    }
    return `${stage.invokeUrl}${path === '/' ? '' : path}`;
  }

  /** Adopts an existing REST API: `terraform plan` then imports it rather than creating it. */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /**
   * Adopts a REST API that already exists, with every resource, method, method response,
   * integration and integration response of this tree.
   *
   * At synth each construct gets a Terraform `import` block whose ID is derived from the
   * REST API ID, the resource IDs by path, the HTTP methods and the status codes, in the
   * formats of `ImportId`. A path of the tree missing from `resourceIds` is an error; an ID for
   * a path the tree does not have is a warning.
   */
  public importExisting(existing: ExistingRestApi): void {
    if (this.existing) {
      throw new ValidationError(pathOf(this), 'importExisting() was already called for this API');
    }
    checkNonEmpty(this, 'importExisting restApiId', existing.restApiId, 'the ID of the existing REST API');
    if (!existing.resourceIds || unresolved(existing.resourceIds) || existing.resourceIds['/'] === undefined) {
      throw invalid(this, 'importExisting resourceIds', existing.resourceIds,
        "a map from every path of the tree to its resource ID, including the root: { '/': 'root-id', ... }");
    }
    ImportId.restApi(existing.restApiId);
    this.existing = existing;
    Aspects.of(this).add(new ImportExisting(this, existing));
  }
}

/** Gives every construct of an API its import block, once the tree is complete (at synth). */
class ImportExisting implements IAspect {
  public readonly [IMPORT_ASPECT] = true;
  private done = false;

  constructor(private readonly api: RestApi, private readonly existing: ExistingRestApi) {}

  public visit(node: IConstruct): void {
    // Aspects visit every construct of the tree; the work is done once, from the API.
    if (node !== this.api || this.done) return;
    this.done = true;
    const { restApiId, resourceIds } = this.existing;
    const idOf = (resource: Resource): string => {
      const id = resourceIds[resource.path];
      if (id === undefined) {
        throw new ValidationError(pathOf(resource),
          `importExisting resourceIds has no ID for the path "${resource.path}" of this tree; add '${resource.path}': '<resource-id>'`);
      }
      return id;
    };

    this.api.importFrom(ImportId.restApi(restApiId));
    const paths = new Set<string>();
    for (const c of this.api.node.findAll()) {
      if (c instanceof Resource) {
        paths.add(c.path);
        const id = idOf(c);
        if (c.parentResource) c.importFrom(ImportId.resource(restApiId, id));
      } else if (c instanceof Method) {
        const resourceId = idOf(c.resource);
        c.importFrom(ImportId.method(restApiId, resourceId, c.httpMethod));
        c.integration?.importFrom(ImportId.integration(restApiId, resourceId, c.httpMethod));
      } else if (c instanceof MethodResponse) {
        c.importFrom(ImportId.methodResponse(restApiId, idOf(c.method.resource), c.method.httpMethod, c.statusCode));
      } else if (c instanceof IntegrationResponse) {
        const method = c.integration.method;
        c.importFrom(ImportId.integrationResponse(restApiId, idOf(method.resource), method.httpMethod, c.statusCode));
      }
    }
    const stages = this.api.deployment?.stages ?? [];
    for (const name of this.existing.stageNames ?? []) {
      const stage = stages.find((s) => s.stageName === name);
      if (stage) {
        stage.importFrom(ImportId.stage(restApiId, name));
      } else {
        Annotations.of(this.api).addWarning(`importExisting stageNames names "${name}", but the API is not deployed to a stage of that name; it is not imported`);
      }
    }
    for (const path of Object.keys(resourceIds).sort()) {
      if (!paths.has(path)) {
        Annotations.of(this.api).addWarning(
          `importExisting resourceIds names "${path}" (${resourceIds[path]}), but the tree has no resource at that path; it is not imported`);
      }
    }
  }
}

function validateRestApiProps(scope: RestApi, props: RestApiProps): void {
  checkNonEmpty(scope, 'name', props.name, 'a REST API name');
  if (!unresolved(props.name) && props.name.length > 1024) {
    throw invalid(scope, 'name', props.name, 'at most 1024 characters');
  }
  if (props.endpointTypes !== undefined && !unresolved(props.endpointTypes)) {
    if (props.endpointTypes.length !== 1) {
      throw invalid(scope, 'endpointTypes', props.endpointTypes, 'API Gateway takes exactly one endpoint type: EDGE, REGIONAL or PRIVATE');
    }
    checkOneOf(scope, 'endpointTypes[0]', props.endpointTypes[0], Object.values(EndpointType));
  }
  checkOneOf(scope, 'apiKeySource', props.apiKeySource, Object.values(ApiKeySourceType));
  checkInteger(scope, 'minimumCompressionSize', props.minimumCompressionSize, 0, 10485760);
  if (props.binaryMediaTypes && !unresolved(props.binaryMediaTypes)) {
    checkKeys(scope, 'binaryMediaTypes', Object.fromEntries(props.binaryMediaTypes.map((t) => [t, true])), MEDIA_TYPE,
      'binary media types look like image/png, application/octet-stream or */*');
  }
  if (props.policy !== undefined && !unresolved(props.policy)) {
    let doc: unknown;
    try {
      doc = JSON.parse(props.policy);
    } catch {
      doc = undefined;
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw invalid(scope, 'policy', props.policy, 'a resource policy is a JSON object such as {"Version":"2012-10-17","Statement":[...]}');
    }
  }
  checkTags(scope, 'tags', props.tags);
}
