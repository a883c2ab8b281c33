import { buildGraph, criticalPath, nodesOf, orderingProblems, reaches } from './support/graph';
import { buildPetStore, ROUTES } from './support/apis';
import { newStack, synth } from './support/synth';

describe.each(['options', 'chain'] as const)('ordering of a nested API built in the %s form', (form) => {
  const stack = newStack();
  const api = buildPetStore(stack, form);
  api.deploy('prod');
  const json = synth(stack);
  const graph = buildGraph(json);

  test('THEN every edge of the chain holds, with no depends_on written by the user', () => {
    expect(orderingProblems(json)).toEqual([]);
  });

  test('THEN the resources are all there', () => {
    const codes = ROUTES.reduce((n, r) => n + r.codes.length, 0);
    expect(nodesOf(graph, 'aws_api_gateway_method')).toHaveLength(ROUTES.length);
    expect(nodesOf(graph, 'aws_api_gateway_integration')).toHaveLength(ROUTES.length);
    expect(nodesOf(graph, 'aws_api_gateway_method_response')).toHaveLength(codes);
    expect(nodesOf(graph, 'aws_api_gateway_integration_response')).toHaveLength(codes);
    expect(nodesOf(graph, 'aws_api_gateway_resource')).toHaveLength(5);
  });

  test('THEN only the deployment uses depends_on', () => {
    const withDependsOn = [...graph.values()].filter((n) => n.config.depends_on !== undefined).map((n) => n.type);
    expect(withDependsOn).toEqual(['aws_api_gateway_deployment']);
  });

  test('THEN sibling methods and their responses stay independent, so Terraform applies them in parallel', () => {
    const chainTypes = /^aws_api_gateway_(method|method_response|integration|integration_response)$/;
    const methodOf = (address: string) => {
      const node = graph.get(address)!;
      const config = node.config as any;
      return node.type === 'aws_api_gateway_method' ? address : /\$\{(aws_api_gateway_[a-z_]+\.[^.]+)\./.exec(config.http_method)![1];
    };
    const rootMethod = (address: string): string => {
      let current = address;
      while (graph.get(current)!.type !== 'aws_api_gateway_method') current = methodOf(current);
      return current;
    };
    const chain = [...graph.values()].filter((n) => chainTypes.test(n.type));
    for (const a of chain) {
      for (const b of chain) {
        if (rootMethod(a.address) !== rootMethod(b.address)) {
          expect(reaches(graph, a.address, b.address)).toBe(false);
        }
      }
    }
  });

  test('THEN integration responses of one method do not wait for each other', () => {
    const irs = nodesOf(graph, 'aws_api_gateway_integration_response');
    for (const a of irs) for (const b of irs) if (a !== b) expect(reaches(graph, a.address, b.address)).toBe(false);
  });

  test('THEN the critical path follows the deepest path, not the number of routes', () => {
    // rest_api → pets → {petId} → toys → {toyId} → method → method response → integration response → deployment → stage
    expect(criticalPath(graph)).toBe(10);
  });
});

test('GIVEN both forms THEN they synthesize the same resources', () => {
  const a = newStack();
  const b = newStack();
  buildPetStore(a, 'options').deploy('prod');
  buildPetStore(b, 'chain').deploy('prod');
  expect(synth(b).resource).toEqual(synth(a).resource);
});
