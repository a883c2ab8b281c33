import { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import * as cdktf from 'cdktf';
import { Fn, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as constructs from 'constructs';
import { IConstruct } from 'constructs';
import {
  AuthorizationType, CorsOptions, IModel, Model, Deployment, HttpIntegration, Integration, IntegrationBackend, IntegrationResponse, IntegrationResponseOptions,
  LambdaIntegration, Method, MethodOptions, MethodResponse, MethodResponseOptions, MockIntegration, Resource, ResourceBase, RestApi, RestApiProps,
  RootResource, Stage, StageOptions, ValidationError, websocket,
} from '../../lib';
import { attribute, buildGraph, nodesOf, orderingProblems, TfJson } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

const open = { authorization: AuthorizationType.NONE };
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:pets';

/** The synthesized JSON text of a stack, validations included, as `cdktf synth` writes it. */
const jsonText = (stack: TerraformStack): string => Testing.synth(stack, true);

/** The error a call throws; fails the test when it throws nothing. */
function errorOf(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

/** `type.name` of the Terraform resource a construct keeps as its default child. */
function addressOf(construct: IConstruct): string {
  const resource = (TerraformResource.isTerraformResource(construct) ? construct : construct.node.defaultChild) as TerraformResource;
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** Addresses of the resources a REST deployment must follow: every method, integration and response. */
function deployedAddresses(json: TfJson): string[] {
  return ['aws_api_gateway_method', 'aws_api_gateway_method_response', 'aws_api_gateway_integration', 'aws_api_gateway_integration_response',
    'aws_api_gateway_model', 'aws_api_gateway_request_validator', 'aws_api_gateway_gateway_response']
    .flatMap((type) => Object.keys(resourcesOf(json, type)).map((name) => `${type}.${name}`))
    .sort();
}

const deploymentOf = (json: TfJson) => only(json, 'aws_api_gateway_deployment');
const triggerOf = (json: TfJson): string => deploymentOf(json).triggers.redeployment;
const dependsOnOf = (json: TfJson): string[] => [...(deploymentOf(json).depends_on as string[])].sort();

/** Members the API still holds whose construct is no longer in the construct tree. */
function danglingMembers(api: RestApi): string[] {
  const inTree = new Set<IConstruct>(api.node.root.node.findAll());
  return api._members.all().filter((m) => !inTree.has(m.construct)).map((m) => m.construct.node.path);
}

type RestConstruct = 'Resource' | 'Method' | 'MethodResponse' | 'Integration' | 'IntegrationResponse' | 'Deployment' | 'Stage';
const REST_CONSTRUCTS: RestConstruct[] = ['Resource', 'Method', 'MethodResponse', 'Integration', 'IntegrationResponse', 'Deployment', 'Stage'];

/**
 * A small pet store built with the add* methods, except for the kinds of construct listed in
 * `viaConstructor`, which are built with `new X(scope, id, props)` under the scope and ID that
 * the add* method uses.
 */
function buildPetStore(stack: TerraformStack, viaConstructor: ReadonlySet<RestConstruct>, props: Partial<RestApiProps> = {}): RestApi {
  const ctor = (c: RestConstruct) => viaConstructor.has(c);
  const api = new RestApi(stack, 'Api', { name: 'pets', ...props });
  const child = (parent: ResourceBase, id: string, pathPart: string): ResourceBase =>
    ctor('Resource') ? new Resource(parent, id, { parent, pathPart }) : parent.addResource(pathPart);
  const method = (resource: ResourceBase, id: string, httpMethod: string, integration?: IntegrationBackend, options?: MethodOptions): Method =>
    ctor('Method') ? new Method(resource, id, { resource, httpMethod, integration, options }) : resource.addMethod(httpMethod, integration, options);
  const methodResponse = (m: Method, id: string, options: MethodResponseOptions): MethodResponse =>
    ctor('MethodResponse') ? new MethodResponse(m, id, { ...options, method: m }) : m.addMethodResponse(options);
  const integration = (m: Method, backend: IntegrationBackend): Integration =>
    ctor('Integration') ? new Integration(m, 'Integration', { ...backend.bind(m), method: m }) : m.addIntegration(backend);
  const integrationResponse = (i: Integration, id: string, options: IntegrationResponseOptions): IntegrationResponse =>
    ctor('IntegrationResponse') ? new IntegrationResponse(i, id, { ...options, integration: i }) : i.addResponse(options);
  const stage = (stageName: string, options: StageOptions = {}): Stage =>
    ctor('Stage') && api.deployment ? new Stage(api, `Stage_${stageName}`, { ...options, deployment: api.deployment, stageName }) : api.deploy(stageName, options);

  const pets = child(api.root, 'pets', 'pets');
  const pet = child(pets, '{}', '{petId}');
  // A path part that is also the ID of a construct's Terraform resource.
  const odd = child(pet, '(Resource)', 'Resource');

  // GET /: a Lambda proxy, whose bind() adds permissions under the method.
  method(api.root, 'GET', 'GET', new LambdaIntegration(FUNCTION_ARN), open);
  // GET /pets: everything given at once, with a lower-case HTTP method.
  method(pets, 'GET', 'get', new MockIntegration({
    requestTemplates: { 'application/json': '{ "statusCode": 200 }' },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '[]' } }],
  }), { ...open, operationName: 'ListPets', methodResponses: [{ statusCode: '200' }] });
  // DELETE /pets/{petId}: built step by step, integration responses before method responses.
  const del = method(pet, 'DELETE', 'DELETE', undefined, { authorization: AuthorizationType.IAM, requestParameters: { 'method.request.path.petId': true } });
  const delIntegration = integration(del, new HttpIntegration('https://example.com/pets/{id}', {
    proxy: false,
    httpMethod: 'DELETE',
    requestParameters: { 'integration.request.path.id': 'method.request.path.petId' },
  }));
  integrationResponse(delIntegration, 'Response204', { statusCode: '204', responseParameters: { 'method.response.header.X-Id': 'integration.response.header.X-Id' } });
  integrationResponse(delIntegration, 'Response404', { statusCode: '404', selectionPattern: '404' });
  methodResponse(del, 'Response204', { statusCode: '204', responseParameters: { 'method.response.header.X-Id': true } });
  methodResponse(del, 'Response404', { statusCode: '404', responseModels: { 'application/json': Model.ERROR } });
  // PUT /pets/{petId}/Resource: responses added to an integration given to addMethod.
  const put = method(odd, 'PUT', 'PUT', new MockIntegration(), open);
  methodResponse(put, 'Response200', { statusCode: '200' });
  integrationResponse(put.integration!, 'Response200', { statusCode: '200' });

  if (ctor('Deployment')) new Deployment(api, 'Deployment', { api });
  stage('prod', { description: 'production' });
  stage('dev', { variables: { backend: 'dev' } });
  return api;
}

describe('constructor and add* forms', () => {
  let reference: string;
  beforeAll(() => {
    const stack = newStack();
    buildPetStore(stack, new Set());
    reference = jsonText(stack);
  });

  test('GIVEN the add* form THEN the reference API has every construct and a valid graph', () => {
    const json = JSON.parse(reference) as TfJson;
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_resource'))).toHaveLength(3);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_method')).map((m) => m.http_method).sort()).toEqual(['DELETE', 'GET', 'GET', 'PUT']);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_method_response'))).toHaveLength(4);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_integration'))).toHaveLength(4);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_integration_response'))).toHaveLength(4);
    expect(Object.keys(resourcesOf(json, 'aws_lambda_permission'))).toHaveLength(2);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_stage')).map((s) => s.stage_name).sort()).toEqual(['dev', 'prod']);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(orderingProblems(json)).toEqual([]);
  });

  test.each(REST_CONSTRUCTS)('GIVEN the API built with new %s(...) under the add* scope and ID WHEN synthesized THEN the JSON is byte-identical', (kind) => {
    const stack = newStack();
    buildPetStore(stack, new Set([kind]));
    expect(jsonText(stack)).toBe(reference);
  });

  test('GIVEN every construct built with its constructor WHEN synthesized THEN the JSON is byte-identical to the add* form', () => {
    const stack = newStack();
    buildPetStore(stack, new Set(REST_CONSTRUCTS));
    expect(jsonText(stack)).toBe(reference);
  });

  test('GIVEN API-wide defaults WHEN the tree is built with constructors THEN the JSON is byte-identical to the add* form', () => {
    const props: Partial<RestApiProps> = {
      defaultMethodOptions: { authorization: AuthorizationType.IAM, apiKeyRequired: true },
      defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] },
    };
    const viaAdd = newStack();
    buildPetStore(viaAdd, new Set(), props);
    const viaNew = newStack();
    buildPetStore(viaNew, new Set(REST_CONSTRUCTS), props);
    const text = jsonText(viaAdd);
    expect(jsonText(viaNew)).toBe(text);
    expect(Object.values(resourcesOf(JSON.parse(text), 'aws_api_gateway_method')).filter((m) => m.http_method === 'OPTIONS')).toHaveLength(4);
  });
});

/** A pets resource with a GET (mock, 200 responses) and a POST without integration. */
function fixture(props: Partial<RestApiProps> = {}) {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets', ...props });
  const pets = api.root.addResource('pets');
  const get = pets.addMethod('GET', new MockIntegration({ integrationResponses: [{ statusCode: '200' }] }), { ...open, methodResponses: [{ statusCode: '200' }] });
  const post = pets.addMethod('POST', undefined, open);
  return { stack, api, pets, get, integration: get.integration!, post };
}
type Fixture = ReturnType<typeof fixture>;

interface ErrorCase {
  /** The bad input. */
  readonly bad: string;
  /** What is built before the refused call. */
  readonly prep?: (f: Fixture) => void;
  /** The add* call. */
  readonly viaAdd: (f: Fixture) => unknown;
  /** The constructor call. */
  readonly viaNew: (f: Fixture) => unknown;
  /** Path of the construct the add* call would have made, and of the one the constructor call makes. */
  readonly paths: [string, string];
  readonly message: RegExp;
}

const ERROR_CASES: ErrorCase[] = [
  {
    bad: 'a resource path part with a space',
    viaAdd: (f) => f.api.root.addResource('a b'),
    viaNew: (f) => new Resource(f.api.root, 'a b', { parent: f.api.root, pathPart: 'a b' }),
    paths: ['stack/Api/Default/a b', 'stack/Api/Default/a b'],
    message: /invalid pathPart "a b": a path part is letters/,
  },
  {
    bad: 'a duplicate sibling path part',
    viaAdd: (f) => f.api.root.addResource('pets'),
    viaNew: (f) => new Resource(f.api.root, 'Pets2', { parent: f.api.root, pathPart: 'pets' }),
    paths: ['stack/Api/Default/pets', 'stack/Api/Default/Pets2'],
    message: /already has a child "pets"/,
  },
  {
    bad: 'a second variable path part among siblings',
    prep: (f) => f.pets.addResource('{id}'),
    viaAdd: (f) => f.pets.addResource('{petId}'),
    viaNew: (f) => new Resource(f.pets, 'PetId', { parent: f.pets, pathPart: '{petId}' }),
    paths: ['stack/Api/Default/pets/{petId}', 'stack/Api/Default/pets/PetId'],
    message: /already has the variable child "\{id\}"; API Gateway allows one variable path part among siblings/,
  },
  {
    bad: 'an HTTP method that does not exist',
    viaAdd: (f) => f.pets.addMethod('FETCH', new MockIntegration()),
    viaNew: (f) => new Method(f.pets, 'FETCH', { resource: f.pets, httpMethod: 'FETCH', integration: new MockIntegration() }),
    paths: ['stack/Api/Default/pets/FETCH', 'stack/Api/Default/pets/FETCH'],
    message: /invalid httpMethod "FETCH": allowed values are GET, POST/,
  },
  {
    bad: 'a second GET on a resource',
    viaAdd: (f) => f.pets.addMethod('get', new MockIntegration()),
    viaNew: (f) => new Method(f.pets, 'Get2', { resource: f.pets, httpMethod: 'get', integration: new MockIntegration() }),
    paths: ['stack/Api/Default/pets/GET', 'stack/Api/Default/pets/Get2'],
    message: /invalid httpMethod "GET": "\/pets" already has a GET method/,
  },
  {
    bad: 'CUSTOM authorization without authorizer',
    viaAdd: (f) => f.pets.addMethod('PUT', new MockIntegration(), { authorization: AuthorizationType.CUSTOM }),
    viaNew: (f) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: new MockIntegration(), options: { authorization: AuthorizationType.CUSTOM } }),
    paths: ['stack/Api/Default/pets/PUT', 'stack/Api/Default/pets/PUT'],
    message: /invalid authorizerId undefined: authorization CUSTOM needs the ID of an authorizer/,
  },
  {
    bad: 'a method whose HTTP backend has no URL',
    viaAdd: (f) => f.pets.addMethod('PUT', new HttpIntegration('not a url')),
    viaNew: (f) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: new HttpIntegration('not a url') }),
    paths: ['stack/Api/Default/pets/PUT', 'stack/Api/Default/pets/PUT'],
    message: /Integration: invalid uri "not a url": a HTTP_PROXY integration's uri is an http:\/\/ or https:\/\/ URL/,
  },
  {
    bad: 'a status code of two digits',
    viaAdd: (f) => f.get.addMethodResponse({ statusCode: '20' }),
    viaNew: (f) => new MethodResponse(f.get, 'Response20', { method: f.get, statusCode: '20' }),
    paths: ['stack/Api/Default/pets/GET/Response20', 'stack/Api/Default/pets/GET/Response20'],
    message: /invalid statusCode "20": must be three digits from 100 to 599/,
  },
  {
    bad: 'a duplicate method response status code',
    viaAdd: (f) => f.get.addMethodResponse({ statusCode: '200' }),
    viaNew: (f) => new MethodResponse(f.get, 'Ok', { method: f.get, statusCode: '200' }),
    paths: ['stack/Api/Default/pets/GET/Response200', 'stack/Api/Default/pets/GET/Ok'],
    message: /invalid statusCode "200": the method already has a method response with status code 200/,
  },
  {
    bad: 'a method response header that is not method.response.header.*',
    viaAdd: (f) => f.get.addMethodResponse({ statusCode: '404', responseParameters: { 'X-Id': true } }),
    viaNew: (f) => new MethodResponse(f.get, 'Response404', { method: f.get, statusCode: '404', responseParameters: { 'X-Id': true } }),
    paths: ['stack/Api/Default/pets/GET/Response404', 'stack/Api/Default/pets/GET/Response404'],
    message: /invalid responseParameters key "X-Id": keys are method.response.header/,
  },
  {
    bad: 'an HTTP backend without URL',
    viaAdd: (f) => f.post.addIntegration(new HttpIntegration('not a url')),
    viaNew: (f) => new Integration(f.post, 'Integration', { ...new HttpIntegration('not a url').bind(f.post), method: f.post }),
    paths: ['stack/Api/Default/pets/POST/Integration', 'stack/Api/Default/pets/POST/Integration'],
    message: /invalid uri "not a url"/,
  },
  {
    bad: 'a second integration on a method',
    viaAdd: (f) => f.get.addIntegration(new MockIntegration()),
    viaNew: (f) => new Integration(f.get, 'Other', { ...new MockIntegration().bind(f.get), method: f.get }),
    paths: ['stack/Api/Default/pets/GET/Integration', 'stack/Api/Default/pets/GET/Other'],
    message: /invalid integration "MOCK": the method already has an integration; a method has exactly one/,
  },
  {
    bad: 'a selection pattern that does not compile',
    viaAdd: (f) => f.integration.addResponse({ statusCode: '500', selectionPattern: '(' }),
    viaNew: (f) => new IntegrationResponse(f.integration, 'Response500', { integration: f.integration, statusCode: '500', selectionPattern: '(' }),
    paths: ['stack/Api/Default/pets/GET/Integration/Response500', 'stack/Api/Default/pets/GET/Integration/Response500'],
    message: /invalid selectionPattern "\(": it is not a/,
  },
  {
    bad: 'a second default integration response',
    viaAdd: (f) => f.integration.addResponse({ statusCode: '500' }),
    viaNew: (f) => new IntegrationResponse(f.integration, 'Error', { integration: f.integration, statusCode: '500' }),
    paths: ['stack/Api/Default/pets/GET/Integration/Response500', 'stack/Api/Default/pets/GET/Integration/Error'],
    message: /invalid selectionPattern undefined: the response with status code 200 is already the default/,
  },
  {
    bad: 'a duplicate integration response status code',
    viaAdd: (f) => f.integration.addResponse({ statusCode: '200', selectionPattern: '2\\d{2}' }),
    viaNew: (f) => new IntegrationResponse(f.integration, 'Ok', { integration: f.integration, statusCode: '200', selectionPattern: '2\\d{2}' }),
    paths: ['stack/Api/Default/pets/GET/Integration/Response200', 'stack/Api/Default/pets/GET/Integration/Ok'],
    message: /invalid statusCode "200": the integration already has a response with this status code/,
  },
  {
    bad: 'a stage name with a space',
    prep: (f) => new Deployment(f.api, 'Deployment', { api: f.api }),
    viaAdd: (f) => f.api.deploy('bad name'),
    viaNew: (f) => new Stage(f.api, 'Stage_bad name', { deployment: f.api.deployment!, stageName: 'bad name' }),
    paths: ['stack/Api/Stage_bad name', 'stack/Api/Stage_bad name'],
    message: /invalid stageName "bad name": a stage name is 1 to 128 letters/,
  },
  {
    bad: 'a stage name in use',
    prep: (f) => f.api.deploy('prod'),
    viaAdd: (f) => f.api.deploy('prod'),
    viaNew: (f) => new Stage(f.api, 'Production', { deployment: f.api.deployment!, stageName: 'prod' }),
    paths: ['stack/Api/Stage_prod', 'stack/Api/Production'],
    message: /invalid stageName "prod": the API already has a stage with this name/,
  },
];

describe('both forms reject the same bad input', () => {
  test.each(ERROR_CASES.map((c) => [c.bad, c] as const))('GIVEN %s WHEN added and WHEN constructed THEN both throw the same ValidationError', (_, c) => {
    const prepared = () => {
      const f = fixture();
      c.prep?.(f);
      return f;
    };
    const viaAdd = errorOf(() => c.viaAdd(prepared()));
    const viaNew = errorOf(() => c.viaNew(prepared()));
    expect(viaAdd).toBeInstanceOf(ValidationError);
    expect(viaNew).toBeInstanceOf(ValidationError);
    expect(viaAdd.message).toMatch(c.message);
    expect(viaAdd.message.startsWith(`${c.paths[0]}`)).toBe(true);
    expect(viaNew.message.startsWith(`${c.paths[1]}`)).toBe(true);
    // The same message, but for the construct path it starts with.
    expect(viaNew.message.slice(c.paths[1].length)).toBe(viaAdd.message.slice(c.paths[0].length));
  });

  test.each(ERROR_CASES.flatMap((c) => [['add*', c.bad, c.prep, c.viaAdd], ['constructor', c.bad, c.prep, c.viaNew]] as const))(
    'GIVEN the %s form refusing %s THEN the construct tree, the API members and the JSON are as if the call had not been made', (_, __, prep, call) => {
      const paths = (f: Fixture) => f.stack.node.findAll().map((c) => c.node.path);
      const members = (f: Fixture) => f.api._members.all().map((m) => m.construct.node.path);
      const reference = fixture();
      prep?.(reference);
      const refused = fixture();
      prep?.(refused);
      expect(() => call(refused)).toThrow(ValidationError);
      expect(paths(refused)).toEqual(paths(reference));
      expect(members(refused)).toEqual(members(reference));
      for (const f of [reference, refused]) {
        if (!f.post.integration) f.post.addIntegration(new MockIntegration());
        if (!f.api.deployment?.stages.length) f.api.deploy('final');
      }
      expect(jsonText(refused.stack)).toBe(jsonText(reference.stack));
    });

  test.each([
    ['an API without methods', (stack: TerraformStack, viaAdd: boolean) => {
      const api = new RestApi(stack, 'Api', { name: 'empty' });
      if (viaAdd) api.deploy('prod');
      else new Stage(api, 'Stage_prod', { deployment: new Deployment(api, 'Deployment', { api }), stageName: 'prod' });
    }, /has no methods, and API Gateway cannot deploy an API without methods/],
    ['a method without integration', (stack: TerraformStack, viaAdd: boolean) => {
      const api = new RestApi(stack, 'Api', { name: 'pets' });
      api.root.addResource('pets').addMethod('GET', undefined, open);
      if (viaAdd) api.deploy('prod');
      else new Stage(api, 'Stage_prod', { deployment: new Deployment(api, 'Deployment', { api }), stageName: 'prod' });
    }, /method GET \/pets \(stack\/Api\/Default\/pets\/GET\) has no integration.*No integration defined for method/],
  ])('GIVEN %s WHEN deployed with deploy() and WHEN with new Deployment/new Stage THEN synth fails with the same message', (_, build, message) => {
    const viaAdd = newStack();
    build(viaAdd, true);
    const viaNew = newStack();
    build(viaNew, false);
    const addError = errorOf(() => jsonText(viaAdd));
    expect(addError.message).toMatch(message);
    expect(errorOf(() => jsonText(viaNew)).message).toBe(addError.message);
  });

  test('GIVEN a new Resource holding a method without integration WHEN the API is deployed THEN synth fails with "No integration defined for method"', () => {
    const { stack, api, post } = fixture();
    post.addIntegration(new MockIntegration()); // only the new resource's method lacks one
    const toys = new Resource(stack, 'Toys', { parent: api.root, pathPart: 'toys' });
    toys.addMethod('GET', undefined, open);
    api.deploy('prod');
    expect(() => jsonText(stack)).toThrow(/method GET \/toys \(stack\/Toys\/GET\) has no integration.*No integration defined for method/);
  });

  test('GIVEN a token WHEN given to addResource, addMethod or deploy THEN a ValidationError points to the constructor with an ID of your choosing', () => {
    const { stack, api, pets } = fixture();
    const part = new TerraformVariable(stack, 'part', { type: 'string' });
    const fromResource = errorOf(() => api.root.addResource(Fn.lower('X')));
    const fromMethod = errorOf(() => pets.addMethod(part.stringValue, new MockIntegration()));
    const fromDeploy = errorOf(() => api.deploy(part.stringValue));
    for (const e of [fromResource, fromMethod, fromDeploy]) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.message).toMatch(/given as a token needs a construct ID of your choosing/);
    }
    expect(fromResource.message).toMatch(/new Resource\(scope, 'Items', \{ parent, pathPart \}\)/);
    expect(fromMethod.message).toMatch(/new Method\(scope, 'Get', \{ resource, httpMethod, integration, options \}\)/);
    expect(fromDeploy.message).toMatch(/new Stage\(api, 'Prod', \{ deployment, stageName \}\)/);
    // Nothing was left behind by the refused calls.
    expect(api.root.childResources.map((r) => r.pathPart)).toEqual(['pets']);
    expect(pets.methods.map((m) => m.httpMethod)).toEqual(['GET', 'POST']);
  });

  test('GIVEN api.deploy(token) WHEN it throws THEN no deployment is left behind, so the constructor form the message suggests works', () => {
    const { stack, api, post } = fixture();
    post.addIntegration(new MockIntegration());
    const stageName = new TerraformVariable(stack, 'stage', { type: 'string' });
    expect(() => api.deploy(stageName.stringValue)).toThrow(ValidationError);
    expect(api.deployment).toBeUndefined();
    expect(api.node.tryFindChild('Deployment')).toBeUndefined();
    const deployment = new Deployment(api, 'Deployment', { api });
    new Stage(api, 'Prod', { deployment, stageName: stageName.stringValue });
    const json = synth(stack);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_deployment'))).toHaveLength(1);
    expect(only(json, 'aws_api_gateway_stage').stage_name).toBe('${var.stage}');
  });

  test('GIVEN tokens WHEN given to the constructors with IDs of your choosing THEN they synthesize as references', () => {
    const { stack, api, post } = fixture();
    post.addIntegration(new MockIntegration());
    const part = new TerraformVariable(stack, 'part', { type: 'string' });
    const verb = new TerraformVariable(stack, 'verb', { type: 'string' });
    const stageName = new TerraformVariable(stack, 'stage', { type: 'string' });
    const items = new Resource(api.root, 'Items', { parent: api.root, pathPart: part.stringValue });
    new Method(items, 'Dynamic', { resource: items, httpMethod: verb.stringValue, integration: new MockIntegration(), options: open });
    new Stage(api, 'Prod', { deployment: new Deployment(api, 'Deployment', { api }), stageName: stageName.stringValue });
    const json = synth(stack);
    expect(resourcesOf(json, 'aws_api_gateway_resource')[addressOf(items).split('.')[1]].path_part).toBe('${var.part}');
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_method')).map((m) => m.http_method)).toContain('${var.verb}');
    expect(only(json, 'aws_api_gateway_stage').stage_name).toBe('${var.stage}');
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
  });
});

interface RollbackCase {
  readonly name: string;
  /** Built before both the refused and the corrected call. */
  readonly prep?: (f: Fixture) => void;
  /** The call that is refused. */
  readonly bad: (f: Fixture) => unknown;
  /** The corrected call, with the same construct ID. */
  readonly good: (f: Fixture) => unknown;
}

const lambdaPut = (f: Fixture, backend: IntegrationBackend) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: backend, options: open });
const mockWith = (codes: string[]) => new MockIntegration({
  integrationResponses: codes.map((statusCode, i) => ({ statusCode, selectionPattern: i ? statusCode : undefined })),
});
const twoResponses = { ...open, methodResponses: [{ statusCode: '200' }, { statusCode: '201' }] };

const ROLLBACK_CASES: RollbackCase[] = [
  {
    name: 'addMethod with an HTTP backend without URL',
    bad: (f) => f.pets.addMethod('PUT', new HttpIntegration('not a url'), open),
    good: (f) => f.pets.addMethod('PUT', new HttpIntegration('https://example.com/pets'), open),
  },
  {
    name: 'addMethod refused on its last integration response',
    bad: (f) => f.pets.addMethod('PUT', mockWith(['200', '201', '2000']), twoResponses),
    good: (f) => f.pets.addMethod('PUT', mockWith(['200', '201']), twoResponses),
  },
  {
    name: 'new Method refused on its last integration response',
    bad: (f) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: mockWith(['200', '201', '2000']), options: twoResponses }),
    good: (f) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: mockWith(['200', '201']), options: twoResponses }),
  },
  {
    name: 'new Method (outside the API subtree) refused on its last integration response',
    bad: (f) => new Method(f.stack, 'PutPets', { resource: f.pets, httpMethod: 'PUT', integration: mockWith(['200', '201', '2000']), options: twoResponses }),
    good: (f) => new Method(f.stack, 'PutPets', { resource: f.pets, httpMethod: 'PUT', integration: mockWith(['200', '201']), options: twoResponses }),
  },
  {
    name: 'new Method with a Lambda backend refused after bind()',
    bad: (f) => lambdaPut(f, new LambdaIntegration(FUNCTION_ARN, { timeoutMilliseconds: 1 })),
    good: (f) => lambdaPut(f, new LambdaIntegration(FUNCTION_ARN)),
  },
  {
    name: 'method.addIntegration with a Lambda backend refused after bind()',
    bad: (f) => f.post.addIntegration(new LambdaIntegration(FUNCTION_ARN, { timeoutMilliseconds: 1 })),
    good: (f) => f.post.addIntegration(new LambdaIntegration(FUNCTION_ARN)),
  },
  {
    name: 'new Integration refused on its last integration response',
    prep: (f) => { f.post.addMethodResponse({ statusCode: '200' }); f.post.addMethodResponse({ statusCode: '201' }); },
    bad: (f) => new Integration(f.post, 'Integration', { ...mockWith(['200', '201', '2000']).bind(f.post), method: f.post }),
    good: (f) => new Integration(f.post, 'Integration', { ...mockWith(['200', '201']).bind(f.post), method: f.post }),
  },
  {
    name: 'addResource whose preflight is refused',
    bad: (f) => f.pets.addResource('toys', { defaultCorsPreflightOptions: { allowOrigins: ['example.com/path'] } }).addMethod('GET', new MockIntegration(), open),
    good: (f) => f.pets.addResource('toys', { defaultCorsPreflightOptions: { allowOrigins: ['*'] } }).addMethod('GET', new MockIntegration(), open),
  },
  {
    name: 'new Resource whose preflight is refused',
    bad: (f) => new Resource(f.pets, 'toys', { parent: f.pets, pathPart: 'toys', defaultCorsPreflightOptions: { allowOrigins: ['example.com/path'] } }),
    good: (f) => new Resource(f.pets, 'toys', { parent: f.pets, pathPart: 'toys', defaultCorsPreflightOptions: { allowOrigins: ['*'] } }),
  },
  {
    name: 'new MethodResponse with a bad header',
    bad: (f) => new MethodResponse(f.get, 'Response404', { method: f.get, statusCode: '404', responseParameters: { 'X-Id': true } }),
    good: (f) => new MethodResponse(f.get, 'Response404', { method: f.get, statusCode: '404', responseParameters: { 'method.response.header.X-Id': true } }),
  },
  {
    name: 'new IntegrationResponse with a bad header source',
    prep: (f) => f.get.addMethodResponse({ statusCode: '404', responseParameters: { 'method.response.header.X-Id': true } }),
    bad: (f) => new IntegrationResponse(f.integration, 'Response404', {
      integration: f.integration, statusCode: '404', selectionPattern: '404', responseParameters: { 'method.response.header.X-Id': 'nowhere' },
    }),
    good: (f) => new IntegrationResponse(f.integration, 'Response404', {
      integration: f.integration, statusCode: '404', selectionPattern: '404', responseParameters: { 'method.response.header.X-Id': "'static'" },
    }),
  },
  {
    name: 'new Stage refused after creating its method settings',
    prep: (f) => new Deployment(f.api, 'Deployment', { api: f.api }),
    bad: (f) => new Stage(f.api, 'Stage_prod', {
      deployment: f.api.deployment!, stageName: 'prod', throttlingRateLimit: 10, methodOptions: { '/pets/FETCH': { throttlingRateLimit: 1 } },
    }),
    good: (f) => new Stage(f.api, 'Stage_prod', { deployment: f.api.deployment!, stageName: 'prod', throttlingRateLimit: 10 }),
  },
  {
    name: 'new Deployment of something else than a RestApi',
    bad: (f) => new Deployment(f.api, 'Deployment', { api: f.pets as unknown as RestApi }),
    good: (f) => new Deployment(f.api, 'Deployment', { api: f.api }),
  },
];

describe('a failed constructor leaves nothing behind', () => {
  test.each(ROLLBACK_CASES.map((c) => [c.name, c] as const))(
    'GIVEN %s WHEN the corrected call follows with the same ID THEN the JSON is byte-identical to a program without the refused call', (_, c) => {
      const finish = (f: Fixture) => {
        if (!f.post.integration) f.post.addIntegration(new MockIntegration());
        if (!f.api.deployment?.stages.length) f.api.deploy('final');
        return jsonText(f.stack);
      };
      const reference = fixture();
      c.prep?.(reference);
      c.good(reference);
      const corrected = fixture();
      c.prep?.(corrected);
      expect(() => c.bad(corrected)).toThrow(ValidationError);
      c.good(corrected);
      expect(danglingMembers(corrected.api)).toEqual([]);
      expect(corrected.api._members.all().map((m) => m.construct.node.path)).toEqual(reference.api._members.all().map((m) => m.construct.node.path));
      const text = finish(corrected);
      expect(text).toBe(finish(reference));
      expect(dependsOnOf(JSON.parse(text))).toEqual(deployedAddresses(JSON.parse(text)));
    });

  /** The JSON after the failed and the corrected calls, checked for leftovers. */
  function settle(f: Fixture): TfJson {
    f.post.addIntegration(new MockIntegration());
    if (!f.api.deployment) f.api.deploy('prod');
    const json = synth(f.stack);
    buildGraph(json); // throws on a depends_on entry the stack does not define
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(danglingMembers(f.api)).toEqual([]);
    expect(orderingProblems(json)).toEqual([]);
    return json;
  }
  const methodsOf = (json: TfJson) => Object.values(resourcesOf(json, 'aws_api_gateway_method')).map((m) => m.http_method).sort();
  const countOf = (json: TfJson, type: string) => Object.keys(resourcesOf(json, type)).length;

  test('GIVEN addMethod with an HTTP backend without URL WHEN it throws THEN a correct addMethod of the same method works and the JSON has one', () => {
    const f = fixture();
    expect(() => f.pets.addMethod('PUT', new HttpIntegration('not a url'))).toThrow(ValidationError);
    expect(f.pets.getMethod('PUT')).toBeUndefined();
    const put = f.pets.addMethod('PUT', new HttpIntegration('https://example.com/pets'), open);
    expect(f.pets.getMethod('PUT')).toBe(put);
    const json = settle(f);
    expect(methodsOf(json)).toEqual(['GET', 'POST', 'PUT']);
    expect(countOf(json, 'aws_api_gateway_integration')).toBe(3);
  });

  test.each([
    ['addMethod', (f: Fixture, integration: IntegrationBackend, options: MethodOptions) => f.pets.addMethod('PUT', integration, options)],
    ['new Method', (f: Fixture, integration: IntegrationBackend, options: MethodOptions) =>
      new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration, options })],
  ])('GIVEN %s that fails on its last integration response WHEN corrected with the same ID THEN no response, integration or method of the failed call remains', (_, add) => {
    const f = fixture();
    const integration = mockWith;
    const options = { ...open, methodResponses: [{ statusCode: '200' }, { statusCode: '201' }] };
    const error = errorOf(() => add(f, integration(['200', '201', '2000']), options));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^stack\/Api\/Default\/pets\/PUT\/Integration\/Response2000: invalid statusCode "2000"/);
    expect(f.pets.node.tryFindChild('PUT')).toBeUndefined();
    expect(f.pets.getMethod('PUT')).toBeUndefined();
    expect(f.api.methods.map((m) => m.node.path)).toEqual(['stack/Api/Default/pets/GET', 'stack/Api/Default/pets/POST']);
    const put = add(f, integration(['200', '201']), options);
    expect(put.methodResponses.map((r) => r.statusCode)).toEqual(['200', '201']);
    expect(put.integration!.responses.map((r) => r.statusCode)).toEqual(['200', '201']);
    const json = settle(f);
    expect(methodsOf(json)).toEqual(['GET', 'POST', 'PUT']);
    expect(countOf(json, 'aws_api_gateway_method_response')).toBe(3);
    expect(countOf(json, 'aws_api_gateway_integration')).toBe(3);
    expect(countOf(json, 'aws_api_gateway_integration_response')).toBe(3);
  });

  test.each([
    ['addMethod', (f: Fixture, backend: IntegrationBackend) => f.pets.addMethod('PUT', backend, open)],
    ['new Method', (f: Fixture, backend: IntegrationBackend) => new Method(f.pets, 'PUT', { resource: f.pets, httpMethod: 'PUT', integration: backend, options: open })],
  ])('GIVEN %s with a Lambda backend refused after bind() WHEN corrected THEN only the corrected permissions remain', (_, add) => {
    const f = fixture();
    expect(() => add(f, new LambdaIntegration(FUNCTION_ARN, { timeoutMilliseconds: 1 }))).toThrow(/invalid timeoutMilliseconds 1/);
    add(f, new LambdaIntegration(FUNCTION_ARN));
    const json = settle(f);
    expect(countOf(json, 'aws_lambda_permission')).toBe(2);
    expect(methodsOf(json)).toEqual(['GET', 'POST', 'PUT']);
  });

  test('GIVEN method.addIntegration(bad backend) WHEN it throws THEN method.addIntegration(new MockIntegration()) works, and the refused Lambda permissions are gone', () => {
    const f = fixture();
    expect(() => f.post.addIntegration(new LambdaIntegration(FUNCTION_ARN, { timeoutMilliseconds: 1 }))).toThrow(ValidationError);
    expect(f.post.integration).toBeUndefined();
    expect(f.post.node.tryFindChild('Integration')).toBeUndefined();
    const json = settle(f); // settle() adds the mock integration
    expect(f.post.integration!.type).toBe('MOCK');
    expect(countOf(json, 'aws_lambda_permission')).toBe(0);
    expect(countOf(json, 'aws_api_gateway_integration')).toBe(2);
  });

  test('GIVEN new Integration failing on its last integration response WHEN corrected with the same ID THEN the method has one integration with the corrected responses', () => {
    const f = fixture();
    f.post.addMethodResponse({ statusCode: '200' });
    f.post.addMethodResponse({ statusCode: '404' });
    const props = (codes: string[]) => ({
      ...mockWith(codes).bind(f.post),
      method: f.post,
    });
    expect(() => new Integration(f.post, 'Integration', props(['200', '404', '4044']))).toThrow(/Integration\/Response4044: invalid statusCode "4044"/);
    expect(f.post.integration).toBeUndefined();
    const integration = new Integration(f.post, 'Integration', props(['200', '404']));
    expect(f.post.integration).toBe(integration);
    expect(() => f.post.addIntegration(new MockIntegration())).toThrow(/the method already has an integration/);
    const json = synthSettled(f);
    expect(countOf(json, 'aws_api_gateway_integration')).toBe(2);
    expect(countOf(json, 'aws_api_gateway_integration_response')).toBe(3);
  });

  /** settle() without adding the POST integration. */
  function synthSettled(f: Fixture): TfJson {
    if (!f.api.deployment) f.api.deploy('prod');
    const json = synth(f.stack);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(danglingMembers(f.api)).toEqual([]);
    expect(orderingProblems(json)).toEqual([]);
    return json;
  }

  test.each([
    ['addResource', (f: Fixture, cors?: CorsOptions) => f.pets.addResource('toys', { defaultCorsPreflightOptions: cors })],
    ['new Resource', (f: Fixture, cors?: CorsOptions) => new Resource(f.pets, 'toys', { parent: f.pets, pathPart: 'toys', defaultCorsPreflightOptions: cors })],
  ])('GIVEN %s whose CORS preflight is refused WHEN corrected with the same ID THEN one resource and no preflight remain', (_, add) => {
    const f = fixture();
    expect(() => add(f, { allowOrigins: ['example.com/path'] })).toThrow(/invalid allowOrigins "example.com\/path"/);
    expect(f.pets.getResource('toys')).toBeUndefined();
    const toys = add(f);
    expect(f.pets.getResource('toys')).toBe(toys);
    toys.addMethod('GET', new MockIntegration(), open);
    const json = settle(f);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_resource')).map((r) => r.path_part).sort()).toEqual(['pets', 'toys']);
    expect(methodsOf(json)).toEqual(['GET', 'GET', 'POST']);
  });

  test('GIVEN new MethodResponse with a bad header WHEN corrected with the same ID THEN one method response with the corrected header', () => {
    const f = fixture();
    expect(() => new MethodResponse(f.get, 'Response404', { method: f.get, statusCode: '404', responseParameters: { 'X-Id': true } })).toThrow(ValidationError);
    expect(f.get.methodResponse('404')).toBeUndefined();
    new MethodResponse(f.get, 'Response404', { method: f.get, statusCode: '404', responseParameters: { 'method.response.header.X-Id': true } });
    const json = settle(f);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_method_response')).map((r) => r.status_code).sort()).toEqual(['200', '404']);
  });

  test('GIVEN new IntegrationResponse with a bad header source WHEN corrected with the same ID THEN one integration response with the corrected mapping', () => {
    const f = fixture();
    f.get.addMethodResponse({ statusCode: '404', responseParameters: { 'method.response.header.X-Id': true } });
    const props = (source: string) => ({
      integration: f.integration, statusCode: '404', selectionPattern: '404', responseParameters: { 'method.response.header.X-Id': source },
    });
    expect(() => new IntegrationResponse(f.integration, 'Response404', props('nowhere'))).toThrow(ValidationError);
    expect(f.integration.responses.map((r) => r.statusCode)).toEqual(['200']);
    new IntegrationResponse(f.integration, 'Response404', props("'static'"));
    const json = settle(f);
    const responses = Object.values(resourcesOf(json, 'aws_api_gateway_integration_response'));
    expect(responses.map((r) => r.selection_pattern ?? null).sort()).toEqual(['404', null]);
  });

  test('GIVEN new Stage refused after creating its method settings WHEN corrected with the same ID THEN one stage, its settings, and urlForPath uses it', () => {
    const f = fixture();
    f.post.addIntegration(new MockIntegration());
    const deployment = new Deployment(f.api, 'Deployment', { api: f.api });
    expect(() => new Stage(f.api, 'Stage_prod', {
      deployment, stageName: 'prod', throttlingRateLimit: 10, methodOptions: { '/pets/FETCH': { throttlingRateLimit: 1 } },
    })).toThrow(/invalid methodOptions key "\/pets\/FETCH"/);
    expect(deployment.stages).toEqual([]);
    expect(() => f.api.urlForPath('/pets')).toThrow(/urlForPath\(\) needs a stage/);
    const stage = new Stage(f.api, 'Stage_prod', { deployment, stageName: 'prod', throttlingRateLimit: 10 });
    expect(deployment.stages).toEqual([stage]);
    expect(f.api.urlForPath('/pets')).toBe(`${stage.invokeUrl}/pets`);
    const json = synthSettled(f);
    expect(only(json, 'aws_api_gateway_stage').stage_name).toBe('prod');
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_method_settings')).map((s) => s.method_path)).toEqual(['*/*']);
  });

  test('GIVEN api.deploy() whose stage is refused WHEN deploy is called again THEN one deployment and one stage', () => {
    const f = fixture();
    expect(() => f.api.deploy('prod', { cacheClusterSize: '0.5' })).toThrow(/invalid cacheClusterSize "0.5": a cache size needs cacheClusterEnabled: true/);
    f.api.deploy('prod');
    const json = settle(f);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_deployment'))).toHaveLength(1);
    expect(only(json, 'aws_api_gateway_stage').stage_name).toBe('prod');
  });

  test('GIVEN new Deployment with something else than a RestApi WHEN corrected with the same ID THEN it deploys the API', () => {
    const f = fixture();
    expect(() => new Deployment(f.api, 'Deployment', { api: f.pets as unknown as RestApi })).toThrow(/^stack\/Api\/Deployment: invalid api/);
    expect(f.api.node.tryFindChild('Deployment')).toBeUndefined();
    const deployment = new Deployment(f.api, 'Deployment', { api: f.api });
    expect(f.api.deployment).toBe(deployment);
    f.api.deploy('prod');
    const json = settle(f);
    expect(only(json, 'aws_api_gateway_stage').deployment_id).toBe(`\${${addressOf(deployment)}.id}`);
  });

  test('GIVEN new RestApi whose root preflight is refused WHEN corrected with the same ID THEN one REST API with the corrected preflight', () => {
    const stack = newStack();
    expect(() => new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: [] } })).toThrow(/invalid allowOrigins \[\]/);
    expect(stack.node.tryFindChild('Api')).toBeUndefined();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    api.deploy('prod');
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_rest_api').name).toBe('pets');
    expect(only(json, 'aws_api_gateway_method').http_method).toBe('OPTIONS');
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(danglingMembers(api)).toEqual([]);
  });

  test('GIVEN new RestApi with an empty name WHEN corrected with the same ID THEN one REST API', () => {
    const stack = newStack();
    expect(() => new RestApi(stack, 'Api', { name: '' })).toThrow(/^stack\/Api: invalid name "": a REST API name is required/);
    expect(stack.node.tryFindChild('Api')).toBeUndefined();
    new RestApi(stack, 'Api', { name: 'pets' });
    expect(only(synth(stack), 'aws_api_gateway_rest_api').name).toBe('pets');
  });
});

describe('constructs outside the API subtree', () => {
  /** The fixture with the POST integrated and deployed, plus what `extra` adds, synthesized. */
  function deployed(extra: (f: Fixture) => void = () => undefined): { f: Fixture; json: TfJson } {
    const f = fixture();
    f.post.addIntegration(new MockIntegration());
    extra(f);
    if (!f.api.deployment) f.api.deploy('prod');
    const json = synth(f.stack);
    expect(orderingProblems(json)).toEqual([]);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    return { f, json };
  }
  const baseline = () => triggerOf(deployed().json);

  test('GIVEN new Method(stack, ...) on a resource of the API THEN the deployment follows it and its configuration changes the hash', () => {
    const build = (operationName: string) => deployed((f) => {
      new Method(f.stack, 'PutPets', { resource: f.pets, httpMethod: 'PUT', integration: new MockIntegration(), options: { ...open, operationName } });
    });
    const { f, json } = build('Replace');
    const put = f.stack.node.findChild('PutPets');
    expect(put.node.path).toBe('stack/PutPets');
    expect(f.pets.getMethod('PUT')).toBe(put);
    expect(dependsOnOf(json)).toEqual(expect.arrayContaining([addressOf(put), addressOf(put.node.findChild('Integration'))]));
    expect(triggerOf(json)).not.toBe(baseline());
    expect(triggerOf(build('Overwrite').json)).not.toBe(triggerOf(json));
    expect(triggerOf(build('Replace').json)).toBe(triggerOf(json));
  });

  test('GIVEN the brief\'s new Method(stack, \'PostPets\', ...) on a resource without POST THEN the deployment covers it', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets' });
    const pets = api.root.addResource('pets');
    pets.addMethod('GET', new MockIntegration(), open);
    api.deploy('prod');
    const before = triggerOf(synth(stack));
    const post = new Method(stack, 'PostPets', { resource: pets, httpMethod: 'POST', integration: new MockIntegration(), options: open });
    const json = synth(stack);
    expect(dependsOnOf(json)).toContain(addressOf(post));
    expect(dependsOnOf(json)).toContain(addressOf(post.integration!));
    expect(triggerOf(json)).not.toBe(before);
  });

  test('GIVEN new Resource(stack, ...) under a resource of the API THEN its methods are covered and its path part changes the hash', () => {
    const build = (pathPart: string) => deployed((f) => {
      const toys = new Resource(f.stack, 'Toys', { parent: f.pets, pathPart });
      toys.addMethod('GET', new MockIntegration(), open);
    });
    const { f, json } = build('toys');
    const toys = f.stack.node.findChild('Toys') as Resource;
    expect(toys.path).toBe('/pets/toys');
    expect(f.pets.getResource('toys')).toBe(toys);
    expect(dependsOnOf(json)).toContain(addressOf(toys.getMethod('GET')!));
    expect(triggerOf(json)).not.toBe(baseline());
    expect(triggerOf(build('games').json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new MethodResponse(stack, ...) THEN the deployment follows it and its models change the hash', () => {
    const build = (model: IModel) => deployed((f) => {
      new MethodResponse(f.stack, 'NotFound', { method: f.get, statusCode: '404', responseModels: { 'application/json': model } });
    });
    const { f, json } = build(Model.ERROR);
    expect(f.get.methodResponse('404')).toBe(f.stack.node.findChild('NotFound'));
    expect(dependsOnOf(json)).toContain(addressOf(f.stack.node.findChild('NotFound')));
    expect(triggerOf(json)).not.toBe(baseline());
    expect(triggerOf(build(Model.EMPTY).json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new Integration(stack, ...) for a method without integration THEN the API deploys, the deployment follows it and its templates change the hash', () => {
    const build = (template: string) => {
      const f = fixture();
      const integration = new Integration(f.stack, 'PostIntegration', {
        ...new MockIntegration({ requestTemplates: { 'application/json': template } }).bind(f.post), method: f.post,
      });
      expect(f.post.integration).toBe(integration);
      f.api.deploy('prod');
      const json = synth(f.stack);
      expect(orderingProblems(json)).toEqual([]);
      expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
      expect(dependsOnOf(json)).toContain(addressOf(integration));
      return triggerOf(json);
    };
    const a = build('{ "statusCode": 200 }');
    expect(build('{ "statusCode": 201 }')).not.toBe(a);
    expect(build('{ "statusCode": 200 }')).toBe(a);
  });

  test('GIVEN new IntegrationResponse(stack, ...) THEN the deployment follows it and its templates change the hash', () => {
    const build = (template: string) => deployed((f) => {
      f.get.addMethodResponse({ statusCode: '404' });
      new IntegrationResponse(f.stack, 'NotFound', { integration: f.integration, statusCode: '404', selectionPattern: '404', responseTemplates: { 'application/json': template } });
    });
    const { f, json } = build('{}');
    expect(f.integration.responses.map((r) => r.node.path)).toEqual(['stack/Api/Default/pets/GET/Integration/Response200', 'stack/NotFound']);
    expect(dependsOnOf(json)).toContain(addressOf(f.stack.node.findChild('NotFound')));
    expect(triggerOf(build('{"error": true}').json)).not.toBe(triggerOf(json));
  });

  test('GIVEN new Deployment(stack, ...) and new Stage(stack, ...) THEN deploy() reuses that deployment and both stages point at it', () => {
    const { f, json } = deployed((g) => {
      const deployment = new Deployment(g.stack, 'Release', { api: g.api });
      new Stage(g.stack, 'Dev', { deployment, stageName: 'dev' });
      expect(g.api.deployment).toBe(deployment);
      g.api.deploy('prod');
    });
    const release = f.stack.node.findChild('Release');
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_deployment'))).toEqual([addressOf(release).split('.')[1]]);
    const stages = Object.values(resourcesOf(json, 'aws_api_gateway_stage'));
    expect(stages.map((s) => s.stage_name).sort()).toEqual(['dev', 'prod']);
    for (const s of stages) expect(s.deployment_id).toBe(`\${${addressOf(release)}.id}`);
    expect(() => f.api.deploy('dev')).toThrow(/invalid stageName "dev": the API already has a stage with this name/);
    expect(triggerOf(json)).toBe(baseline());
  });
});

describe('importExisting asks the members', () => {
  test('GIVEN constructs built outside the API subtree WHEN the API is adopted THEN each gets its import block', () => {
    const f = fixture();
    const toys = new Resource(f.stack, 'Toys', { parent: f.pets, pathPart: 'toys' });
    const put = new Method(f.stack, 'PutToys', { resource: toys, httpMethod: 'PUT', options: open });
    new Integration(f.stack, 'PutToysIntegration', { ...new MockIntegration().bind(put), method: put });
    new MethodResponse(f.stack, 'PutToysOk', { method: put, statusCode: '200' });
    new IntegrationResponse(f.stack, 'PutToysOkMapping', { integration: put.integration!, statusCode: '200' });
    f.post.addIntegration(new MockIntegration());
    new Stage(f.stack, 'Prod', { deployment: new Deployment(f.stack, 'Release', { api: f.api }), stageName: 'prod' });
    f.api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1', '/pets/toys': 'r2' }, stageNames: ['prod'] });
    const imports = (synth(f.stack) as { import: Array<{ id: string; to: string }> }).import;
    const idOf = (c: IConstruct) => imports.find((i) => i.to === addressOf(c))?.id;
    expect(idOf(toys)).toBe('a1/r2');
    expect(idOf(put)).toBe('a1/r2/PUT');
    expect(idOf(f.stack.node.findChild('PutToysIntegration'))).toBe('a1/r2/PUT');
    expect(idOf(f.stack.node.findChild('PutToysOk'))).toBe('a1/r2/PUT/200');
    expect(idOf(f.stack.node.findChild('PutToysOkMapping'))).toBe('a1/r2/PUT/200');
    expect(idOf(f.stack.node.findChild('Prod'))).toBe('a1/prod');
    expect(idOf(f.get)).toBe('a1/r1/GET');
  });
});

describe('API-wide defaults', () => {
  const methodAt = (json: TfJson, stack: TerraformStack, resource: ResourceBase, httpMethod: string) =>
    Object.values(resourcesOf(json, 'aws_api_gateway_method'))
      .find((m) => m.resource_id === resolve(stack, resource.resourceId) && m.http_method === httpMethod);

  test('GIVEN defaultMethodOptions on the API WHEN a method is added three levels down THEN it gets them, and given options override field by field', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', {
      name: 'pets',
      defaultMethodOptions: { authorization: AuthorizationType.IAM, apiKeyRequired: true, requestParameters: { 'method.request.header.X-Trace': false } },
    });
    const deep = api.root.resourceForPath('a/b/c');
    deep.addMethod('GET', new MockIntegration());
    deep.addMethod('POST', new MockIntegration(), { apiKeyRequired: false });
    new Method(deep, 'PUT', { resource: deep, httpMethod: 'PUT', integration: new MockIntegration() });
    const admin = api.root.addResource('admin', { defaultMethodOptions: { operationName: 'Admin' } });
    admin.addResource('users').addMethod('GET', new MockIntegration());
    const json = synth(stack);
    expect(methodAt(json, stack, deep, 'GET')).toEqual(expect.objectContaining({
      authorization: 'AWS_IAM', api_key_required: true, request_parameters: { 'method.request.header.X-Trace': false },
    }));
    expect(methodAt(json, stack, deep, 'POST')).toEqual(expect.objectContaining({ authorization: 'AWS_IAM', api_key_required: false }));
    expect(methodAt(json, stack, deep, 'PUT')).toEqual(expect.objectContaining({ authorization: 'AWS_IAM', api_key_required: true }));
    expect(methodAt(json, stack, admin.getResource('users')!, 'GET')).toEqual(expect.objectContaining({
      authorization: 'AWS_IAM', api_key_required: true, operation_name: 'Admin',
    }));
  });

  test.each([
    ['NONE under a CUSTOM authorizer', { authorization: AuthorizationType.CUSTOM, authorizerId: 'auth123' }, AuthorizationType.NONE],
    ['IAM under a Cognito authorizer with scopes', { authorization: AuthorizationType.COGNITO, authorizerId: 'auth123', authorizationScopes: ['pets/read'] }, AuthorizationType.IAM],
  ] as Array<[string, MethodOptions, AuthorizationType]>)(
    'GIVEN API-wide defaultMethodOptions with an authorizer WHEN one method overrides authorization to %s THEN it has no inherited authorizer', (_, defaults, authorization) => {
      // A public /health under an API whose other methods all use the authorizer.
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'pets', defaultMethodOptions: defaults });
      const secured = api.root.addResource('pets');
      secured.addMethod('GET', new MockIntegration());
      const health = api.root.addResource('health');
      health.addMethod('GET', new MockIntegration(), { authorization });
      const json = synth(stack);
      expect(methodAt(json, stack, secured, 'GET')).toEqual(expect.objectContaining({ authorization: defaults.authorization, authorizer_id: 'auth123' }));
      const publicGet = methodAt(json, stack, health, 'GET')!;
      expect(publicGet.authorization).toBe(authorization);
      expect(publicGet).not.toHaveProperty('authorizer_id');
      expect(publicGet).not.toHaveProperty('authorization_scopes');
    });

  test('GIVEN defaultIntegration on the API WHEN addMethod is called without integration THEN the method uses it and the API deploys', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultIntegration: new HttpIntegration('https://example.com/backend') });
    api.root.addMethod('GET', undefined, open);
    const pets = api.root.resourceForPath('pets/{id}');
    pets.addMethod('DELETE', undefined, open);
    pets.addMethod('PUT', new MockIntegration(), open);
    api.deploy('prod');
    const json = synth(stack);
    const graph = buildGraph(json);
    const integrations = nodesOf(graph, 'aws_api_gateway_integration');
    expect(integrations.map((i) => [attribute(graph, i, 'http_method'), i.config.type, i.config.uri ?? null]).sort()).toEqual([
      ['DELETE', 'HTTP_PROXY', 'https://example.com/backend'],
      ['GET', 'HTTP_PROXY', 'https://example.com/backend'],
      ['PUT', 'MOCK', null],
    ]);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
  });

  test.each([
    ['IAM with an API key', { apiKeyRequired: true, authorization: AuthorizationType.IAM } as MethodOptions],
    ['Cognito with scopes, validator, models, parameters and responses', {
      authorization: AuthorizationType.COGNITO, authorizerId: 'auth123', authorizationScopes: ['pets/read'], apiKeyRequired: true,
      requestValidatorId: 'val123', requestModels: { 'application/json': Model.EMPTY }, requestParameters: { 'method.request.header.X-Trace': true },
      operationName: 'Op', methodResponses: [{ statusCode: '200' }],
    } as MethodOptions],
  ])('GIVEN defaultCorsPreflightOptions and defaultMethodOptions (%s) THEN OPTIONS is at the root and every resource, and the preflights stay open', (_, defaults) => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', {
      name: 'pets',
      defaultIntegration: new HttpIntegration('https://example.com/backend'),
      defaultMethodOptions: defaults,
      defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] },
    });
    const pet = api.root.resourceForPath('pets/{id}');
    const toys = new Resource(pet, 'toys', { parent: pet, pathPart: 'toys' });
    pet.addMethod('GET');
    api.deploy('prod');
    const json = synth(stack);
    const methods = Object.values(resourcesOf(json, 'aws_api_gateway_method'));
    const preflights = methods.filter((m) => m.http_method === 'OPTIONS');
    const resourceIds = [api.root, api.root.getResource('pets')!, pet, toys].map((r) => resolve(stack, r.resourceId)).sort();
    expect(preflights.map((m) => m.resource_id).sort()).toEqual(resourceIds);
    for (const preflight of preflights) {
      expect(preflight.authorization).toBe('NONE');
      expect(preflight.api_key_required ?? false).toBe(false);
      for (const key of ['authorizer_id', 'authorization_scopes', 'request_validator_id', 'request_models', 'request_parameters', 'operation_name']) {
        expect(preflight).not.toHaveProperty(key);
      }
    }
    // The preflight answers from its own mock with 204 only, whatever the defaults say.
    const graph = buildGraph(json);
    const ofOptions = (type: string) => nodesOf(graph, type).filter((n) => attribute(graph, n, 'http_method') === 'OPTIONS');
    expect(ofOptions('aws_api_gateway_integration').map((i) => i.config.type)).toEqual(['MOCK', 'MOCK', 'MOCK', 'MOCK']);
    expect(ofOptions('aws_api_gateway_method_response').map((r) => r.config.status_code)).toEqual(['204', '204', '204', '204']);
    expect(nodesOf(graph, 'aws_api_gateway_method_response').map((r) => r.config.status_code).sort())
      .toEqual([...(defaults.methodResponses ? ['200'] : []), '204', '204', '204', '204']);
    // The other method gets the defaults.
    const get = methods.find((m) => m.http_method === 'GET')!;
    expect(get.authorization).toBe(defaults.authorization);
    expect(get.api_key_required).toBe(true);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(orderingProblems(json)).toEqual([]);
  });

  test('GIVEN defaultCorsPreflightOptions WHEN a resource adds its own preflight too THEN the second OPTIONS is refused like any duplicate method', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    expect(api.root.getMethod('OPTIONS')).toBeDefined();
    expect(() => api.root.addCorsPreflight({ allowOrigins: ['*'] })).toThrow(/already has a OPTIONS method/);
  });
});

describe('deployment.watch', () => {
  function build(statusCode: string) {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets' });
    api.root.addMethod('GET', new MockIntegration(), open);
    const stage = api.deploy('prod');
    const notFound = new ApiGatewayGatewayResponse(stack, 'NotFound', {
      restApiId: api.restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode,
      responseTemplates: { 'application/json': '{"message": "not found"}' },
    });
    stage.deployment.watch(notFound);
    return { stack, json: synth(stack), notFound };
  }

  test('GIVEN a watched gateway response THEN depends_on lists it, its configuration changes the trigger, and the same program keeps it', () => {
    const a = build('404');
    expect(dependsOnOf(a.json)).toContain(addressOf(a.notFound));
    // The escape-hatch gateway response is listed once, whether as a watched resource or by its type.
    expect(dependsOnOf(a.json)).toEqual([...new Set([...deployedAddresses(a.json), addressOf(a.notFound)])].sort());
    expect(triggerOf(build('404').json)).toBe(triggerOf(a.json));
    expect(triggerOf(build('410').json)).not.toBe(triggerOf(a.json));
  });

  test('GIVEN a watched resource made with count or for_each THEN the count and the for_each list change the trigger, and each.value is not folded into it', () => {
    const withMeta = (set: (r: ApiGatewayGatewayResponse, stack: TerraformStack) => void) => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'pets' });
      api.root.addMethod('GET', new MockIntegration(), open);
      const stage = api.deploy('prod');
      const responses = new ApiGatewayGatewayResponse(stack, 'Responses', {
        restApiId: api.restApiId, responseType: 'DEFAULT_4XX', statusCode: '400',
      });
      set(responses, stack);
      stage.deployment.watch(responses);
      return triggerOf(synth(stack));
    };
    expect(withMeta((r) => { r.count = 0; })).not.toBe(withMeta((r) => { r.count = 1; }));
    const forEach = (types: string[]) => withMeta((r) => {
      const each = cdktf.TerraformIterator.fromList(types);
      r.forEach = each;
      r.responseType = each.value as string;
    });
    expect(forEach(['DEFAULT_4XX', 'DEFAULT_5XX'])).not.toBe(forEach(['DEFAULT_4XX']));
    expect(forEach(['DEFAULT_4XX'])).not.toContain('each.');
    const fromVariable = withMeta((r, stack) => {
      const types = new TerraformVariable(stack, 'types', { type: 'list(string)' });
      const each = cdktf.TerraformIterator.fromList(types.listValue);
      r.forEach = each;
      r.responseType = each.value as string;
    });
    expect(fromVariable).toContain('var.types');
    expect(fromVariable).not.toContain('each.');
    // A resource indexed by count.index is read as a whole: replacing it redeploys.
    const indexed = withMeta((r) => {
      r.count = 2;
      r.responseTemplates = { 'application/json': '{"fn": "${aws_lambda_function.fn[count.index].arn}"}' };
    });
    expect(indexed).toContain('aws_lambda_function.fn]');
    expect(indexed).not.toContain('count.');
  });

  test('GIVEN the same resource watched twice THEN it is listed once', () => {
    const { stack, notFound } = build('404');
    (stack.node.findChild('Api') as RestApi).deployment!.watch(notFound);
    expect(dependsOnOf(synth(stack)).filter((d) => d === addressOf(notFound))).toHaveLength(1);
  });

  test('GIVEN something else than a Terraform resource WHEN watched THEN a ValidationError names the deployment', () => {
    const { stack } = build('404');
    const deployment = (stack.node.findChild('Api') as RestApi).deployment!;
    expect(() => deployment.watch({} as unknown as TerraformResource)).toThrow(ValidationError);
    expect(() => deployment.watch({} as unknown as TerraformResource)).toThrow(/^stack\/Api\/Deployment: invalid watch\(\) resource/);
  });
});

describe('RestApi.arnForExecuteApi', () => {
  const { stack, api, get } = fixture();
  const exec = resolve(stack, api.executionArn) as string;
  const arn = (...args: Parameters<RestApi['arnForExecuteApi']>) => resolve(stack, api.arnForExecuteApi(...args));

  test.each([
    [[], '/*/*/*'],
    [['GET'], '/*/GET/*'],
    [['get', '/pets'], '/*/GET/pets'],
    [['DELETE', '/pets/{petId}', 'prod'], '/prod/DELETE/pets/*'],
    [['PUT', '/pets/{petId}/toys/{toyId}', 'dev'], '/dev/PUT/pets/*/toys/*'],
    [['ANY', '/{proxy+}', 'prod'], '/prod/*/*'],
    [['POST', '/', 'prod'], '/prod/POST/'],
    [['*', '/pets', 'prod'], '/prod/*/pets'],
    [['any', '/pets'], '/*/*/pets'],
  ] as Array<[Parameters<RestApi['arnForExecuteApi']>, string]>)('GIVEN arnForExecuteApi(%j) THEN executionArn + %s', (args, suffix) => {
    expect(exec).toMatch(/^\$\{aws_api_gateway_rest_api\.[A-Za-z0-9_-]+\.execution_arn\}$/);
    expect(arn(...args)).toBe(`${exec}${suffix}`);
  });

  test('GIVEN a method THEN methodArn and testMethodArn use its method and path', () => {
    expect(resolve(stack, get.methodArn)).toBe(`${exec}/*/GET/pets`);
    expect(resolve(stack, get.testMethodArn)).toBe(`${exec}/test-invoke-stage/GET/pets`);
  });

  test.each([
    [['FETCH'], /invalid arnForExecuteApi method "FETCH"/],
    [['GET', 'pets'], /invalid arnForExecuteApi path "pets": a path starting with "\/"/],
    [['GET', '/pets', ''], /invalid arnForExecuteApi stage "": a stage name or \* is required/],
  ] as Array<[Parameters<RestApi['arnForExecuteApi']>, RegExp]>)('GIVEN arnForExecuteApi(%j) THEN a ValidationError', (args, message) => {
    expect(() => api.arnForExecuteApi(...args)).toThrow(ValidationError);
    expect(() => api.arnForExecuteApi(...args)).toThrow(message);
  });
});

describe('brands', () => {
  const f = fixture();
  f.post.addIntegration(new MockIntegration());
  const stage = f.api.deploy('prod');
  const ws = new websocket.WebSocketApi(f.stack, 'Ws', { name: 'chat' });
  const wsIntegration = ws.addIntegration('Mock', { type: websocket.IntegrationType.MOCK });
  ws.addRoute('$default', { integration: wsIntegration });
  const wsStage = ws.deploy('prod');
  const instances: { [name: string]: unknown } = {
    RestApi: f.api,
    RootResource: f.api.root,
    Resource: f.pets,
    Method: f.get,
    MethodResponse: f.get.methodResponse('200'),
    Integration: f.integration,
    IntegrationResponse: f.integration.responses[0],
    Deployment: stage.deployment,
    Stage: stage,
    'websocket.Integration': wsIntegration,
    'websocket.Deployment': wsStage.deployment,
    'websocket.Stage': wsStage,
    MockIntegration: new MockIntegration(),
  };
  const guards: Array<[string, (x: unknown) => boolean, string[]]> = [
    ['RestApi', RestApi.isRestApi, ['RestApi']],
    ['ResourceBase', ResourceBase.isResourceBase, ['RootResource', 'Resource']],
    ['Resource', Resource.isResource, ['Resource']],
    ['RootResource', RootResource.isRootResource, ['RootResource']],
    ['Method', Method.isMethod, ['Method']],
    ['MethodResponse', MethodResponse.isMethodResponse, ['MethodResponse']],
    ['Integration', Integration.isIntegration, ['Integration']],
    ['IntegrationResponse', IntegrationResponse.isIntegrationResponse, ['IntegrationResponse']],
    ['Deployment', Deployment.isDeployment, ['Deployment']],
    ['Stage', Stage.isStage, ['Stage']],
  ];

  test.each(guards)('GIVEN every construct WHEN asked %s.is... THEN only its own kind answers true', (_, guard, accepted) => {
    for (const [name, instance] of Object.entries(instances)) {
      expect([name, guard(instance)]).toEqual([name, accepted.includes(name)]);
    }
    for (const other of [undefined, null, {}, 'Method', 42, f.stack, { node: f.get.node }]) expect(guard(other)).toBe(false);
  });

  test.each([
    ['RestApi', RestApi.isRestApi], ['ResourceBase', ResourceBase.isResourceBase], ['Resource', Resource.isResource],
    ['RootResource', RootResource.isRootResource], ['Method', Method.isMethod], ['MethodResponse', MethodResponse.isMethodResponse],
    ['Integration', Integration.isIntegration], ['IntegrationResponse', IntegrationResponse.isIntegrationResponse],
    // Deployment and Stage are branded rest.* apart from their websocket namesakes.
    ['rest.Deployment', Deployment.isDeployment], ['rest.Stage', Stage.isStage],
  ] as Array<[string, (x: unknown) => boolean]>)('GIVEN a plain object carrying Symbol.for(\'cdktf-apigateway.%s\') THEN the guard answers true', (name, guard) => {
    expect(guard({ [Symbol.for(`cdktf-apigateway.${name}`)]: true })).toBe(true);
    expect(guard({ [Symbol.for(`cdktf-apigateway.${name}`)]: false })).toBe(false);
    expect(guard({ [Symbol.for('cdktf-apigateway.Other')]: true })).toBe(false);
  });

  test('GIVEN Method.isMethod THEN true for a method, false for other constructs and plain objects, true for a plain object with the brand', () => {
    expect(Method.isMethod(f.get)).toBe(true);
    expect(Method.isMethod(f.pets)).toBe(false);
    expect(Method.isMethod({ httpMethod: 'GET' })).toBe(false);
    expect(Method.isMethod({ [Symbol.for('cdktf-apigateway.Method')]: true })).toBe(true);
  });

  test('GIVEN a second copy of the package THEN its guards recognise the constructs of the first, and the other way round', () => {
    let copy: typeof import('../../lib') | undefined;
    let copyApi: unknown;
    jest.isolateModules(() => {
      copy = require('../../lib');
      const cdktf = require('cdktf') as typeof import('cdktf');
      copyApi = new copy!.RestApi(new cdktf.TerraformStack(cdktf.Testing.app(), 'copy'), 'Api', { name: 'copy' });
    });
    expect(copy!.Method).not.toBe(Method);
    expect(copy!.Method.isMethod(f.get)).toBe(true);
    expect(copy!.ResourceBase.isResourceBase(f.api.root)).toBe(true);
    expect(copy!.IntegrationResponse.isIntegrationResponse(f.integration.responses[0])).toBe(true);
    expect(copy!.Deployment.isDeployment(stage.deployment)).toBe(true);
    expect(copy!.Method.isMethod(f.api)).toBe(false);
    expect(RestApi.isRestApi(copyApi)).toBe(true);
    expect(RootResource.isRootResource((copyApi as RestApi).root)).toBe(true);
  });

  test('GIVEN a second copy of the package sharing cdktf WHEN its constructors build onto this copy\'s API THEN the deployment covers them', () => {
    let copy: typeof import('../../lib') | undefined;
    jest.isolateModules(() => {
      // As when two libraries each bring the package and npm dedupes the peer dependencies.
      jest.doMock('cdktf', () => cdktf);
      jest.doMock('constructs', () => constructs);
      copy = require('../../lib');
    });
    expect(copy!.Method).not.toBe(Method);
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets' });
    api.root.addMethod('GET', new MockIntegration(), open);
    const pets = new copy!.Resource(stack, 'Pets', { parent: api.root, pathPart: 'pets' });
    const post = new copy!.Method(stack, 'PostPets', {
      resource: pets, httpMethod: 'POST', integration: new copy!.MockIntegration({ integrationResponses: [{ statusCode: '201' }] }),
      options: { authorization: copy!.AuthorizationType.NONE, methodResponses: [{ statusCode: '201' }] },
    });
    new copy!.Stage(stack, 'Prod', { deployment: new copy!.Deployment(stack, 'Release', { api }), stageName: 'prod' });
    expect(api.root.getResource('pets')).toBe(pets);
    expect(api.methods).toContain(post);
    const json = synth(stack);
    expect(dependsOnOf(json)).toEqual(deployedAddresses(json));
    expect(dependsOnOf(json)).toContain(addressOf(post));
    expect(orderingProblems(json)).toEqual([]);
  });
});
