import { AnnotationMetadataEntryType } from 'cdktf';
import { AuthorizationType, ImportId, MockIntegration, RestApi, ValidationError } from '../../lib';
import { buildPetStore, ROUTES } from '../support/apis';
import { newStack, synth } from '../support/synth';

const RESOURCE_IDS = {
  '/': 'root000001',
  '/pets': 'pets000002',
  '/pets/{petId}': 'pet0000003',
  '/pets/{petId}/toys': 'toys000004',
  '/pets/{petId}/toys/{toyId}': 'toy0000005',
  '/owners': 'owners0006',
};

describe('RestApi.importExisting', () => {
  test('GIVEN a multi-level API WHEN adopted THEN exactly one import block per resource with the documented ID', () => {
    // GIVEN
    const stack = newStack();
    const api = buildPetStore(stack, 'options');
    api.deploy('prod');
    // WHEN
    api.importExisting({ restApiId: 'api0000001', resourceIds: RESOURCE_IDS, stageNames: ['prod'] });
    const json = synth(stack) as any;
    // THEN
    const imports: Array<{ id: string; to: string }> = json.import;
    const byType = (type: string) => imports.filter((i) => i.to.startsWith(`${type}.`)).map((i) => i.id).sort();
    const expected = (make: (route: typeof ROUTES[number], resourceId: string, code?: string) => string, perCode = false) =>
      ROUTES.flatMap((r) => {
        const resourceId = (RESOURCE_IDS as any)[`/${r.path}`];
        return perCode ? r.codes.map((c) => make(r, resourceId, c)) : [make(r, resourceId)];
      }).sort();
    expect(byType('aws_api_gateway_rest_api')).toEqual(['api0000001']);
    expect(byType('aws_api_gateway_resource')).toEqual(Object.entries(RESOURCE_IDS).filter(([p]) => p !== '/').map(([, i]) => `api0000001/${i}`).sort());
    expect(byType('aws_api_gateway_method')).toEqual(expected((r, res) => `api0000001/${res}/${r.method}`));
    expect(byType('aws_api_gateway_integration')).toEqual(expected((r, res) => `api0000001/${res}/${r.method}`));
    expect(byType('aws_api_gateway_method_response')).toEqual(expected((r, res, c) => `api0000001/${res}/${r.method}/${c}`, true));
    expect(byType('aws_api_gateway_integration_response')).toEqual(expected((r, res, c) => `api0000001/${res}/${r.method}/${c}`, true));
    expect(byType('aws_api_gateway_stage')).toEqual(['api0000001/prod']);
    expect(byType('aws_api_gateway_deployment')).toEqual([]);
    // one block per Terraform resource, each address defined by the stack
    const tos = imports.map((i) => i.to);
    expect(new Set(tos).size).toBe(tos.length);
    for (const to of tos) {
      const [type, name] = to.split('.');
      expect(json.resource[type][name]).toBeDefined();
    }
    const codes = ROUTES.reduce((n, r) => n + r.codes.length, 0);
    expect(imports).toHaveLength(1 + 5 + 2 * ROUTES.length + 2 * codes + 1);
  });

  test('GIVEN importExisting called before the tree is built THEN constructs added later are imported too', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'late' });
    api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' } });
    const method = api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    method.addMethodResponse({ statusCode: '200' });
    const ids = (synth(stack) as any).import.map((i: any) => i.id).sort();
    expect(ids).toEqual(['a1', 'a1/r1', 'a1/r1/GET', 'a1/r1/GET', 'a1/r1/GET/200'].sort());
  });

  test('GIVEN a path of the tree missing from resourceIds WHEN synthesized THEN the error names the path', () => {
    const stack = newStack();
    const api = buildPetStore(stack, 'options');
    const { ['/owners']: _missing, ...ids } = RESOURCE_IDS;
    void _missing;
    api.importExisting({ restApiId: 'api0000001', resourceIds: ids });
    expect(() => synth(stack)).toThrow(ValidationError);
    expect(() => synth(newStackWith(ids))).toThrow(/importExisting resourceIds has no ID for the path "\/owners" of this tree; add '\/owners': '<resource-id>'/);
  });

  test('GIVEN an ID for a path the tree does not have THEN a warning, and the rest is imported', () => {
    const stack = newStack();
    const api = buildPetStore(stack, 'options');
    api.importExisting({ restApiId: 'api0000001', resourceIds: { ...RESOURCE_IDS, '/legacy': 'legacy0007' } });
    synth(stack);
    const warnings = api.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/importExisting resourceIds names "\/legacy" \(legacy0007\), but the tree has no resource at that path/)]);
  });

  test.each([
    ['no root ID', { restApiId: 'a', resourceIds: { '/pets': 'x' } }, /Api\/importExisting: invalid resourceIds .*including the root/],
    ['an empty API ID', { restApiId: '', resourceIds: { '/': 'r' } }, /Api\/importExisting: invalid restApiId "": the ID of the existing REST API is required/],
    ['an API ID with a slash', { restApiId: 'a/b', resourceIds: { '/': 'r' } }, /REST-API-ID "a\/b" contains a slash/],
  ])('GIVEN %s THEN importExisting throws a ValidationError', (_what, existing, message) => {
    const api = new RestApi(newStack(), 'Api', { name: 'x' });
    expect(() => api.importExisting(existing)).toThrow(message);
  });

  test('GIVEN an adopted API THEN commandsFor lists terraform import commands with the same IDs', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'cmds' });
    const method = api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    method.addMethodResponse({ statusCode: '200' });
    method.addIntegrationResponse({ statusCode: '200' });
    api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' } });
    const commands = ImportId.commandsFor(stack);
    expect(commands).toHaveLength(6);
    expect(commands).toContainEqual(expect.stringMatching(/^terraform import aws_api_gateway_integration_response\.Api_pets_GET_Integration_Response200_[A-F0-9]+ a1\/r1\/GET\/200$/));
    expect(commands).toContainEqual(expect.stringMatching(/^terraform import aws_api_gateway_rest_api\.Api_[A-F0-9]+ a1$/));
    // The import blocks of the synthesized JSON agree with the commands.
    const blocks = (synth(stack) as any).import.map((i: any) => `terraform import ${i.to} ${i.id}`).sort();
    expect(blocks).toEqual([...commands].sort());
  });
});

function newStackWith(resourceIds: { [path: string]: string }) {
  const stack = newStack();
  buildPetStore(stack, 'options').importExisting({ restApiId: 'api0000001', resourceIds });
  return stack;
}
