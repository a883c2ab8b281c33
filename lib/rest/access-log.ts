import { brand, hasBrand } from '../core/protocol';
import { IConstruct } from 'constructs';
import { checkNonEmpty, checkPattern, invalid, unresolved } from '../core/validation';

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

/** The retention periods CloudWatch Logs offers, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The access log options of a stage. */
interface AccessLogOptions {
  readonly accessLogDestinationArn?: string;
  readonly accessLogFormat?: AccessLogFormat;
  readonly accessLogGroup?: boolean;
  readonly accessLogRetention?: number;
}

/** Checks a stage's access log options: one destination, a retention CloudWatch offers, a format with the request ID. */
export function checkAccessLogs(scope: IConstruct, options: AccessLogOptions): void {
  const dest = options.accessLogDestinationArn;
  const format = options.accessLogFormat;
  if (options.accessLogGroup === true && dest !== undefined) {
    throw invalid(scope, 'accessLogDestinationArn', dest, 'give accessLogGroup: true or accessLogDestinationArn, not both');
  }
  if (options.accessLogRetention !== undefined && options.accessLogGroup !== true) {
    throw invalid(scope, 'accessLogRetention', options.accessLogRetention, 'a retention needs accessLogGroup: true');
  }
  if (options.accessLogRetention !== undefined && !unresolved(options.accessLogRetention) && !LOG_RETENTION_DAYS.includes(options.accessLogRetention)) {
    throw invalid(scope, 'accessLogRetention', options.accessLogRetention, `CloudWatch keeps logs for ${LOG_RETENTION_DAYS.join(', ')} days`);
  }
  if (format !== undefined && dest === undefined && options.accessLogGroup !== true) {
    throw invalid(scope, 'accessLogDestinationArn', undefined, 'an access log format needs accessLogDestinationArn or accessLogGroup: true');
  }
  if (dest !== undefined) {
    checkPattern(scope, 'accessLogDestinationArn', dest, /^arn:[^:\s]+:(logs:[^:\s]*:[^:\s]*:log-group:\S+|firehose:[^:\s]*:[^:\s]*:deliverystream\/amazon-apigateway-\S+)$/,
      'the ARN of a CloudWatch log group (arn:aws:logs:...:log-group:name) or of a Firehose stream named amazon-apigateway-*');
  }
  if (format !== undefined && !AccessLogFormat.isAccessLogFormat(format)) {
    throw invalid(scope, 'accessLogFormat', format,
      "an AccessLogFormat, such as AccessLogFormat.jsonWithStandardFields(), AccessLogFormat.clf() or AccessLogFormat.custom('$context.requestId ...')");
  }
  if (format !== undefined && !unresolved(format.format) && !/\$context\.(requestId|extendedRequestId)\b/.test(format.format)) {
    throw invalid(scope, 'accessLogFormat', format.format, 'the format must contain $context.requestId or $context.extendedRequestId');
  }
}
