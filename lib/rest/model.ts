import type { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkNonEmpty, checkPattern, checkStruct, invalid, pathOf, unresolved } from '../core/validation';
import { ImportId } from './import-id';
import { chainMember, RestApiSynthesis } from './openapi/synthesis';
import type { RestApi } from './rest-api';
import { providerAws } from '../core/provider';

/** A model a method can name for its request or response bodies: a `Model`, or one of API Gateway's built-in models. */
export interface IModel {
  /** ID of the model (its name for the built-in models). */
  readonly modelId: string;

  /** Name of the model, as methods and `$ref` URLs name it. */
  readonly modelName: string;
}

/** A model, as given to `api.addModel()`. */
export interface ModelOptions {
  /**
   * The JSON Schema (draft 4, the version API Gateway reads) of the body, as a JSON object:
   * `{ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }`.
   * It is checked against the draft-4 meta-schema at construction. Use `Model.referenceTo(other)`
   * for a `$ref` to another model of the same API.
   */
  // A schema is an arbitrary JSON document, which no jsii struct can describe: a map of JSON
  // values is what every target language passes as a dictionary or object literal.
  readonly schema: { [key: string]: unknown };

  /**
   * Content type of the bodies the model describes, `type/subtype`.
   * @default 'application/json'
   */
  readonly contentType?: string;

  /**
   * Name of the model: letters and digits, unique in the API.
   * @default - the construct ID without its characters other than letters and digits
   */
  readonly modelName?: string;

  /**
   * Description of the model.
   * @default - none
   */
  readonly description?: string;
}

/** Properties of a model created with `new Model()`. */
export interface ModelProps extends ModelOptions {
  /** The API the model belongs to. */
  readonly restApi: RestApi;
}

/** One of the models API Gateway creates in every REST API. */
class BuiltInModel implements IModel {
  public readonly modelId: string;
  constructor(public readonly modelName: string) {
    this.modelId = modelName;
    brand(this, 'BuiltInModel');
  }
}

const MODEL_NAME = /^[A-Za-z0-9]+$/;
const CONTENT_TYPE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+\/[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const BUILT_IN_NAMES = ['Empty', 'Error'];

/** What `Model.referenceTo` returned, so that a `$ref` to a model of another API can be recognised. */
const REFERENCES = new Map<string, Model>();

/**
 * A model of a REST API (`aws_api_gateway_model`): a JSON Schema that documents, and with a
 * request validator checks, the bodies of requests and responses.
 *
 * Methods name models in `requestModels` and `responseModels` through a reference to the
 * model's name, so Terraform creates the model first; a model whose schema holds
 * `Model.referenceTo(other)` is created after `other` in the same way.
 *
 * @example
 * const pet = new Model(this, 'Pet', {
 *   restApi: api,
 *   schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
 * });
 */
export class Model extends Construct implements IModel {
  /** API Gateway's built-in `Empty` model (an empty object), present in every REST API. */
  public static readonly EMPTY: IModel = new BuiltInModel('Empty');

  /** API Gateway's built-in `Error` model (`{ message: string }`), present in every REST API. */
  public static readonly ERROR: IModel = new BuiltInModel('Error');

  /** Whether `x` is a `Model`, also across two copies of the package. */
  public static isModel(x: unknown): x is Model {
    return hasBrand(x, 'Model');
  }

  /**
   * The URL by which a schema refers to another model of the same API, as the value of a
   * `$ref`: `https://apigateway.amazonaws.com/restapis/{rest-api-id}/models/{name}`. It
   * references the model's attributes, so the referring model is created after it.
   *
   * @param model a model created with `new Model()` or `api.addModel()`
   */
  public static referenceTo(model: IModel): string {
    if (!Model.isModel(model)) {
      throw invalid('Model.referenceTo', 'model', hasBrand(model, 'BuiltInModel') ? model.modelName : model,
        'a model created with new Model() or api.addModel(); the built-in models Empty and Error have no URL of their own to refer to');
    }
    return model._reference;
  }

  /** ID of the model. */
  public readonly modelId: string;

  /** Name of the model, as a reference to the Terraform resource (so that users of it come after it). */
  public readonly modelName: string;

  /** Content type of the model. */
  public readonly contentType: string;

  /** The API of the model. */
  public readonly restApi: RestApi;

  /** The name of the model as given or derived. @internal */
  public readonly _name: string;

  private readonly resource: ApiGatewayModel;
  private reference?: string;

  constructor(scope: Construct, id: string, props: ModelProps) {
    super(scope, freeId(scope, id));
    brand(this, 'Model');
    const api = props?.restApi;
    if (!hasBrand(api, 'RestApi')) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'restApi', api, 'the RestApi the model belongs to');
    }
    this.restApi = api;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, { modelName: 'string', contentType: 'string', description: 'string', schema: 'object' });
      const name = props.modelName ?? id.replace(/[^A-Za-z0-9]/g, '');
      checkName(this, props.modelName === undefined ? `modelName (derived from the construct ID "${id}")` : 'modelName', name, api);
      const contentType = props.contentType ?? 'application/json';
      checkPattern(this, 'contentType', contentType, CONTENT_TYPE, 'a content type is type/subtype, such as application/json');
      if (props.description !== undefined) checkNonEmpty(this, 'description', props.description, 'a description, when given,');
      checkSchema(this, props.schema, api);
      this._name = name;
      this.contentType = contentType;

      this.resource = new providerAws.ApiGatewayModel(this, 'Resource', literal({
        restApiId: api.restApiId,
        name,
        contentType,
        description: props.description,
        schema: unresolved(props.schema) ? Token.asString(props.schema) : JSON.stringify(props.schema),
      }));
      // In an OpenAPI body the model is a schema of the document, which API Gateway creates under its name.
      const body = api.synthesis === RestApiSynthesis.OPENAPI_BODY;
      this.modelId = body ? name : this.resource.id;
      this.modelName = body ? name : this.resource.name;
      const l1 = this.resource;
      const schema = props.schema;
      api._members.register(chainMember(this, api, l1, {
        adopt: (adoption) => l1.importFrom(ImportId.model(adoption.restApiId, name)),
        openApi: (document) => document.addSchema(name, withDocumentRefs(schema) as { [key: string]: unknown }),
      }));
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** Adopts an existing model (`REST-API-ID/MODEL-NAME`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The `$ref` URL of this model, made once. @internal */
  public get _reference(): string {
    if (this.reference === undefined) {
      this.reference = `https://apigateway.amazonaws.com/restapis/${this.resource.restApiId}/models/${this.resource.name}`;
      REFERENCES.set(this.reference, this);
    }
    return this.reference;
  }
}

/** A schema whose `$ref`s to the API's models (`Model.referenceTo`) point into the document's `components.schemas`. */
function withDocumentRefs(value: unknown): unknown {
  if (typeof value === 'string') {
    const target = REFERENCES.get(value);
    return target ? `#/components/schemas/${target._name}` : value;
  }
  if (Array.isArray(value)) return value.map(withDocumentRefs);
  if (typeof value === 'object' && value !== null && !unresolved(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDocumentRefs(v)]));
  }
  return value;
}

/**
 * Checks what `requestModels` or `responseModels` name: models, of the method's API when they
 * are models made by this library, under `type/subtype` keys.
 */
export function checkModelMap(scope: IConstruct, property: string, models: { [contentType: string]: IModel } | undefined, api: RestApi): void {
  if (models === undefined || unresolved(models)) return;
  checkStruct(scope, property, models, 'a map from content type to model, such as { \'application/json\': Model.EMPTY }');
  for (const [contentType, model] of Object.entries(models)) {
    if (!unresolved(contentType) && !CONTENT_TYPE.test(contentType)) {
      throw invalid(scope, `${property} key`, contentType, 'keys are content types such as application/json (type/subtype)');
    }
    if (unresolved(model)) continue;
    if (typeof model !== 'object' || model === null || typeof model.modelName !== 'string') {
      throw invalid(scope, `${property}["${contentType}"]`, model,
        'a model: Model.EMPTY, Model.ERROR, or one made with new Model() or api.addModel() (model names are no longer given as strings)');
    }
    if (Model.isModel(model) && model.restApi !== api) {
      throw invalid(scope, `${property}["${contentType}"]`, pathOf(model),
        `the model belongs to another API (${pathOf(model.restApi)}); a method can only use models of its own API (${pathOf(api)})`);
    }
  }
}

/** The Terraform value of a map of models: their names, as references where the model is a resource. */
export function modelNames(models: { [contentType: string]: IModel } | undefined): { [contentType: string]: string } | undefined {
  if (models === undefined || unresolved(models)) return models as undefined;
  // A model name given as a token (from JavaScript) passes as it is.
  return Object.fromEntries(Object.entries(models)
    .map(([contentType, model]) => [contentType, unresolved(model) ? model as unknown as string : model.modelName]));
}

function checkName(scope: Model, property: string, name: string, api: RestApi): void {
  if (unresolved(name)) return;
  if (typeof name !== 'string' || !MODEL_NAME.test(name)) {
    throw invalid(scope, property, name, 'a model name is one or more letters and digits (A-Z, a-z, 0-9); choose one with modelName');
  }
  if (BUILT_IN_NAMES.includes(name)) {
    throw invalid(scope, property, name, `every REST API has a built-in model named ${name}; use Model.${name.toUpperCase()} or choose another name`);
  }
  const other = api._members.all().map((m) => m.construct).find((c) => Model.isModel(c) && c !== scope && c._name === name);
  if (other) {
    throw invalid(scope, property, name, `the API already has a model with this name (${pathOf(other)}); model names are unique in an API`);
  }
}

let metaValidator: import('ajv').ValidateFunction | undefined;

/**
 * The draft-4 meta-schema, compiled once: API Gateway models are JSON Schema draft 4. ajv is
 * loaded on first use, so programs without model schemas do not pay for loading it.
 */
function draft4(): import('ajv').ValidateFunction {
  if (!metaValidator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv: typeof import('ajv') = require('ajv');
    const ajv = new Ajv({ schemaId: 'id', meta: false, validateSchema: false, allErrors: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    metaValidator = ajv.compile(require('ajv/lib/refs/json-schema-draft-04.json'));
  }
  return metaValidator;
}

function checkSchema(scope: Model, schema: unknown, api: RestApi): void {
  if (schema === undefined) {
    throw invalid(scope, 'schema', schema, 'a JSON Schema (draft 4) object is required, such as { type: \'object\' }');
  }
  if (unresolved(schema)) return;
  checkStruct(scope, 'schema', schema, 'a JSON Schema (draft 4) object such as { type: \'object\' }');
  const problem = notJson(schema, '', new Set());
  if (problem) {
    throw invalid(scope, 'schema', schema, `the schema must be JSON: ${problem}`);
  }
  const validate = draft4();
  // Keys whose value is undefined are left out, as JSON.stringify leaves them out.
  if (!validate(JSON.parse(JSON.stringify(schema)))) {
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.dataPath || '(root)'} ${e.message}`).join('; ');
    throw invalid(scope, 'schema', schema, `it is not a valid JSON Schema draft 4, the version API Gateway reads (${errors})`);
  }
  for (const ref of refsIn(schema)) {
    for (const [url, target] of REFERENCES) {
      if (ref.includes(url) && target.restApi !== api) {
        throw invalid(scope, 'schema $ref', pathOf(target),
          `the model belongs to another API (${pathOf(target.restApi)}); a schema can only refer to models of its own API (${pathOf(api)})`);
      }
    }
  }
}

/** Why a value would not survive JSON.stringify as it is, or undefined. */
function notJson(value: unknown, at: string, seen: Set<unknown>): string | undefined {
  const where = at || '(root)';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${where} is ${value}, which JSON cannot represent`;
    case 'object': {
      if (value === null) return undefined;
      if (seen.has(value)) return `${where} refers back to itself`;
      if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        return `${where} is an instance of ${value.constructor?.name ?? 'a class'}, not a plain object`;
      }
      seen.add(value);
      const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
      for (const [key, v] of entries) {
        const problem = notJson(v, `${at}${key}`, seen);
        if (problem) return problem;
      }
      seen.delete(value);
      return undefined;
    }
    case 'undefined':
      // JSON.stringify leaves the key out; a list entry becomes null.
      return undefined;
    default:
      return `${where} is ${typeof value === 'function' ? 'a function' : `a ${typeof value}`}, which JSON cannot represent`;
  }
}

/** The `$ref` strings of a schema. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v) => refsIn(v, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}
