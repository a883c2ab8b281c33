/** Patterns both API kinds check values against, written once. */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'ANY'] as const;

export const STATUS_CODE = /^[1-5]\d\d$/;

/** The start of an `http://` or `https://` URL with a host. */
export const HTTP_URL = /^https?:\/\/[^\s/]+/;

/** An IAM role (or, for caller credentials, user) ARN, as integrations take for `credentials`. */
export const IAM_PRINCIPAL_ARN = /^arn:[^:\s]+:iam::[^:\s]*:(role|user)\/\S+$/;

/** An API Gateway service integration URI: `arn:{partition}:apigateway:{region}:{service}:{path|action}/...`. */
export const APIGATEWAY_SERVICE_ARN = /^arn:[^:\s]+:apigateway:[^:\s]*:[^:\s]+:\S+$/;

/** A Lambda function ARN, with an optional version or alias. */
export const LAMBDA_FUNCTION_ARN = /^arn:[^:\s]+:lambda:[^:\s]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

/** A MIME type such as `application/json`, or a wildcard such as `image/*` or `*\/*`. */
export const MEDIA_TYPE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\/([A-Za-z0-9!#$%&'*+.^_`|~-]+)(\s*;.*)?$/;
