import { TerraformVariable } from 'cdktf';
import {
  AuthorizationType, AwsIntegration, HttpIntegration, LambdaIntegration, MockIntegration, RestApi, ValidationError,
} from '../../lib';
import { buildGraph, reaches } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  return { stack, api, pets: api.root.addResource('pets') };
}
const open = { authorization: AuthorizationType.NONE };

describe('integration backends', () => {
  test('GIVEN MockIntegration THEN type MOCK with no uri', () => {
    const { stack, pets } = fixture();
    pets.addMethod('GET', new MockIntegration({ requestTemplates: { 'application/json': '{"statusCode": 200}' } }), open);
    expect(only(synth(stack), 'aws_api_gateway_integration')).toEqual(expect.objectContaining({
      type: 'MOCK', request_templates: { 'application/json': '{"statusCode": 200}' },
    }));
    expect(only(synth(stack), 'aws_api_gateway_integration').uri).toBeUndefined();
  });

  test('GIVEN HttpIntegration THEN HTTP_PROXY with GET by default, HTTP with proxy false', () => {
    const { stack, pets } = fixture();
    pets.addMethod('GET', new HttpIntegration('https://example.com/pets'), open);
    pets.addMethod('POST', new HttpIntegration('https://example.com/pets', { proxy: false, httpMethod: 'post', timeoutMilliseconds: 1000 }), open);
    const [get, post] = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_integration'));
    expect(get).toEqual(expect.objectContaining({ type: 'HTTP_PROXY', uri: 'https://example.com/pets', integration_http_method: 'GET' }));
    expect(post).toEqual(expect.objectContaining({ type: 'HTTP', integration_http_method: 'POST', timeout_milliseconds: 1000 }));
  });

  test('GIVEN AwsIntegration with a path and a region THEN the service ARN is built', () => {
    const { stack, pets } = fixture();
    pets.addMethod('POST', new AwsIntegration({
      service: 'sqs', path: '123456789012/queue', region: 'eu-west-1', credentials: 'arn:aws:iam::123456789012:role/apigw',
    }), open);
    expect(only(synth(stack), 'aws_api_gateway_integration')).toEqual(expect.objectContaining({
      type: 'AWS', integration_http_method: 'POST', uri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/queue',
      credentials: 'arn:aws:iam::123456789012:role/apigw',
    }));
  });

  test('GIVEN AwsIntegration with an action and no region THEN the region comes from one aws_region data source', () => {
    const { stack, pets } = fixture();
    pets.addMethod('POST', new AwsIntegration({ service: 'sqs', action: 'SendMessage', actionParameters: { Version: '2012-11-05' } }), open);
    pets.addMethod('PUT', new AwsIntegration({ service: 'sns', subdomain: 'x', action: 'Publish' }), open);
    const json = synth(stack) as any;
    const regions = Object.keys(json.data.aws_region);
    expect(regions).toHaveLength(1);
    const [post, put] = Object.values(resourcesOf(json, 'aws_api_gateway_integration'));
    expect(post.uri).toBe(`arn:aws:apigateway:\${data.aws_region.${regions[0]}.region}:sqs:action/SendMessage&Version=2012-11-05`);
    expect(put.uri).toBe(`arn:aws:apigateway:\${data.aws_region.${regions[0]}.region}:x.sns:action/Publish`);
  });

  test.each([
    ['both path and action', { service: 'sqs', path: 'a', action: 'b' }, /invalid path\/action \["a","b"\]: give exactly one of path/],
    ['neither path nor action', { service: 'sqs' }, /give exactly one of path \(path-based call\) and action/],
    ['an upper-case service', { service: 'SQS', path: 'a' }, /invalid service "SQS"/],
    ['action parameters with a path', { service: 'sqs', path: 'a', actionParameters: { a: 'b' } }, /invalid actionParameters/],
  ])('GIVEN AwsIntegration with %s THEN a ValidationError', (_what, props, message) => {
    expect(() => fixture().pets.addMethod('POST', new AwsIntegration(props), open)).toThrow(ValidationError);
    expect(() => fixture().pets.addMethod('POST', new AwsIntegration(props), open)).toThrow(message);
  });

  test('GIVEN LambdaIntegration THEN AWS_PROXY with the invocation URI and a permission scoped to the method', () => {
    const { stack, pets } = fixture();
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:pets';
    const method = pets.addMethod('GET', new LambdaIntegration(arn), open);
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_integration')).toEqual(expect.objectContaining({
      type: 'AWS_PROXY', integration_http_method: 'POST',
      uri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${arn}/invocations`,
    }));
    const permissions = Object.values(resourcesOf(json, 'aws_lambda_permission'));
    expect(permissions.map((p) => p.source_arn).sort()).toEqual([resolve(stack, method.methodArn), resolve(stack, method.testMethodArn)].sort());
    expect(permissions[0]).toEqual(expect.objectContaining({ function_name: arn, action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com' }));
  });

  test('GIVEN LambdaIntegration with a token ARN and a deployment THEN region comes from the ARN and nothing waits for the permission', () => {
    const { stack, api, pets } = fixture();
    const arn = new TerraformVariable(stack, 'fn', { type: 'string' }).stringValue;
    pets.addMethod('GET', new LambdaIntegration(arn, { allowTestInvoke: false, proxy: false }), open);
    api.deploy('prod');
    const json = synth(stack);
    const integration = only(json, 'aws_api_gateway_integration');
    expect(integration.type).toBe('AWS');
    expect(integration.uri).toBe('arn:${element(split(":", var.fn), 1)}:apigateway:${element(split(":", var.fn), 3)}:lambda:path/2015-03-31/functions/${var.fn}/invocations');
    const graph = buildGraph(json);
    const permission = [...graph.values()].find((n) => n.type === 'aws_lambda_permission')!;
    for (const node of graph.values()) expect(node.dependsOn.has(permission.address)).toBe(false);
    const deployment = [...graph.values()].find((n) => n.type === 'aws_api_gateway_deployment')!;
    expect(reaches(graph, permission.address, deployment.address)).toBe(false);
  });

  test('GIVEN LambdaIntegration with something that is not a function ARN THEN a ValidationError', () => {
    expect(() => fixture().pets.addMethod('GET', new LambdaIntegration('pets-function'), open))
      .toThrow(/Integration: invalid functionArn "pets-function": the ARN of a Lambda function/);
  });
});
