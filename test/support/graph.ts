/**
 * Reads a synthesized cdk.tf.json the way Terraform builds its graph: a resource depends on
 * every resource it references (`${type.name.attr}`) and every entry of its `depends_on`.
 */

export interface TfJson {
  readonly resource?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  readonly data?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  readonly [key: string]: unknown;
}

export interface Node {
  /** `type.name`, or `data.type.name` for data sources. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly config: { [key: string]: unknown };
  /** Addresses this node waits for. */
  readonly dependsOn: Set<string>;
}

const REFERENCE = /\$\{([^}]*)\}/g;
const ADDRESS = /\b(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g;

/** Every address named inside a value's `${...}` interpolations. */
export function referencesIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    for (const [, expr] of value.matchAll(REFERENCE)) {
      for (const [, data, type, name] of expr.matchAll(ADDRESS)) {
        out.add(`${data ?? ''}${type}.${name}`);
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => referencesIn(v, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k !== '//' && k !== 'depends_on' && k !== 'lifecycle') referencesIn(v, out);
    }
  }
  return out;
}

/** The graph of a synthesized stack: every resource and data source with what it waits for. */
export function buildGraph(json: TfJson): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const add = (prefix: string, blocks: TfJson['resource']) => {
    for (const [type, byName] of Object.entries(blocks ?? {})) {
      for (const [name, config] of Object.entries(byName)) {
        const dependsOn = referencesIn(config);
        for (const d of (config.depends_on as string[] | undefined) ?? []) dependsOn.add(d);
        nodes.set(`${prefix}${type}.${name}`, { address: `${prefix}${type}.${name}`, type, name, config, dependsOn });
      }
    }
  };
  add('', json.resource);
  add('data.', json.data);
  for (const node of nodes.values()) {
    for (const d of node.dependsOn) {
      if (!nodes.has(d)) throw new Error(`${node.address} depends on ${d}, which the stack does not define`);
    }
  }
  return nodes;
}

/** Whether `to` waits for `from`, directly or through other nodes. */
export function reaches(graph: Map<string, Node>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length) {
    const current = stack.pop()!;
    for (const d of graph.get(current)?.dependsOn ?? []) {
      if (d === from) return true;
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return false;
}

/** Number of nodes on the longest chain of dependencies; throws on a cycle. */
export function criticalPath(graph: Map<string, Node>): number {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (address: string): number => {
    const known = depth.get(address);
    if (known !== undefined) return known;
    if (visiting.has(address)) throw new Error(`dependency cycle through ${address}`);
    visiting.add(address);
    let d = 1;
    for (const dep of graph.get(address)!.dependsOn) d = Math.max(d, visit(dep) + 1);
    visiting.delete(address);
    depth.set(address, d);
    return d;
  };
  let longest = 0;
  for (const address of graph.keys()) longest = Math.max(longest, visit(address));
  return longest;
}

/** Total number of dependency edges. */
export function edgeCount(graph: Map<string, Node>): number {
  let n = 0;
  for (const node of graph.values()) n += node.dependsOn.size;
  return n;
}

/** Nodes of one resource type. */
export function nodesOf(graph: Map<string, Node>, type: string): Node[] {
  return [...graph.values()].filter((n) => n.type === type);
}

/**
 * The value of an attribute as Terraform would know it at plan time: literal values as they
 * are, references to another node's configured attribute followed to that node.
 */
export function attribute(graph: Map<string, Node>, node: Node, key: string): unknown {
  const value = node.config[key];
  if (typeof value !== 'string') return value;
  const m = /^\$\{((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/.exec(value);
  if (!m) return value;
  const target = graph.get(m[1]);
  if (!target) return value;
  if (m[2] in target.config) return attribute(graph, target, m[2]);
  return value;
}

/**
 * Checks every ordering rule of the REST API chain in a synthesized stack and returns the
 * problems found (empty when the graph is right).
 */
export function orderingProblems(json: TfJson): string[] {
  const graph = buildGraph(json);
  const problems: string[] = [];
  const need = (from: Node | undefined, to: Node, why: string) => {
    if (!from) {
      problems.push(`${to.address}: ${why}: no such resource`);
    } else if (!reaches(graph, from.address, to.address)) {
      problems.push(`${to.address} is not ordered after ${from.address} (${why})`);
    }
  };
  const key = (n: Node) => `${attribute(graph, n, 'rest_api_id')}|${attribute(graph, n, 'resource_id')}|${attribute(graph, n, 'http_method')}`;
  const methods = new Map(nodesOf(graph, 'aws_api_gateway_method').map((n) => [key(n), n]));
  const integrations = new Map(nodesOf(graph, 'aws_api_gateway_integration').map((n) => [key(n), n]));
  const methodResponses = nodesOf(graph, 'aws_api_gateway_method_response');
  const integrationResponses = nodesOf(graph, 'aws_api_gateway_integration_response');
  const apis = new Map(nodesOf(graph, 'aws_api_gateway_rest_api').map((n) => [`\${${n.address}.id}`, n]));

  for (const r of nodesOf(graph, 'aws_api_gateway_resource')) {
    need(apis.get(String(r.config.rest_api_id)), r, 'a resource comes after its REST API');
    const parent = /^\$\{(aws_api_gateway_[a-z_]+\.[A-Za-z0-9_-]+)\./.exec(String(r.config.parent_id))?.[1];
    if (!parent || !graph.has(parent)) problems.push(`${r.address}: parent_id does not reference its parent`);
    else need(graph.get(parent), r, 'a resource comes after its parent');
  }
  for (const m of methods.values()) {
    const resource = /^\$\{(aws_api_gateway_[a-z_]+\.[A-Za-z0-9_-]+)\./.exec(String(m.config.resource_id))?.[1];
    if (!resource || !graph.has(resource)) problems.push(`${m.address}: resource_id does not reference its resource`);
    else need(graph.get(resource), m, 'a method comes after its resource');
  }
  for (const mr of methodResponses) need(methods.get(key(mr)), mr, 'a method response comes after its method');
  for (const i of integrations.values()) need(methods.get(key(i)), i, 'an integration comes after its method');
  for (const ir of integrationResponses) {
    need(integrations.get(key(ir)), ir, 'an integration response comes after its integration');
    const status = attribute(graph, ir, 'status_code');
    const mr = methodResponses.find((n) => key(n) === key(ir) && attribute(graph, n, 'status_code') === status);
    need(mr, ir, `an integration response comes after the method response with status code ${String(status)}`);
  }
  for (const d of nodesOf(graph, 'aws_api_gateway_deployment')) {
    const api = String(attribute(graph, d, 'rest_api_id'));
    const ofApi = (n: Node) => String(attribute(graph, n, 'rest_api_id')) === api;
    for (const n of [...methods.values(), ...integrations.values(), ...methodResponses, ...integrationResponses].filter(ofApi)) {
      need(n, d, 'a deployment comes after every method, integration and response of its API');
    }
    const members = ['aws_api_gateway_model', 'aws_api_gateway_request_validator', 'aws_api_gateway_gateway_response'].flatMap((t) => nodesOf(graph, t));
    for (const n of members.filter(ofApi)) need(n, d, 'a deployment comes after every model, request validator and gateway response of its API');
  }
  // A method or method response that names a model or validator of the library references it.
  const named = (n: Node, key: string, type: string) => {
    const value = n.config[key];
    for (const text of typeof value === 'string' ? [value] : Object.values((value ?? {}) as { [k: string]: unknown })) {
      const m = new RegExp(`^\\$\\{(${type}\\.[A-Za-z0-9_-]+)\\.[a-z_]+\\}$`).exec(String(text));
      if (m) need(graph.get(m[1]), n, `${n.type} comes after the ${type} it names in ${key}`);
    }
  };
  for (const m of methods.values()) {
    named(m, 'request_models', 'aws_api_gateway_model');
    named(m, 'request_validator_id', 'aws_api_gateway_request_validator');
  }
  for (const mr of methodResponses) named(mr, 'response_models', 'aws_api_gateway_model');
  for (const s of nodesOf(graph, 'aws_api_gateway_stage')) {
    const deployment = /^\$\{(aws_api_gateway_deployment\.[A-Za-z0-9_-]+)\.id\}$/.exec(String(s.config.deployment_id))?.[1];
    if (!deployment) problems.push(`${s.address}: deployment_id does not reference a deployment`);
    else need(graph.get(deployment), s, 'a stage comes after its deployment');
  }
  criticalPath(graph);
  return problems;
}

/**
 * Checks every ordering rule of a WebSocket API (`aws_apigatewayv2_*`) and returns the problems
 * found (empty when the graph is right).
 */
export function websocketOrderingProblems(json: TfJson): string[] {
  const graph = buildGraph(json);
  const problems: string[] = [];
  const target = (n: Node, key: string, type: string): Node | undefined => {
    const m = new RegExp(`\\$\\{(${type}\\.[A-Za-z0-9_-]+)\\.id\\}`).exec(String(n.config[key] ?? ''));
    return m ? graph.get(m[1]) : undefined;
  };
  const need = (from: Node | undefined, to: Node, why: string) => {
    if (!from) problems.push(`${to.address}: ${why}: no such resource`);
    else if (!reaches(graph, from.address, to.address)) problems.push(`${to.address} is not ordered after ${from.address} (${why})`);
  };
  const covered: Node[] = [];
  for (const i of nodesOf(graph, 'aws_apigatewayv2_integration')) {
    need(target(i, 'api_id', 'aws_apigatewayv2_api'), i, 'an integration comes after its API');
    covered.push(i);
  }
  for (const ir of nodesOf(graph, 'aws_apigatewayv2_integration_response')) {
    need(target(ir, 'integration_id', 'aws_apigatewayv2_integration'), ir, 'an integration response comes after its integration');
    covered.push(ir);
  }
  for (const r of nodesOf(graph, 'aws_apigatewayv2_route')) {
    need(target(r, 'api_id', 'aws_apigatewayv2_api'), r, 'a route comes after its API');
    if (r.config.target !== undefined) {
      const m = /^integrations\/\$\{(aws_apigatewayv2_integration\.[A-Za-z0-9_-]+)\.id\}$/.exec(String(r.config.target));
      need(m ? graph.get(m[1]) : undefined, r, 'a route comes after the integration it targets');
    }
    covered.push(r);
  }
  for (const rr of nodesOf(graph, 'aws_apigatewayv2_route_response')) {
    need(target(rr, 'route_id', 'aws_apigatewayv2_route'), rr, 'a route response comes after its route');
    covered.push(rr);
  }
  for (const d of nodesOf(graph, 'aws_apigatewayv2_deployment')) {
    const api = String(d.config.api_id);
    for (const n of covered.filter((c) => String(c.config.api_id) === api)) need(n, d, 'a deployment comes after every route, integration and response');
  }
  for (const s of nodesOf(graph, 'aws_apigatewayv2_stage')) {
    if (s.config.deployment_id !== undefined) need(target(s, 'deployment_id', 'aws_apigatewayv2_deployment'), s, 'a stage comes after its deployment');
  }
  criticalPath(graph);
  return problems;
}
