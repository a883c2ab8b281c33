import { Aspects, DefaultTokenResolver, IAspect, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { HTTP_METHODS, STATUS_CODE, unresolved, ValidationError } from './validation';

/** The parts of a REST API import ID (`REST-API-ID`). */
export interface RestApiImportIdParts {
  /** ID of the REST API. */
  readonly restApiId: string;
}

/** The parts of a resource import ID (`REST-API-ID/RESOURCE-ID`). */
export interface ResourceImportIdParts extends RestApiImportIdParts {
  /** ID of the resource. */
  readonly resourceId: string;
}

/** The parts of a method or integration import ID (`REST-API-ID/RESOURCE-ID/HTTP-METHOD`). */
export interface MethodImportIdParts extends ResourceImportIdParts {
  /** HTTP method, upper case. */
  readonly httpMethod: string;
}

/**
 * The parts of a method response or integration response import ID
 * (`REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE`).
 */
export interface ResponseImportIdParts extends MethodImportIdParts {
  /** HTTP status code. */
  readonly statusCode: string;
}

/** The parts of a deployment import ID (`REST-API-ID/DEPLOYMENT-ID`). */
export interface DeploymentImportIdParts extends RestApiImportIdParts {
  /** ID of the deployment. */
  readonly deploymentId: string;
}

/** The parts of a stage import ID (`REST-API-ID/STAGE-NAME`). */
export interface StageImportIdParts extends RestApiImportIdParts {
  /** Name of the stage. */
  readonly stageName: string;
}

/** One segment kind of an import ID and how to check it. */
interface Segment {
  readonly name: string;
  readonly check?: (value: string) => string | undefined;
}

const ID: Segment = { name: 'ID' };
const httpMethodSegment: Segment = {
  name: 'HTTP-METHOD',
  check: (v) => (HTTP_METHODS as readonly string[]).includes(v) ? undefined : `HTTP method "${v}" is not one of ${HTTP_METHODS.join(', ')}`,
};
const statusCodeSegment: Segment = {
  name: 'STATUS-CODE',
  check: (v) => STATUS_CODE.test(v) ? undefined : `status code "${v}" is not three digits from 100 to 599`,
};

/**
 * Formats and parses the `terraform import` IDs of the REST API resources,
 * in the formats the AWS provider documents.
 *
 * The same IDs are used by `RestApi.importExisting()` for Terraform `import` blocks.
 *
 * @example
 * ImportId.integrationResponse('12345abcde', '67890fghij', 'GET', '200'); // '12345abcde/67890fghij/GET/200'
 */
export class ImportId {
  /** `REST-API-ID` of an `aws_api_gateway_rest_api`. */
  public static restApi(restApiId: string): string {
    return format('ImportId.restApi', [['REST-API-ID', ID, restApiId]]);
  }

  /** `REST-API-ID/RESOURCE-ID` of an `aws_api_gateway_resource`. */
  public static resource(restApiId: string, resourceId: string): string {
    return format('ImportId.resource', [['REST-API-ID', ID, restApiId], ['RESOURCE-ID', ID, resourceId]]);
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD` of an `aws_api_gateway_method`. */
  public static method(restApiId: string, resourceId: string, httpMethod: string): string {
    return format('ImportId.method', methodSegments(restApiId, resourceId, httpMethod));
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD` of an `aws_api_gateway_integration`. */
  public static integration(restApiId: string, resourceId: string, httpMethod: string): string {
    return format('ImportId.integration', methodSegments(restApiId, resourceId, httpMethod));
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` of an `aws_api_gateway_method_response`. */
  public static methodResponse(restApiId: string, resourceId: string, httpMethod: string, statusCode: string): string {
    return format('ImportId.methodResponse', responseSegments(restApiId, resourceId, httpMethod, statusCode));
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` of an `aws_api_gateway_integration_response`. */
  public static integrationResponse(restApiId: string, resourceId: string, httpMethod: string, statusCode: string): string {
    return format('ImportId.integrationResponse', responseSegments(restApiId, resourceId, httpMethod, statusCode));
  }

  /** `REST-API-ID/DEPLOYMENT-ID` of an `aws_api_gateway_deployment`. */
  public static deployment(restApiId: string, deploymentId: string): string {
    return format('ImportId.deployment', [['REST-API-ID', ID, restApiId], ['DEPLOYMENT-ID', ID, deploymentId]]);
  }

  /** `REST-API-ID/STAGE-NAME` of an `aws_api_gateway_stage`. */
  public static stage(restApiId: string, stageName: string): string {
    return format('ImportId.stage', [['REST-API-ID', ID, restApiId], ['STAGE-NAME', ID, stageName]]);
  }

  /** Parses `REST-API-ID`. */
  public static parseRestApi(id: string): RestApiImportIdParts {
    const [restApiId] = parse('ImportId.parseRestApi', id, [['REST-API-ID', ID]]);
    return { restApiId };
  }

  /** Parses `REST-API-ID/RESOURCE-ID`. */
  public static parseResource(id: string): ResourceImportIdParts {
    const [restApiId, resourceId] = parse('ImportId.parseResource', id, [['REST-API-ID', ID], ['RESOURCE-ID', ID]]);
    return { restApiId, resourceId };
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD` (a method). */
  public static parseMethod(id: string): MethodImportIdParts {
    return parseMethodLike('ImportId.parseMethod', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD` (an integration). */
  public static parseIntegration(id: string): MethodImportIdParts {
    return parseMethodLike('ImportId.parseIntegration', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` (a method response). */
  public static parseMethodResponse(id: string): ResponseImportIdParts {
    return parseResponseLike('ImportId.parseMethodResponse', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` (an integration response). */
  public static parseIntegrationResponse(id: string): ResponseImportIdParts {
    return parseResponseLike('ImportId.parseIntegrationResponse', id);
  }

  /** Parses `REST-API-ID/DEPLOYMENT-ID`. */
  public static parseDeployment(id: string): DeploymentImportIdParts {
    const [restApiId, deploymentId] = parse('ImportId.parseDeployment', id, [['REST-API-ID', ID], ['DEPLOYMENT-ID', ID]]);
    return { restApiId, deploymentId };
  }

  /** Parses `REST-API-ID/STAGE-NAME`. */
  public static parseStage(id: string): StageImportIdParts {
    const [restApiId, stageName] = parse('ImportId.parseStage', id, [['REST-API-ID', ID], ['STAGE-NAME', ID]]);
    return { restApiId, stageName };
  }

  /**
   * The `terraform import ADDRESS ID` commands for every resource of a stack that has an import
   * ID (from `importFrom()` or `RestApi.importExisting()`), for Terraform versions without
   * `import` blocks. Run them in the stack's directory under `cdktf.out/stacks/`.
   */
  public static commandsFor(stack: TerraformStack): string[] {
    for (const c of stack.node.findAll()) {
      for (const aspect of Aspects.of(c).all) {
        if (isImportAspect(aspect)) aspect.visit(c);
      }
    }
    const resolver = new DefaultTokenResolver(new StringConcat());
    const commands: string[] = [];
    for (const c of stack.node.findAll()) {
      if (!TerraformResource.isTerraformResource(c)) continue;
      const tf = Tokenization.resolve(c.toTerraform(), { scope: stack, resolver }) as { import?: Array<{ id: string; to: string }> };
      for (const block of tf.import ?? []) {
        commands.push(`terraform import ${block.to} ${block.id}`);
      }
    }
    return commands;
  }

  private constructor() {}
}

/** Marks the aspect that gives an adopted API its import IDs, so `commandsFor` can apply it early. @internal */
export const IMPORT_ASPECT = Symbol.for('cdktf-apigateway.import-existing');

function isImportAspect(aspect: IAspect): boolean {
  return (aspect as unknown as { [IMPORT_ASPECT]?: boolean })[IMPORT_ASPECT] === true;
}


type Named = readonly [label: string, segment: Segment];

function methodSegments(restApiId: string, resourceId: string, httpMethod: string): Array<[string, Segment, string]> {
  return [['REST-API-ID', ID, restApiId], ['RESOURCE-ID', ID, resourceId], ['HTTP-METHOD', httpMethodSegment, httpMethod]];
}

function responseSegments(restApiId: string, resourceId: string, httpMethod: string, statusCode: string): Array<[string, Segment, string]> {
  return [...methodSegments(restApiId, resourceId, httpMethod), ['STATUS-CODE', statusCodeSegment, statusCode]];
}

function parseMethodLike(fn: string, id: string): MethodImportIdParts {
  const [restApiId, resourceId, httpMethod] = parse(fn, id, [['REST-API-ID', ID], ['RESOURCE-ID', ID], ['HTTP-METHOD', httpMethodSegment]]);
  return { restApiId, resourceId, httpMethod };
}

function parseResponseLike(fn: string, id: string): ResponseImportIdParts {
  const [restApiId, resourceId, httpMethod, statusCode] = parse(fn, id,
    [['REST-API-ID', ID], ['RESOURCE-ID', ID], ['HTTP-METHOD', httpMethodSegment], ['STATUS-CODE', statusCodeSegment]]);
  return { restApiId, resourceId, httpMethod, statusCode };
}

/** Checks one segment; returns a problem or undefined. Tokens are accepted as they are. */
function segmentProblem(label: string, segment: Segment, value: string): string | undefined {
  if (unresolved(value)) return undefined;
  if (typeof value !== 'string' || value === '') return `${label} is empty`;
  if (/[/\s]/.test(value)) return `${label} "${value}" contains a slash or white space`;
  return segment.check?.(value);
}

function format(fn: string, parts: Array<[string, Segment, string]>): string {
  const expected = parts.map(([label]) => label).join('/');
  for (const [label, segment, value] of parts) {
    const problem = segmentProblem(label, segment, value);
    if (problem) {
      throw new ValidationError(fn, `cannot build an import ID: ${problem}; expected format ${expected}`);
    }
  }
  return parts.map(([, , value]) => value).join('/');
}

/**
 * Splits an import ID into its segments, one per entry of `shape`.
 * Exported for the WebSocket `ImportId`, which shares the rules.
 */
export function parse(fn: string, id: string, shape: readonly Named[]): string[] {
  const expected = shape.map(([label]) => label).join('/');
  if (typeof id !== 'string') {
    throw new ValidationError(fn, `invalid import ID ${String(id)}: expected format ${expected}`);
  }
  const segments = id.split('/');
  if (segments.length !== shape.length) {
    throw new ValidationError(fn, `invalid import ID "${id}": it has ${segments.length} segment(s) separated by "/", expected ${shape.length} in the format ${expected}`);
  }
  shape.forEach(([label, segment], i) => {
    const problem = segmentProblem(label, segment, segments[i]);
    if (problem) {
      throw new ValidationError(fn, `invalid import ID "${id}": ${problem}; expected format ${expected}`);
    }
  });
  return segments;
}

/** Same as `format`, for the WebSocket `ImportId`. */
export function formatId(fn: string, labels: readonly string[], values: readonly string[]): string {
  return format(fn, labels.map((label, i) => [label, ID, values[i]]));
}

/** Plain-ID shape for `parse`, for the WebSocket `ImportId`. */
export function idShape(labels: readonly string[]): Named[] {
  return labels.map((label) => [label, ID] as const);
}
