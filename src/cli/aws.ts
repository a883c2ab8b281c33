/**
 * AWS access for the adopt and inventory commands: the clients (default credential chain, adaptive
 * retries for throttling), pagination, and the translation of SDK failures into the command's
 * errors (exit code 2, nothing written).
 */
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';

/** A failure the command reports in one message, with exit code 2. */
export class CliError extends Error {
  public readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where and as whom the command reads. */
export interface AwsOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly endpointUrl?: string;
}

/** Attempts per call: throttled calls back off exponentially (adaptive mode also slows the client down). */
const MAX_ATTEMPTS = 8;

function clientConfig(options: AwsOptions) {
  return {
    region: options.region,
    profile: options.profile,
    endpoint: options.endpointUrl,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'adaptive',
    requestHandler: { connectionTimeout: 5000, requestTimeout: 60000 },
  };
}

/** The API Gateway (REST) and API Gateway V2 (WebSocket) clients. */
export interface Clients {
  readonly v1: APIGatewayClient;
  readonly v2: ApiGatewayV2Client;
  readonly region: string;
  /** The endpoint, for messages. */
  readonly endpoint: string;
}

/** Creates both clients; a missing region is reported before any call. */
export async function createClients(options: AwsOptions): Promise<Clients> {
  const v1 = new APIGatewayClient(clientConfig(options));
  const v2 = new ApiGatewayV2Client(clientConfig(options));
  let region: string;
  try {
    region = await v1.config.region();
  } catch {
    throw new CliError('no AWS region: pass --region, or set AWS_REGION or a region in the profile');
  }
  if (!region) throw new CliError('no AWS region: pass --region, or set AWS_REGION or a region in the profile');
  return { v1, v2, region, endpoint: options.endpointUrl ?? `https://apigateway.${region}.amazonaws.com` };
}

/** Reads every page of a `position`-paginated API Gateway list call. */
export async function allPositions<T>(page: (position: string | undefined) => Promise<{ items?: T[]; position?: string }>): Promise<T[]> {
  const out: T[] = [];
  let position: string | undefined;
  do {
    const result = await page(position);
    out.push(...(result.items ?? []));
    position = result.position;
  } while (position);
  return out;
}

/** Reads every page of a `NextToken`-paginated API Gateway V2 list call. */
export async function allTokens<T>(page: (token: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const result = await page(token);
    out.push(...(result.Items ?? []));
    token = result.NextToken;
  } while (token);
  return out;
}

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const NETWORK_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'];

/**
 * Turns an SDK failure of `what` into a `CliError` that says what went wrong and what to do.
 * `notFound` is the message for a NotFoundException (an unknown API ID).
 */
export function explain(e: unknown, what: string, endpoint: string, notFound?: string): CliError {
  if (e instanceof CliError) return e;
  const err = (e ?? {}) as SdkError;
  const name = err.name ?? '';
  const message = err.message ?? String(e);
  const status = err.$metadata?.httpStatusCode;
  if (name === 'NotFoundException' && notFound) return new CliError(notFound);
  if (name === 'CredentialsProviderError' || /Could not load credentials|credential/i.test(message) && !status) {
    return new CliError(`no AWS credentials: ${message}. Configure the default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ` +
      '~/.aws/credentials, SSO) or pass --profile.');
  }
  if (['AccessDeniedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException',
    'UnauthorizedException', 'ForbiddenException'].includes(name) || status === 403 || status === 401) {
    return new CliError(`access denied while reading ${what} (${name || `HTTP ${status}`}: ${message}); ` +
      'the identity needs apigateway:GET on the API\'s resources');
  }
  const code = err.code ?? (err.cause as SdkError | undefined)?.code;
  if ((code && NETWORK_CODES.includes(code)) || name === 'TimeoutError' || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up|timed out/i.test(message)) {
    return new CliError(`cannot reach the API Gateway endpoint ${endpoint} while reading ${what} (${code ?? name}: ${message})`);
  }
  if (name === 'SyntaxError' || /Deserialization error/.test(message)) {
    return new CliError(`the endpoint ${endpoint} did not answer ${what} with an API Gateway response (HTTP ${status ?? '?'}); ` +
      'an emulator may not implement this call');
  }
  return new CliError(`reading ${what} failed: ${name ? `${name}: ` : ''}${message}`);
}

/** Runs one call; a failure becomes a `CliError` naming what was read. */
export async function call<T>(what: string, endpoint: string, run: () => Promise<T>, notFound?: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw explain(e, what, endpoint, notFound);
  }
}
