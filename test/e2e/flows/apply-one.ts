/**
 * The helper the stand-ins' provisioners call (see ./standin.ts): a small HTTP server on
 * 127.0.0.1, started once by the flow runner, that applies one resource change to moto the way
 * terraform-provider-aws would — create, update in place, or delete — and remembers what it
 * created under the stand-in's id, so that handles (`<stand-in id>` for `id`,
 * `<stand-in id>#root_resource_id` for other computed attributes) resolve to moto's values.
 * One long-lived server instead of one Node process per provisioner: a provisioner is a `curl`
 * that takes a few milliseconds, where starting ts-node takes about a second.
 *
 * Creates reuse the moto driver's calls and its AWS preconditions (test/e2e/driver.ts), plus
 * the rules of AWS that moto does not enforce and that updates run into, checked here with
 * AWS's own messages: one variable path part among siblings, unique path parts among
 * siblings, a method or stage that already exists, and no deleting a deployment that a stage
 * points to.
 *
 * Updates make the provider's Update call on the same object. moto implements UpdateRestApi and
 * UpdateStage (and the apigatewayv2 updates) but not UpdateResource, UpdateMethod,
 * UpdateMethodResponse, UpdateIntegration or UpdateDeployment; those are emulated with the
 * calls moto has, keeping what AWS keeps:
 * - UpdateResource (path_part, parent_id): the resource and its subtree are re-created under
 *   the new path with their methods, responses and integrations, after the same sibling checks
 *   AWS makes; moto's resource ids change, and every recorded id is remapped, so for Terraform
 *   the object is the same (the stand-in keeps its id, nothing is replaced).
 * - UpdateMethod: PutMethod with the new settings, then the method responses, integration and
 *   integration responses it had are put back.
 * - UpdateMethodResponse: AWS updates the method response named by the new status code, so it
 *   must exist (NotFoundException otherwise, as on AWS); then it is put with the new settings.
 * - UpdateIntegration: PutIntegration with the new settings, then its integration responses
 *   are put back. (Integration responses update with PutIntegrationResponse, as the provider
 *   does.)
 * - UpdateDeployment (description only): moto has no call; recorded only.
 */
import * as gw from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { ACCEPTED_WITHOUT_CALL, Clients, clientsFor, CREATE_HANDLERS } from '../driver';

type Config = { [key: string]: any };

/** What the helper knows of one object it created. */
interface Created {
  readonly address: string;
  readonly type: string;
  /** The configuration last applied, with handles resolved. */
  applied: Config;
  /** The attributes after the last call: configuration plus what moto computed. */
  attrs: Config;
}

/** One call the helper answered. */
export interface Operation {
  readonly op: 'create' | 'update' | 'destroy';
  readonly address: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Things moto cannot do, and what the helper did instead; printed once each. */
const MOTO_GAPS: { [key: string]: string } = {
  'update aws_api_gateway_deployment': 'moto has no UpdateDeployment; the new description is recorded without a call',
  'update aws_apigatewayv2_stage': 'moto has no UpdateStage for apigatewayv2; the change is recorded without a call',
  'update aws_apigatewayv2_route_response': 'moto has no UpdateRouteResponse; the change is recorded without a call',
  'update aws_apigatewayv2_deployment': 'moto does not implement apigatewayv2 deployments; the change is recorded without a call',
  'delete aws_apigatewayv2_deployment': 'moto does not implement apigatewayv2 deployments; nothing to delete',
  'delete aws_api_gateway_method_settings': 'moto keeps method settings when asked to remove them; the stage keeps them until it is deleted',
};

const HANDLE = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:#([a-z0-9_]+))?/g;

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NotFoundException' || err?.$metadata?.httpStatusCode === 404;
}

const isVariable = (part: string | undefined) => !!part && part.startsWith('{') && part.endsWith('}');

/** The helper server. */
export class Helper {
  /** Starts the helper for a moto endpoint on a free 127.0.0.1 port. */
  public static async start(motoEndpoint: string, log: (line: string) => void = () => undefined): Promise<Helper> {
    const helper = new Helper(clientsFor(motoEndpoint), log);
    await new Promise<void>((resolve, reject) => {
      helper.server.once('error', reject);
      helper.server.listen(0, '127.0.0.1', () => resolve());
    });
    return helper;
  }

  /** Every call answered since the last reset, in order. */
  public readonly operations: Operation[] = [];
  private readonly created = new Map<string, Created>();
  private readonly server: Server;
  private readonly noted = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(public readonly clients: Clients, private readonly log: (line: string) => void) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** The URL the provisioners post to (`$FLOWS_HELPER`). */
  public get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Forgets everything, for the next flow (moto is reset separately). */
  public reset(): void {
    this.created.clear();
    this.operations.length = 0;
  }

  /** Addresses of the objects created and not destroyed. */
  public live(): string[] {
    return [...this.created.values()].map((c) => c.address).sort();
  }

  /**
   * Deletes the object of a stand-in Terraform is destroying as a deposed object (the old half
   * of a create_before_destroy replacement). Terraform runs no destroy provisioner for deposed
   * objects (hashicorp/terraform#31266), so the runner watches Terraform's output for
   * `<address> (deposed object ...): Destroying... [id=<stand-in id>]`, printed just before
   * Terraform destroys it, and calls this; the delete goes into the same queue as the
   * provisioners' calls, ahead of whatever Terraform starts next.
   */
  public destroyDeposed(id: string): void {
    const record = this.created.get(id);
    if (!record) return;
    const payload = { address: record.address, type: record.type, id, config: {} };
    const run = this.queue.then(() => this.apply('destroy', payload));
    this.queue = run.catch(() => undefined);
    run.then((detail) => {
      this.operations.push({ op: 'destroy', address: `${record.address} (deposed)`, ok: true, detail });
    }, (e: Error) => {
      this.operations.push({ op: 'destroy', address: `${record.address} (deposed)`, ok: false, detail: `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}` });
    });
  }

  /** Resolves once every queued call has been answered. */
  public async idle(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }

  public stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const op = (req.url ?? '').replace(/^\//, '') as Operation['op'];
      let payload: { address: string; type: string; id: string; config: Config };
      try {
        payload = JSON.parse(body);
      } catch {
        res.writeHead(400).end('the helper expects a JSON body\n');
        return;
      }
      // One call at a time: the emulated updates read and re-put whole subtrees, and Terraform
      // only runs concurrently what does not depend on each other anyway.
      const run = this.queue.then(() => this.apply(op, payload));
      this.queue = run.catch(() => undefined);
      run.then((detail) => {
        this.operations.push({ op, address: payload.address, ok: true, detail });
        res.writeHead(200).end(`${op} ${payload.address}: ${detail}\n`);
      }, (e: Error) => {
        const message = `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`;
        this.operations.push({ op, address: payload.address, ok: false, detail: message });
        res.writeHead(500).end(`${op} ${payload.address} failed: ${message}\n`);
      });
    });
  }

  private note(key: string, reason: string): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.log(`    (helper) ${key}: accepted without a call: ${reason}`);
  }

  private async apply(op: Operation['op'], p: { address: string; type: string; id: string; config: Config }): Promise<string> {
    if (op === 'create') {
      const config = this.resolve(p.config, p.address);
      if (ACCEPTED_WITHOUT_CALL[p.type]) this.note(`create ${p.type}`, ACCEPTED_WITHOUT_CALL[p.type]);
      await PRECONDITIONS[p.type]?.(config, this.clients);
      const create = CREATE_HANDLERS[p.type];
      if (!create) throw new Error(`the helper does not know how to create ${p.type}`);
      const attrs = await create(config, this.clients);
      this.created.set(p.id, { address: p.address, type: p.type, applied: config, attrs });
      return `created ${String(attrs.id)}`;
    }
    const record = this.created.get(p.id);
    if (op === 'update') {
      if (!record) throw new Error(`update before create: no object was created for stand-in ${p.id}`);
      const config = this.resolve(p.config, p.address);
      if (same(config, record.applied)) return 'unchanged';
      const gap = MOTO_GAPS[`update ${p.type}`] ?? (ACCEPTED_WITHOUT_CALL[p.type] && `nothing was created in moto (${ACCEPTED_WITHOUT_CALL[p.type]})`);
      if (gap) {
        this.note(`update ${p.type}`, gap);
      } else {
        const update = UPDATES[p.type];
        if (!update) throw new Error(`the helper does not know how to update ${p.type}`);
        await update.call(this, record, config);
      }
      record.applied = config;
      record.attrs = { ...record.attrs, ...config };
      return `updated ${String(record.attrs.id)}`;
    }
    if (op === 'destroy') {
      if (!record) return 'nothing to delete (never created)';
      const gap = MOTO_GAPS[`delete ${p.type}`] ?? (ACCEPTED_WITHOUT_CALL[p.type] && `nothing was created in moto (${ACCEPTED_WITHOUT_CALL[p.type]})`);
      if (gap) {
        this.note(`delete ${p.type}`, gap);
      } else {
        const remove = DELETES[p.type];
        if (!remove) throw new Error(`the helper does not know how to delete ${p.type}`);
        await remove(record.applied, record.attrs, this.clients);
      }
      this.created.delete(p.id);
      return `deleted ${String(record.attrs.id)}`;
    }
    throw new Error(`unknown operation ${op as string}`);
  }

  /** Replaces handles with the values moto returned for the objects they name. */
  private resolve(value: unknown, where: string): any {
    if (typeof value === 'string') {
      const lookup = (id: string, attr = 'id'): unknown => {
        const target = this.created.get(id);
        if (!target) throw new Error(`${where}: refers to stand-in ${id}, which has no object (not created yet, or destroyed)`);
        if (!(attr in target.attrs)) throw new Error(`${where}: ${target.address} has no attribute ${attr}`);
        return target.attrs[attr];
      };
      const whole = new RegExp(`^${HANDLE.source}$`).exec(value);
      if (whole) return lookup(whole[1], whole[2]);
      return value.replace(HANDLE, (_, id: string, attr?: string) => String(lookup(id, attr)));
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, where));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v, where)]));
    return value;
  }

  /** After moto's ids changed (an emulated UpdateResource), rewrites every recorded value. */
  private remap(ids: Map<string, string>): void {
    const swap = (value: unknown): any => {
      if (typeof value === 'string') return ids.get(value) ?? value;
      if (Array.isArray(value)) return value.map(swap);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
      return value;
    };
    for (const record of this.created.values()) {
      record.applied = swap(record.applied);
      record.attrs = swap(record.attrs);
    }
  }

  /** The emulated UpdateResource: moves a resource (and its subtree) to a new parent or path part. */
  public async moveResource(restApiId: string, resourceId: string, parentId: string, pathPart: string): Promise<string> {
    const { v1 } = this.clients;
    const all = (await v1.send(new gw.GetResourcesCommand({ restApiId, limit: 500 }))).items ?? [];
    if (!all.some((r) => r.id === parentId)) throw awsError('NotFoundException', 'Invalid Resource identifier specified');
    await checkSiblings(all.filter((r) => r.parentId === parentId && r.id !== resourceId), pathPart);
    const subtree: gw.Resource[] = [];
    const visit = (id: string) => {
      const r = all.find((x) => x.id === id)!;
      subtree.push(r);
      for (const child of all.filter((x) => x.parentId === id)) visit(child.id!);
    };
    visit(resourceId);
    const methods = new Map<string, gw.GetMethodCommandOutput[]>();
    for (const r of subtree) {
      const list: gw.GetMethodCommandOutput[] = [];
      for (const httpMethod of Object.keys(r.resourceMethods ?? {})) {
        list.push(await v1.send(new gw.GetMethodCommand({ restApiId, resourceId: r.id, httpMethod })));
      }
      methods.set(r.id!, list);
    }
    for (const r of [...subtree].reverse()) await v1.send(new gw.DeleteResourceCommand({ restApiId, resourceId: r.id }));
    const ids = new Map<string, string>();
    for (const r of subtree) {
      const parent = r.id === resourceId ? parentId : ids.get(r.parentId!)!;
      const made = await v1.send(new gw.CreateResourceCommand({ restApiId, parentId: parent, pathPart: r.id === resourceId ? pathPart : r.pathPart }));
      ids.set(r.id!, made.id!);
      for (const m of methods.get(r.id!) ?? []) await putMethodBack(v1, restApiId, made.id!, m);
    }
    this.remap(ids);
    for (const record of this.created.values()) {
      if (record.type === 'aws_api_gateway_resource' && [...ids.values()].includes(record.attrs.id)) {
        const r = await v1.send(new gw.GetResourceCommand({ restApiId, resourceId: record.attrs.id }));
        record.attrs.path = r.path;
      }
    }
    return `moved ${subtree.length} resource(s)`;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Config)[k])]));
  return value;
}

/** AWS's rules for a path part among its siblings (moto checks neither). */
async function checkSiblings(siblings: gw.Resource[], pathPart: string): Promise<void> {
  if (siblings.some((s) => s.pathPart === pathPart)) {
    throw awsError('ConflictException', `Another resource with the same parent already has this name: ${pathPart}`);
  }
  const variable = siblings.find((s) => isVariable(s.pathPart));
  if (isVariable(pathPart) && variable) {
    throw awsError('BadRequestException', `A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`);
  }
}

/** The key of a method, from a (resolved) configuration. */
const methodKey = (c: Config) => ({ restApiId: c.rest_api_id as string, resourceId: c.resource_id as string, httpMethod: c.http_method as string });

/** The key of a method or integration response, from a (resolved) configuration. */
const responseKey = (c: Config) => ({ ...methodKey(c), statusCode: c.status_code as string });

/** Puts a method read with GetMethod back on a resource, with its responses and integration. */
async function putMethodBack(v1: gw.APIGatewayClient, restApiId: string, resourceId: string, m: gw.GetMethodCommandOutput): Promise<void> {
  await v1.send(new gw.PutMethodCommand({
    restApiId, resourceId, httpMethod: m.httpMethod, authorizationType: m.authorizationType, authorizerId: m.authorizerId ?? undefined,
    authorizationScopes: m.authorizationScopes ?? undefined, apiKeyRequired: m.apiKeyRequired ?? undefined, operationName: m.operationName ?? undefined,
    requestParameters: m.requestParameters ?? undefined, requestModels: m.requestModels ?? undefined, requestValidatorId: m.requestValidatorId ?? undefined,
  }));
  await putChildrenBack(v1, { restApiId, resourceId, httpMethod: m.httpMethod! }, m);
}

/** Puts a method's responses, integration and integration responses (read with GetMethod) back. */
async function putChildrenBack(v1: gw.APIGatewayClient, key: ReturnType<typeof methodKey>, m: gw.GetMethodCommandOutput): Promise<void> {
  for (const r of Object.values(m.methodResponses ?? {})) {
    await v1.send(new gw.PutMethodResponseCommand({
      ...key, statusCode: r.statusCode, responseParameters: r.responseParameters ?? undefined, responseModels: r.responseModels ?? undefined,
    }));
  }
  if (m.methodIntegration) await putIntegrationBack(v1, key, m.methodIntegration, true);
}

/** Puts an integration read back: its integration responses, and the integration itself first when `withIntegration`. */
async function putIntegrationBack(v1: gw.APIGatewayClient, key: ReturnType<typeof methodKey>, i: gw.Integration, withIntegration: boolean): Promise<void> {
  if (withIntegration) {
    await v1.send(new gw.PutIntegrationCommand({
      ...key, type: i.type, uri: i.uri ?? undefined, integrationHttpMethod: i.httpMethod ?? undefined,
      requestTemplates: i.requestTemplates ?? undefined, requestParameters: i.requestParameters ?? undefined,
      passthroughBehavior: i.passthroughBehavior ?? undefined, contentHandling: i.contentHandling ?? undefined, credentials: i.credentials ?? undefined,
      timeoutInMillis: i.timeoutInMillis === undefined || i.timeoutInMillis === null ? undefined : Number(i.timeoutInMillis),
      cacheKeyParameters: i.cacheKeyParameters ?? undefined, cacheNamespace: i.cacheNamespace ?? undefined,
      connectionType: i.connectionType ?? undefined, connectionId: i.connectionId ?? undefined,
    }));
  }
  for (const r of Object.values(i.integrationResponses ?? {})) {
    await v1.send(new gw.PutIntegrationResponseCommand({
      ...key, statusCode: r.statusCode, selectionPattern: r.selectionPattern ?? undefined, responseTemplates: r.responseTemplates ?? undefined,
      responseParameters: r.responseParameters ?? undefined, contentHandling: r.contentHandling ?? undefined,
    }));
  }
}

/** Whether a Get call finds its object (NotFound: no; any other error is thrown). */
function exists(get: Promise<unknown>): Promise<boolean> {
  return get.then(() => true, (e) => {
    if (isNotFound(e)) return false;
    throw e;
  });
}

/** AWS checks that moto does not make, run before a create. */
const PRECONDITIONS: { [type: string]: (c: Config, clients: Clients) => Promise<void> } = {
  async aws_api_gateway_resource(c, { v1 }) {
    const all = (await v1.send(new gw.GetResourcesCommand({ restApiId: c.rest_api_id, limit: 500 }))).items ?? [];
    if (!all.some((r) => r.id === c.parent_id)) throw awsError('NotFoundException', 'Invalid Resource identifier specified');
    await checkSiblings(all.filter((r) => r.parentId === c.parent_id), c.path_part);
  },
  async aws_api_gateway_method(c, { v1 }) {
    if (await exists(v1.send(new gw.GetMethodCommand(methodKey(c))))) throw awsError('ConflictException', 'Method already exists for this resource');
  },
  async aws_api_gateway_stage(c, { v1 }) {
    if (await exists(v1.send(new gw.GetStageCommand({ restApiId: c.rest_api_id, stageName: c.stage_name })))) throw awsError('ConflictException', 'Stage already exists');
  },
};

type Update = (this: Helper, record: Created, next: Config) => Promise<void>;

/** The provider's Update, made (or emulated) on moto. `record.applied` is the old configuration. */
const UPDATES: { [type: string]: Update } = {
  async aws_api_gateway_rest_api(record, next) {
    const old = record.applied;
    const patchOperations: gw.PatchOperation[] = [];
    for (const [key, path] of [['name', '/name'], ['description', '/description'], ['api_key_source', '/apiKeySource'],
      ['minimum_compression_size', '/minimumCompressionSize'], ['disable_execute_api_endpoint', '/disableExecuteApiEndpoint']] as const) {
      if (!same(old[key], next[key])) patchOperations.push({ op: 'replace', path, value: next[key] === undefined ? undefined : String(next[key]) });
    }
    if (patchOperations.length > 0) await this.clients.v1.send(new gw.UpdateRestApiCommand({ restApiId: record.attrs.id, patchOperations }));
  },
  async aws_api_gateway_resource(record, next) {
    await this.moveResource(next.rest_api_id, record.attrs.id, next.parent_id, next.path_part);
  },
  async aws_api_gateway_method(_record, next) {
    const m = await this.clients.v1.send(new gw.GetMethodCommand(methodKey(next)));
    await CREATE_HANDLERS.aws_api_gateway_method(next, this.clients);
    await putChildrenBack(this.clients.v1, methodKey(next), m);
  },
  async aws_api_gateway_method_response(_record, next) {
    const m = await this.clients.v1.send(new gw.GetMethodCommand(methodKey(next)));
    if (!m.methodResponses?.[next.status_code]) throw awsError('NotFoundException', 'Invalid Response status code specified');
    await CREATE_HANDLERS.aws_api_gateway_method_response(next, this.clients);
  },
  async aws_api_gateway_integration(_record, next) {
    const m = await this.clients.v1.send(new gw.GetMethodCommand(methodKey(next)));
    if (!m.methodIntegration) throw awsError('NotFoundException', 'Invalid Integration identifier specified');
    await CREATE_HANDLERS.aws_api_gateway_integration(next, this.clients);
    await putIntegrationBack(this.clients.v1, methodKey(next), m.methodIntegration, false);
  },
  async aws_api_gateway_integration_response(_record, next) {
    await CREATE_HANDLERS.aws_api_gateway_integration_response(next, this.clients);
  },
  async aws_api_gateway_model(_record, next) {
    // moto has no UpdateModel: the model is deleted and created again under its name, with the new schema and description.
    await this.clients.v1.send(new gw.DeleteModelCommand({ restApiId: next.rest_api_id, modelName: next.name }));
    await CREATE_HANDLERS.aws_api_gateway_model(next, this.clients);
  },
  async aws_api_gateway_request_validator(record, next) {
    await this.clients.v1.send(new gw.UpdateRequestValidatorCommand({
      restApiId: next.rest_api_id, requestValidatorId: record.attrs.id, patchOperations: [
        { op: 'replace', path: '/name', value: next.name },
        { op: 'replace', path: '/validateRequestBody', value: String(next.validate_request_body ?? false) },
        { op: 'replace', path: '/validateRequestParameters', value: String(next.validate_request_parameters ?? false) },
      ],
    }));
  },
  async aws_api_gateway_gateway_response(_record, next) {
    // The provider's Update puts the whole response again.
    await CREATE_HANDLERS.aws_api_gateway_gateway_response(next, this.clients);
  },
  async aws_api_gateway_stage(record, next) {
    const old = record.applied;
    const patchOperations: gw.PatchOperation[] = [];
    const scalar = (key: string, path: string) => {
      if (!same(old[key], next[key])) patchOperations.push({ op: 'replace', path, value: next[key] === undefined ? '' : String(next[key]) });
    };
    scalar('deployment_id', '/deploymentId');
    scalar('description', '/description');
    scalar('xray_tracing_enabled', '/tracingEnabled');
    scalar('cache_cluster_enabled', '/cacheClusterEnabled');
    scalar('cache_cluster_size', '/cacheClusterSize');
    const before = old.variables ?? {};
    const after = next.variables ?? {};
    for (const k of Object.keys(before)) if (!(k in after)) patchOperations.push({ op: 'remove', path: `/variables/${k}` });
    for (const [k, v] of Object.entries(after)) if (before[k] !== v) patchOperations.push({ op: 'replace', path: `/variables/${k}`, value: String(v) });
    if (patchOperations.length === 0) return;
    await this.clients.v1.send(new gw.UpdateStageCommand({ restApiId: next.rest_api_id, stageName: next.stage_name, patchOperations }));
  },
  async aws_api_gateway_method_settings(_record, next) {
    await CREATE_HANDLERS.aws_api_gateway_method_settings(next, this.clients);
  },
  async aws_api_gateway_authorizer(record, next) {
    const old = record.applied;
    const patchOperations: gw.PatchOperation[] = [];
    for (const [key, path] of [['name', '/name'], ['type', '/type'], ['authorizer_uri', '/authorizerUri'],
      ['authorizer_credentials', '/authorizerCredentials'], ['identity_source', '/identitySource'],
      ['identity_validation_expression', '/identityValidationExpression'], ['authorizer_result_ttl_in_seconds', '/authorizerResultTtlInSeconds']] as const) {
      if (!same(old[key], next[key])) patchOperations.push({ op: 'replace', path, value: next[key] === undefined ? '' : String(next[key]) });
    }
    const before: string[] = old.provider_arns ?? [];
    const after: string[] = next.provider_arns ?? [];
    for (const arn of before) if (!after.includes(arn)) patchOperations.push({ op: 'remove', path: '/providerARNs', value: arn });
    for (const arn of after) if (!before.includes(arn)) patchOperations.push({ op: 'add', path: '/providerARNs', value: arn });
    if (patchOperations.length > 0) {
      await this.clients.v1.send(new gw.UpdateAuthorizerCommand({ restApiId: next.rest_api_id, authorizerId: record.attrs.id, patchOperations }));
    }
  },
  async aws_apigatewayv2_api(record, next) {
    await this.clients.v2.send(new v2.UpdateApiCommand({
      ApiId: record.attrs.id, Name: next.name, Description: next.description, RouteSelectionExpression: next.route_selection_expression,
      ApiKeySelectionExpression: next.api_key_selection_expression,
    }));
  },
  async aws_apigatewayv2_integration(record, next) {
    await this.clients.v2.send(new v2.UpdateIntegrationCommand({
      ApiId: next.api_id, IntegrationId: record.attrs.id, IntegrationType: next.integration_type, IntegrationUri: next.integration_uri,
      IntegrationMethod: next.integration_method, RequestTemplates: next.request_templates, RequestParameters: next.request_parameters,
      TemplateSelectionExpression: next.template_selection_expression, ContentHandlingStrategy: next.content_handling_strategy,
      PassthroughBehavior: next.passthrough_behavior, CredentialsArn: next.credentials_arn,
      TimeoutInMillis: next.timeout_milliseconds === undefined ? undefined : Number(next.timeout_milliseconds),
    }));
  },
  async aws_apigatewayv2_integration_response(record, next) {
    await this.clients.v2.send(new v2.UpdateIntegrationResponseCommand({
      ApiId: next.api_id, IntegrationId: next.integration_id, IntegrationResponseId: record.attrs.id,
      IntegrationResponseKey: next.integration_response_key, ResponseTemplates: next.response_templates,
      TemplateSelectionExpression: next.template_selection_expression, ContentHandlingStrategy: next.content_handling_strategy,
    }));
  },
  async aws_apigatewayv2_authorizer(record, next) {
    await this.clients.v2.send(new v2.UpdateAuthorizerCommand({
      ApiId: next.api_id, AuthorizerId: record.attrs.id, Name: next.name, AuthorizerUri: next.authorizer_uri,
      IdentitySource: next.identity_sources, AuthorizerCredentialsArn: next.authorizer_credentials_arn,
    }));
  },
  async aws_apigatewayv2_route(record, next) {
    await this.clients.v2.send(new v2.UpdateRouteCommand({
      ApiId: next.api_id, RouteId: record.attrs.id, RouteKey: next.route_key, Target: next.target,
      RouteResponseSelectionExpression: next.route_response_selection_expression, AuthorizationType: next.authorization_type,
      AuthorizerId: next.authorizer_id, ApiKeyRequired: next.api_key_required, OperationName: next.operation_name,
    }));
  },
};

/** Calls `call`, treating NotFound as done, as the provider's Delete does. */
async function ignoringNotFound(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/** The provider's Delete on moto (with AWS's cascade and checks where moto lacks them). */
const DELETES: { [type: string]: (c: Config, attrs: Config, clients: Clients) => Promise<void> } = {
  async aws_api_gateway_rest_api(_c, attrs, { v1 }) {
    await ignoringNotFound(async () => {
      await v1.send(new gw.GetRestApiCommand({ restApiId: attrs.id }));
      await v1.send(new gw.DeleteRestApiCommand({ restApiId: attrs.id }));
    });
  },
  async aws_api_gateway_resource(c, attrs, { v1 }) {
    // AWS deletes the resource's children with it; moto leaves them behind.
    await ignoringNotFound(async () => {
      const all = (await v1.send(new gw.GetResourcesCommand({ restApiId: c.rest_api_id, limit: 500 }))).items ?? [];
      if (!all.some((r) => r.id === attrs.id)) return;
      const doomed: string[] = [];
      const visit = (id: string) => {
        for (const child of all.filter((r) => r.parentId === id)) visit(child.id!);
        doomed.push(id);
      };
      visit(attrs.id);
      for (const id of doomed) await v1.send(new gw.DeleteResourceCommand({ restApiId: c.rest_api_id, resourceId: id }));
    });
  },
  async aws_api_gateway_method(c, _attrs, { v1 }) {
    await ignoringNotFound(async () => {
      await v1.send(new gw.GetMethodCommand(methodKey(c)));
      await v1.send(new gw.DeleteMethodCommand(methodKey(c)));
    });
  },
  async aws_api_gateway_method_response(c, _attrs, { v1 }) {
    await ignoringNotFound(async () => {
      const m = await v1.send(new gw.GetMethodCommand(methodKey(c)));
      if (m.methodResponses?.[c.status_code]) await v1.send(new gw.DeleteMethodResponseCommand(responseKey(c)));
    });
  },
  async aws_api_gateway_integration(c, _attrs, { v1 }) {
    await ignoringNotFound(async () => {
      const m = await v1.send(new gw.GetMethodCommand(methodKey(c)));
      if (m.methodIntegration) await v1.send(new gw.DeleteIntegrationCommand(methodKey(c)));
    });
  },
  async aws_api_gateway_integration_response(c, _attrs, { v1 }) {
    await ignoringNotFound(async () => {
      const m = await v1.send(new gw.GetMethodCommand(methodKey(c)));
      if (m.methodIntegration?.integrationResponses?.[c.status_code]) await v1.send(new gw.DeleteIntegrationResponseCommand(responseKey(c)));
    });
  },
  async aws_api_gateway_deployment(c, attrs, { v1 }) {
    await ignoringNotFound(async () => {
      const stages = (await v1.send(new gw.GetStagesCommand({ restApiId: c.rest_api_id }))).item ?? [];
      const active = stages.filter((s) => s.deploymentId === attrs.id);
      if (active.length > 0) {
        throw awsError('BadRequestException', `Active stages pointing to this deployment must be moved or deleted (stage ${active.map((s) => s.stageName).join(', ')})`);
      }
      await v1.send(new gw.GetDeploymentCommand({ restApiId: c.rest_api_id, deploymentId: attrs.id }));
      await v1.send(new gw.DeleteDeploymentCommand({ restApiId: c.rest_api_id, deploymentId: attrs.id }));
    });
  },
  async aws_api_gateway_stage(c, _attrs, { v1 }) {
    await ignoringNotFound(() => v1.send(new gw.DeleteStageCommand({ restApiId: c.rest_api_id, stageName: c.stage_name })));
  },
  async aws_api_gateway_method_settings() {
    // see MOTO_GAPS
  },
  async aws_api_gateway_model(c, _attrs, { v1 }) {
    // AWS refuses to delete a model that a method or another model still refers to; moto does not check.
    await ignoringNotFound(async () => {
      await v1.send(new gw.GetModelCommand({ restApiId: c.rest_api_id, modelName: c.name }));
      const resources = (await v1.send(new gw.GetResourcesCommand({ restApiId: c.rest_api_id, limit: 500 }))).items ?? [];
      for (const r of resources) {
        for (const httpMethod of Object.keys(r.resourceMethods ?? {})) {
          const m = await v1.send(new gw.GetMethodCommand({ restApiId: c.rest_api_id, resourceId: r.id, httpMethod }));
          const responseModels = Object.values(m.methodResponses ?? {}).flatMap((mr) => Object.values(mr.responseModels ?? {}));
          const named = [...Object.values(m.requestModels ?? {}), ...responseModels];
          if (named.includes(c.name)) throw awsError('ConflictException', `Cannot delete model '${c.name}', is referenced in method ${httpMethod} ${r.path}`);
        }
      }
      const models = (await v1.send(new gw.GetModelsCommand({ restApiId: c.rest_api_id, limit: 500 }))).items ?? [];
      const referring = models.find((m) => m.name !== c.name && (m.schema ?? '').includes(`/models/${c.name}"`));
      if (referring) throw awsError('ConflictException', `Cannot delete model '${c.name}', is referenced in model '${referring.name}'`);
      await v1.send(new gw.DeleteModelCommand({ restApiId: c.rest_api_id, modelName: c.name }));
    });
  },
  async aws_api_gateway_request_validator(c, attrs, { v1 }) {
    await ignoringNotFound(() => v1.send(new gw.DeleteRequestValidatorCommand({ restApiId: c.rest_api_id, requestValidatorId: attrs.id })));
  },
  async aws_api_gateway_gateway_response(c, _attrs, { v1 }) {
    await ignoringNotFound(() => v1.send(new gw.DeleteGatewayResponseCommand({ restApiId: c.rest_api_id, responseType: c.response_type })));
  },
  async aws_api_gateway_authorizer(c, attrs, { v1 }) {
    await ignoringNotFound(() => v1.send(new gw.DeleteAuthorizerCommand({ restApiId: c.rest_api_id, authorizerId: attrs.id })));
  },
  async aws_apigatewayv2_authorizer(c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteAuthorizerCommand({ ApiId: c.api_id, AuthorizerId: attrs.id })));
  },
  async aws_apigatewayv2_api(_c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteApiCommand({ ApiId: attrs.id })));
  },
  async aws_apigatewayv2_integration(c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteIntegrationCommand({ ApiId: c.api_id, IntegrationId: attrs.id })));
  },
  async aws_apigatewayv2_integration_response(c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteIntegrationResponseCommand({
      ApiId: c.api_id, IntegrationId: c.integration_id, IntegrationResponseId: attrs.id,
    })));
  },
  async aws_apigatewayv2_route(c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteRouteCommand({ ApiId: c.api_id, RouteId: attrs.id })));
  },
  async aws_apigatewayv2_route_response(c, attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteRouteResponseCommand({ ApiId: c.api_id, RouteId: c.route_id, RouteResponseId: attrs.id })));
  },
  async aws_apigatewayv2_stage(c, _attrs, { v2: client }) {
    await ignoringNotFound(() => client.send(new v2.DeleteStageCommand({ ApiId: c.api_id, StageName: c.name })));
  },
};
