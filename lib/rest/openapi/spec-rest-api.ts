import { readFileSync } from 'fs';
import { Construct } from 'constructs';
import { brand, hasBrand } from '../../core/protocol';
import { invalid, pathOf, ValidationError } from '../../core/validation';
import { ApiKeySourceType, EndpointType, RestApi } from '../rest-api';
import { checkDefinition, DefinitionSummary } from './definition-check';
import { RestApiSynthesis } from './synthesis';

/**
 * An OpenAPI document for `SpecRestApi`: OpenAPI 3.0 or Swagger 2.0, as JSON or YAML text.
 *
 * The text is parsed and checked when the `SpecRestApi` is made; errors name the JSON path in
 * the document (`$.paths['/pets'].get.x-amazon-apigateway-integration.type`).
 */
export class ApiDefinition {
  /**
   * A definition given as text, JSON or YAML. Values built from tokens (`${fn.invokeArn}` in a
   * template string) become Terraform references in the synthesized body.
   *
   * @param text the document
   */
  public static fromString(text: string): ApiDefinition {
    if (typeof text !== 'string') throw invalid('ApiDefinition.fromString', 'text', text, 'the OpenAPI document as JSON or YAML text');
    return new ApiDefinition(text, 'the definition');
  }

  /**
   * A definition read from a JSON or YAML file when this is called.
   *
   * @param path path of the file, relative to the working directory of `cdktf synth`
   */
  public static fromFile(path: string): ApiDefinition {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw invalid('ApiDefinition.fromFile', 'path', path, `a readable JSON or YAML file (${(e as Error).message})`);
    }
    return new ApiDefinition(text, `the file ${path}`);
  }

  private constructor(private readonly text: string, private readonly source: string) {}

  /** The parsed document; a ValidationError at `where` when the text is neither JSON nor YAML. @internal */
  public _parse(where: string): unknown {
    const trimmed = this.text.trim();
    if (trimmed === '') throw new ValidationError(where, `invalid definition: ${this.source} is empty; give an OpenAPI 3.0 or Swagger 2.0 document`);
    if (trimmed.startsWith('{')) {
      try {
        return JSON.parse(trimmed);
      } catch (e) {
        throw new ValidationError(where, `invalid definition: ${this.source} is not valid JSON (${(e as Error).message})`);
      }
    }
    // js-yaml is loaded on the first YAML document, so programs without one do not pay for loading it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml: typeof import('js-yaml') = require('js-yaml');
    try {
      return yaml.load(this.text, { schema: yaml.JSON_SCHEMA });
    } catch (e) {
      throw new ValidationError(where, `invalid definition: ${this.source} is neither JSON nor valid YAML (${(e as Error).message.split('\n')[0]})`);
    }
  }
}

/** Properties of a REST API defined by an OpenAPI document. */
export interface SpecRestApiProps {
  /** The OpenAPI 3.0 or Swagger 2.0 document of the API. */
  readonly definition: ApiDefinition;

  /**
   * Name of the REST API.
   * @default - the document's `info.title`
   */
  readonly name?: string;

  /**
   * Description of the REST API; it overrides the document's.
   * @default - the document's `info.description`
   */
  readonly description?: string;

  /**
   * Endpoint type of the API. API Gateway takes exactly one.
   * @default - the document's `x-amazon-apigateway-endpoint-configuration`, else EDGE
   */
  readonly endpointTypes?: EndpointType[];

  /**
   * Binary media types; they override the document's `x-amazon-apigateway-binary-media-types`.
   * @default - the document's
   */
  readonly binaryMediaTypes?: string[];

  /**
   * Smallest response body, in bytes, that API Gateway compresses (0 to 10485760).
   * @default - the document's, else compression disabled
   */
  readonly minimumCompressionSize?: number;

  /**
   * Where API keys are read from; it overrides the document's `x-amazon-apigateway-api-key-source`.
   * @default - the document's, else HEADER
   */
  readonly apiKeySource?: ApiKeySourceType;

  /**
   * Whether clients cannot call the default `execute-api` endpoint.
   * @default false
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * Resource policy of the API, as a JSON document.
   * @default - the document's `x-amazon-apigateway-policy`, else none
   */
  readonly policy?: string;

  /**
   * Tags of the REST API.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

interface Parsed {
  readonly document: unknown;
  readonly summary: DefinitionSummary;
}

const PARSED = new WeakMap<SpecRestApiProps, Parsed>();

/**
 * A REST API whose paths, methods and integrations come from an OpenAPI document
 * (`aws_api_gateway_rest_api.body`, `put_rest_api_mode = "overwrite"`), deployed like any
 * `RestApi` with `deploy()`.
 *
 * The document is parsed and checked when the construct is made: its version, every path's
 * operations and the shape of each `x-amazon-apigateway-integration`, with errors that name
 * the JSON path inside the document. Routes cannot be added with `root.addResource()`: they
 * belong in the document. Lambda functions the document calls need their own
 * `aws_lambda_permission`.
 *
 * @example
 * const spec = new SpecRestApi(this, 'Spec', { definition: ApiDefinition.fromFile('openapi.yaml') });
 * spec.deploy('prod');
 */
export class SpecRestApi extends RestApi {
  /** Whether `x` is a `SpecRestApi`, also across two copies of the package. */
  public static isSpecRestApi(x: unknown): x is SpecRestApi {
    return hasBrand(x, 'SpecRestApi');
  }

  private readonly parsed: Parsed;

  constructor(scope: Construct, id: string, props: SpecRestApiProps) {
    super(scope, id, restApiProps(`${pathOf(scope)}/${id}`, props));
    brand(this, 'SpecRestApi');
    this.parsed = PARSED.get(props)!;
    const summary = this.parsed.summary;
    this._members.register({
      construct: this,
      hashed: () => [],
      mustPrecede: () => [],
      deployProblems: () => summary.withoutIntegration.map((op) =>
        `the definition's operation ${op} has no x-amazon-apigateway-integration, and API Gateway refuses to deploy it ("No integration defined for method")`),
    });
    this.node.addValidation({
      validate: () => (this.root.methods.length > 0 || this.root.childResources.length > 0
        ? ['a SpecRestApi takes its routes from its definition: add paths and operations to the document, not with root.addResource() or root.addMethod()']
        : []),
    });
  }

  /** The definition as JSON text (an OpenAPI 3.0 or Swagger 2.0 document, as given). */
  public toOpenApi(): string {
    return JSON.stringify(this.parsed.document);
  }

  /** @internal */
  public _documentMethodCount(): number | undefined {
    return this.parsed.summary.operations;
  }
}

function restApiProps(where: string, props: SpecRestApiProps) {
  if (typeof props !== 'object' || props === null) throw invalid(where, 'props', props, 'SpecRestApiProps such as { definition: ApiDefinition.fromFile(\'openapi.yaml\') }');
  if (!(props.definition instanceof Object) || typeof (props.definition as ApiDefinition)._parse !== 'function') {
    throw invalid(where, 'definition', props.definition, 'ApiDefinition.fromString(text) or ApiDefinition.fromFile(path)');
  }
  const document = props.definition._parse(where);
  const { problems, summary } = checkDefinition(document);
  if (problems.length > 0) {
    throw new ValidationError(where, `invalid definition: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
  }
  const name = props.name ?? summary.title;
  if (name === undefined) {
    throw invalid(where, 'name', undefined, 'a name, or a definition with info.title');
  }
  PARSED.set(props, { document, summary });
  const { definition, ...rest } = props;
  void definition;
  return { ...rest, name, synthesis: RestApiSynthesis.OPENAPI_BODY };
}
