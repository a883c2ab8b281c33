import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { websocket } from '../../lib';

/**
 * A WebSocket chat API answered by a MOCK integration: a `$default` integration response with
 * template selection and content handling, a `/404/` one, a two-way `sendmessage` route with
 * its route response, and a stage.
 */
export class ChatStack extends TerraformStack {
  public readonly api: websocket.WebSocketApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    this.api = new websocket.WebSocketApi(this, 'ChatApi', {
      name: 'chat',
      description: 'A WebSocket chat answered by a mock integration',
    });

    const mock = this.api.addIntegration('Mock', {
      type: websocket.IntegrationType.MOCK,
      requestTemplates: { '$default': '{"statusCode": 200}' },
      templateSelectionExpression: '\\$default',
    });
    mock.addResponse({
      integrationResponseKey: websocket.IntegrationResponseKey.DEFAULT,
      templateSelectionExpression: '\\$default',
      responseTemplates: { '$default': '{"message": "sent"}' },
      contentHandlingStrategy: websocket.ContentHandlingStrategy.CONVERT_TO_TEXT,
    });
    mock.addResponse({
      integrationResponseKey: websocket.IntegrationResponseKey.fromStatusCode(404),
      responseTemplates: { '$default': '{"message": "no such room"}' },
    });

    const send = this.api.addRoute('sendmessage', { integration: mock });
    send.addResponse({ routeResponseKey: '$default' });
    this.api.addRoute('$connect', { integration: mock });

    this.api.deploy('prod', { throttlingBurstLimit: 50, throttlingRateLimit: 100 });
  }
}

if (require.main === module) {
  const app = new App();
  new ChatStack(app, 'chat-websocket-api');
  app.synth();
}
