import { IntegrationBackend, IntegrationOptions, IntegrationType } from '../integration';

/** Options of an HTTP integration. */
export interface HttpIntegrationProps extends IntegrationOptions {
  /**
   * Whether the request and response pass through unchanged (`HTTP_PROXY`) rather than
   * through mapping templates (`HTTP`).
   * @default true
   */
  readonly proxy?: boolean;

  /**
   * HTTP method used to call the backend.
   * @default 'GET'
   */
  readonly httpMethod?: string;
}

/**
 * An HTTP endpoint as backend (`type = "HTTP_PROXY"` or `"HTTP"`).
 *
 * @example
 * new HttpIntegration('https://example.com/pets/{id}', {
 *   requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
 * });
 */
export class HttpIntegration extends IntegrationBackend {
  constructor(url: string, props: HttpIntegrationProps = {}) {
    super({
      type: props.proxy ?? true ? IntegrationType.HTTP_PROXY : IntegrationType.HTTP,
      uri: url,
      integrationHttpMethod: props.httpMethod ?? 'GET',
      options: props,
    });
  }
}
