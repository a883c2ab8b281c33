import { brand, hasBrand } from '../core/protocol';
import { checkNonEmpty, invalid, unresolved } from '../core/validation';

/** The `$context` variables of the standard fields, in the order they are written. */
const STANDARD_FIELDS: Array<[string, string]> = [
  ['requestId', 'requestId'],
  ['ip', 'identity.sourceIp'],
  ['caller', 'identity.caller'],
  ['user', 'identity.user'],
  ['requestTime', 'requestTime'],
  ['httpMethod', 'httpMethod'],
  ['resourcePath', 'resourcePath'],
  ['status', 'status'],
  ['protocol', 'protocol'],
  ['responseLength', 'responseLength'],
];

/**
 * The format of a stage's access log lines (`access_log_settings.format`).
 *
 * API Gateway writes one line per request, replacing `$context.*` variables; every format must
 * contain `$context.requestId` or `$context.extendedRequestId`, which the stage checks.
 *
 * @example
 * api.deploy('prod', { accessLogGroup: true, accessLogFormat: AccessLogFormat.clf() });
 */
export class AccessLogFormat {
  /** Whether `x` is an `AccessLogFormat`, also across two copies of the package. */
  public static isAccessLogFormat(x: unknown): x is AccessLogFormat {
    return hasBrand(x, 'AccessLogFormat');
  }

  /**
   * One JSON object per request with the request ID, caller IP, caller, user, request time,
   * HTTP method, resource path, status, protocol and response length. The default of a stage
   * that logs without a format.
   */
  public static jsonWithStandardFields(): AccessLogFormat {
    const fields = STANDARD_FIELDS.map(([name, variable]) => `"${name}":"$context.${variable}"`);
    return new AccessLogFormat(`{${fields.join(',')}}`);
  }

  /** The Common Log Format of web servers, followed by the request ID. */
  public static clf(): AccessLogFormat {
    return new AccessLogFormat('$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
      '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId');
  }

  /**
   * A format of your own, such as `$context.requestId $context.status $context.error.message`.
   *
   * @param format the line API Gateway writes, with `$context.*` variables
   */
  public static custom(format: string): AccessLogFormat {
    checkNonEmpty('AccessLogFormat.custom', 'format', format, 'an access log format');
    if (!unresolved(format) && /[\r\n]/.test(format)) {
      throw invalid('AccessLogFormat.custom', 'format', format, 'an access log format is one line: API Gateway writes one line per request');
    }
    return new AccessLogFormat(format);
  }

  /** The format, as API Gateway reads it. */
  public readonly format: string;

  private constructor(format: string) {
    brand(this, 'AccessLogFormat');
    this.format = format;
  }

  /** The format, as API Gateway reads it. */
  public toString(): string {
    return this.format;
  }
}
