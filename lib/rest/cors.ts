import { checkInteger, checkKinds, checkStatusCode, checkStruct, invalid, normalizeHttpMethod, pathOf, unresolved } from '../core/validation';
import { corsReachesErrors } from './gateway-response';
import { MockIntegration } from './integrations/mock';
import { AuthorizationType, Method, withoutDefaults } from './method';
import type { ResourceBase } from './resource';

/** How a resource answers CORS preflight (`OPTIONS`) requests. */
export interface CorsOptions {
  /** Origins allowed to call the resource, such as `https://example.com`, or `['*']` for any. */
  readonly allowOrigins: string[];

  /**
   * Methods allowed in the actual request.
   * @default - every method: OPTIONS, GET, PUT, POST, DELETE, PATCH, HEAD
   */
  readonly allowMethods?: string[];

  /**
   * Headers allowed in the actual request.
   * @default - Content-Type, X-Amz-Date, Authorization, X-Api-Key, X-Amz-Security-Token, X-Amz-User-Agent
   */
  readonly allowHeaders?: string[];

  /**
   * Whether the browser may send credentials (cookies, authorization headers). Not allowed with origin `*`.
   * @default false
   */
  readonly allowCredentials?: boolean;

  /**
   * Headers the browser may read from the response.
   * @default - none
   */
  readonly exposeHeaders?: string[];

  /**
   * How long, in seconds, the browser may cache the preflight answer (-1 disables caching).
   * @default - the browser's default
   */
  readonly maxAgeSeconds?: number;

  /**
   * Status code of the preflight answer.
   * @default '204'
   */
  readonly statusCode?: string;
}

/** `scheme://host[:port]`: a DNS name or IPv4 address, or a bracketed IPv6 address. */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

const DEFAULT_METHODS = ['OPTIONS', 'GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD'];
const DEFAULT_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent'];

/** Adds the preflight OPTIONS method of a resource. */
export function addCorsPreflight(resource: ResourceBase, options: CorsOptions): Method {
  const where = `${pathOf(resource)}/OPTIONS`;
  checkStruct(where, 'options', options, 'CORS options such as { allowOrigins: [\'https://example.com\'] }');
  checkKinds(where, options, {
    allowOrigins: 'string[]', allowMethods: 'string[]', allowHeaders: 'string[]', allowCredentials: 'boolean', exposeHeaders: 'string[]',
    maxAgeSeconds: 'number', statusCode: 'string',
  });
  const origins = options.allowOrigins;
  if (!Array.isArray(origins) || origins.length === 0) {
    throw invalid(where, 'allowOrigins', origins, "at least one origin, such as ['https://example.com'] or ['*']");
  }
  if (origins.includes('*') && origins.length > 1) {
    throw invalid(where, 'allowOrigins', origins, '"*" allows every origin and cannot be combined with others');
  }
  for (const origin of origins) {
    // The origins are written into the preflight's mapping template: nothing but scheme, host and port may get through.
    if (!unresolved(origin) && origin !== '*' && !ORIGIN.test(origin)) {
      throw invalid(where, 'allowOrigins', origin,
        'an origin is scheme://host[:port] with no path, quotes, #, $ or white space, such as https://example.com or http://localhost:3000');
    }
  }
  if (options.allowCredentials && origins.includes('*')) {
    throw invalid(where, 'allowCredentials', true, 'browsers refuse credentials with the origin "*"; list the allowed origins');
  }
  checkInteger(where, 'maxAgeSeconds', options.maxAgeSeconds, -1, 2147483647);
  const statusCode = options.statusCode ?? '204';
  checkStatusCode(where, 'statusCode', statusCode);
  const methods = (options.allowMethods ?? DEFAULT_METHODS).map((m) => m === 'ANY' ? m : normalizeHttpMethod(where, 'allowMethods', m));

  const headers: { [name: string]: string } = {
    'Access-Control-Allow-Headers': (options.allowHeaders ?? DEFAULT_HEADERS).join(','),
    'Access-Control-Allow-Origin': origins[0],
    'Access-Control-Allow-Methods': methods.includes('ANY') ? DEFAULT_METHODS.join(',') : methods.join(','),
  };
  if (origins[0] !== '*') headers.Vary = 'Origin';
  if (options.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  if (options.exposeHeaders?.length) headers['Access-Control-Expose-Headers'] = options.exposeHeaders.join(',');
  if (options.maxAgeSeconds !== undefined) headers['Access-Control-Max-Age'] = String(options.maxAgeSeconds);

  const responseParameters: { [key: string]: string } = {};
  const declared: { [key: string]: boolean } = {};
  for (const [name, value] of Object.entries(headers)) {
    responseParameters[`method.response.header.${name}`] = `'${value}'`;
    declared[`method.response.header.${name}`] = true;
  }

  const preflight = resource.addMethod('OPTIONS', new MockIntegration({
    requestTemplates: { 'application/json': `{ "statusCode": ${statusCode} }` },
    integrationResponses: [{
      statusCode,
      responseParameters,
      // With several origins, echo the caller's origin when it is one of them.
      responseTemplates: origins.length > 1 ? { 'application/json': originTemplate(origins) } : undefined,
    }],
  }), withoutDefaults({
    // Browsers send no credentials, API key or body with a preflight: it stays open whatever the defaults say.
    authorization: AuthorizationType.NONE,
    methodResponses: [{ statusCode, responseParameters: declared }],
  }));
  corsReachesErrors(resource.api, options);
  return preflight;
}

function originTemplate(origins: string[]): string {
  const test = origins.map((o) => `$origin == "${o}"`).join(' || ');
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")',
    '  #set($origin = $input.params().header.get("origin"))',
    '#end',
    `#if(${test})`,
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}
