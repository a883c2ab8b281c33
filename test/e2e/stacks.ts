/** The stacks the end-to-end test applies to moto. */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ChatStack } from '../../examples/websocket/main';
import { MyDemoStack } from '../../examples/typescript/main';
import {
  ApiDefinition, AuthorizationType, ContentHandling, HttpIntegration, LambdaIntegration, MethodLoggingLevel, MockIntegration, PassthroughBehavior, RestApi,
  RestApiSynthesis, SpecRestApi,
} from '../../lib';
import { buildPetStore } from '../support/apis';
import { TfJson } from '../support/graph';

const synth = (stack: TerraformStack): TfJson => JSON.parse(Testing.synth(stack, true));

/** The MyDemoAPI example. */
export function exampleStack(): TfJson {
  return synth(new MyDemoStack(Testing.app(), 'my-demo-api'));
}

/** The WebSocket example. */
export function websocketStack(): TfJson {
  return synth(new ChatStack(Testing.app(), 'chat'));
}

/** Nested paths, several methods and status codes, a stage with method settings. */
export function petStoreStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'pet-store');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = buildPetStore(stack, 'chain');
  api.deploy('prod', {
    description: 'production',
    variables: { backend: 'mock' },
    metricsEnabled: true,
    loggingLevel: MethodLoggingLevel.INFO,
    throttlingBurstLimit: 100,
    methodOptions: { '/pets/GET': { cachingEnabled: false, throttlingRateLimit: 10 } },
  });
  return synth(stack);
}

/**
 * The Terraform documentation's MyDemoAPI written with raw provider resources. Without
 * `depends_on`, nothing orders the integration response after the integration.
 */
export function rawSeedStack(withDependsOn: boolean): TfJson {
  const stack = new TerraformStack(Testing.app(), withDependsOn ? 'raw-depends-on' : 'raw');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new ApiGatewayRestApi(stack, 'MyDemoAPI', { name: 'MyDemoAPI', description: 'This is my API for demonstration purposes' });
  const resource = new ApiGatewayResource(stack, 'MyDemoResource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'mydemoresource' });
  const method = new ApiGatewayMethod(stack, 'MyDemoMethod', { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
  const integration = new ApiGatewayIntegration(stack, 'MyDemoIntegration', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'MOCK',
  });
  const response200 = new ApiGatewayMethodResponse(stack, 'response_200', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: '200',
  });
  new ApiGatewayIntegrationResponse(stack, 'MyDemoIntegrationResponse', {
    restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: response200.statusCode,
    responseTemplates: { 'application/xml': "#set($inputRoot = $input.path('$'))\n<message>$inputRoot.body</message>" },
    dependsOn: withDependsOn ? [integration] : undefined,
  });
  return synth(stack);
}

/** A Lambda-backed proxy API: the integration URI takes its region from the function's ARN. */
export function lambdaStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'lambda');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const role = new IamRole(stack, 'Role', {
    name: 'hello-role',
    assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  });
  const fn = new LambdaFunction(stack, 'Hello', { functionName: 'hello', role: role.arn, runtime: 'nodejs20.x', handler: 'index.handler', filename: 'hello.zip' });
  const api = new RestApi(stack, 'Api', { name: 'hello' });
  api.root.addProxy({ defaultIntegration: new LambdaIntegration(fn.arn), defaultMethodOptions: { authorization: AuthorizationType.NONE } });
  api.root.addMethod('GET', new LambdaIntegration(fn.arn), { authorization: AuthorizationType.NONE });
  api.deploy('prod');
  return synth(stack);
}

/**
 * The same API in either synthesis: mock, HTTP and Lambda integrations, selection patterns,
 * mapped headers, templates with API Gateway's own `${...}`, a CORS preflight, nested variables.
 */
export function openApiStack(synthesis: RestApiSynthesis): TfJson {
  const stack = new TerraformStack(Testing.app(), `openapi-${synthesis.toLowerCase()}`);
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const fn = new LambdaFunction(stack, 'Fn', { functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', runtime: 'nodejs20.x', handler: 'index.handler', filename: 'pets.zip' });
  const api = new RestApi(stack, 'Api', { name: 'openapi-pets', synthesis });
  const open = { authorization: AuthorizationType.NONE };
  const pets = api.root.addResource('pets');
  pets.addMethod('GET', new MockIntegration({
    requestTemplates: { 'application/json': '{ "statusCode": 200, "stage": "${stageVariables.name}" }' },
    integrationResponses: [
      { statusCode: '200', responseTemplates: { 'application/json': '{ "pets": [] }' } },
      { statusCode: '500', selectionPattern: '.*"status":500.*', contentHandling: ContentHandling.CONVERT_TO_TEXT },
    ],
  }), { ...open, methodResponses: [{ statusCode: '200' }, { statusCode: '500' }] });
  pets.addMethod('POST', new HttpIntegration('https://example.com/pets', {
    proxy: false, httpMethod: 'POST', passthroughBehavior: PassthroughBehavior.WHEN_NO_TEMPLATES, timeoutMilliseconds: 5000,
    requestTemplates: { 'application/json': "$input.json('$')" },
    integrationResponses: [{ statusCode: '201', responseParameters: { 'method.response.header.Location': 'integration.response.header.Location' } }],
  }), { ...open, methodResponses: [{ statusCode: '201', responseParameters: { 'method.response.header.Location': true } }] });
  pets.addCorsPreflight({ allowOrigins: ['https://example.com'] });
  pets.addResource('{petId}').addMethod('GET', new LambdaIntegration(fn.arn), { ...open, methodResponses: [{ statusCode: '200' }] });
  api.root.resourceForPath('owners/{ownerId}/pets').addMethod('DELETE', new MockIntegration({
    requestTemplates: { 'application/json': '{ "statusCode": 204 }' }, integrationResponses: [{ statusCode: '204' }],
  }), { ...open, methodResponses: [{ statusCode: '204' }] });
  api.deploy('prod');
  return synth(stack);
}

/** An API from an OpenAPI 3 document in YAML, with a mock and an HTTP proxy integration. */
export function specStack(): TfJson {
  const stack = new TerraformStack(Testing.app(), 'spec');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const spec = new SpecRestApi(stack, 'Spec', {
    definition: ApiDefinition.fromString([
      'openapi: 3.0.1',
      'info:',
      '  title: from-a-document',
      '  version: "1"',
      'paths:',
      '  /health:',
      '    get:',
      '      responses:',
      '        "200":',
      '          description: ok',
      '      x-amazon-apigateway-integration:',
      '        type: MOCK',
      '        requestTemplates:',
      '          application/json: \'{ "statusCode": 200 }\'',
      '        responses:',
      '          default:',
      '            statusCode: "200"',
      '  /items/{id}:',
      '    get:',
      '      parameters:',
      '        - name: id',
      '          in: path',
      '          required: true',
      '          schema:',
      '            type: string',
      '      responses:',
      '        "200":',
      '          description: ok',
      '      x-amazon-apigateway-integration:',
      '        type: HTTP_PROXY',
      '        httpMethod: GET',
      '        uri: https://example.com/items/{id}',
      '',
    ].join('\n')),
  });
  spec.deploy('prod');
  return synth(stack);
}
