import { IntegrationBackend, IntegrationOptions, IntegrationType } from '../integration';

/**
 * A backend-less integration (`type = "MOCK"`): API Gateway answers from the integration
 * responses, selected by the `statusCode` the request template produces.
 *
 * @example
 * new MockIntegration({
 *   requestTemplates: { 'application/json': '{ "statusCode": 200 }' },
 *   integrationResponses: [{ statusCode: '200' }],
 * });
 */
export class MockIntegration extends IntegrationBackend {
  constructor(options: IntegrationOptions = {}) {
    super({ type: IntegrationType.MOCK, options });
  }
}
