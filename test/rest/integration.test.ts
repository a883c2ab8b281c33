import {
  AuthorizationType, ConnectionType, ContentHandling, IntegrationBackend, IntegrationType, MockIntegration, PassthroughBehavior, RestApi,
  ValidationError,
} from '../../lib';
import { newStack, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  const pets = api.root.addResource('pets');
  return { stack, api, pets };
}

describe('Integration', () => {
  test('GIVEN every option WHEN synthesized THEN aws_api_gateway_integration references its method and carries them', () => {
    const { stack, pets } = fixture();
    const method = pets.addMethod('GET', new IntegrationBackend({
      type: IntegrationType.HTTP,
      uri: 'https://example.com/pets',
      integrationHttpMethod: 'get',
      options: {
        requestTemplates: { 'application/json': '{}' },
        requestParameters: { 'integration.request.header.X-Id': 'method.request.header.X-Id', 'integration.request.querystring.v': "'1'" },
        passthroughBehavior: PassthroughBehavior.NEVER,
        contentHandling: ContentHandling.CONVERT_TO_TEXT,
        credentials: 'arn:aws:iam::123456789012:role/apigw',
        timeoutMilliseconds: 5000,
        cacheKeyParameters: ['method.request.header.X-Id'],
        cacheNamespace: 'pets',
        connectionType: ConnectionType.VPC_LINK,
        connectionId: 'vpclink1',
      },
    }), { authorization: AuthorizationType.NONE, requestParameters: { 'method.request.header.X-Id': true } });
    const l1 = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_integration'))[0];
    const methodAddress = resolve(stack, method.methodId).replace(/\.id\}$/, '');
    expect(l1).toEqual({
      http_method: `${methodAddress}.http_method}`,
      resource_id: `${methodAddress}.resource_id}`,
      rest_api_id: `${methodAddress}.rest_api_id}`,
      type: 'HTTP',
      uri: 'https://example.com/pets',
      integration_http_method: 'GET',
      request_templates: { 'application/json': '{}' },
      request_parameters: { 'integration.request.header.X-Id': 'method.request.header.X-Id', 'integration.request.querystring.v': "'1'" },
      passthrough_behavior: 'NEVER',
      content_handling: 'CONVERT_TO_TEXT',
      credentials: 'arn:aws:iam::123456789012:role/apigw',
      timeout_milliseconds: 5000,
      cache_key_parameters: ['method.request.header.X-Id'],
      cache_namespace: 'pets',
      connection_type: 'VPC_LINK',
      connection_id: 'vpclink1',
    });
    expect(method.integration?.type).toBe(IntegrationType.HTTP);
  });

  test('GIVEN integrationResponses in the options THEN addResponse is called for each', () => {
    const { pets } = fixture();
    const method = pets.addMethod('GET', new MockIntegration({
      integrationResponses: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '.*error.*' }],
    }), { authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200' }, { statusCode: '500' }] });
    expect(method.integration?.responses.map((r) => [r.statusCode, r.selectionPattern])).toEqual([['200', undefined], ['500', '.*error.*']]);
  });

  const mock = (options: object) => new IntegrationBackend({ type: IntegrationType.MOCK, options });
  const http = (props: object) => new IntegrationBackend({ type: IntegrationType.HTTP, uri: 'https://example.com', integrationHttpMethod: 'GET', ...props });
  test.each([
    ['HTTP without uri', http({ uri: undefined }), /Integration: invalid uri undefined: a HTTP integration needs the uri of its backend/],
    ['HTTP without integration method', http({ integrationHttpMethod: undefined }), /invalid integrationHttpMethod undefined: a HTTP integration needs the HTTP method/],
    ['HTTP with a non-URL uri', http({ uri: 'example.com' }), /invalid uri "example.com": a HTTP integration's uri is an http:\/\/ or https:\/\/ URL/],
    ['AWS with a URL uri', new IntegrationBackend({ type: IntegrationType.AWS, uri: 'https://sqs', integrationHttpMethod: 'POST' }), /invalid uri "https:\/\/sqs": a AWS integration's uri is an API Gateway service ARN/],
    ['MOCK with a uri', new IntegrationBackend({ type: IntegrationType.MOCK, uri: 'https://x' }), /invalid uri "https:\/\/x": a MOCK integration calls no backend/],
    ['an unknown type', new IntegrationBackend({ type: 'LAMBDA' as IntegrationType }), /invalid type "LAMBDA": allowed values are AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK/],
    ['an unknown integration method', http({ integrationHttpMethod: 'FETCH' }), /invalid integrationHttpMethod "FETCH"/],
    ['a bad request parameter key', mock({ requestParameters: { 'header.X': "'a'" } }), /invalid requestParameters key "header.X"/],
    ['a bad request parameter source', mock({ requestParameters: { 'integration.request.header.X': 'body' } }), /invalid requestParameters\["integration.request.header.X"\] "body": allowed sources are/],
    ['an unknown passthrough behavior', mock({ passthroughBehavior: 'ALWAYS' }), /invalid passthroughBehavior "ALWAYS": allowed values are WHEN_NO_MATCH, NEVER, WHEN_NO_TEMPLATES/],
    ['an unknown content handling', mock({ contentHandling: 'CONVERT_TO_JSON' }), /invalid contentHandling "CONVERT_TO_JSON": allowed values are CONVERT_TO_BINARY, CONVERT_TO_TEXT/],
    ['a timeout below 50 ms', mock({ timeoutMilliseconds: 10 }), /invalid timeoutMilliseconds 10: must be a whole number from 50 to 300000/],
    ['VPC_LINK without connection ID', mock({ connectionType: ConnectionType.VPC_LINK }), /invalid connectionId undefined: the VPC link ID/],
    ['a connection ID without VPC_LINK', mock({ connectionId: 'abc' }), /invalid connectionId "abc": a connectionId is used only with connectionType VPC_LINK/],
    ['credentials that are not an IAM ARN', mock({ credentials: 'my-role' }), /invalid credentials "my-role": an IAM role ARN/],
    ['a template key that is not a content type', mock({ requestTemplates: { json: '{}' } }), /invalid requestTemplates key "json"/],
    ['a cache key the method does not declare', mock({ cacheKeyParameters: ['method.request.path.id'] }), /invalid cacheKeyParameters "method.request.path.id": the method does not declare this request parameter/],
  ])('GIVEN %s THEN adding the integration throws a ValidationError', (_what, backend, message) => {
    const add = () => fixture().pets.addMethod('GET', backend, { authorization: AuthorizationType.NONE });
    expect(add).toThrow(ValidationError);
    expect(add).toThrow(message);
  });
});
