import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { javaRegexProblem } from './java-regex';
import { HTTP_METHODS, MEDIA_TYPE, STATUS_CODE } from './patterns';

/**
 * The one error this library throws for bad input.
 *
 * Its message names where the problem is (a construct path, or the
 * `ImportId` function that was called), the property, the value received
 * and what is allowed.
 *
 * @jsii ignore
 */
export class ValidationError extends Error {
  /** Construct path (or function name) the error is about. */
  public readonly where: string;

  constructor(where: string, message: string) {
    super(where ? `${where}: ${message}` : message);
    Object.setPrototypeOf(this, ValidationError.prototype);
    this.name = 'ValidationError';
    this.where = where;
  }
}

/**
 * The path users see in messages: the construct path without the app root. A construct's path
 * never changes once it exists, and the constructs library computes it anew on every read by
 * walking up the tree, so each is computed once.
 */
export function pathOf(scope: IConstruct): string {
  let path = PATHS.get(scope);
  if (path === undefined) {
    path = scope.node.path || scope.node.id;
    PATHS.set(scope, path);
  }
  return path;
}

const PATHS = new WeakMap<IConstruct, string>();

/** Renders a received value for a message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `<path>: invalid <property> <value>: <allowed>` */
export function invalid(scope: IConstruct | string, property: string, value: unknown, allowed: string): ValidationError {
  const where = typeof scope === 'string' ? scope : pathOf(scope);
  return new ValidationError(where, `invalid ${property} ${show(value)}: ${allowed}`);
}

/** True when the value is, or contains, an unresolved token: such values are never rejected. */
export function unresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(unresolved);
  return Token.isUnresolved(value);
}

/** Throws unless `value` is one of `allowed` (tokens pass). */
export function checkOneOf(scope: IConstruct | string, property: string, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || unresolved(value)) return;
  if (!allowed.includes(value)) {
    throw invalid(scope, property, value, `allowed values are ${allowed.join(', ')}`);
  }
}

/** Throws unless `value` is an integer in [min, max] (tokens pass). */
export function checkInteger(scope: IConstruct | string, property: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || unresolved(value)) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(scope, property, value, `must be a whole number from ${min} to ${max}`);
  }
}

/** Throws when `value` is an unresolved-free string that does not match `pattern`. */
export function checkPattern(scope: IConstruct | string, property: string, value: string | undefined, pattern: RegExp, allowed: string): void {
  if (value === undefined || unresolved(value)) return;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw invalid(scope, property, value, allowed);
  }
}

/** Checks every key of a map against a pattern. */
export function checkKeys(scope: IConstruct | string, property: string, map: { [key: string]: unknown } | undefined, pattern: RegExp, allowed: string): void {
  if (!map || unresolved(map)) return;
  for (const key of Object.keys(map)) {
    if (!unresolved(key) && !pattern.test(key)) {
      throw invalid(scope, `${property} key`, key, allowed);
    }
  }
}

/** Upper-cases and checks an HTTP method. */
export function normalizeHttpMethod(scope: IConstruct | string, property: string, value: string): string {
  if (unresolved(value)) return value;
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  checkOneOf(scope, property, upper, HTTP_METHODS);
  return upper;
}

export function checkStatusCode(scope: IConstruct | string, property: string, value: string): void {
  if (value === undefined) {
    throw invalid(scope, property, value, 'a status code is required: three digits from 100 to 599');
  }
  checkPattern(scope, property, value, STATUS_CODE, 'must be three digits from 100 to 599 (pattern [1-5]\\d\\d)');
}

/** Content type keys of template and model maps. */
export function checkMediaTypeKeys(scope: IConstruct | string, property: string, map: { [key: string]: unknown } | undefined): void {
  checkKeys(scope, property, map, MEDIA_TYPE, 'keys must be content types such as application/json');
}

/**
 * Throws when a selection pattern is not a regular expression API Gateway can compile: API
 * Gateway reads it as a Java regular expression (`(?i)`, possessive quantifiers and `\\p{Alpha}`
 * are fine), checked here by a parser of Java's syntax. A newline is refused too: the pattern is
 * matched against one line of the backend's error message or status code.
 */
export function checkSelectionPattern(scope: IConstruct | string, property: string, value: string | undefined): void {
  if (value === undefined || unresolved(value)) return;
  if (typeof value !== 'string') throw invalid(scope, property, value, 'must be a string: a Java regular expression');
  if (/[\r\n]/.test(value)) {
    throw invalid(scope, property, value, 'a selection pattern is a single-line regular expression; it must not contain a newline');
  }
  const problem = javaRegexProblem(value);
  if (problem) {
    throw invalid(scope, property, value, `it is not a Java regular expression, as API Gateway reads it (${problem})`);
  }
}

const HEADER_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";

/** `method.response.header.{name}` */
export const METHOD_RESPONSE_HEADER = new RegExp(`^method\\.response\\.header\\.(${HEADER_NAME})$`);

/**
 * The sources an integration response may map into a method response header.
 * `integration.response.body.{json-path}` takes a JSON path; static values are single-quoted.
 */
export const INTEGRATION_RESPONSE_SOURCE = new RegExp([
  `^integration\\.response\\.(header|multivalueheader)\\.${HEADER_NAME}$`,
  '^integration\\.response\\.body$',
  '^integration\\.response\\.body\\.\\S+$',
  '^stageVariables\\.[A-Za-z0-9_]+$',
  '^context\\.[A-Za-z0-9_.]+$',
  "^'[^']*'$",
].join('|'));

export const INTEGRATION_RESPONSE_SOURCES_TEXT =
  "integration.response.header.{name}, integration.response.multivalueheader.{name}, integration.response.body, " +
  "integration.response.body.{json-path}, stageVariables.{name}, context.{name} or a 'static value' in single quotes";

/** Checks the keys and sources of the `responseParameters` map of an integration response. */
export function checkIntegrationResponseParameters(scope: IConstruct | string, params: { [key: string]: string } | undefined): void {
  if (!params || unresolved(params)) return;
  for (const [key, value] of Object.entries(params)) {
    if (!unresolved(key) && !METHOD_RESPONSE_HEADER.test(key)) {
      throw invalid(scope, 'responseParameters key', key, 'keys are method.response.header.{name}');
    }
    if (!unresolved(value) && (typeof value !== 'string' || !INTEGRATION_RESPONSE_SOURCE.test(value))) {
      throw invalid(scope, `responseParameters["${key}"]`, value, `allowed sources are ${INTEGRATION_RESPONSE_SOURCES_TEXT}`);
    }
  }
}

const REQUEST_LOCATION = '(querystring|header|path|multivaluequerystring|multivalueheader)';

/** Keys of a method's `requestParameters`. */
export const METHOD_REQUEST_PARAMETER = new RegExp(`^method\\.request\\.${REQUEST_LOCATION}\\.[^.\\s]+$`);

/** Keys of an integration's `requestParameters`. */
export const INTEGRATION_REQUEST_PARAMETER = new RegExp(`^integration\\.request\\.${REQUEST_LOCATION}\\.[^\\s]+$`);

/** Values of an integration's `requestParameters`. */
export const INTEGRATION_REQUEST_SOURCE = new RegExp([
  `^method\\.request\\.${REQUEST_LOCATION}\\.[^\\s]+$`,
  '^method\\.request\\.body(\\.\\S+)?$',
  '^stageVariables\\.[A-Za-z0-9_]+$',
  '^context\\.[A-Za-z0-9_.]+$',
  "^'[^']*'$",
].join('|'));

/** Tags: API Gateway allows 128-character keys and 256-character values, and reserves `aws:`. */
export function checkTags(scope: IConstruct | string, property: string, tags: { [key: string]: string } | undefined): void {
  if (!tags || unresolved(tags)) return;
  for (const [key, value] of Object.entries(tags)) {
    if (unresolved(key)) continue;
    if (key.length < 1 || key.length > 128 || key.toLowerCase().startsWith('aws:')) {
      throw invalid(scope, `${property} key`, key, 'tag keys are 1 to 128 characters and must not start with "aws:"');
    }
    if (!unresolved(value) && (typeof value !== 'string' || value.length > 256)) {
      throw invalid(scope, `${property}["${key}"]`, value, 'tag values are strings of at most 256 characters');
    }
  }
}

/** Throws unless `value` is a non-empty string (tokens pass). */
export function checkNonEmpty(scope: IConstruct | string, property: string, value: string | undefined, what: string): void {
  if (unresolved(value)) return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(scope, property, value, `${what} is required and must not be empty`);
  }
}

/** Throws unless `value` is an object of options (not a string, list or primitive), as JavaScript and Python callers can pass anything. */
export function checkStruct(scope: IConstruct | string, property: string, value: unknown, what: string = 'an object of options'): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || unresolved(value)) {
    throw invalid(scope, property, value, `must be ${what}`);
  }
}

/** Throws unless every value of a map is a boolean (tokens pass). */
export function checkBooleanValues(scope: IConstruct | string, property: string, map: { [key: string]: unknown } | undefined, meaning: string): void {
  if (map === undefined || unresolved(map)) return;
  checkStruct(scope, property, map, 'a map');
  for (const [key, value] of Object.entries(map)) {
    if (!unresolved(value) && typeof value !== 'boolean') {
      throw invalid(scope, `${property}["${key}"]`, value, meaning);
    }
  }
}

/** The JavaScript shape of a prop, checked for callers without a compiler (JavaScript, Python dicts). */
export type Kind = 'string' | 'number' | 'boolean' | 'string[]' | 'map<string>' | 'map<boolean>' | 'object' | 'object[]';

const KIND_TEXT: { [k in Kind]: string } = {
  'string': 'a string',
  'number': 'a number',
  'boolean': 'true or false',
  'string[]': 'a list of strings',
  'map<string>': 'a map of strings',
  'map<boolean>': 'a map of booleans',
  'object': 'an object',
  'object[]': 'a list of objects',
};

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && !Number.isNaN(value);
    case 'boolean': return typeof value === 'boolean';
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    // The values of maps are checked key by key below, or (booleans) by the validators that know what they mean.
    case 'map<string>': return isPlainObject(value);
    case 'map<boolean>': return isPlainObject(value);
    case 'object': return isPlainObject(value);
    case 'object[]': return Array.isArray(value) && value.every(isPlainObject);
  }
}

/**
 * Checks the types of the given props: a wrong type from JavaScript or Python becomes a
 * ValidationError naming the property, instead of a TypeError or JSON that Terraform rejects.
 * Absent props and tokens pass.
 */
export function checkKinds(scope: IConstruct | string, props: object, kinds: { [prop: string]: Kind }): void {
  for (const [prop, kind] of Object.entries(kinds)) {
    const value = (props as { [key: string]: unknown })[prop];
    if (value === undefined || value === null) continue;
    // The shape is checked first: most values have it, and asking whether a value is a token costs more.
    if (!hasKind(value, kind)) {
      if (unresolved(value)) continue;
      throw invalid(scope, prop, value, `must be ${KIND_TEXT[kind]}`);
    }
    if (kind === 'map<string>' && !unresolved(value)) {
      for (const [key, v] of Object.entries(value as { [key: string]: unknown })) {
        if (typeof v !== 'string' && !unresolved(v)) throw invalid(scope, `${prop}["${key}"]`, v, 'must be a string');
      }
    }
  }
}
