/**
 * The update flows: each synthesizes v1 of a stack with the library, applies it with the
 * terraform CLI (stand-ins, ./standin.ts) to moto, checks what moto holds, applies v2 into the
 * same state, checks again, destroys, and checks that nothing of the API is left.
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as gw from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AuthorizationType, CognitoUserPoolsAuthorizer, HttpIntegration, MockIntegration, Model, Resource, ResponseType, RestApi, TokenAuthorizer, websocket,
} from '../../../lib';
import { attribute, buildGraph, nodesOf } from '../../support/graph';
import { exampleStack, lambdaStack, petStoreStack, websocketStack } from '../stacks';
import { Helper } from './apply-one';
import { StackJson, terraformEnv, toStandIns } from './standin';

/** One version of a flow's stack, with the `-var` values to apply it with. */
export interface Version {
  readonly json: StackJson;
  readonly vars?: { [name: string]: string };
}

export interface Flow {
  readonly id: string;
  readonly title: string;
  readonly v1: () => Version;
  readonly v2: () => Version;
  /** Whether v2 must put the stage on a new deployment (`'either'` when the flow changes nothing API Gateway snapshots). */
  readonly newDeployment: boolean | 'either';
  /** Said on failure: the library work that the flow waits for, if any. */
  readonly pending?: string;
  /** A REST API (default) or a WebSocket API (`aws_apigatewayv2_*`). */
  readonly kind?: 'rest' | 'websocket';
  /** v2 is v1 synthesized again: the second apply must not touch moto at all. */
  readonly unchanged?: boolean;
  /**
   * For the controls, stacks that are wrong on purpose: the error the flow must fail with. A
   * control proves the stand-ins and moto catch what AWS would refuse.
   */
  readonly mustFailWith?: RegExp;
}

const synth = (build: (stack: TerraformStack) => void): StackJson => {
  const stack = new TerraformStack(Testing.app(), 'flows');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
};

const NONE = { authorization: AuthorizationType.NONE };

/** A MOCK method answering with the given status codes (the first one the default). */
function mockMethod(resource: Resource, httpMethod: string, codes: string[] = ['200']): void {
  resource.addMethod(httpMethod, new MockIntegration({
    requestTemplates: { 'application/json': `{ "statusCode": ${codes[0]} }` },
    integrationResponses: codes.map((statusCode, i) => ({ statusCode, selectionPattern: i === 0 ? undefined : `.*"status":${statusCode}.*` })),
  }), { ...NONE, methodResponses: codes.map((statusCode) => ({ statusCode })) });
}

function petsApi(stack: TerraformStack): RestApi {
  return new RestApi(stack, 'Api', { name: 'flows' });
}

/** The same stack without `create_before_destroy` on its deployments. */
function withoutCreateBeforeDestroy(json: StackJson): StackJson {
  const copy = JSON.parse(JSON.stringify(json));
  for (const d of Object.values(copy.resource?.aws_api_gateway_deployment ?? {}) as Array<{ lifecycle?: unknown }>) delete d.lifecycle;
  return copy;
}

/** `v2` with the Terraform names of `v1`'s resources of a type wherever they differ only by `from` → `to`. */
function keepNames(v1: StackJson, v2: StackJson, type: string, from: string, to: string): StackJson {
  let text = JSON.stringify(v2);
  const names = Object.keys(v1.resource?.[type] ?? {});
  for (const name of Object.keys(v2.resource?.[type] ?? {})) {
    const old = names.find((n) => n.replace(/_[0-9A-F]{8}$/, '') === name.replace(/_[0-9A-F]{8}$/, '').replace(to, from));
    if (old && old !== name) text = text.split(name).join(old);
  }
  return JSON.parse(text);
}

/** `/pets/{id}` (with a child) and `/files/{proxy+}`, under other variable names. */
function pathVariables(id: string, greedy: string): StackJson {
  return synth((stack) => {
    const api = petsApi(stack);
    const pets = api.root.addResource('pets');
    mockMethod(pets, 'GET');
    const pet = pets.addResource(`{${id}}`);
    mockMethod(pet, 'GET');
    mockMethod(pet.addResource('toys'), 'GET');
    mockMethod(api.root.addResource('files').addResource(`{${greedy}+}`), 'ANY');
    api.deploy('prod');
  });
}

/** The same stack with new Terraform names for the resources whose path part is a variable. */
function renameVariableResources(json: StackJson): StackJson {
  let text = JSON.stringify(json);
  for (const [name, block] of Object.entries(json.resource?.aws_api_gateway_resource ?? {})) {
    if (String(block.path_part).startsWith('{')) text = text.split(`aws_api_gateway_resource.${name}.`).join(`aws_api_gateway_resource.${name}_renamed.`);
  }
  const copy = JSON.parse(text) as StackJson;
  const resources = copy.resource!.aws_api_gateway_resource;
  for (const name of Object.keys(resources)) {
    if (String(resources[name].path_part).startsWith('{')) {
      resources[`${name}_renamed`] = resources[name];
      delete resources[name];
    }
  }
  return copy;
}

export const FLOWS: Flow[] = [
  (() => {
    const json = () => synth((stack) => {
      const backend = new TerraformVariable(stack, 'backend', { type: 'string', description: 'base URL of the pets backend' });
      const api = petsApi(stack);
      const pets = api.root.addResource('pets');
      pets.addMethod('GET', new HttpIntegration(`${backend.stringValue}/pets`), NONE);
      mockMethod(pets.addResource('{id}'), 'GET');
      api.deploy('prod');
    });
    return {
      id: 'a', title: 'changed backend variable',
      v1: () => ({ json: json(), vars: { backend: 'https://v1.backend.example.com' } }),
      v2: () => ({ json: json(), vars: { backend: 'https://v2.backend.example.com' } }),
      newDeployment: true,
      pending: 'the redeploy trigger must fold token values (here var.backend) in as Terraform expressions',
    };
  })(),
  (() => {
    const json = pathVariables;
    return {
      id: 'b', title: 'rename path variable',
      v1: () => ({ json: json('id', 'proxy') }),
      v2: () => ({ json: json('petId', 'path') }),
      newDeployment: true,
      pending: 'a variable child must keep one construct id whatever its name, so that renaming it updates the resource in place',
    };
  })(),
  (() => {
    const json = (name: string) => synth((stack) => {
      const api = petsApi(stack);
      const top = api.root.addResource(name);
      mockMethod(top, 'GET');
      mockMethod(top.addResource('{id}'), 'GET');
      api.deploy('prod');
    });
    return { id: 'c', title: 'rename static path part', v1: () => ({ json: json('pets') }), v2: () => ({ json: json('animals') }), newDeployment: true };
  })(),
  (() => {
    const json = (methods: string[]) => synth((stack) => {
      const api = petsApi(stack);
      const pets = api.root.addResource('pets');
      for (const m of methods) mockMethod(pets, m);
      mockMethod(pets.addResource('{id}'), 'GET');
      api.deploy('prod');
    });
    return { id: 'd', title: 'remove a method', v1: () => ({ json: json(['GET', 'POST']) }), v2: () => ({ json: json(['GET']) }), newDeployment: true };
  })(),
  (() => {
    const json = (code: string) => synth((stack) => {
      const api = petsApi(stack);
      const pets = api.root.addResource('pets');
      mockMethod(pets, 'GET');
      mockMethod(pets, 'POST', [code, '400']);
      api.deploy('prod');
    });
    return { id: 'e', title: 'change a status code', v1: () => ({ json: json('200') }), v2: () => ({ json: json('201') }), newDeployment: true };
  })(),
  (() => {
    const json = (stages: string[]) => synth((stack) => {
      const api = petsApi(stack);
      mockMethod(api.root.addResource('pets'), 'GET');
      for (const s of stages) api.deploy(s);
    });
    return { id: 'f', title: 'remove a stage', v1: () => ({ json: json(['prod', 'beta']) }), v2: () => ({ json: json(['prod']) }), newDeployment: 'either' };
  })(),
  (() => {
    const json = (route: string, message: string) => synth((stack) => {
      const api = new websocket.WebSocketApi(stack, 'ChatApi', { name: 'chat' });
      const mock = api.addIntegration('Mock', {
        type: websocket.IntegrationType.MOCK,
        requestTemplates: { '$default': '{"statusCode": 200}' },
        templateSelectionExpression: '\\$default',
      });
      mock.addResponse({ integrationResponseKey: websocket.IntegrationResponseKey.DEFAULT, responseTemplates: { '$default': `{"message": "${message}"}` } });
      api.addRoute(route, { integration: mock }).addResponse({ routeResponseKey: '$default' });
      api.addRoute('$connect', { integration: mock });
      api.deploy('prod');
    });
    return {
      id: 'g', title: 'WebSocket: rename a route, change a response template', kind: 'websocket',
      v1: () => ({ json: json('sendmessage', 'sent') }), v2: () => ({ json: json('send', 'delivered') }), newDeployment: 'either',
    };
  })(),
  ...([
    ['h', 'MyDemoAPI example', exampleStack, 'rest'],
    ['i', 'pet store with method settings', petStoreStack, 'rest'],
    ['j', 'Lambda proxy API with permissions', lambdaStack, 'rest'],
    ['k', 'WebSocket example', websocketStack, 'websocket'],
  ] as const).map(([id, name, make, kind]): Flow => ({
    id, title: `re-apply unchanged: ${name}`, kind, v1: () => ({ json: make() }), v2: () => ({ json: make() }), newDeployment: 'either', unchanged: true,
  })),
  (() => {
    const json = (version: 1 | 2) => synth((stack) => {
      const api = petsApi(stack);
      const token = new TokenAuthorizer(stack, 'TokenAuth', {
        restApi: api, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
        resultsCacheTtl: version === 1 ? 300 : 60, validationRegex: version === 1 ? undefined : '^Bearer .+$',
      });
      const pets = api.root.addResource('pets');
      pets.addMethod('GET', new MockIntegration(), { authorizer: token });
      const pet = pets.addResource('{id}');
      if (version === 1) {
        pet.addMethod('GET', new MockIntegration(), NONE);
      } else {
        const pools = new CognitoUserPoolsAuthorizer(stack, 'UserPool', {
          restApi: api, userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123'],
        });
        pet.addMethod('GET', new MockIntegration(), { authorizer: pools, authorizationScopes: ['pets/read'] });
      }
      api.deploy('prod');
    });
    return {
      id: 'l', title: 'change an authorizer, protect a method with a new one', v1: () => ({ json: json(1) }), v2: () => ({ json: json(2) }), newDeployment: true,
      pending: 'the deployment must hash the authorizers, and methods must reference theirs',
    };
  })(),
  (() => {
    const json = (version: 1 | 2) => synth((stack) => {
      const api = new RestApi(stack, 'Api', { name: 'flows', defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] } });
      const required = version === 1 ? ['name'] : ['name', 'tag'];
      const pet = api.addModel('Pet', { schema: { type: 'object', required, properties: { name: { type: 'string' }, tag: { type: 'string' } } } });
      const pets = api.root.addResource('pets');
      const ok = [{ statusCode: '200' }];
      pets.addMethod('POST', new MockIntegration({ requestTemplates: { 'application/json': '{ "statusCode": 200 }' }, integrationResponses: ok }), {
        ...NONE, requestModels: { 'application/json': pet }, requestValidatorOptions: { validateRequestBody: true, validateRequestParameters: version === 2 },
        methodResponses: ok,
      });
      if (version === 2) {
        const list = api.addModel('PetList', { schema: { type: 'array', items: { $ref: Model.referenceTo(pet) } } });
        pets.addMethod('GET', new MockIntegration({ requestTemplates: { 'application/json': '{ "statusCode": 200 }' }, integrationResponses: ok }), {
          ...NONE, methodResponses: [{ statusCode: '200', responseModels: { 'application/json': list } }],
        });
        api.addGatewayResponse('Throttled', { type: ResponseType.THROTTLED, statusCode: '429', templates: { 'application/json': '{"retry": true}' } });
      }
      api.deploy('prod');
    });
    return {
      id: 'm', title: 'models: change a schema, add a referring model, a gateway response, new validator settings',
      v1: () => ({ json: json(1) }), v2: () => ({ json: json(2) }), newDeployment: true,
    };
  })(),
  (() => {
    const json = (methods: string[]) => withoutCreateBeforeDestroy(synth((stack) => {
      const api = petsApi(stack);
      const pets = api.root.addResource('pets');
      for (const m of methods) mockMethod(pets, m);
      api.deploy('prod');
    }));
    return {
      id: 'x', title: 'control: a deployment without create_before_destroy', v1: () => ({ json: json(['GET', 'POST']) }), v2: () => ({ json: json(['GET']) }),
      newDeployment: true, mustFailWith: /Active stages pointing to this deployment must be moved or deleted/,
    };
  })(),
  (() => {
    const json = (code: string) => synth((stack) => {
      const api = petsApi(stack);
      mockMethod(api.root.addResource('pets'), 'POST', [code, '400']);
      api.deploy('prod');
    });
    const v1 = () => json('200');
    const v2 = () => {
      const first = v1();
      return keepNames(first, keepNames(first, json('201'), 'aws_api_gateway_method_response', 'Response200', 'Response201'),
        'aws_api_gateway_integration_response', 'Response200', 'Response201');
    };
    return {
      id: 'y', title: 'control: a status code changed under the same Terraform address', v1: () => ({ json: v1() }), v2: () => ({ json: v2() }),
      newDeployment: true, mustFailWith: /Invalid Response status code specified/,
    };
  })(),
  {
    id: 'z', title: 'control: a renamed path variable under a new Terraform address',
    v1: () => ({ json: pathVariables('id', 'proxy') }),
    v2: () => ({ json: renameVariableResources(pathVariables('petId', 'path')) }),
    newDeployment: true, mustFailWith: /A sibling \(\{id\}\) of this resource already has a variable path part -- only one is allowed/,
  },
];

// ---------------------------------------------------------------------------------------------
// What the configuration says API Gateway should hold, and what moto holds.

interface MethodShape {
  methodResponses: string[];
  integrationType?: string;
  uri?: string;
  integrationResponses: string[];
  /** `CUSTOM <authorizer name>`, `COGNITO_USER_POOLS <name> [scopes]`, `NONE`, ... */
  authorization?: string;
}

/** An API as comparable plain data: paths, methods (`GET /pets`) and stages. */
export interface ApiShape {
  name: string;
  paths: string[];
  methods: { [key: string]: MethodShape };
  stages: string[];
  /** Models, request validators and gateway responses, one line each. */
  members: string[];
  /** `<name> <type> ttl=<seconds> <identity source> <validation expression>` of each authorizer. */
  authorizers?: string[];
}

/** A schema with the REST API ID of its `$ref` URLs left out, which differs between the configuration and moto. */
const schemaText = (schema: unknown) => String(schema ?? '').replace(/\/restapis\/[^/"]+\/models\//g, '/restapis/*/models/');
const modelLine = (name: unknown, contentType: unknown, schema: unknown, description: unknown) =>
  `model ${String(name)} ${String(contentType)} ${schemaText(schema)} ${String(description ?? '')}`;
const validatorLine = (name: unknown, body: unknown, parameters: unknown) => `validator ${String(name)} body=${Boolean(body)} parameters=${Boolean(parameters)}`;
const gatewayResponseLine = (type: unknown, statusCode: unknown, parameters: unknown, templates: unknown) =>
  `gateway response ${String(type)} ${String(statusCode ?? '-')} ${JSON.stringify(sortKeys(parameters ?? {}))} ${JSON.stringify(sortKeys(templates ?? {}))}`;
const sortKeys = (o: unknown) => Object.fromEntries(Object.entries(o as object).sort(([a], [b]) => a.localeCompare(b)));

/** The API a stack configures, with variables replaced by their values. */
export function expectedShape(json: StackJson, vars: { [name: string]: string } = {}): ApiShape {
  const graph = buildGraph(json as any);
  const apis = nodesOf(graph, 'aws_api_gateway_rest_api');
  if (apis.length !== 1) throw new Error(`the flows expect one REST API per stack, found ${apis.length}`);
  const variable = (s: unknown) => String(s).replace(/\$\{var\.([A-Za-z0-9_-]+)\}/g, (_, name: string) => {
    const value = vars[name] ?? (json.variable?.[name] as { default?: string } | undefined)?.default;
    if (value === undefined) throw new Error(`no value for var.${name}`);
    return value;
  });
  const paths = new Map<string, string>();
  const pathOf = (reference: string): string => {
    const m = /^\$\{(aws_api_gateway_[a-z_]+)\.([A-Za-z0-9_-]+)\.(id|root_resource_id)\}$/.exec(reference);
    if (!m) throw new Error(`cannot follow ${reference} to a resource`);
    if (m[3] === 'root_resource_id') return '/';
    const address = `${m[1]}.${m[2]}`;
    const known = paths.get(address);
    if (known) return known;
    const node = graph.get(address)!;
    const parent = pathOf(String(node.config.parent_id));
    const path = `${parent === '/' ? '' : parent}/${String(node.config.path_part)}`;
    paths.set(address, path);
    return path;
  };
  const key = (n: { config: { [k: string]: unknown } } & Parameters<typeof attribute>[1]) =>
    `${String(attribute(graph, n, 'http_method'))} ${pathOf(String(attribute(graph, n, 'resource_id')))}`;
  const shape: ApiShape = { name: String(apis[0].config.name), paths: ['/'], methods: {}, stages: [], members: [] };
  for (const r of nodesOf(graph, 'aws_api_gateway_resource')) shape.paths.push(pathOf(`\${${r.address}.id}`));
  const authorizerNames = new Map<string, string>();
  shape.authorizers = [];
  for (const a of nodesOf(graph, 'aws_api_gateway_authorizer')) {
    authorizerNames.set(`\${${a.address}.id}`, String(a.config.name));
    shape.authorizers.push(authorizerLine(a.config));
  }
  for (const m of nodesOf(graph, 'aws_api_gateway_method')) {
    const authorizer = m.config.authorizer_id === undefined ? '' : ` ${authorizerNames.get(String(m.config.authorizer_id)) ?? variable(m.config.authorizer_id)}`;
    const scopes = m.config.authorization_scopes ? ` [${(m.config.authorization_scopes as string[]).join(',')}]` : '';
    shape.methods[key(m)] = { methodResponses: [], integrationResponses: [], authorization: `${String(m.config.authorization)}${authorizer}${scopes}` };
  }
  const method = (n: Parameters<typeof key>[0]) => {
    const found = shape.methods[key(n)];
    if (!found) throw new Error(`${n.address} belongs to no method of the stack`);
    return found;
  };
  for (const n of nodesOf(graph, 'aws_api_gateway_method_response')) method(n).methodResponses.push(String(attribute(graph, n, 'status_code')));
  for (const n of nodesOf(graph, 'aws_api_gateway_integration_response')) method(n).integrationResponses.push(String(attribute(graph, n, 'status_code')));
  for (const n of nodesOf(graph, 'aws_api_gateway_integration')) {
    const m = method(n);
    m.integrationType = String(n.config.type);
    // A URI built from other resources' attributes (a Lambda ARN) is checked by the driver's moto proof, not here.
    if (n.config.uri !== undefined && !variable(n.config.uri).includes('${')) m.uri = variable(n.config.uri);
  }
  for (const s of nodesOf(graph, 'aws_api_gateway_stage')) shape.stages.push(String(s.config.stage_name));
  for (const m of nodesOf(graph, 'aws_api_gateway_model')) {
    // A $ref names the other model through its name attribute: the name it is configured with.
    const schema = String(m.config.schema).replace(/\$\{(aws_api_gateway_model\.[A-Za-z0-9_-]+)\.name\}/g, (_, address: string) => String(graph.get(address)!.config.name));
    shape.members.push(modelLine(m.config.name, m.config.content_type, schema, m.config.description));
  }
  for (const v of nodesOf(graph, 'aws_api_gateway_request_validator')) {
    shape.members.push(validatorLine(v.config.name, v.config.validate_request_body, v.config.validate_request_parameters));
  }
  for (const r of nodesOf(graph, 'aws_api_gateway_gateway_response')) {
    shape.members.push(gatewayResponseLine(r.config.response_type, r.config.status_code, r.config.response_parameters, r.config.response_templates));
  }
  return normalize(shape);
}

/** An authorizer as the flows compare it (API Gateway's defaults filled in). */
function authorizerLine(a: { [key: string]: unknown }): string {
  return [a.name, a.type ?? 'TOKEN', `ttl=${a.authorizer_result_ttl_in_seconds ?? 300}`, a.identity_source ?? '-', a.identity_validation_expression ?? '-'].join(' ');
}

function normalize(shape: ApiShape): ApiShape {
  shape.paths.sort();
  shape.authorizers?.sort();
  shape.stages.sort();
  shape.members.sort();
  for (const m of Object.values(shape.methods)) {
    m.methodResponses.sort();
    m.integrationResponses.sort();
  }
  shape.methods = Object.fromEntries(Object.entries(shape.methods).sort(([a], [b]) => a.localeCompare(b)));
  return shape;
}

/** What moto holds: the API's shape, its deployments, and which deployment each stage serves. */
export interface Actual {
  apis: number;
  shape?: ApiShape;
  deployments: string[];
  stageDeployments: { [stage: string]: string };
}

export async function readMoto(v1: gw.APIGatewayClient): Promise<Actual> {
  const apis = (await v1.send(new gw.GetRestApisCommand({ limit: 500 }))).items ?? [];
  const actual: Actual = { apis: apis.length, deployments: [], stageDeployments: {} };
  if (apis.length !== 1) return actual;
  const restApiId = apis[0].id!;
  const shape: ApiShape = { name: apis[0].name!, paths: [], methods: {}, stages: [], members: [], authorizers: [] };
  const authorizerNames = new Map<string, string>();
  for (const a of (await v1.send(new gw.GetAuthorizersCommand({ restApiId }))).items ?? []) {
    authorizerNames.set(a.id!, a.name!);
    shape.authorizers!.push(authorizerLine({
      name: a.name, type: a.type, authorizer_result_ttl_in_seconds: a.authorizerResultTtlInSeconds, identity_source: a.identitySource,
      identity_validation_expression: a.identityValidationExpression,
    }));
  }
  for (const r of (await v1.send(new gw.GetResourcesCommand({ restApiId, limit: 500 }))).items ?? []) {
    shape.paths.push(r.path!);
    for (const httpMethod of Object.keys(r.resourceMethods ?? {})) {
      const m = await v1.send(new gw.GetMethodCommand({ restApiId, resourceId: r.id, httpMethod }));
      shape.methods[`${httpMethod} ${r.path}`] = {
        methodResponses: Object.keys(m.methodResponses ?? {}),
        integrationType: m.methodIntegration?.type,
        uri: m.methodIntegration?.uri ?? undefined,
        integrationResponses: Object.keys(m.methodIntegration?.integrationResponses ?? {}),
        authorization: `${m.authorizationType ?? 'NONE'}${m.authorizerId ? ` ${authorizerNames.get(m.authorizerId) ?? m.authorizerId}` : ''}` +
          `${m.authorizationScopes?.length ? ` [${m.authorizationScopes.join(',')}]` : ''}`,
      };
    }
  }
  for (const s of (await v1.send(new gw.GetStagesCommand({ restApiId }))).item ?? []) {
    shape.stages.push(s.stageName!);
    actual.stageDeployments[s.stageName!] = s.deploymentId!;
  }
  actual.deployments = ((await v1.send(new gw.GetDeploymentsCommand({ restApiId, limit: 500 }))).items ?? []).map((d) => d.id!).sort();
  for (const m of (await v1.send(new gw.GetModelsCommand({ restApiId, limit: 500 }))).items ?? []) {
    shape.members.push(modelLine(m.name, m.contentType, m.schema, m.description));
  }
  for (const v of (await v1.send(new gw.GetRequestValidatorsCommand({ restApiId, limit: 500 }))).items ?? []) {
    shape.members.push(validatorLine(v.name, v.validateRequestBody, v.validateRequestParameters));
  }
  for (const r of (await v1.send(new gw.GetGatewayResponsesCommand({ restApiId, limit: 500 }))).items ?? []) {
    // AWS lists every type, the uncustomised ones marked as defaults; only customised ones are configured.
    if (r.defaultResponse) continue;
    shape.members.push(gatewayResponseLine(r.responseType, r.statusCode, r.responseParameters, r.responseTemplates));
  }
  actual.shape = normalize(shape);
  return actual;
}

/** Differences between the configured and the actual API, as readable lines. */
export function compare(expected: ApiShape, actual: Actual): string[] {
  if (actual.apis !== 1) return [`moto holds ${actual.apis} REST APIs, expected 1`];
  const a = actual.shape!;
  const problems: string[] = [];
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
  const setDiff = (what: string, want: string[], got: string[]) => {
    const missing = want.filter((x) => !got.includes(x));
    const extra = got.filter((x) => !want.includes(x));
    if (missing.length || extra.length) problems.push(`${what}: missing ${list(missing)}; not configured ${list(extra)}`);
  };
  setDiff('resources', expected.paths, a.paths);
  setDiff('methods', Object.keys(expected.methods), Object.keys(a.methods));
  setDiff('stages', expected.stages, a.stages);
  setDiff('models, request validators and gateway responses', expected.members, a.members);
  setDiff('authorizers', expected.authorizers ?? [], a.authorizers ?? []);
  for (const [key, want] of Object.entries(expected.methods)) {
    const got = a.methods[key];
    if (!got) continue;
    setDiff(`${key} method responses`, want.methodResponses, got.methodResponses);
    setDiff(`${key} integration responses`, want.integrationResponses, got.integrationResponses);
    if (want.integrationType !== got.integrationType) problems.push(`${key}: integration type ${got.integrationType ?? 'none'}, configured ${want.integrationType}`);
    if (want.uri !== undefined && want.uri !== got.uri) problems.push(`${key}: integration uri ${got.uri ?? 'none'}, configured ${want.uri}`);
    if (want.authorization !== got.authorization) problems.push(`${key}: authorization ${got.authorization ?? 'none'}, configured ${want.authorization}`);
  }
  const served = [...new Set(Object.values(actual.stageDeployments))].sort();
  for (const [stage, deployment] of Object.entries(actual.stageDeployments)) {
    if (!actual.deployments.includes(deployment)) problems.push(`stage ${stage} points to deployment ${deployment}, which does not exist`);
  }
  const orphans = actual.deployments.filter((d) => !served.includes(d));
  if (orphans.length) problems.push(`deployments no stage points to are left behind: ${orphans.join(', ')}`);
  return problems;
}

/** A WebSocket API as comparable plain data. */
interface WebSocketShape {
  routes: string[];
  /** Integration response key → its response templates (JSON). */
  integrationResponses: { [key: string]: string };
  stages: string[];
}

const templates = (t: unknown) => JSON.stringify(Object.fromEntries(Object.entries((t ?? {}) as object).sort(([a], [b]) => a.localeCompare(b))));

function expectedWebSocket(json: StackJson): WebSocketShape {
  const graph = buildGraph(json as any);
  const shape: WebSocketShape = { routes: [], integrationResponses: {}, stages: [] };
  for (const r of nodesOf(graph, 'aws_apigatewayv2_route')) shape.routes.push(String(r.config.route_key));
  for (const r of nodesOf(graph, 'aws_apigatewayv2_integration_response')) {
    shape.integrationResponses[String(r.config.integration_response_key)] = templates(r.config.response_templates);
  }
  for (const s of nodesOf(graph, 'aws_apigatewayv2_stage')) shape.stages.push(String(s.config.name));
  shape.routes.sort();
  shape.stages.sort();
  return shape;
}

async function compareWebSocket(expected: WebSocketShape, client: v2.ApiGatewayV2Client): Promise<string[]> {
  const apis = (await client.send(new v2.GetApisCommand({}))).Items ?? [];
  if (apis.length !== 1) return [`moto holds ${apis.length} WebSocket APIs, expected 1`];
  const ApiId = apis[0].ApiId;
  const problems: string[] = [];
  const routes = ((await client.send(new v2.GetRoutesCommand({ ApiId }))).Items ?? []).map((r) => r.RouteKey!).sort();
  if (routes.join() !== expected.routes.join()) problems.push(`routes are ${routes.join(', ')}, configured ${expected.routes.join(', ')}`);
  const responses: { [key: string]: string } = {};
  for (const i of (await client.send(new v2.GetIntegrationsCommand({ ApiId }))).Items ?? []) {
    for (const r of (await client.send(new v2.GetIntegrationResponsesCommand({ ApiId, IntegrationId: i.IntegrationId }))).Items ?? []) {
      responses[r.IntegrationResponseKey!] = templates(r.ResponseTemplates);
    }
  }
  const sorted = (o: { [key: string]: string }) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  if (sorted(responses) !== sorted(expected.integrationResponses)) {
    problems.push(`integration responses are ${sorted(responses)}, configured ${sorted(expected.integrationResponses)}`);
  }
  const stages = ((await client.send(new v2.GetStagesCommand({ ApiId }))).Items ?? []).map((st) => st.StageName!).sort();
  if (stages.join() !== expected.stages.join()) problems.push(`stages are ${stages.join(', ')}, configured ${expected.stages.join(', ')}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The terraform CLI, run asynchronously: the helper answering the provisioners lives in this
// process, so its event loop must keep turning while terraform runs.

export interface TerraformRun {
  readonly ok: boolean;
  readonly output: string;
  readonly ms: number;
}

export function terraform(dir: string, args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void = () => undefined): Promise<TerraformRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('terraform', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let partial = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop()!;
      lines.forEach(onLine);
    });
    child.stderr.on('data', (chunk) => { output += String(chunk); });
    child.on('error', (e) => resolve({ ok: false, output: `${output}\n${e.message}`, ms: Date.now() - started }));
    child.on('close', (code) => {
      if (partial) onLine(partial);
      resolve({ ok: code === 0, output, ms: Date.now() - started });
    });
  });
}

/** Hands Terraform's destroys of deposed stand-ins to the helper (see Helper.destroyDeposed). */
function watchDeposed(helper: Helper): (line: string) => void {
  return (line) => {
    const m = /^terraform_data\.\S+ \(deposed object [0-9a-f]+\): Destroying\.\.\. \[id=([0-9a-f-]{36})\]/.exec(line);
    if (m) helper.destroyDeposed(m[1]);
  };
}

const varArgs = (vars: { [name: string]: string } = {}) => Object.entries(vars).flatMap(([k, v]) => ['-var', `${k}=${v}`]);

/** Stand-in addresses in the working directory's state. */
function stateAddresses(dir: string): string[] {
  const file = join(dir, 'terraform.tfstate');
  if (!existsSync(file)) return [];
  const state = JSON.parse(readFileSync(file, 'utf8')) as { resources?: Array<{ mode: string; type: string; name: string }> };
  return (state.resources ?? []).filter((r) => r.mode === 'managed').map((r) => `${r.type}.${r.name}`);
}

/** The first error Terraform printed, and the helper's failed calls, in a few lines. */
function failure(run: TerraformRun, helper: Helper, since: number): string {
  const failed = helper.operations.slice(since).filter((o) => !o.ok).map((o) => `${o.op} ${o.address}: ${o.detail}`);
  if (failed.length) return failed.join('\n');
  const error = /Error: [\s\S]*/.exec(run.output)?.[0] ?? run.output;
  return error.split('\n').slice(0, 15).join('\n');
}

export interface FlowResult {
  readonly ok: boolean;
  readonly problems: string[];
  readonly ms: number;
}

/** Runs one flow: v1, v2 into the same state, destroy; checking moto after each. */
export async function runFlow(flow: Flow, helper: Helper, reset: () => Promise<void>, log: (line: string) => void): Promise<FlowResult> {
  const started = Date.now();
  const tag = `[flow ${flow.id}: ${flow.title}]`;
  const step = (what: string) => log(`${tag} ${what} ...`);
  await reset();
  helper.reset();
  const dir = mkdtempSync(join(tmpdir(), `flow-${flow.id}-`));
  const env = terraformEnv({ FLOWS_HELPER: helper.url });
  const problems: string[] = [];
  const done = () => {
    if (problems.length === 0 || flow.mustFailWith) rmSync(dir, { recursive: true, force: true });
    else problems.push(`(terraform working directory kept: ${dir})`);
    return { ok: problems.length === 0, problems, ms: Date.now() - started };
  };

  /** Synthesizes a version, converts it into the working directory and applies it. */
  const apply = async (name: 'v1' | 'v2', make: () => Version): Promise<{ version: Version; ok: boolean; since: number }> => {
    step(`synth + convert ${name}`);
    const version = make();
    const present = new Set(Object.entries(version.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `terraform_data.${type}__${n}`)));
    const removed = stateAddresses(dir).filter((a) => !present.has(a));
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(toStandIns(version.json, { removed }), null, 2));
    step(`apply ${name}`);
    const since = helper.operations.length;
    const run = await terraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10', ...varArgs(version.vars)], env, watchDeposed(helper));
    await helper.idle();
    const ops = helper.operations.slice(since);
    const count = (op: string) => ops.filter((o) => o.op === op && o.ok && o.detail !== 'unchanged').length;
    log(`${tag} apply ${name}: ${run.ok ? 'ok' : 'FAILED'} in ${(run.ms / 1000).toFixed(1)} s ` +
      `(moto: ${count('create')} created, ${count('update')} updated, ${count('destroy')} deleted)`);
    if (!run.ok) {
      problems.push(`apply ${name} failed:\n${failure(run, helper, since)}`);
    } else if (ops.some((o) => !o.ok)) {
      problems.push(`apply ${name}: terraform succeeded, but a deposed object's delete failed:\n${failure(run, helper, since)}`);
    }
    return { version, ok: run.ok && !ops.some((o) => !o.ok), since };
  };

  const check = async (name: 'v1' | 'v2', v: Version): Promise<Actual> => {
    step(`check ${name}`);
    if (flow.kind === 'websocket') {
      for (const p of await compareWebSocket(expectedWebSocket(v.json), helper.clients.v2)) problems.push(`after ${name}: ${p}`);
      return { apis: 0, deployments: [], stageDeployments: {} };
    }
    const actual = await readMoto(helper.clients.v1);
    for (const p of compare(expectedShape(v.json, v.vars), actual)) problems.push(`after ${name}: ${p}`);
    return actual;
  };

  step('terraform init');
  const init = await terraform(dir, ['init', '-input=false', '-no-color'], env);
  if (!init.ok) {
    problems.push(`terraform init failed:\n${init.output}`);
    return done();
  }
  const first = await apply('v1', flow.v1);
  if (!first.ok) return done();
  const before = await check('v1', first.version);
  if (problems.length) return done();

  const second = await apply('v2', flow.v2);
  if (second.ok && flow.unchanged) {
    const calls = helper.operations.slice(second.since).filter((o) => o.detail !== 'unchanged');
    if (calls.length) problems.push(`after v2: synthesizing the same stack again changed moto: ${calls.map((o) => `${o.op} ${o.address}`).join('; ')}`);
  }
  if (second.ok) {
    const after = await check('v2', second.version);
    if (flow.newDeployment === true && flow.kind !== 'websocket') {
      const stale = Object.entries(after.stageDeployments).filter(([stage, deployment]) => before.stageDeployments[stage] === deployment);
      for (const [stage, deployment] of stale) {
        problems.push(`after v2: stage ${stage} still serves deployment ${deployment} from v1 (the deployment was not replaced, so API Gateway would serve v1)`);
      }
      // The order Terraform chose: the new deployment, then the stage moved to it, then the old one deleted.
      const ops = helper.operations.slice(second.since).filter((o) => o.detail !== 'unchanged').map((o) => `${o.op} ${o.address.replace(/\.[^ ]*/, '')}`);
      const order = ['create aws_api_gateway_deployment', 'update aws_api_gateway_stage', 'destroy aws_api_gateway_deployment (deposed)'].map((e) => ops.indexOf(e));
      if (stale.length === 0 && (order.some((i) => i < 0) || !(order[0] < order[1] && order[1] < order[2]))) {
        const seen = ops.filter((o) => /deployment|stage/.test(o));
        problems.push(`after v2: expected create deployment → move stage → delete old deployment; the helper saw: ${seen.length ? seen.join('; ') : 'no deployment or stage change'}`);
      }
    }
  }

  step('destroy');
  const since = helper.operations.length;
  const destroy = await terraform(dir, ['destroy', '-auto-approve', '-input=false', '-no-color', '-parallelism=10', ...varArgs(second.version.vars)],
    env, watchDeposed(helper));
  await helper.idle();
  log(`${tag} destroy: ${destroy.ok ? 'ok' : 'FAILED'} in ${(destroy.ms / 1000).toFixed(1)} s`);
  if (!destroy.ok || helper.operations.slice(since).some((o) => !o.ok)) {
    if (problems.length === 0) problems.push(`destroy failed:\n${failure(destroy, helper, since)}`);
    return done();
  }
  if (problems.length) return done();
  step('check destroy');
  const left = await readMoto(helper.clients.v1);
  if (left.apis !== 0) problems.push(`after destroy: moto still holds ${left.apis} REST API(s)`);
  const leftWs = (await helper.clients.v2.send(new v2.GetApisCommand({}))).Items ?? [];
  if (leftWs.length !== 0) problems.push(`after destroy: moto still holds ${leftWs.length} WebSocket API(s)`);
  const live = helper.live();
  if (live.length) problems.push(`after destroy: never deleted: ${live.join(', ')}`);
  return done();
}
