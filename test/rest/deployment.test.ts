import * as fc from 'fast-check';
import { dependable, TerraformResource, TerraformVariable } from 'cdktf';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { AuthorizationType, ContentHandling, HttpIntegration, IntegrationType, IntegrationBackend, MockIntegration, RestApi, ValidationError } from '../../lib';
import { buildGraph, criticalPath, orderingProblems, reaches } from '../support/graph';
import { newStack, only, resolve, synth } from '../support/synth';

const open = { authorization: AuthorizationType.NONE };

/** A small API whose every field can be varied by the property test. */
interface Shape {
  apiDescription: string;
  pathPart: string;
  httpMethod: string;
  operationName: string;
  apiKeyRequired: boolean;
  statusCode: string;
  header: string;
  requestTemplate: string;
  timeout: number;
  selectionPattern: string;
  responseTemplate: string;
  contentHandling: ContentHandling;
}

const base: Shape = {
  apiDescription: 'pets', pathPart: 'pets', httpMethod: 'GET', operationName: 'ListPets', apiKeyRequired: false, statusCode: '200',
  header: 'X-Id', requestTemplate: '{"statusCode": 200}', timeout: 29000, selectionPattern: '2\\d{2}', responseTemplate: '{}',
  contentHandling: ContentHandling.CONVERT_TO_TEXT,
};

function build(shape: Shape) {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets', description: shape.apiDescription });
  const method = api.root.addResource(shape.pathPart).addMethod(shape.httpMethod, new IntegrationBackend({
    type: IntegrationType.MOCK,
    options: { requestTemplates: { 'application/json': shape.requestTemplate }, timeoutMilliseconds: shape.timeout },
  }), { ...open, operationName: shape.operationName, apiKeyRequired: shape.apiKeyRequired });
  method.addMethodResponse({ statusCode: shape.statusCode, responseParameters: { [`method.response.header.${shape.header}`]: true } });
  method.addIntegrationResponse({
    statusCode: shape.statusCode,
    selectionPattern: shape.selectionPattern,
    responseTemplates: { 'application/json': shape.responseTemplate },
    responseParameters: { [`method.response.header.${shape.header}`]: "'v'" },
    contentHandling: shape.contentHandling,
  });
  api.deploy('prod');
  return { stack, api };
}

const hashOf = (shape: Shape) => only(synth(build(shape).stack), 'aws_api_gateway_deployment').triggers.redeployment as string;

/** One field changed to another valid value. */
const mutation: fc.Arbitrary<Partial<Shape>> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s !== base.apiDescription).map((apiDescription) => ({ apiDescription })),
  fc.stringMatching(/^[a-z0-9]{1,12}$/).filter((s) => s !== base.pathPart).map((pathPart) => ({ pathPart })),
  fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY').map((httpMethod) => ({ httpMethod })),
  fc.stringMatching(/^[A-Za-z]{1,16}$/).filter((s) => s !== base.operationName).map((operationName) => ({ operationName })),
  fc.constant({ apiKeyRequired: true }),
  fc.integer({ min: 100, max: 599 }).filter((n) => String(n) !== base.statusCode).map((n) => ({ statusCode: String(n) })),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/).filter((s) => s !== base.header).map((header) => ({ header })),
  fc.string({ maxLength: 30 }).filter((s) => s !== base.requestTemplate).map((requestTemplate) => ({ requestTemplate })),
  fc.integer({ min: 50, max: 29000 }).filter((n) => n !== base.timeout).map((timeout) => ({ timeout })),
  fc.stringMatching(/^[0-9a-z]{1,6}(\.\*)?$/).filter((s) => s !== base.selectionPattern).map((selectionPattern) => ({ selectionPattern })),
  fc.string({ maxLength: 30 }).filter((s) => s !== base.responseTemplate).map((responseTemplate) => ({ responseTemplate })),
  fc.constant({ contentHandling: ContentHandling.CONVERT_TO_BINARY }),
);

describe('Deployment', () => {
  test('GIVEN api.deploy WHEN synthesized THEN one deployment with a trigger hash, create_before_destroy, and a stage on it', () => {
    const { stack, api } = build(base);
    const stage2 = api.deploy('dev');
    const json = synth(stack);
    const deployment = only(json, 'aws_api_gateway_deployment');
    expect(deployment).toEqual(expect.objectContaining({
      rest_api_id: resolve(stack, api.restApiId),
      lifecycle: { create_before_destroy: true },
      triggers: { redeployment: expect.stringMatching(/^[0-9a-f]{64}$/) },
    }));
    expect(deployment.stage_name).toBeUndefined();
    expect(api.deployment?.stages.map((s) => s.stageName)).toEqual(['prod', 'dev']);
    expect(stage2.deployment).toBe(api.deployment);
    expect(orderingProblems(json)).toEqual([]);
  });

  test('GIVEN the same API built twice THEN the hash is the same', () => {
    expect(hashOf(base)).toBe(hashOf({ ...base }));
  });

  test('GIVEN any single field of the API, a resource, method, method response, integration or integration response changed THEN the hash changes', () => {
    const original = hashOf(base);
    fc.assert(fc.property(mutation, (change) => hashOf({ ...base, ...change }) !== original), { numRuns: 60 });
  });

  test('GIVEN an escape-hatch override on a method THEN the hash changes', () => {
    const original = hashOf(base);
    const { stack, api } = build(base);
    (api.methods[0].node.defaultChild as any).addOverride('authorization_scopes', ['x']);
    expect(only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment).not.toBe(original);
  });

  test('GIVEN an attribute of a method resource set after construction THEN the hash changes', () => {
    const original = hashOf(base);
    const { stack, api } = build(base);
    (api.methods[0].node.defaultChild as ApiGatewayMethod).authorizationScopes = ['x'];
    expect(only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment).not.toBe(original);
  });

  test('GIVEN a meta-argument on a method resource (depends_on, lifecycle) THEN the hash stays: it changes nothing API Gateway serves', () => {
    const original = hashOf(base);
    const { stack, api } = build(base);
    const l1 = api.methods[0].node.defaultChild as ApiGatewayMethod;
    l1.dependsOn = [dependable(api.node.defaultChild as TerraformResource)];
    l1.lifecycle = { ignoreChanges: ['authorization_scopes'] };
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_method').lifecycle).toEqual({ ignore_changes: ['authorization_scopes'] });
    expect(only(json, 'aws_api_gateway_deployment').triggers.redeployment).toBe(original);
  });

  test('GIVEN an integration URI that references another resource THEN the hash follows the reference', () => {
    const hashFor = (variable: string) => {
      const stack = newStack();
      const target = new TerraformVariable(stack, variable, { type: 'string' });
      const api = new RestApi(stack, 'Api', { name: 'refs' });
      api.root.addMethod('GET', new HttpIntegration(`https://${target.stringValue}/items`), open);
      api.deploy('prod');
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment;
    };
    expect(hashFor('backend_a')).toBe(hashFor('backend_a'));
    expect(hashFor('backend_a')).not.toBe(hashFor('backend_b'));
  });

  test('GIVEN 5 and 60 routes THEN the critical path is the same length', () => {
    const pathLength = (routes: number) => {
      const stack = newStack();
      const api = new RestApi(stack, 'Api', { name: 'wide' });
      for (let i = 0; i < routes; i++) {
        const method = api.root.addResource(`r${i}`).addMethod('GET', new MockIntegration(), open);
        method.addMethodResponse({ statusCode: '200' });
        method.addIntegrationResponse({ statusCode: '200' });
      }
      api.deploy('prod');
      const graph = buildGraph(synth(stack));
      return criticalPath(graph);
    };
    const five = pathLength(5);
    expect(pathLength(60)).toBe(five);
    // rest_api → resource → method → method_response → integration_response → deployment → stage
    expect(five).toBe(7);
  });

  test('GIVEN methods added after deploy() THEN the deployment still waits for them', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'late' });
    api.deploy('prod');
    api.root.addMethod('GET', new MockIntegration(), open).addMethodResponse({ statusCode: '200' });
    const json = synth(stack);
    const graph = buildGraph(json);
    const deployment = [...graph.values()].find((n) => n.type === 'aws_api_gateway_deployment')!;
    for (const n of graph.values()) {
      if (/^aws_api_gateway_(method|integration|method_response)$/.test(n.type)) expect(reaches(graph, n.address, deployment.address)).toBe(true);
    }
  });

  test('GIVEN an API with no methods WHEN synthesized THEN the error says API Gateway cannot deploy it', () => {
    const stack = newStack();
    new RestApi(stack, 'Api', { name: 'empty' }).deploy('prod');
    expect(() => synth(stack)).toThrow(/the REST API empty has no methods, and API Gateway cannot deploy an API without methods/);
  });

  test('GIVEN a method without integration WHEN synthesized THEN the error names the method', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'x' });
    api.root.addResource('pets').addMethod('GET', undefined, open);
    api.deploy('prod');
    expect(() => synth(stack)).toThrow(/method GET \/pets \(stack\/Api\/Default\/pets\/GET\) has no integration.*No integration defined for method/);
  });

  test('GIVEN a duplicate stage name THEN a ValidationError', () => {
    const { api } = build(base);
    expect(() => api.deploy('prod')).toThrow(ValidationError);
    expect(() => api.deploy('prod')).toThrow(/invalid stageName "prod": the API already has a stage with this name/);
  });
});
