import { TerraformVariable } from 'cdktf';
import { ApiKeySourceType, AuthorizationType, EndpointType, MockIntegration, RestApi, ValidationError } from '../../lib';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { newStack, only, resolve, synth } from '../support/synth';

describe('RestApi', () => {
  test('GIVEN every prop WHEN synthesized THEN aws_api_gateway_rest_api carries them', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new RestApi(stack, 'Api', {
      name: 'pets',
      description: 'Pet store',
      endpointTypes: [EndpointType.REGIONAL],
      binaryMediaTypes: ['image/png', '*/*'],
      minimumCompressionSize: 1024,
      apiKeySource: ApiKeySourceType.AUTHORIZER,
      disableExecuteApiEndpoint: true,
      policy: '{"Version":"2012-10-17","Statement":[]}',
      tags: { team: 'platform' },
    });
    // THEN
    expect(only(synth(stack), 'aws_api_gateway_rest_api')).toEqual(expect.objectContaining({
      name: 'pets',
      description: 'Pet store',
      endpoint_configuration: { types: ['REGIONAL'] },
      binary_media_types: ['image/png', '*/*'],
      minimum_compression_size: '1024',
      api_key_source: 'AUTHORIZER',
      disable_execute_api_endpoint: true,
      policy: '{"Version":"2012-10-17","Statement":[]}',
      tags: { team: 'platform' },
    }));
  });

  test('GIVEN an API THEN its root resource is / and has no Terraform resource of its own', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets' });
    expect(api.root.path).toBe('/');
    expect(api.root.parentResource).toBeUndefined();
    const l1 = api.node.defaultChild as ApiGatewayRestApi;
    expect(resolve(stack, api.root.resourceId)).toBe(resolve(stack, l1.rootResourceId));
    expect(resolve(stack, api.root.resourceId)).toMatch(/^\$\{aws_api_gateway_rest_api\.Api_[A-F0-9]+\.root_resource_id\}$/);
    expect(api.root.node.defaultChild).toBeUndefined();
    expect(api.node.defaultChild).toBeDefined();
  });

  test('GIVEN importFrom WHEN synthesized THEN an import block names the API', () => {
    const stack = newStack();
    new RestApi(stack, 'Api', { name: 'pets' }).importFrom('12345abcde');
    const json = synth(stack) as any;
    expect(json.import).toEqual([expect.objectContaining({ id: '12345abcde', to: expect.stringMatching(/^aws_api_gateway_rest_api\./) })]);
  });

  test('GIVEN a stage WHEN urlForPath THEN the URL is the stage invoke URL plus the path', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets' });
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    api.deploy('prod');
    expect(resolve(stack, api.urlForPath('/pets'))).toMatch(/^\$\{aws_api_gateway_stage\.Api_Stage_prod_[A-F0-9]+\.invoke_url\}\/pets$/);
    expect(() => new RestApi(stack, 'Other', { name: 'x' }).urlForPath('/')).toThrow(/urlForPath\(\) needs a stage/);
  });

  test.each([
    ['an empty name', { name: '' }, /Api: invalid name "": a REST API name is required/],
    ['two endpoint types', { name: 'a', endpointTypes: [EndpointType.EDGE, EndpointType.REGIONAL] }, /endpointTypes \["EDGE","REGIONAL"\].*exactly one/],
    ['an unknown endpoint type', { name: 'a', endpointTypes: ['GLOBAL' as EndpointType] }, /endpointTypes\[0\] "GLOBAL".*EDGE, REGIONAL, PRIVATE/],
    ['a compression size too large', { name: 'a', minimumCompressionSize: 10485761 }, /minimumCompressionSize 10485761: must be a whole number from 0 to 10485760/],
    ['a policy that is not JSON', { name: 'a', policy: 'allow all' }, /policy "allow all".*JSON object/],
    ['a binary media type without a slash', { name: 'a', binaryMediaTypes: ['png'] }, /binaryMediaTypes key "png"/],
    ['an unknown API key source', { name: 'a', apiKeySource: 'COOKIE' as ApiKeySourceType }, /apiKeySource "COOKIE".*HEADER, AUTHORIZER/],
    ['a reserved tag key', { name: 'a', tags: { 'aws:owner': 'me' } }, /tags key "aws:owner"/],
  ])('GIVEN %s WHEN the API is created THEN a ValidationError says what is allowed', (_what, props, message) => {
    const stack = newStack();
    expect(() => new RestApi(stack, 'Api', props)).toThrow(ValidationError);
    expect(() => new RestApi(newStack(), 'Api', props)).toThrow(message);
  });

  test('GIVEN token values WHEN the API is created THEN they are accepted and rendered as references', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'api_name', { type: 'string' });
    const size = new TerraformVariable(stack, 'size', { type: 'number' });
    new RestApi(stack, 'Api', { name: name.stringValue, minimumCompressionSize: size.numberValue, policy: name.stringValue });
    expect(only(synth(stack), 'aws_api_gateway_rest_api')).toEqual(expect.objectContaining({
      name: '${var.api_name}',
      policy: '${var.api_name}',
    }));
  });
});
