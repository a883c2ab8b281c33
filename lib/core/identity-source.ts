import { IConstruct } from 'constructs';
import { javaRegexProblem } from './java-regex';
import { checkInteger, invalid, unresolved } from './validation';

/**
 * The checks that REST and WebSocket authorizers share: where an authorizer reads the caller's
 * identity, how long API Gateway caches its answer, and the validation expression of a TOKEN
 * authorizer.
 */

const NAME = '[^\\s.,][^\\s,]*';

/** REST identity sources: request headers and query strings, stage variables and context variables. */
export const REST_IDENTITY_SOURCE = new RegExp(
  `^(method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)\\.${NAME}|stageVariables\\.${NAME}|context\\.${NAME})$`);

export const REST_IDENTITY_SOURCE_TEXT =
  'identity sources are method.request.header.{name}, method.request.querystring.{name}, method.request.multivalueheader.{name}, ' +
  'method.request.multivaluequerystring.{name}, stageVariables.{name} or context.{name}';

/** The one header a TOKEN (or Cognito) authorizer reads the token from. */
export const REST_HEADER_SOURCE = new RegExp(`^method\\.request\\.header\\.${NAME}$`);

/** WebSocket identity sources, read from the `$connect` request. */
export const WEBSOCKET_IDENTITY_SOURCE = new RegExp(
  `^(route\\.request\\.(header|querystring)\\.${NAME}|stageVariables\\.${NAME}|context\\.${NAME})$`);

export const WEBSOCKET_IDENTITY_SOURCE_TEXT =
  'identity sources are route.request.header.{name}, route.request.querystring.{name}, stageVariables.{name} or context.{name}';

/** Throws unless every identity source matches `pattern` and none is given twice (tokens pass). */
export function checkIdentitySources(scope: IConstruct | string, property: string, sources: string[] | undefined, pattern: RegExp, allowed: string): void {
  if (sources === undefined || unresolved(sources)) return;
  if (!Array.isArray(sources)) throw invalid(scope, property, sources, `must be a list of identity sources; ${allowed}`);
  const seen = new Set<string>();
  for (const source of sources) {
    if (unresolved(source)) continue;
    if (typeof source !== 'string' || !pattern.test(source)) throw invalid(scope, property, source, allowed);
    if (seen.has(source)) throw invalid(scope, property, source, 'each identity source is listed once');
    seen.add(source);
  }
}

/** How long API Gateway caches an authorizer's answer: whole seconds from 0 (no caching) to 3600. */
export function checkResultsCacheTtl(scope: IConstruct | string, property: string, ttl: number | undefined): void {
  checkInteger(scope, property, ttl, 0, 3600);
}

/** Throws when a TOKEN authorizer's validation expression is not a Java regular expression. */
export function checkValidationRegex(scope: IConstruct | string, property: string, value: string | undefined): void {
  if (value === undefined || unresolved(value)) return;
  if (typeof value !== 'string' || value === '') throw invalid(scope, property, value, 'a non-empty Java regular expression');
  const problem = javaRegexProblem(value);
  if (problem) {
    throw invalid(scope, property, value, `it is not a Java regular expression, as API Gateway reads it (${problem})`);
  }
}

/** A Cognito user pool ARN: `arn:aws:cognito-idp:{region}:{account}:userpool/{region}_{id}`. */
export const COGNITO_USER_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/\1_[A-Za-z0-9]+$/;
