import { STATUS_CODE } from '../../core/patterns';
import { unresolved } from '../../core/validation';

type Json = { [key: string]: unknown };

const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];
/** Fields of a path item that are not operations. */
const PATH_ITEM_FIELDS = ['parameters', 'summary', 'description', 'servers', '$ref', 'trace'];
const INTEGRATION_TYPES = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'];
const PASSTHROUGH = ['when_no_match', 'when_no_templates', 'never'];
const CONTENT_HANDLING = ['convert_to_binary', 'convert_to_text'];
const CONNECTION_TYPES = ['internet', 'vpc_link'];

/** `$.paths['/pets'].get`: the JSON path of a field, in the notation the messages use. */
export function jsonPath(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? `${base}.${key}` : `${base}['${key.replace(/'/g, "\\'")}']`;
}

/** What a document holds that the checks found, for the API built from it. */
export interface DefinitionSummary {
  /** The document's `info.title`, when it has one. */
  readonly title?: string;
  /** How many operations the document defines. */
  readonly operations: number;
  /** Operations without an integration, which API Gateway refuses to deploy. */
  readonly withoutIntegration: string[];
}

/**
 * Checks an OpenAPI 3 or Swagger 2 document as API Gateway imports it: its version, its paths
 * and operations, and the shape of each `x-amazon-apigateway-integration`. Returns the problems,
 * each starting with the JSON path it is about, and a summary.
 */
export function checkDefinition(doc: unknown): { problems: string[]; summary: DefinitionSummary } {
  const problems: string[] = [];
  const summary = { title: undefined as string | undefined, operations: 0, withoutIntegration: [] as string[] };
  const problem = (path: string, value: unknown, allowed: string) => problems.push(`${path} is ${show(value)}: ${allowed}`);
  if (!isObject(doc)) {
    problem('$', doc, 'an OpenAPI document is a JSON or YAML object with openapi (or swagger), info and paths');
    return { problems, summary };
  }
  if (doc.openapi !== undefined) {
    if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi)) problem('$.openapi', doc.openapi, 'API Gateway imports OpenAPI 3.0.x ("3.0.1") or Swagger "2.0"');
  } else if (doc.swagger !== undefined) {
    if (doc.swagger !== '2.0') problem('$.swagger', doc.swagger, 'API Gateway imports Swagger "2.0" or OpenAPI 3.0.x');
  } else {
    problem('$.openapi', undefined, 'the document must say its version: openapi: 3.0.1 (or swagger: "2.0")');
  }
  if (!isObject(doc.info)) {
    problem('$.info', doc.info, 'an object with at least a title');
  } else if (typeof doc.info.title === 'string') {
    summary.title = doc.info.title;
  }
  if (!isObject(doc.paths)) {
    problem('$.paths', doc.paths, 'an object of paths such as { "/pets": { "get": { ... } } }');
    return { problems, summary };
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    const at = jsonPath('$.paths', path);
    if (!path.startsWith('/') && !unresolved(path)) problem(`${at} (key)`, path, 'a path starts with "/"');
    if (!isObject(item)) {
      problem(at, item, 'a path item: an object of operations by HTTP method');
      continue;
    }
    for (const [key, operation] of Object.entries(item)) {
      const opAt = jsonPath(at, key);
      if (!OPERATIONS.includes(key)) {
        if (!PATH_ITEM_FIELDS.includes(key) && !key.startsWith('x-')) {
          problem(`${opAt} (key)`, key, `a path item's fields are the HTTP methods ${OPERATIONS.join(', ')} and parameters, summary, description`);
        }
        continue;
      }
      if (!isObject(operation)) {
        problem(opAt, operation, 'an operation object');
        continue;
      }
      summary.operations++;
      const integration = operation['x-amazon-apigateway-integration'];
      if (integration === undefined) {
        summary.withoutIntegration.push(`${key.toUpperCase()} ${path}`);
      } else {
        checkIntegration(jsonPath(opAt, 'x-amazon-apigateway-integration'), integration, problem);
      }
    }
  }
  return { problems, summary };
}

type Problem = (path: string, value: unknown, allowed: string) => void;

function checkIntegration(at: string, integration: unknown, problem: Problem): void {
  if (!isObject(integration)) {
    problem(at, integration, 'an object with type, uri, httpMethod and responses');
    return;
  }
  const type = integration.type;
  if (typeof type !== 'string' || !INTEGRATION_TYPES.includes(type.toLowerCase())) {
    problem(`${at}.type`, type, `one of ${INTEGRATION_TYPES.join(', ')} (upper or lower case)`);
  } else if (type.toLowerCase() !== 'mock') {
    if (typeof integration.uri !== 'string' || integration.uri === '') problem(`${at}.uri`, integration.uri, `a ${type} integration needs the uri of its backend`);
    if (typeof integration.httpMethod !== 'string' || integration.httpMethod === '') {
      problem(`${at}.httpMethod`, integration.httpMethod, `a ${type} integration needs the HTTP method used to call its backend`);
    }
  }
  checkEnum(`${at}.passthroughBehavior`, integration.passthroughBehavior, PASSTHROUGH, problem);
  checkEnum(`${at}.contentHandling`, integration.contentHandling, CONTENT_HANDLING, problem);
  checkEnum(`${at}.connectionType`, integration.connectionType, CONNECTION_TYPES, problem);
  const timeout = integration.timeoutInMillis;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 50 || timeout > 300000)) {
    problem(`${at}.timeoutInMillis`, timeout, 'an integer number of milliseconds from 50 to 300000');
  }
  checkStringMap(`${at}.requestParameters`, integration.requestParameters, problem);
  checkStringMap(`${at}.requestTemplates`, integration.requestTemplates, problem);
  if (integration.cacheKeyParameters !== undefined && (!Array.isArray(integration.cacheKeyParameters) ||
    integration.cacheKeyParameters.some((p) => typeof p !== 'string'))) {
    problem(`${at}.cacheKeyParameters`, integration.cacheKeyParameters, 'a list of method request parameter names');
  }
  const responses = integration.responses;
  if (responses === undefined) return;
  if (!isObject(responses)) {
    problem(`${at}.responses`, responses, 'an object of integration responses keyed by selection pattern or "default"');
    return;
  }
  for (const [pattern, response] of Object.entries(responses)) {
    const rAt = jsonPath(`${at}.responses`, pattern);
    if (!isObject(response)) {
      problem(rAt, response, 'an integration response object with statusCode');
      continue;
    }
    if (typeof response.statusCode !== 'string' && typeof response.statusCode !== 'number') {
      problem(`${rAt}.statusCode`, response.statusCode, 'the status code of a method response, such as "200"');
    } else if (!STATUS_CODE.test(String(response.statusCode)) && !unresolved(response.statusCode)) {
      problem(`${rAt}.statusCode`, response.statusCode, 'a status code is three digits from 100 to 599');
    }
    checkStringMap(`${rAt}.responseParameters`, response.responseParameters, problem);
    checkStringMap(`${rAt}.responseTemplates`, response.responseTemplates, problem);
    checkEnum(`${rAt}.contentHandling`, response.contentHandling, CONTENT_HANDLING, problem);
  }
}

function checkEnum(at: string, value: unknown, allowed: string[], problem: Problem): void {
  if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value.toLowerCase()))) {
    problem(at, value, `one of ${allowed.join(', ')} (upper or lower case)`);
  }
}

function checkStringMap(at: string, value: unknown, problem: Problem): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problem(at, value, 'an object of strings');
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') problem(jsonPath(at, key), v, 'a string');
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
