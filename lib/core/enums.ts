/** Enums that REST and WebSocket APIs share. */

/** What API Gateway does with a request whose content type has no request template. */
export enum PassthroughBehavior {
  /** Passes requests with unmapped content types through unchanged. */
  WHEN_NO_MATCH = 'WHEN_NO_MATCH',
  /** Rejects requests with unmapped content types (415 Unsupported Media Type). */
  NEVER = 'NEVER',
  /** Passes requests through only when the integration has no templates at all. */
  WHEN_NO_TEMPLATES = 'WHEN_NO_TEMPLATES',
}

/** How much API Gateway logs to CloudWatch for a method or route. */
export enum MethodLoggingLevel {
  /** No logs. */
  OFF = 'OFF',
  /** Errors only. */
  ERROR = 'ERROR',
  /** Errors and informational events. */
  INFO = 'INFO',
}
