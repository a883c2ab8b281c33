import { TerraformVariable, Testing } from 'cdktf';
import { AuthorizationType, ContentHandling, MockIntegration, Model, RestApi, ValidationError } from '../../lib';
import { orderingProblems } from '../support/graph';
import { newStack, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  const method = api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, api, method };
}

const XML = "#set($inputRoot = $input.path('$'))\n<message>$inputRoot.body</message>";

describe('IntegrationResponse', () => {
  test('GIVEN an integration response WHEN synthesized THEN http_method references the integration and status_code the method response', () => {
    const { stack, method } = fixture();
    const methodResponse = method.addMethodResponse({ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } });
    const response = method.addIntegrationResponse({
      statusCode: '200',
      responseParameters: { 'method.response.header.X-Id': 'integration.response.header.id' },
      responseTemplates: { 'application/xml': XML },
      contentHandling: ContentHandling.CONVERT_TO_TEXT,
    });
    const l1 = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_integration_response'))[0];
    const integration = resolve(stack, (method.integration!.node.defaultChild as any).id).replace(/\.id\}$/, '');
    const mr = resolve(stack, (methodResponse.node.defaultChild as any).id).replace(/\.id\}$/, '');
    expect(l1).toEqual({
      http_method: `${integration}.http_method}`,
      resource_id: `${integration}.resource_id}`,
      rest_api_id: `${integration}.rest_api_id}`,
      status_code: `${mr}.status_code}`,
      response_parameters: { 'method.response.header.X-Id': 'integration.response.header.id' },
      response_templates: { 'application/xml': XML },
      content_handling: 'CONVERT_TO_TEXT',
    });
    expect(response.methodResponse).toBe(methodResponse);
    expect(response.integration).toBe(method.integration);
  });

  test('GIVEN the chain form in any order and the options form THEN both synthesize the same resources', () => {
    const build = (form: 'options' | 'chain-mr-first' | 'chain-ir-first') => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'pets' });
      const responses = [{ statusCode: '200' }, { statusCode: '404', selectionPattern: '.*not found.*', responseTemplates: { 'application/json': '{}' } }];
      const methodResponses = [{ statusCode: '200' }, { statusCode: '404', responseModels: { 'application/json': Model.ERROR } }];
      if (form === 'options') {
        api.root.addResource('pets').addMethod('GET', new MockIntegration({ integrationResponses: responses }), {
          authorization: AuthorizationType.NONE, methodResponses,
        });
      } else {
        const method = api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
        if (form === 'chain-mr-first') {
          methodResponses.forEach((r) => method.addMethodResponse(r));
          responses.forEach((r) => method.integration!.addResponse(r));
        } else {
          responses.forEach((r) => method.addIntegrationResponse(r));
          methodResponses.forEach((r) => method.addMethodResponse(r));
        }
      }
      return synth(stack);
    };
    const options = build('options');
    expect(build('chain-mr-first').resource).toEqual(options.resource);
    expect(build('chain-ir-first').resource).toEqual(options.resource);
    expect(orderingProblems(options)).toEqual([]);
    expect(Object.keys(resourcesOf(options, 'aws_api_gateway_integration_response'))).toHaveLength(2);
  });

  test('GIVEN no method response for the status code WHEN synthesized THEN a ValidationError names the status code and the fix', () => {
    const { stack, method } = fixture();
    method.addMethodResponse({ statusCode: '200' });
    method.addMethodResponse({ statusCode: '500' });
    method.addIntegrationResponse({ statusCode: '404', selectionPattern: '404' });
    expect(() => synth(stack)).toThrow(
      /Integration\/Response404\] integration response statusCode "404" has no method response with status code 404 on GET \/pets \(method responses: 200, 500\)\. Add it with method\.addMethodResponse\(\{ statusCode: '404' \}\)/);
  });

  test('GIVEN no method response WHEN synthesized without validations THEN resolution still throws the ValidationError', () => {
    const { stack, method } = fixture();
    method.addIntegrationResponse({ statusCode: '200' });
    expect(() => Testing.synth(stack)).toThrow(ValidationError);
    expect(() => Testing.synth(stack)).toThrow(/\(method responses: none\)/);
  });

  test('GIVEN a mapped header the method response does not declare WHEN synthesized THEN the error names the header', () => {
    const { stack, method } = fixture();
    method.addMethodResponse({ statusCode: '200', responseParameters: { 'method.response.header.A': true } });
    method.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.response.header.B': "'b'" } });
    expect(() => synth(stack)).toThrow(/maps "method.response.header.B", which the 200 method response does not declare \(declared: method.response.header.A\)/);
  });

  test('GIVEN a status code token THEN it is accepted and the response waits for every method response', () => {
    const { stack, method } = fixture();
    const code = new TerraformVariable(stack, 'code', { type: 'string' });
    method.addMethodResponse({ statusCode: '200' });
    method.addIntegrationResponse({ statusCode: code.stringValue });
    const l1 = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_integration_response'))[0];
    expect(l1.status_code).toBe('${var.code}');
    expect(l1.depends_on).toEqual([expect.stringMatching(/^aws_api_gateway_method_response\.Api_pets_GET_Response200_[A-F0-9]+$/)]);
  });

  test.each([
    ['a status code outside [1-5]xx', { statusCode: '099' }, /invalid statusCode "099"/],
    ['a selection pattern that does not compile', { statusCode: '200', selectionPattern: '(unclosed' }, /invalid selectionPattern "\(unclosed": it is not a Java regular expression/],
    ['a selection pattern with a newline', { statusCode: '200', selectionPattern: 'a\nb' }, /invalid selectionPattern "a\\nb": a selection pattern is a single-line regular expression/],
    ['a parameter key outside method.response.header', { statusCode: '200', responseParameters: { 'integration.response.header.X': "'a'" } }, /invalid responseParameters key "integration.response.header.X": keys are method.response.header/],
    ['a parameter source API Gateway does not accept', { statusCode: '200', responseParameters: { 'method.response.header.X': 'response.header.X' } }, /invalid responseParameters\["method.response.header.X"\] "response.header.X": allowed sources are integration.response.header.\{name\}/],
    ['an unquoted static value', { statusCode: '200', responseParameters: { 'method.response.header.X': 'static' } }, /invalid responseParameters\["method.response.header.X"\] "static"/],
    ['an unknown content handling', { statusCode: '200', contentHandling: 'CONVERT' as ContentHandling }, /invalid contentHandling "CONVERT": allowed values are CONVERT_TO_BINARY, CONVERT_TO_TEXT/],
    ['a template key that is not a content type', { statusCode: '200', responseTemplates: { xml: '' } }, /invalid responseTemplates key "xml"/],
  ])('GIVEN %s THEN addIntegrationResponse throws a ValidationError', (_what, options, message) => {
    expect(() => fixture().method.addIntegrationResponse(options)).toThrow(ValidationError);
    expect(() => fixture().method.addIntegrationResponse(options)).toThrow(message);
  });

  test.each([
    'integration.response.header.x-id', 'integration.response.multivalueheader.x-id', 'integration.response.body',
    'integration.response.body.data.id', 'stageVariables.region', 'context.requestId', "'static value'",
  ])('GIVEN the source %s THEN the mapping is accepted', (source) => {
    const { method } = fixture();
    expect(() => method.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.response.header.X': source } })).not.toThrow();
  });

  test('GIVEN two responses with the same status code THEN the second is rejected', () => {
    const { method } = fixture();
    method.addIntegrationResponse({ statusCode: '200' });
    expect(() => method.addIntegrationResponse({ statusCode: '200', selectionPattern: 'x' }))
      .toThrow(/Integration\/Response200: invalid statusCode "200": the integration already has a response with this status code/);
  });

  test('GIVEN two default responses THEN the second is rejected', () => {
    const { method } = fixture();
    method.addIntegrationResponse({ statusCode: '200' });
    expect(() => method.addIntegrationResponse({ statusCode: '500' }))
      .toThrow(/Response500: invalid selectionPattern undefined: the response with status code 200 is already the default/);
  });

  test('GIVEN importFrom THEN the import block carries the ID', () => {
    const { stack, method } = fixture();
    method.addMethodResponse({ statusCode: '200' });
    method.addIntegrationResponse({ statusCode: '200' }).importFrom('a1/b2/GET/200');
    expect((synth(stack) as any).import).toEqual([expect.objectContaining({ id: 'a1/b2/GET/200', to: expect.stringMatching(/^aws_api_gateway_integration_response\./) })]);
  });
});
