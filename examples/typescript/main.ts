import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AuthorizationType, MockIntegration, RestApi } from '../../lib';

/**
 * MyDemoAPI: a REST API with one resource, a GET method answered by a MOCK integration, and
 * an integration response that turns the backend's JSON into XML.
 */
export class MyDemoStack extends TerraformStack {
  public readonly api: RestApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    this.api = new RestApi(this, 'MyDemoAPI', {
      name: 'MyDemoAPI',
      description: 'This is my API for demonstration purposes',
    });

    const method = this.api.root.addResource('mydemoresource').addMethod('GET', new MockIntegration(), {
      authorization: AuthorizationType.NONE,
    });
    method.addMethodResponse({ statusCode: '200' });
    method.addIntegrationResponse({
      statusCode: '200',
      // Transforms the backend JSON response to XML
      responseTemplates: {
        'application/xml': [
          "#set($inputRoot = $input.path('$'))",
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<message>',
          '    $inputRoot.body',
          '</message>',
        ].join('\n'),
      },
    });

    this.api.deploy('prod');
  }
}

if (require.main === module) {
  const app = new App();
  new MyDemoStack(app, 'my-demo-api');
  app.synth();
}
