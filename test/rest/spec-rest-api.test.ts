import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { ApiDefinition, AuthorizationType, MockIntegration, SpecRestApi, ValidationError } from '../../lib';
import { openApiProblem } from '../support/openapi';
import { newStack, only, synth } from '../support/synth';

const OAS3 = {
  openapi: '3.0.1',
  info: { title: 'pets-from-spec', version: '1' },
  paths: {
    '/pets': {
      get: {
        'responses': { 200: { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{ "statusCode": 200, "stage": "${stageVariables.name}" }' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

const SWAGGER2_YAML = `
swagger: "2.0"
info:
  title: legacy
  version: "1"
paths:
  /items/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          type: string
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://example.com/items/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
`;

function withPath(path: (doc: any) => void): string {
  const doc = JSON.parse(JSON.stringify(OAS3));
  path(doc);
  return JSON.stringify(doc);
}

describe('SpecRestApi', () => {
  test('GIVEN an OpenAPI 3 JSON document WHEN deployed THEN the REST API carries it as body, named after info.title', () => {
    const stack = newStack();
    const spec = new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(JSON.stringify(OAS3)) });
    spec.deploy('prod');
    const json = synth(stack);
    const restApi = only(json, 'aws_api_gateway_rest_api');
    expect(restApi.name).toBe('pets-from-spec');
    expect(restApi.put_rest_api_mode).toBe('overwrite');
    // API Gateway's own ${...} reaches it as written: escaped for Terraform.
    expect(restApi.body).toContain('"stage\\": \\"$${stageVariables.name}\\"');
    expect(JSON.parse(restApi.body.replace(/\$\$\{/g, '${'))).toEqual(OAS3);
    expect(only(json, 'aws_api_gateway_deployment').triggers.redeployment).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(json.resource ?? {}).sort()).toEqual(['aws_api_gateway_deployment', 'aws_api_gateway_rest_api', 'aws_api_gateway_stage']);
    expect(SpecRestApi.isSpecRestApi(spec)).toBe(true);
  });

  test('GIVEN a Swagger 2 YAML document THEN the body is the same document as JSON, and toOpenApi() returns it', () => {
    const stack = newStack();
    const spec = new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(SWAGGER2_YAML), name: 'renamed' });
    spec.deploy('prod');
    const restApi = only(synth(stack), 'aws_api_gateway_rest_api');
    expect(restApi.name).toBe('renamed');
    const body = JSON.parse(restApi.body);
    expect(body.swagger).toBe('2.0');
    expect(body.paths['/items/{id}'].get['x-amazon-apigateway-integration'].uri).toBe('https://example.com/items/{id}');
    expect(JSON.parse(spec.toOpenApi())).toEqual(body);
    expect(openApiProblem(spec.toOpenApi())).toBeUndefined();
  });

  test('GIVEN a YAML file THEN fromFile reads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    writeFileSync(join(dir, 'openapi.yaml'), SWAGGER2_YAML);
    const stack = newStack();
    new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromFile(join(dir, 'openapi.yaml')) }).deploy('prod');
    expect(only(synth(stack), 'aws_api_gateway_rest_api').name).toBe('legacy');
  });

  test('GIVEN a token in the document THEN it becomes a Terraform reference, and the trigger follows it', () => {
    const stack = newStack();
    const fn = new LambdaFunction(stack, 'Fn', { functionName: 'f', role: 'arn:aws:iam::123456789012:role/r' });
    const text = withPath((doc) => {
      doc.paths['/pets'].get['x-amazon-apigateway-integration'] = { type: 'aws_proxy', httpMethod: 'POST', uri: fn.invokeArn };
    });
    new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(text) }).deploy('prod');
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_rest_api').body).toContain('"uri":"${aws_lambda_function.Fn.invoke_arn}"');
    expect(only(json, 'aws_api_gateway_deployment').triggers.redeployment).toMatch(/aws_lambda_function\.Fn\.invoke_arn\]\)\)\}$/);
  });

  test.each([
    ['an unknown integration type', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].type = 'lambda'; },
      /Spec: invalid definition: \$\.paths\['\/pets'\]\.get\.x-amazon-apigateway-integration\.type is "lambda": one of aws, aws_proxy, http, http_proxy, mock/],
    ['an HTTP integration without uri', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'] = { type: 'http', httpMethod: 'GET' }; },
      /\$\.paths\['\/pets'\]\.get\.x-amazon-apigateway-integration\.uri is missing: a http integration needs the uri of its backend/],
    ['an AWS integration without httpMethod', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'] = { type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:sqs:path/q' }; },
      /x-amazon-apigateway-integration\.httpMethod is missing: a AWS integration needs the HTTP method/],
    ['an integration response with a bad status code', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].responses.default.statusCode = '2000'; },
      /x-amazon-apigateway-integration\.responses\.default\.statusCode is "2000": a status code is three digits from 100 to 599/],
    ['a selection pattern response that is not an object', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].responses['4\\d{2}'] = '400'; },
      /x-amazon-apigateway-integration\.responses\['4\\d\{2\}'\] is "400": an integration response object with statusCode/],
    ['a template that is not a string', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].requestTemplates['application/json'] = 1; },
      /x-amazon-apigateway-integration\.requestTemplates\['application\/json'\] is 1: a string/],
    ['a timeout out of range', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].timeoutInMillis = 10; },
      /timeoutInMillis is 10: an integer number of milliseconds from 50 to 300000/],
    ['a passthrough behavior API Gateway does not know', (d: any) => { d.paths['/pets'].get['x-amazon-apigateway-integration'].passthroughBehavior = 'always'; },
      /passthroughBehavior is "always": one of when_no_match, when_no_templates, never/],
    ['a path item key that is no HTTP method', (d: any) => { d.paths['/pets'].fetch = {}; },
      /\$\.paths\['\/pets'\]\.fetch \(key\) is "fetch": a path item's fields are the HTTP methods/],
    ['an operation that is not an object', (d: any) => { d.paths['/pets'].post = 'yes'; }, /\$\.paths\['\/pets'\]\.post is "yes": an operation object/],
    ['a path without its leading slash', (d: any) => { d.paths.pets = {}; }, /\$\.paths\.pets \(key\) is "pets": a path starts with "\/"/],
    ['OpenAPI 3.1', (d: any) => { d.openapi = '3.1.0'; }, /\$\.openapi is "3\.1\.0": API Gateway imports OpenAPI 3\.0\.x/],
    ['no version', (d: any) => { delete d.openapi; }, /\$\.openapi is missing: the document must say its version/],
    ['no paths', (d: any) => { delete d.paths; }, /\$\.paths is missing: an object of paths/],
  ])('GIVEN %s THEN the constructor names the JSON path in the document', (_what, change, message) => {
    const make = () => new SpecRestApi(newStack(), 'Spec', { definition: ApiDefinition.fromString(withPath(change)) });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });

  test('GIVEN several problems THEN all of them are listed', () => {
    const text = withPath((d) => { d.openapi = '2'; d.paths['/pets'].get['x-amazon-apigateway-integration'].type = 'x'; });
    expect(() => new SpecRestApi(newStack(), 'Spec', { definition: ApiDefinition.fromString(text) }))
      .toThrow(/invalid definition: 2 problems:\n {2}\$\.openapi is "2".*\n {2}\$\.paths\['\/pets'\]\.get\.x-amazon-apigateway-integration\.type is "x"/);
  });

  test.each([
    ['text that is neither JSON nor YAML', '{ "openapi": ', /Spec: invalid definition: the definition is not valid JSON/],
    ['a YAML list', '- a\n- b', /Spec: invalid definition: \$ is \["a","b"\]: an OpenAPI document is a JSON or YAML object/],
    ['an empty text', '  ', /Spec: invalid definition: the definition is empty/],
    ['broken YAML', 'openapi: "3.0.1"\n paths: [', /Spec: invalid definition: the definition is neither JSON nor valid YAML/],
  ])('GIVEN %s THEN the constructor throws a ValidationError', (_what, text, message) => {
    expect(() => new SpecRestApi(newStack(), 'Spec', { definition: ApiDefinition.fromString(text) })).toThrow(message);
  });

  test('GIVEN a file that does not exist THEN fromFile throws a ValidationError naming it', () => {
    expect(() => ApiDefinition.fromFile('/no/such/openapi.yaml')).toThrow(/ApiDefinition.fromFile: invalid path "\/no\/such\/openapi.yaml": a readable JSON or YAML file/);
  });

  test('GIVEN a document without info.title and no name THEN the name is asked for', () => {
    const text = withPath((d) => { delete d.info.title; });
    expect(() => new SpecRestApi(newStack(), 'Spec', { definition: ApiDefinition.fromString(text) }))
      .toThrow(/Spec: invalid name undefined: a name, or a definition with info.title/);
  });

  test('GIVEN an operation without integration THEN deploying fails at synth, as API Gateway would', () => {
    const stack = newStack();
    const text = withPath((d) => { delete d.paths['/pets'].get['x-amazon-apigateway-integration']; });
    new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(text) }).deploy('prod');
    expect(() => synth(stack)).toThrow(/the definition's operation GET \/pets has no x-amazon-apigateway-integration/);
  });

  test('GIVEN a document without operations THEN deploying fails at synth', () => {
    const stack = newStack();
    new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(withPath((d) => { d.paths = {}; })) }).deploy('prod');
    expect(() => synth(stack)).toThrow(/the REST API pets-from-spec has no methods/);
  });

  test('GIVEN routes added with root.addMethod THEN synth says they belong in the document', () => {
    const stack = newStack();
    const spec = new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(JSON.stringify(OAS3)) });
    spec.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    expect(() => synth(stack)).toThrow(/a SpecRestApi takes its routes from its definition/);
  });

  test('GIVEN importExisting THEN the REST API and its stages are imported', () => {
    const stack = newStack();
    const spec = new SpecRestApi(stack, 'Spec', { definition: ApiDefinition.fromString(JSON.stringify(OAS3)) });
    spec.deploy('prod');
    spec.importExisting({ restApiId: 'abc123', stageNames: ['prod'] });
    expect((synth(stack) as any).import.map((i: any) => i.id)).toEqual(['abc123', 'abc123/prod']);
  });
});
