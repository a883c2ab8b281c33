import { AuthorizationType, MockIntegration, RestApi, ValidationError } from '../../lib';
import { newStack, resolve, resourcesOf, synth } from '../support/synth';


describe('Resource', () => {
  test('GIVEN nested resources WHEN synthesized THEN each parent_id references its parent', () => {
    // GIVEN
    const { stack, api } = api_();
    // WHEN
    const pets = api.root.addResource('pets');
    const pet = pets.addResource('{id}');
    // THEN
    const resources = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_resource'));
    expect(resources).toHaveLength(2);
    const byPart = Object.fromEntries(resources.map((r) => [r.path_part, r]));
    expect(byPart.pets.parent_id).toBe(resolve(stack, api.rootResourceId));
    expect(byPart['{id}'].parent_id).toBe(resolve(stack, pets.resourceId));
    expect(byPart['{id}'].rest_api_id).toBe(resolve(stack, api.restApiId));
    expect(pet.path).toBe('/pets/{id}');
    expect(pet.parentResource).toBe(pets);
    expect(pet.api).toBe(api);
  });

  test('GIVEN resourceForPath WHEN part of the path exists THEN it is reused and the rest created', () => {
    const { stack, api } = api_();
    const a = api.root.addResource('a');
    const c = api.root.resourceForPath('/a/b/c');
    expect(c.path).toBe('/a/b/c');
    expect(c.parentResource?.parentResource).toBe(a);
    expect(api.root.resourceForPath('a/b')).toBe(c.parentResource);
    expect(api.root.getResource('a')).toBe(a);
    expect(api.root.getResource('zzz')).toBeUndefined();
    expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_resource'))).toHaveLength(3);
  });

  test('GIVEN addProxy WHEN synthesized THEN a {proxy+} resource has an ANY method', () => {
    const { stack, api } = api_();
    const proxy = api.root.addProxy({
      defaultIntegration: new MockIntegration(),
      defaultMethodOptions: { authorization: AuthorizationType.IAM },
    });
    expect(proxy.pathPart).toBe('{proxy+}');
    expect(proxy.methods.map((m) => m.httpMethod)).toEqual(['ANY']);
    const methods = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'));
    expect(methods).toEqual([expect.objectContaining({ http_method: 'ANY', authorization: 'AWS_IAM' })]);
  });

  test('GIVEN addProxy with anyMethod false THEN no method is added', () => {
    const { api } = api_();
    expect(api.root.addProxy({ anyMethod: false }).methods).toEqual([]);
  });

  test('GIVEN default method options on a parent THEN children inherit them and addMethod options override field by field', () => {
    const { stack, api } = api_();
    const parent = api.root.addResource('v1', {
      defaultIntegration: new MockIntegration(),
      defaultMethodOptions: { authorization: AuthorizationType.IAM, apiKeyRequired: true },
    });
    parent.addResource('items').addMethod('GET', undefined, { apiKeyRequired: false });
    const method = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'))[0];
    expect(method).toEqual(expect.objectContaining({ authorization: 'AWS_IAM', api_key_required: false }));
    expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_integration'))).toHaveLength(1);
  });

  test('GIVEN the root WHEN importFrom THEN a ValidationError says to import the API', () => {
    const { api } = api_();
    expect(() => api.root.importFrom('abc/def')).toThrow(/root resource is part of the REST API/);
  });

  test.each([
    ['a slash', 'a/b', /invalid pathPart "a\/b": a path part is letters, digits/],
    ['a space', 'my pets', /invalid pathPart "my pets"/],
    ['an empty part', '', /invalid pathPart ""/],
    ['an unclosed variable', '{id', /invalid pathPart "\{id"/],
  ])('GIVEN a path part with %s THEN addResource throws a ValidationError', (_what, part, message) => {
    const { api } = api_();
    expect(() => api.root.addResource(part)).toThrow(ValidationError);
    expect(() => api_().api.root.addResource(part)).toThrow(message);
  });

  test('GIVEN a duplicate sibling THEN addResource names the existing child', () => {
    const { api } = api_();
    api.root.addResource('pets');
    expect(() => api.root.addResource('pets')).toThrow(/Api\/Default\/pets: invalid pathPart "pets": "\/" already has a child "pets"/);
  });

  test('GIVEN two variable siblings THEN the second is rejected', () => {
    const { api } = api_();
    api.root.addResource('{id}');
    expect(() => api.root.addResource('{name}')).toThrow(/already has the variable child "\{id\}"/);
  });

  test('GIVEN a greedy resource THEN it cannot have children', () => {
    const { api } = api_();
    const proxy = api.root.addProxy({ anyMethod: false });
    expect(() => proxy.addResource('x')).toThrow(/"\/\{proxy\+\}" is a greedy path variable and cannot have child resources/);
  });
});

function api_() {
  const stack = newStack();
  return { stack, api: new RestApi(stack, 'Api', { name: 'pets' }) };
}
