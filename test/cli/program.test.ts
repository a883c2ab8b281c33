import { Testing, TerraformStack } from 'cdktf';
import * as ts from 'typescript';
import { CliError } from '../../src/cli/aws';
import { Names, renderPython, renderTypeScript, snake } from '../../src/cli/code';
import { RestApiModel } from '../../src/cli/model';
import { restProgram } from '../../src/cli/rest-program';
import { webSocketProgram } from '../../src/cli/websocket-program';
import { chatModel, petsModel } from './fixtures';

const invocation = { command: '`cdktf-apigateway adopt --rest-api-id a1b2c3d4e5 --region eu-west-1 --language typescript`' };

/** Runs a generated TypeScript program against the library's sources and synthesizes its stack. */
function synthesize(source: string): { resource: { [type: string]: { [name: string]: any } }; import: { to: string; id: string }[] } {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const module = { exports: {} as { [name: string]: new (scope: unknown, id: string) => TerraformStack } };
  const load = (name: string) => (name === 'cdktf-apigateway' ? require('../../lib') : require(name));
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  const [Stack] = Object.values(module.exports);
  const stack = new Stack(Testing.app(), 'adopted');
  return JSON.parse(Testing.synth(stack, true));
}

describe('REST program', () => {
  test('GIVEN a REST API WHEN adopted in TypeScript THEN the program builds every object and imports it with the live IDs', () => {
    // WHEN
    const text = renderTypeScript(restProgram(petsModel(), invocation));
    // THEN
    expect(text).toContain("const api = new RestApi(this, 'Api', {");
    expect(text).toContain("const pets = api.root.addResource('pets');");
    expect(text).toContain("const petsPetId = pets.addResource('{petId}');");
    expect(text).toContain("petsPetId.addResource('toys');");
    expect(text).toContain("const proxy = api.root.addResource('{proxy+}');");
    expect(text).toContain("responseTemplates: { 'application/json': '{\"stage\": \"${stageVariables.name}\"}\\n' },");
    expect(text).toContain("selectionPattern: '5\\\\d{2}',");
    expect(text).toContain('contentHandling: ContentHandling.CONVERT_TO_TEXT,');
    expect(text).toContain('// Lambda function arn:aws:lambda:eu-west-1:123456789012:function:proxy: its invoke permission is not part of the API');
    expect(text).toContain("api.deploy('prod', { description: 'production', variables: { 'name': 'prod' } });");
    expect(text).toContain("stageNames: ['dev', 'prod'],");
    expect(text).toContain("description: \"Pets' API\",");
    expect(text).toContain('export class PetsApiStack extends TerraformStack {');
    expect(text).toContain("const tokensAuthorizer = new TokenAuthorizer(api, 'Authorizer_tokens', {");
    expect(text).toContain("new CognitoUserPoolsAuthorizer(api, 'Authorizer_pool', {");
    expect(text).toContain('authorizer: tokensAuthorizer,');
    expect(text).toContain("authorizerIds: { 'pool': 'auth000002', 'tokens': 'auth000001' },");
    expect(text).toContain("new PetsApiStack(app, 'pets-api');");
  });

  test('GIVEN the generated TypeScript WHEN it runs against the library THEN every object has an import block with its live ID', () => {
    // GIVEN
    const text = renderTypeScript(restProgram(petsModel(), invocation));
    // WHEN
    const json = synthesize(text);
    // THEN
    const ids = json.import.map((i) => i.id).sort();
    expect(ids).toEqual([
      'a1b2c3d4e5',
      'a1b2c3d4e5/auth000001',
      'a1b2c3d4e5/auth000002',
      'a1b2c3d4e5/dev',
      'a1b2c3d4e5/petid00000',
      'a1b2c3d4e5/petid00000/DELETE',
      'a1b2c3d4e5/petid00000/DELETE',
      'a1b2c3d4e5/petid00000/DELETE/204',
      'a1b2c3d4e5/petid00000/DELETE/204',
      'a1b2c3d4e5/pets000000',
      'a1b2c3d4e5/pets000000/GET',
      'a1b2c3d4e5/pets000000/GET',
      'a1b2c3d4e5/pets000000/GET/200',
      'a1b2c3d4e5/pets000000/GET/200',
      'a1b2c3d4e5/pets000000/GET/500',
      'a1b2c3d4e5/pets000000/GET/500',
      'a1b2c3d4e5/prod',
      'a1b2c3d4e5/proxy00000',
      'a1b2c3d4e5/proxy00000/ANY',
      'a1b2c3d4e5/proxy00000/ANY',
      'a1b2c3d4e5/toys000000',
    ].sort());
    // The library escapes API Gateway's own ${...} for Terraform.
    const responses = Object.values(json.resource.aws_api_gateway_integration_response);
    expect(responses.map((r) => r.response_templates?.['application/json']).filter(Boolean)).toEqual(['{"stage": "$${stageVariables.name}"}\n']);
    // The Lambda backend keeps its URI and adds no permission.
    // ... and the authorizer, invoked with a role, needs none either.
    expect(json.resource.aws_lambda_permission).toBeUndefined();
    const [method] = Object.values(json.resource.aws_api_gateway_method).filter((m) => m.http_method === 'DELETE');
    expect(method.authorization).toBe('CUSTOM');
    expect(method.authorizer_id).toMatch(/^\$\{aws_api_gateway_authorizer\.Api_Authorizer_tokens_[A-F0-9]+\.id\}$/);
    const proxy = Object.values(json.resource.aws_api_gateway_integration).find((i) => i.type === 'AWS_PROXY');
    expect(proxy.uri).toBe(petsModel().resources[4].methods[0].integration?.uri);
  });

  test('GIVEN the same API listed in another order WHEN adopted THEN the program is the same, byte for byte', () => {
    // GIVEN
    const shuffled: RestApiModel = { ...petsModel(), resources: [...petsModel().resources].reverse(), stages: [...petsModel().stages].reverse() };
    // WHEN / THEN
    expect(renderTypeScript(restProgram(shuffled, invocation))).toBe(renderTypeScript(restProgram(petsModel(), invocation)));
    expect(renderPython(restProgram(shuffled, invocation))).toBe(renderPython(restProgram(petsModel(), invocation)));
  });

  test('GIVEN a REST API WHEN adopted in Python THEN names are snake_case, structs keyword arguments and strings Python literals', () => {
    // WHEN
    const text = renderPython(restProgram(petsModel(), invocation));
    // THEN
    expect(text).toContain('api = RestApi(');
    expect(text).toContain('pets_pet_id = pets.add_resource("{petId}")');
    expect(text).toContain('pets_get = pets.add_method(');
    expect(text).toContain('authorization=AuthorizationType.NONE');
    expect(text).toContain('pets_get.add_integration_response(');
    expect(text).toContain('"application/json": "{\\"stage\\": \\"${stageVariables.name}\\"}\\n"');
    expect(text).toContain('api.import_existing(');
    expect(text).toContain('stage_names=["dev", "prod"]');
    expect(text).toContain('class PetsApiStack(TerraformStack):');
    expect(text).toContain('if __name__ == "__main__":');
    expect(text).not.toMatch(/\bthis\b/);
  });

  test('GIVEN a method without an integration and a stage WHEN adopted THEN it is refused, naming the method', () => {
    // GIVEN
    const model = petsModel();
    const broken: RestApiModel = {
      ...model,
      resources: model.resources.map((r) => (r.path === '/pets' ? { ...r, methods: [{ ...r.methods[0], integration: undefined, responses: [] }] } : r)),
    };
    // WHEN / THEN
    expect(() => restProgram(broken, invocation)).toThrow(CliError);
    expect(() => restProgram(broken, invocation)).toThrow(/methods without an integration \(GET \/pets\)/);
  });

  test('GIVEN an authorization type the library has no member for WHEN adopted THEN it is refused', () => {
    const model = petsModel();
    const odd: RestApiModel = {
      ...model,
      resources: model.resources.map((r) => (r.path === '/pets' ? { ...r, methods: [{ ...r.methods[0], authorizationType: 'SOMETHING_NEW' }] } : r)),
    };
    expect(() => restProgram(odd, invocation)).toThrow(/authorization type SOMETHING_NEW/);
  });

  test('GIVEN AWS URIs the Aws backend cannot spell WHEN adopted THEN the generic backend keeps them as they are', () => {
    const model = petsModel();
    const odd: RestApiModel = {
      ...model,
      resources: model.resources.map((r) => (r.path === '/pets/{petId}'
        ? { ...r, methods: [{ ...r.methods[0], integration: { ...r.methods[0].integration!, uri: 'arn:aws:apigateway:eu-west-1:S3:path/x' } }] } : r)),
    };
    const text = renderTypeScript(restProgram(odd, invocation));
    expect(text).toContain('new IntegrationBackend({');
    expect(text).toContain("uri: 'arn:aws:apigateway:eu-west-1:S3:path/x',");
    const json = synthesize(text);
    expect(Object.values(json.resource.aws_api_gateway_integration).map((i) => i.uri)).toContain('arn:aws:apigateway:eu-west-1:S3:path/x');
  });
});

describe('WebSocket program', () => {
  test('GIVEN a WebSocket API WHEN adopted THEN every object is built and imported with importFrom', () => {
    // WHEN
    const text = renderTypeScript(webSocketProgram(chatModel(), invocation));
    const json = synthesize(text);
    // THEN
    expect(text).toContain('websocket.IntegrationResponseKey.fromStatusCode(200)');
    expect(text).toContain("websocket.IntegrationResponseKey.fromPattern('4\\\\d{2}')");
    expect(text).toContain('websocket.IntegrationResponseKey.DEFAULT');
    expect(text).toContain("api.addRoute('$connect', { integration: connectIntegration, authorizer: connectAuthAuthorizer });");
    expect(text).toContain('// The library adds the Lambda permission for this authorizer: plan shows it to create.');
    expect(json.import.map((i) => i.id).sort()).toEqual([
      'w1x2y3z4', 'w1x2y3z4/int00001', 'w1x2y3z4/wauth001', 'w1x2y3z4/int00001/resp0001', 'w1x2y3z4/int00002', 'w1x2y3z4/int00002/resp0002',
      'w1x2y3z4/int00002/resp0003', 'w1x2y3z4/prod', 'w1x2y3z4/route001', 'w1x2y3z4/route002', 'w1x2y3z4/route002/rr000001',
    ].sort());
    const keys = Object.values(json.resource.aws_apigatewayv2_integration_response).map((r) => r.integration_response_key).sort();
    expect(keys).toEqual(['$default', '/200/', '/4\\d{2}/']);
  });

  test('GIVEN a route response key other than $default WHEN adopted THEN it is refused', () => {
    const model = chatModel();
    const odd = { ...model, routes: model.routes.map((r) => ({ ...r, responses: r.responses.map((rr) => ({ ...rr, key: '$other' })) })) };
    expect(() => webSocketProgram(odd, invocation)).toThrow(/route response key \$other/);
  });

  test('GIVEN a WebSocket API WHEN adopted in Python THEN the websocket module is imported and used', () => {
    const text = renderPython(webSocketProgram(chatModel(), invocation));
    expect(text).toMatch(/^from cdktf_apigateway import websocket$/m);
    expect(text).toContain('websocket.IntegrationResponseKey.from_status_code(200)');
    expect(text).toContain('connect_integration.import_from(websocket.ImportId.integration("w1x2y3z4", "int00001"))');
  });
});

describe('names', () => {
  test('GIVEN clashing and reserved words WHEN names are taken THEN each is distinct in both languages', () => {
    const names = new Names();
    expect(names.take(['', 'pets', '{id}'])).toBe('petsId');
    expect(names.take(['pets', 'id'])).toBe('petsId2');
    expect(names.take(['pets_id'])).toBe('petsId3');
    expect(names.take(['api'])).toBe('api2');
    expect(names.take(['2fa', 'GET'])).toBe('r2faGet');
    expect(snake('petsIdGet')).toBe('pets_id_get');
  });
});

test('GIVEN a WebSocket API listed in another order WHEN adopted THEN the program is the same', () => {
  const model = chatModel();
  const shuffled = {
    ...model,
    integrations: [...model.integrations].reverse().map((i) => ({ ...i, responses: [...i.responses].reverse() })),
    routes: [...model.routes].reverse(),
  };
  expect(renderTypeScript(webSocketProgram(shuffled, invocation))).toBe(renderTypeScript(webSocketProgram(model, invocation)));
});

test('GIVEN a stage with access logs and an AWS WAF web ACL WHEN adopted THEN the format is custom and the association is imported', () => {
  // GIVEN
  const model = petsModel();
  const webAclArn = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0123abcd-0123';
  const logged: RestApiModel = {
    ...model,
    stages: [{ name: 'prod', accessLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api', accessLogFormat: '$context.requestId $context.status', webAclArn }],
  };
  // WHEN
  const text = renderTypeScript(restProgram(logged, invocation));
  const json = synthesize(text);
  // THEN
  expect(text).toContain("accessLogFormat: AccessLogFormat.custom('$context.requestId $context.status'),");
  const [stage] = Object.values(json.resource.aws_api_gateway_stage);
  expect(stage.access_log_settings).toEqual({ destination_arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api', format: '$context.requestId $context.status' });
  const [association] = Object.values(json.resource.aws_wafv2_web_acl_association);
  expect(association.web_acl_arn).toBe(webAclArn);
  expect(json.import.map((i) => i.id)).toContain(`${webAclArn},arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod`);
});

test('GIVEN models, request validators and a gateway response WHEN adopted THEN methods reference them and each is imported', () => {
  // GIVEN
  const model = petsModel();
  const full: RestApiModel = {
    ...model,
    models: [{ id: 'm1', name: 'Pet', contentType: 'application/json', schema: { type: 'object', required: ['name'], nullable: false } }],
    requestValidators: [{ id: 'v1', name: 'body-only', validateRequestBody: true }],
    gatewayResponses: [{ type: 'DEFAULT_4XX', statusCode: '400', responseHeaders: { 'Access-Control-Allow-Origin': "'*'" } }, { type: 'BRAND_NEW' }],
    resources: model.resources.map((r) => (r.path === '/pets' ? {
      ...r,
      methods: [{
        ...r.methods[0], requestModels: { 'application/json': 'Pet' }, requestValidatorId: 'v1',
        responses: r.methods[0].responses.map((x) => (x.statusCode === '500' ? { ...x, responseModels: { 'application/json': 'Error' } } : x)),
      }],
    } : r)),
  };
  // WHEN
  const program = restProgram(full, invocation);
  const text = renderTypeScript(program);
  const json = synthesize(text);
  // THEN
  expect(text).toContain("schema: { type: 'object', required: ['name'], nullable: false },");
  expect(text).toContain("requestModels: { 'application/json': petModel },");
  expect(text).toContain('requestValidator: bodyOnlyValidator,');
  expect(text).toContain("responseModels: { 'application/json': Model.ERROR }");
  expect(text).toContain("api.addGatewayResponse('GatewayResponse_BRAND_NEW', { type: ResponseType.of('BRAND_NEW') });");
  expect(text).toContain("requestValidatorIds: { 'body-only': 'v1' },");
  const ids = json.import.map((i) => i.id);
  expect(ids).toEqual(expect.arrayContaining(['a1b2c3d4e5/Pet', 'a1b2c3d4e5/v1', 'a1b2c3d4e5/DEFAULT_4XX', 'a1b2c3d4e5/BRAND_NEW']));
  const [response] = Object.values(json.resource.aws_api_gateway_gateway_response).filter((g) => g.response_type === 'DEFAULT_4XX');
  expect(response.response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
  const python = renderPython(program);
  expect(python).toContain('schema={"type": "object", "required": ["name"], "nullable": False},');
  // jsii's Python name of the constant.
  expect(python).toContain('type=ResponseType.DEFAULT_4_XX,');
  expect(python).toContain('{"application/json": Model.ERROR}');
});

test('GIVEN a method naming a model the API does not have WHEN adopted THEN it is refused', () => {
  const model = petsModel();
  const broken: RestApiModel = {
    ...model,
    resources: model.resources.map((r) => (r.path === '/pets' ? { ...r, methods: [{ ...r.methods[0], requestModels: { 'application/json': 'Ghost' } }] } : r)),
  };
  expect(() => restProgram(broken, invocation)).toThrow(/GET \/pets: the model Ghost for application\/json, which the API does not have/);
});
