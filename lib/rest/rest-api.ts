import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Annotations, Aspects, IAspect, Lazy, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { literal } from '../core/escape';
import { IMPORT_ASPECT } from '../core/import-id';
import { MEDIA_TYPE } from '../core/patterns';
import { ApiMembers, brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkNewStageName } from '../core/redeployment';
import {
  checkInteger, checkKeys, checkKinds, checkNonEmpty, checkOneOf, checkStruct, checkTags, invalid, normalizeHttpMethod, pathOf, unresolved,
  ValidationError,
} from '../core/validation';
import { RestAdoption, RestMembers } from './adoption';
import { CloudWatchRole } from './cloudwatch-role';
import { Deployment } from './deployment';
import { GatewayResponse, GatewayResponseOptions } from './gateway-response';
import { ImportId } from './import-id';
import { Method } from './method';
import { OpenApiDocument } from './openapi/export';
import { checkApiLimits } from './openapi/limits';
import { restApiPart } from './openapi/parts';
import { RestApiSynthesis } from './openapi/synthesis';
import { Model, ModelOptions } from './model';
import { RequestValidator, RequestValidatorOptions } from './request-validator';
import { ResourceOptions } from './resource';
import { RootResource } from './root-resource';
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

/**
 * Properties of a REST API. `defaultIntegration`, `defaultMethodOptions` and
 * `defaultCorsPreflightOptions` apply to every resource of the API, the root included.
 */
export interface RestApiProps extends ResourceOptions {
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

  /**
   * Whether to make the IAM role that API Gateway writes CloudWatch logs with, and the
   * `aws_api_gateway_account` setting that names it, as execution logging (`loggingLevel`)
   * and access logs need. The setting is account-wide and region-wide: it applies to every
   * API of the account in the region, and one per account and region is enough.
   * @default false
   */
  readonly cloudWatchRole?: boolean;

  /**
   * How the API becomes Terraform resources: one resource per construct, or the whole API as
   * one OpenAPI document in the REST API's `body` (see `RestApiSynthesis.OPENAPI_BODY`).
   * @default RestApiSynthesis.RESOURCES
   */
  readonly synthesis?: RestApiSynthesis;
}

/** An API that already exists, to be adopted with Terraform `import` blocks. */
export interface ExistingRestApi {
  /** ID of the existing REST API. */
  readonly restApiId: string;

  /**
   * ID of every existing resource by its path, `/` being the root resource:
   * `{ '/': 'abc123root', '/pets': 'def456', '/pets/{id}': 'ghi789' }`.
   * An API synthesized as an OpenAPI body (`RestApiSynthesis.OPENAPI_BODY`) has no resources
   * of its own to import and needs none.
   * @default - none; required with `RestApiSynthesis.RESOURCES`
   */
  readonly resourceIds?: { [path: string]: string };

  /**
   * Stages that already exist. A stage of `deploy()` with one of these names is imported
   * (`REST-API-ID/STAGE-NAME`) instead of created.
   * @default - no stage is imported
   */
  readonly stageNames?: string[];

  /**
   * ID of every existing request validator by its name: `{ 'validate-body': 'abc123' }`. API
   * Gateway knows validators by ID only, so these are given; models are adopted by their names
   * and gateway responses by their types. A validator of the tree missing from the map is an error.
   * @default - the API has no request validators
   */
  readonly requestValidatorIds?: { [name: string]: string };

  /**
   * ID of every existing authorizer of the API by its name (the authorizer's `name`, or the
   * name derived from its construct path): `{ 'TokenAuth': 'abc123' }`. An authorizer of the
   * API missing from the map is an error, as a missing path of `resourceIds` is.
   * @default - the API has no authorizers
   */
  readonly authorizerIds?: { [name: string]: string };
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
  /** Whether `x` is a `RestApi`, also across two copies of the package. */
  public static isRestApi(x: unknown): x is RestApi {
    return hasBrand(x, 'RestApi');
  }

  /** ID of the REST API. */
  public readonly restApiId: string;

  /** ID of the root (`/`) resource. */
  public readonly rootResourceId: string;

  /** Execution ARN, the prefix of the ARNs that Lambda permissions and IAM policies name. */
  public readonly executionArn: string;

  /** The root resource, `/`. */
  public readonly root: RootResource;

  /** Name of the REST API. */
  public readonly restApiName: string;

  /** Endpoint type of the API, when it was given. */
  public readonly endpointType?: EndpointType;

  /** How the API becomes Terraform resources. */
  public readonly synthesis: RestApiSynthesis;
  /** The CloudWatch role and account setting, when `cloudWatchRole` is true. */
  public readonly cloudWatchRole?: CloudWatchRole;

  /** Every construct of this API, as its deployment and importExisting see it. @internal */
  public readonly _members: RestMembers = new ApiMembers();

  private readonly resource: ApiGatewayRestApi;
  private readonly deployments: Deployment[] = [];
  private readonly stages: Stage[] = [];
  private existing?: ExistingRestApi;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, freeId(scope, id));
    brand(this, 'RestApi');
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props, 'RestApiProps such as { name: \'shop\' }');
      checkKinds(this, props, {
        name: 'string', description: 'string', endpointTypes: 'string[]', binaryMediaTypes: 'string[]', minimumCompressionSize: 'number',
        apiKeySource: 'string', disableExecuteApiEndpoint: 'boolean', policy: 'string', tags: 'map<string>',
        defaultMethodOptions: 'object', defaultCorsPreflightOptions: 'object', cloudWatchRole: 'boolean', synthesis: 'string',
      });
      validateRestApiProps(this, props);
      checkOneOf(this, 'synthesis', props.synthesis, Object.values(RestApiSynthesis));
      this.synthesis = props.synthesis ?? RestApiSynthesis.RESOURCES;
      this.resource = new ApiGatewayRestApi(this, 'Resource', literal({
        name: props.name,
        description: props.description,
        endpointConfiguration: props.endpointTypes ? { types: [...props.endpointTypes] } : undefined,
        binaryMediaTypes: props.binaryMediaTypes,
        minimumCompressionSize: props.minimumCompressionSize === undefined ? undefined : String(props.minimumCompressionSize),
        apiKeySource: props.apiKeySource,
        disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
        policy: props.policy,
        tags: props.tags,
      }));
      if (this.synthesis === RestApiSynthesis.OPENAPI_BODY) {
        // The document is escaped for Terraform when it is written, not here.
        this.resource.body = Lazy.stringValue({ produce: () => this._bodyText() });
        this.resource.putRestApiMode = 'overwrite';
        this.node.addValidation({
          validate: () => {
            const document = this.openApiDocument();
            document.toJson();
            return [
              ...document.unmatchedAuthorizers.map((what) => `${what} names an authorizer made outside this API (by its ID), which an OpenAPI body ` +
                'cannot refer to: put_rest_api_mode "overwrite" keeps only the authorizers the body defines. Use a TokenAuthorizer, RequestAuthorizer ' +
                'or CognitoUserPoolsAuthorizer of this API, or RestApiSynthesis.RESOURCES.'),
              ...document.unmatchedValidators.map((what) => `${what} names a request validator made outside this API (by its ID), which an OpenAPI ` +
                'body cannot refer to: put_rest_api_mode "overwrite" keeps only the validators the body defines. Use requestValidator or ' +
                'requestValidatorOptions, or RestApiSynthesis.RESOURCES.'),
            ];
          },
        });
      }
      this.node.defaultChild = this.resource;
      this.restApiName = props.name;
      this.endpointType = props.endpointTypes?.[0];
      this.restApiId = this.resource.id;
      this.rootResourceId = this.resource.rootResourceId;
      this.executionArn = this.resource.executionArn;
      const l1 = this.resource;
      this._members.register({
        construct: this,
        hashed: () => [l1],
        // Everything else references the API: the deployment follows it without depends_on.
        mustPrecede: () => [],
        adopt: (adoption) => l1.importFrom(ImportId.restApi(adoption.restApiId)),
        openApi: (document) => restApiPart(document, props),
      });
      checkApiLimits(this);
      if (props.cloudWatchRole === true) {
        // The account setting is one per account and region: two in a stack would overwrite each other on every apply.
        const other = TerraformStack.of(this).node.findAll().find((c) => CloudWatchRole.isCloudWatchRole(c));
        if (other) {
          throw invalid(this, 'cloudWatchRole', true, `the stack has the account's CloudWatch role setting already (${pathOf(other)}); ` +
            'it is one per AWS account and region, so set cloudWatchRole on one API only');
        }
        this.cloudWatchRole = new CloudWatchRole(this, 'CloudWatchRole');
      }
      this.root = new RootResource(this, 'Default', {
        api: this,
        defaultIntegration: props.defaultIntegration,
        defaultMethodOptions: props.defaultMethodOptions,
        defaultCorsPreflightOptions: props.defaultCorsPreflightOptions,
      });
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** The deployment `deploy()` adds stages to: the API's first deployment, once there is one. */
  public get deployment(): Deployment | undefined {
    return this.deployments[0];
  }

  /** Every method of the API, in the order they were added. */
  public get methods(): Method[] {
    return this._members.all().map((m) => m.construct).filter((c): c is Method => Method.isMethod(c));
  }

  /**
   * Deploys the API to a stage.
   *
   * The first call creates the API's `Deployment` (unless one was made with `new Deployment()`);
   * each call adds a stage to it. The deployment redeploys whenever any resource, method,
   * integration or response changes.
   *
   * @param stageName name of the stage, such as `prod`
   * @param options settings of the stage
   */
  public deploy(stageName: string, options: StageOptions = {}): Stage {
    const existing = this.deployment;
    const deployment = existing ?? new Deployment(this, 'Deployment', { api: this });
    try {
      return deployment.addStage(stageName, options);
    } catch (e) {
      // A deployment made for a stage that was refused goes too.
      if (!existing) deployment._discard();
      throw e;
    }
  }

  /**
   * The URL of a path of the API on its first stage.
   *
   * @param path a path starting with `/`
   * @default path '/'
   */
  public urlForPath(path: string = '/'): string {
    if (typeof path !== 'string' || (!unresolved(path) && !path.startsWith('/'))) {
      throw invalid(this, 'path', path, 'a path must start with "/"');
    }
    const stage = this.stages[0];
    if (!stage) {
      throw new ValidationError(pathOf(this), 'urlForPath() needs a stage: call api.deploy(stageName) first');
    }
    return `${stage.invokeUrl}${path === '/' ? '' : path}`;
  }

  /**
   * The execute-api ARN of a method, path and stage of this API, as IAM policies and Lambda
   * permissions name them: `arn:aws:execute-api:{region}:{account}:{api-id}/{stage}/{METHOD}{path}`.
   * Path variables become `*`; `ANY` becomes `*`.
   *
   * @param method an HTTP method, ANY or `*`
   * @param path a path starting with `/`, or `/*` for every path
   * @param stage a stage name, or `*` for every stage
   * @default method '*'
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage: string = '*'): string {
    const m = method === '*' || unresolved(method) ? method : normalizeHttpMethod(this, 'arnForExecuteApi method', method);
    if (typeof path !== 'string' || (!unresolved(path) && !path.startsWith('/'))) {
      throw invalid(this, 'arnForExecuteApi path', path, 'a path starting with "/", such as /pets/{id} or /* for every path');
    }
    checkNonEmpty(this, 'arnForExecuteApi stage', stage, 'a stage name or *');
    const arnPath = unresolved(path) || path === '/' ? path : path.replace(/\{[^}]*\}/g, '*');
    return `${this.executionArn}/${stage}/${m === 'ANY' ? '*' : m}${arnPath}`;
  }

  /**
   * The API as an OpenAPI 3.0 document (JSON text): paths, operations with their parameters,
   * responses, headers and models, and API Gateway's extensions (`x-amazon-apigateway-integration`
   * with its responses, binary media types, API key source, and what authorizers, models,
   * validators and gateway responses add).
   *
   * The document describes the API as it is when this is called, as API Gateway reads it
   * (`${stageVariables.x}` stays as written). Values given as tokens stay in the text as cdktf
   * tokens. In `RestApiSynthesis.OPENAPI_BODY` the same document is the REST API's `body`, where
   * Terraform's template syntax is escaped and the tokens become Terraform expressions.
   */
  public toOpenApi(): string {
    return JSON.stringify(this.openApiDocument().toJson());
  }

  /** The OpenAPI document of the API, built from its members. */
  private openApiDocument(): OpenApiDocument {
    const document = new OpenApiDocument(this.restApiName);
    for (const member of this._members.all()) member.openApi?.(document);
    return document;
  }

  /** The text of the REST API's `body` in OPENAPI_BODY synthesis. @internal */
  public _bodyText(): string {
    // API Gateway's own ${...} must reach it as written: escaped for Terraform, token markers kept.
    return literal(this.toOpenApi());
  }

  /** How many methods a document given as it is defines; undefined when the document is built from the constructs. @internal */
  public _documentMethodCount(): number | undefined {
    return undefined;
  }

  /** Adopts an existing REST API: `terraform plan` then imports it rather than creating it. */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /**
   * Adopts a REST API that already exists, with every resource, method, method response,
   * integration, integration response, authorizer and stage of this API.
   *
   * At synth each construct gets a Terraform `import` block whose ID is derived from the
   * REST API ID, the resource IDs by path, the HTTP methods and the status codes, in the
   * formats of `ImportId`. A path of the tree missing from `resourceIds` is an error; an ID for
   * a path the tree does not have is a warning. Authorizers are found by name in
   * `authorizerIds`, with the same rules.
   */
  public importExisting(existing: ExistingRestApi): void {
    const where = `${pathOf(this)}/importExisting`;
    if (this.existing) {
      throw new ValidationError(where, 'importExisting() was already called for this API');
    }
    checkStruct(where, 'existing', existing, 'an ExistingRestApi such as { restApiId, resourceIds }');
    checkNonEmpty(where, 'restApiId', existing.restApiId, 'the ID of the existing REST API');
    const body = this.synthesis === RestApiSynthesis.OPENAPI_BODY;
    if (!(body && existing.resourceIds === undefined) && (typeof existing.resourceIds !== 'object' || existing.resourceIds === null ||
      unresolved(existing.resourceIds) || typeof existing.resourceIds['/'] !== 'string')) {
      throw invalid(where, 'resourceIds', existing.resourceIds,
        "a map from every path of the tree to its resource ID, including the root: { '/': 'root-id', ... }");
    }
    for (const [path, id] of Object.entries(existing.resourceIds ?? {})) {
      if (typeof id !== 'string' || (!unresolved(id) && (id === '' || /[/\s]/.test(id)))) {
        throw invalid(where, `resourceIds["${path}"]`, id, 'a resource ID is a non-empty string without slashes or white space');
      }
    }
    if (existing.requestValidatorIds !== undefined) {
      checkStruct(where, 'requestValidatorIds', existing.requestValidatorIds, 'a map from request validator name to ID');
      for (const [name, id] of Object.entries(existing.requestValidatorIds)) {
        if (typeof id !== 'string' || (!unresolved(id) && (id === '' || /[/\s]/.test(id)))) {
          throw invalid(where, `requestValidatorIds["${name}"]`, id, 'a request validator ID is a non-empty string without slashes or white space');
        }
      }
    }
    if (existing.authorizerIds !== undefined) {
      if (typeof existing.authorizerIds !== 'object' || existing.authorizerIds === null || Array.isArray(existing.authorizerIds)) {
        throw invalid(where, 'authorizerIds', existing.authorizerIds, "a map from authorizer name to authorizer ID: { 'TokenAuth': 'abc123' }");
      }
      for (const [name, id] of Object.entries(existing.authorizerIds)) {
        if (typeof id !== 'string' || (!unresolved(id) && (id === '' || /[/\s]/.test(id)))) {
          throw invalid(where, `authorizerIds["${name}"]`, id, 'an authorizer ID is a non-empty string without slashes or white space');
        }
      }
    }
    if (existing.stageNames !== undefined && (!Array.isArray(existing.stageNames) || existing.stageNames.some((n) => typeof n !== 'string'))) {
      throw invalid(where, 'stageNames', existing.stageNames, 'a list of stage names');
    }
    try {
      ImportId.restApi(existing.restApiId);
    } catch (e) {
      throw invalid(where, 'restApiId', existing.restApiId, (e as Error).message.replace(/^[^:]*: /, ''));
    }
    this.existing = existing;
    Aspects.of(this).add(new ImportExisting(this, existing));
  }

  /** Adds a model (see `Model`). */
  public addModel(id: string, options: ModelOptions): Model {
    return new Model(this, id, { ...options, restApi: this });
  }

  /** Adds a request validator (see `RequestValidator`). */
  public addRequestValidator(id: string, options: RequestValidatorOptions = {}): RequestValidator {
    return new RequestValidator(this, id, { ...options, restApi: this });
  }

  /** Adds a gateway response: how API Gateway answers one type of error it raises itself (see `GatewayResponse`). */
  public addGatewayResponse(id: string, options: GatewayResponseOptions): GatewayResponse {
    return new GatewayResponse(this, id, { ...options, restApi: this });
  }

  /** Rejects a stage name the API already has. @internal */
  public _checkStageName(where: string, stageName: string): void {
    checkNewStageName(where, this.stages.map((s) => s.stageName), stageName);
  }

  /** Registers a stage; returns the undo step. @internal */
  public _attachStage(stage: Stage): () => void {
    this.stages.push(stage);
    return () => this.stages.splice(this.stages.indexOf(stage), 1);
  }

  /** Registers a deployment; returns the undo step. @internal */
  public _attachDeployment(deployment: Deployment): () => void {
    this.deployments.push(deployment);
    return () => this.deployments.splice(this.deployments.indexOf(deployment), 1);
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
    const { restApiId } = this.existing;
    const resourceIds = this.existing.resourceIds ?? {};
    const paths = new Set<string>();
    const names = new Set<string>();
    const adoption: RestAdoption = {
      restApiId,
      stageNames: new Set(this.existing.stageNames ?? []),
      resourceIdOf: (resource) => {
        paths.add(resource.path);
        const id = resourceIds[resource.path];
        if (id === undefined) {
          throw new ValidationError(pathOf(resource),
            `importExisting resourceIds has no ID for the path "${resource.path}" of this tree; add '${resource.path}': '<resource-id>'`);
        }
        return id;
      },
      requestValidatorIdOf: (validator) => {
        const ids = this.existing.requestValidatorIds ?? {};
        const id = Object.prototype.hasOwnProperty.call(ids, validator.requestValidatorName) ? ids[validator.requestValidatorName] : undefined;
        if (id === undefined) {
          throw new ValidationError(pathOf(validator),
            `importExisting requestValidatorIds has no ID for the request validator "${validator.requestValidatorName}"; ` +
            `add requestValidatorIds: { '${validator.requestValidatorName}': '<request-validator-id>' }`);
        }
        return id;
      },
      authorizerIdOf: (authorizer) => {
        names.add(authorizer.authorizerName);
        const ids = this.existing.authorizerIds ?? {};
        const id = Object.prototype.hasOwnProperty.call(ids, authorizer.authorizerName) ? ids[authorizer.authorizerName] : undefined;
        if (id === undefined) {
          throw new ValidationError(pathOf(authorizer),
            `importExisting authorizerIds has no ID for the authorizer named "${authorizer.authorizerName}"; add '${authorizer.authorizerName}': '<authorizer-id>'`);
        }
        return id;
      },
    };
    for (const member of this.api._members.all()) member.adopt?.(adoption);
    const stageNames = new Set(this.api.deployment ? this.api._members.all().map((m) => m.construct).filter(Stage.isStage).map((s) => s.stageName) : []);
    for (const name of this.existing.stageNames ?? []) {
      if (!stageNames.has(name)) {
        Annotations.of(this.api).addWarning(`importExisting stageNames names "${name}", but the API is not deployed to a stage of that name; it is not imported`);
      }
    }
    const validatorNames = new Set(this.api._members.all().map((m) => m.construct)
      .filter(RequestValidator.isRequestValidator).map((v) => v.requestValidatorName));
    for (const name of Object.keys(this.existing.requestValidatorIds ?? {}).sort()) {
      if (!validatorNames.has(name)) {
        Annotations.of(this.api).addWarning(`importExisting requestValidatorIds names "${name}", but the API has no request validator of that name; it is not imported`);
      }
    }
    for (const path of Object.keys(resourceIds).sort()) {
      // An OPENAPI_BODY API imports its REST API and stages only: resource IDs are not used.
      if (!paths.has(path) && path !== '/' && this.api.synthesis === RestApiSynthesis.RESOURCES) {
        Annotations.of(this.api).addWarning(
          `importExisting resourceIds names "${path}" (${resourceIds[path]}), but the tree has no resource at that path; it is not imported`);
      }
    }
    for (const name of Object.keys(this.existing.authorizerIds ?? {}).sort()) {
      if (!names.has(name)) {
        Annotations.of(this.api).addWarning(
          `importExisting authorizerIds names "${name}" (${this.existing.authorizerIds![name]}), but the API has no authorizer of that name; it is not imported`);
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
