import { FORCE_NEW, StackJson, terraformVersion, toStandIns, validateWithTerraform } from './standin';

const API = 'aws_api_gateway_rest_api';
const TEMPLATE = "#set($inputRoot = $input.path('$'))\n{ \"backend\": \"$${stageVariables.backend}\", \"ünïcode\": \"%%{x}\" }";

/** A small stack in the shape cdktf synthesizes. */
function stack(uri = 'https://$${stageVariables.backend}/pets'): StackJson {
  return {
    provider: { aws: [{ region: 'us-east-1' }] },
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
    variable: { backend: { type: 'string' } },
    data: { aws_region: { current: {} } },
    resource: {
      [API]: { Api: { name: 'pets' } },
      aws_api_gateway_resource: {
        Pets: { rest_api_id: `\${${API}.Api.id}`, parent_id: `\${${API}.Api.root_resource_id}`, path_part: 'pets' },
      },
      aws_api_gateway_method: {
        Get: { rest_api_id: `\${${API}.Api.id}`, resource_id: '${aws_api_gateway_resource.Pets.id}', http_method: 'GET', authorization: 'NONE' },
      },
      aws_api_gateway_integration: {
        Int: {
          rest_api_id: '${aws_api_gateway_method.Get.rest_api_id}', resource_id: '${aws_api_gateway_method.Get.resource_id}',
          http_method: '${aws_api_gateway_method.Get.http_method}', type: 'HTTP', integration_http_method: 'GET', uri,
          request_templates: { 'application/json': TEMPLATE },
          cache_namespace: '${var.backend}-${data.aws_region.current.name}-${aws_api_gateway_method.Get.http_method}',
        },
      },
      aws_api_gateway_deployment: {
        Dep: {
          rest_api_id: `\${${API}.Api.id}`, triggers: { redeployment: 'abc' },
          depends_on: ['aws_api_gateway_integration.Int'], lifecycle: { create_before_destroy: true },
        },
      },
    },
  };
}

describe('toStandIns', () => {
  test('GIVEN a stack WHEN converted THEN strings without references are kept byte for byte', () => {
    const config = toStandIns(stack()) as any;
    const integration = config.resource.terraform_data.aws_api_gateway_integration__Int;
    expect(integration.input.request_templates['application/json']).toBe(TEMPLATE);
    expect(integration.input.uri).toBe('https://$${stageVariables.backend}/pets');
  });

  test('GIVEN references WHEN converted THEN computed attributes become handles and configured ones are inlined', () => {
    const data = (toStandIns(stack()) as any).resource.terraform_data;
    const resource = data.aws_api_gateway_resource__Pets.input;
    expect(resource.rest_api_id).toBe('${terraform_data.aws_api_gateway_rest_api__Api.id}');
    expect(resource.parent_id).toBe('${terraform_data.aws_api_gateway_rest_api__Api.id}#root_resource_id');
    const integration = data.aws_api_gateway_integration__Int.input;
    expect(integration.http_method).toBe('GET');
    expect(integration.resource_id).toBe('${terraform_data.aws_api_gateway_resource__Pets.id}');
    expect(integration.cache_namespace).toBe('${var.backend}-${local.data__aws_region__current.name}-GET');
  });

  test('GIVEN dependencies WHEN converted THEN every edge is kept, to the stand-in and to its updater', () => {
    const data = (toStandIns(stack()) as any).resource.terraform_data;
    expect(data.aws_api_gateway_integration__Int.depends_on).toEqual(expect.arrayContaining([
      'terraform_data.aws_api_gateway_method__Get', 'terraform_data.aws_api_gateway_method__Get__update',
      'terraform_data.aws_api_gateway_resource__Pets', 'terraform_data.aws_api_gateway_rest_api__Api',
    ]));
    expect(data.aws_api_gateway_deployment__Dep.depends_on).toEqual(expect.arrayContaining([
      'terraform_data.aws_api_gateway_integration__Int', 'terraform_data.aws_api_gateway_integration__Int__update',
    ]));
    expect(data.aws_api_gateway_deployment__Dep.lifecycle).toEqual({ create_before_destroy: true });
    expect(data.aws_api_gateway_method__Get__update.triggers_replace).toEqual([
      '${terraform_data.aws_api_gateway_method__Get.id}', '${terraform_data.aws_api_gateway_method__Get.input}',
    ]);
  });

  test('GIVEN a resource WHEN converted THEN triggers_replace holds exactly its ForceNew attributes', () => {
    const data = (toStandIns(stack()) as any).resource.terraform_data;
    expect(Object.keys(data.aws_api_gateway_integration__Int.triggers_replace).sort()).toEqual(
      FORCE_NEW.aws_api_gateway_integration.filter((k) => k in stack().resource!.aws_api_gateway_integration.Int).sort());
    expect(Object.keys(data.aws_api_gateway_resource__Pets.triggers_replace)).toEqual(['rest_api_id']);
    expect(data.aws_api_gateway_rest_api__Api.triggers_replace).toBeUndefined();
  });

  test('GIVEN addresses gone from the configuration WHEN converted THEN they get removed blocks with the destroy provisioner', () => {
    const config = toStandIns(stack(), {
      removed: ['terraform_data.aws_api_gateway_method__Old', 'terraform_data.aws_api_gateway_method__Old__update', 'terraform_data.aws_api_gateway_method__Get'],
    }) as any;
    expect(config.removed).toHaveLength(1);
    expect(config.removed[0].from).toBe('terraform_data.aws_api_gateway_method__Old');
    expect(config.removed[0].provisioner[0]['local-exec'].when).toBe('destroy');
  });

  test('GIVEN a resource type without a ForceNew entry WHEN converted THEN the conversion says so', () => {
    expect(() => toStandIns({ resource: { aws_s3_bucket: { B: { bucket: 'b' } } } })).toThrow(/aws_s3_bucket: the stand-in does not know/);
  });
});

describe('validateWithTerraform', () => {
  beforeAll(() => {
    if (!terraformVersion()) throw new Error('terraform is not on the PATH: install Terraform >= 1.4');
  });

  test('GIVEN API Gateway syntax escaped for Terraform THEN terraform validate passes', () => {
    const result = validateWithTerraform(stack('https://$${stageVariables.backend}/pets'));
    expect(result).toEqual({ ok: true, output: expect.stringContaining('The configuration is valid') });
  });

  test('GIVEN API Gateway syntax left unescaped THEN terraform validate fails', () => {
    const result = validateWithTerraform(stack('https://${stageVariables.backend}/pets'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Reference to undeclared resource/);
  });
});
