/**
 * Turns a synthesized cdktf stack (`cdk.tf.json`) into a Terraform configuration that the
 * `terraform` CLI can plan and apply offline: every `aws_*` resource becomes a `terraform_data`
 * stand-in with the same dependency edges, the same `lifecycle` and the attributes that force
 * replacement in the real AWS provider, and whose provisioners make the real call on a moto
 * server through the helper in ./apply-one.ts. Terraform itself then decides what to create,
 * update, replace and destroy, and in which order — including the `create_before_destroy` it
 * propagates to every dependency of the deployment.
 *
 * How a resource maps to its stand-in `terraform_data.<type>__<name>`:
 *
 * - `input` is the resource's configuration with its references rewritten (below). Strings are
 *   kept byte for byte; only `${...}` interpolations that name `aws_*` resources or data
 *   sources change. `var.*` stays as it is and the `variable` blocks are copied.
 * - `triggers_replace` holds the attributes that are ForceNew in terraform-provider-aws
 *   (FORCE_NEW below), so the stand-in is replaced exactly when the real resource would be.
 * - A create-time `local-exec` posts `{ address, type, id: self.id, config: self.input }` to
 *   the helper, which makes the create call and records the object moto returned under the
 *   stand-in's id; a destroy-time `local-exec` posts the same to delete it (a destroy
 *   provisioner may only read `self`, and needs nothing else). Resources that a new version no
 *   longer declares get a `removed { lifecycle { destroy = true } }` block carrying the same
 *   destroy provisioner (Terraform ≥ 1.9), since Terraform drops the provisioners of a
 *   resource block that is gone. Terraform runs no destroy provisioner at all for a deposed
 *   object, the old half of a create_before_destroy replacement (hashicorp/terraform#31266);
 *   the flow runner watches Terraform's output for `... (deposed object ...): Destroying...
 *   [id=...]` and has the helper delete that object at that point (Helper.destroyDeposed).
 *
 * Identity, and in-place updates. The stand-in's own `id` (a UUID Terraform makes when it
 * creates the stand-in and keeps until it replaces it) is the resource's identity. References
 * are rewritten the way the real provider would answer them at plan time:
 *
 * - a computed attribute (`id`, `root_resource_id`, `execution_arn`, `path`, ...) becomes a
 *   handle: `${terraform_data.X.id}` for `id`, `${terraform_data.X.id}#root_resource_id` for
 *   the others. Like the real attribute it is unknown until X is created, changes when X is
 *   replaced and stays the same when X is updated in place. The helper resolves handles to the
 *   values moto returned just before each call.
 * - a configured attribute (`http_method`, `status_code`, `rest_api_id` of a method, ...) is
 *   inlined: the reference is replaced by the target's own (rewritten) expression, as the real
 *   provider would know it at plan time, so a dependant is not replaced because its
 *   dependency was merely updated.
 *
 *   Either way the dependant gets `depends_on` both X and X's updater (next point), so the
 *   edge stays even where the reference was inlined away.
 * - Provisioners run only on create and destroy, so an in-place update goes through a
 *   companion `terraform_data.X__update` whose `triggers_replace` is `[X.id, X.input]`: when
 *   X's input changes without a ForceNew attribute changing, Terraform updates X in place (its
 *   id stays) and replaces the companion, whose create provisioner posts the new input to the
 *   helper's update call (a no-op when nothing resolved differently, e.g. right after X was
 *   created). The helper then makes the real provider's Update call on the same object.
 *   Everything that depends on X also depends on X__update, so dependants see the updated
 *   object, as they would see the real resource's update finish.
 *
 * Data sources become `locals` with the values the moto driver uses (us-east-1, account
 * 123456789012); providers, backends and `required_providers` are dropped.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A synthesized cdktf stack, as `cdk.tf.json` holds it. */
export interface StackJson {
  readonly resource?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  readonly data?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  readonly variable?: { [name: string]: unknown };
  readonly locals?: { [name: string]: unknown };
  readonly output?: { [name: string]: unknown };
  readonly [key: string]: unknown;
}

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

/**
 * The attributes that force a new resource in terraform-provider-aws (schema `ForceNew: true`,
 * read from internal/service/apigateway, apigatewayv2 and lambda of the provider; v6 schema,
 * with the v5-only deployment attributes kept so older stacks behave too). Every other
 * attribute is updated in place by the provider's Update, which the helper reproduces.
 *
 * Not ForceNew although it looks like a key: `status_code` of `aws_api_gateway_method_response`
 * and `aws_api_gateway_integration_response` (the provider's Update calls
 * UpdateMethodResponse / PutIntegrationResponse with the new code on the same Terraform
 * object), `path_part` and `parent_id` of `aws_api_gateway_resource` (UpdateResource), and
 * `deployment_id` of a stage (UpdateStage).
 */
export const FORCE_NEW: { readonly [type: string]: readonly string[] } = {
  aws_api_gateway_rest_api: [],
  aws_api_gateway_resource: ['rest_api_id'],
  aws_api_gateway_method: ['rest_api_id', 'resource_id', 'http_method'],
  aws_api_gateway_method_response: ['rest_api_id', 'resource_id', 'http_method'],
  aws_api_gateway_integration: ['rest_api_id', 'resource_id', 'http_method', 'type', 'credentials', 'integration_http_method', 'passthrough_behavior'],
  aws_api_gateway_integration_response: ['rest_api_id', 'resource_id', 'http_method'],
  aws_api_gateway_deployment: ['rest_api_id', 'triggers', 'variables', 'stage_name', 'stage_description', 'canary_settings'],
  aws_api_gateway_stage: ['rest_api_id', 'stage_name'],
  aws_api_gateway_method_settings: ['rest_api_id', 'stage_name', 'method_path'],
  aws_api_gateway_model: ['rest_api_id', 'name', 'content_type'],
  aws_api_gateway_request_validator: ['rest_api_id'],
  aws_api_gateway_gateway_response: ['rest_api_id', 'response_type'],
  aws_api_gateway_authorizer: ['rest_api_id'],
  aws_apigatewayv2_api: ['protocol_type'],
  aws_apigatewayv2_integration: ['api_id', 'integration_type', 'integration_subtype'],
  aws_apigatewayv2_integration_response: ['api_id', 'integration_id'],
  aws_apigatewayv2_route: ['api_id'],
  aws_apigatewayv2_route_response: ['api_id', 'route_id'],
  aws_apigatewayv2_deployment: ['api_id', 'triggers'],
  aws_apigatewayv2_stage: ['api_id', 'name'],
  aws_apigatewayv2_authorizer: ['api_id', 'authorizer_type'],
  // aws_lambda_permission has no Update: every argument forces a new permission.
  aws_lambda_permission: ['action', 'event_source_token', 'function_name', 'function_url_auth_type', 'principal', 'principal_org_id',
    'qualifier', 'source_account', 'source_arn', 'statement_id', 'statement_id_prefix'],
  aws_lambda_function: ['function_name', 'package_type'],
  aws_iam_role: ['name', 'name_prefix', 'path'],
};

/**
 * Attributes only the provider knows after apply (Computed, not configured). A reference to
 * one becomes a handle; a reference to any other attribute the target configures is inlined.
 */
const COMPUTED = new Set(['id', 'arn', 'execution_arn', 'invoke_url', 'root_resource_id', 'path', 'created_date', 'api_endpoint',
  'invoke_arn', 'qualified_arn', 'qualified_invoke_arn', 'version', 'unique_id', 'web_acl_arn', 'integration_response_selection_expression',
  'tags_all', 'last_modified', 'source_code_size', 'create_date']);

/**
 * Computed attributes of the resources the driver accepts without a call, which it derives
 * from their configuration; written here as templates so expressions over them
 * (`element(split(":", aws_lambda_function.f.arn), 3)`) evaluate as they would on AWS.
 */
const DERIVED: { [type: string]: { [attr: string]: (config: (key: string) => string) => string } } = {
  aws_lambda_function: {
    arn: (c) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${c('function_name')}`,
    qualified_arn: (c) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${c('function_name')}:$LATEST`,
    invoke_arn: (c) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${c('function_name')}/invocations`,
  },
  aws_iam_role: {
    arn: (c) => `arn:aws:iam::${ACCOUNT}:role/${c('name')}`,
  },
};

/** Values of the data sources the library reads, as the moto driver answers them. */
const DATA_SOURCES: { [type: string]: JsonObject } = {
  aws_region: { id: REGION, name: REGION, region: REGION, description: 'US East (N. Virginia)', endpoint: `ec2.${REGION}.amazonaws.com` },
  aws_partition: { id: 'aws', partition: 'aws', dns_suffix: 'amazonaws.com', reverse_dns_prefix: 'com.amazonaws' },
  aws_caller_identity: { id: ACCOUNT, account_id: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/moto`, user_id: 'moto' },
};

/** Keys of a resource block that are Terraform meta-arguments, not configuration. */
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'count', 'for_each']);

/** The stand-in's name for `type.name`. */
export function standInName(type: string, name: string): string {
  return `${type}__${name}`;
}

/** The stand-in's address for `type.name`. */
export function standInAddress(type: string, name: string): string {
  return `terraform_data.${standInName(type, name)}`;
}

const UPDATE_SUFFIX = '__update';

// ---------------------------------------------------------------------------------------------
// Templates: Terraform's JSON syntax reads every string as a template. `$${` and `%%{` are
// escapes, `${ expr }` an interpolation and `%{ ... }` a directive; an expression may contain
// quoted templates of its own.

type Part = { kind: 'text'; text: string } | { kind: 'interp'; open: '${' | '%{'; body: string };

/** Index of the `}` closing an interpolation whose body starts at `start`. */
function closingBrace(s: string, start: number): number {
  let depth = 0;
  for (let j = start; j < s.length; j++) {
    const c = s[j];
    if (c === '"') {
      j = closingQuote(s, j);
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  throw new Error(`unterminated interpolation in template: ${JSON.stringify(s)}`);
}

/** Index of the `"` closing the quoted template that opens at `start`. */
function closingQuote(s: string, start: number): number {
  for (let k = start + 1; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s.startsWith('$${', k) || s.startsWith('%%{', k)) k += 2;
    else if (s.startsWith('${', k) || s.startsWith('%{', k)) k = closingBrace(s, k + 2);
    else if (s[k] === '"') return k;
  }
  throw new Error(`unterminated string in expression: ${JSON.stringify(s)}`);
}

function parseTemplate(s: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < s.length;) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      text += s.slice(i, i + 3);
      i += 3;
    } else if (s.startsWith('${', i) || s.startsWith('%{', i)) {
      const end = closingBrace(s, i + 2);
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'interp', open: s.slice(i, i + 2) as '${' | '%{', body: s.slice(i + 2, end) });
      i = end + 1;
    } else {
      text += s[i];
      i++;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Template text as an HCL quoted string: literal parts escaped, interpolations kept. */
function quoteTemplate(template: string): string {
  const escape = (t: string) => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${parseTemplate(template).map((p) => (p.kind === 'text' ? escape(p.text) : `${p.open}${p.body}}`)).join('')}"`;
}

/** A JSON value (strings as templates) written as an HCL expression. */
function hclLiteral(value: Json): string {
  if (typeof value === 'string') return quoteTemplate(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} = ${hclLiteral(v)}`).join(', ')} }`;
}

const TRAVERSAL = /^(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_]+))?/;
const WHOLE_TRAVERSAL = /^\s*~?\s*((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_]+)?)\s*~?\s*$/;

/** What a reference to `type.name.attr` becomes in the stand-in configuration. */
type Rewritten = { kind: 'value'; value: Json } | { kind: 'handle'; template: string; expression: string } | { kind: 'expression'; expression: string };

/** Rewrites the references of one stack into stand-in references, collecting the edges. */
class Rewriter {
  /** Stand-in addresses the resource being rewritten depends on. */
  public deps = new Set<string>();

  constructor(private readonly stack: StackJson) {}

  /** Rewrites every string (template) inside a configuration value. */
  public value(value: unknown, depth = 0): Json {
    if (typeof value === 'string') return this.template(value, depth);
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth));
    if (value && typeof value === 'object') {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.value(v, depth);
      return out;
    }
    return (value ?? null) as Json;
  }

  /**
   * A template string rewritten; a lone reference to a non-string value becomes that value.
   * `quoted`: the template sits inside an HCL quoted string in an expression, so its literal
   * text is already escaped for HCL and inlined strings must be escaped too.
   */
  public template(s: string, depth = 0, quoted = false): Json {
    if (!s.includes('${') && !s.includes('%{')) return s;
    const parts = parseTemplate(s);
    if (!quoted && parts.length === 1 && parts[0].kind === 'interp' && parts[0].open === '${') {
      const whole = WHOLE_TRAVERSAL.exec(parts[0].body);
      if (whole) {
        const r = this.reference(whole[1], depth);
        if (r.kind === 'value') return r.value;
        if (r.kind === 'handle') return r.template;
        return `\${${r.expression}}`;
      }
    }
    return parts.map((p) => {
      if (p.kind === 'text') return p.text;
      const whole = p.open === '${' ? WHOLE_TRAVERSAL.exec(p.body) : null;
      if (whole) {
        const r = this.reference(whole[1], depth);
        if (r.kind === 'value') {
          if (typeof r.value !== 'string') return `\${${hclLiteral(r.value)}}`;
          return quoted ? quoteTemplate(r.value).slice(1, -1) : r.value;
        }
        if (r.kind === 'handle') return r.template;
        return `\${${r.expression}}`;
      }
      return `${p.open}${this.expression(p.body, depth)}}`;
    }).join('');
  }

  /** An HCL expression with its references rewritten (quoted templates inside included). */
  private expression(expr: string, depth: number): string {
    let out = '';
    for (let j = 0; j < expr.length;) {
      const c = expr[j];
      if (c === '"') {
        const k = closingQuote(expr, j);
        out += `"${this.template(expr.slice(j + 1, k), depth, true) as string}"`;
        j = k + 1;
        continue;
      }
      const previous = j === 0 ? '' : expr[j - 1];
      const m = /[A-Za-z0-9_.\-]/.test(previous) ? null : TRAVERSAL.exec(expr.slice(j));
      if (m) {
        const r = this.reference(m[0], depth);
        out += r.kind === 'value' ? `(${hclLiteral(r.value)})` : r.expression;
        j += m[0].length;
        continue;
      }
      out += c;
      j++;
    }
    return out;
  }

  /** What `[data.]type.name[.attr]` becomes. */
  private reference(traversal: string, depth: number): Rewritten {
    const m = TRAVERSAL.exec(traversal)!;
    const [, data, type, name, attr] = m;
    if (data) {
      const block = this.stack.data?.[type]?.[name];
      if (!block || !DATA_SOURCES[type]) throw new Error(`data.${type}.${name}: the stand-in knows the data sources ${Object.keys(DATA_SOURCES).join(', ')}`);
      const local = `local.${dataLocal(type, name)}`;
      return { kind: 'expression', expression: attr ? `${local}.${attr}` : local };
    }
    const target = this.stack.resource?.[type]?.[name];
    if (!target) throw new Error(`${type}.${name} is referenced but the stack does not define it`);
    const address = standInAddress(type, name);
    this.deps.add(address);
    this.deps.add(address + UPDATE_SUFFIX);
    if (!attr) return { kind: 'expression', expression: address };
    if (depth > 20) throw new Error(`${type}.${name}.${attr}: references nest too deep (a cycle?)`);
    const derived = DERIVED[type]?.[attr];
    if (derived) {
      return { kind: 'value', value: derived((key) => {
        const v = this.value(target[key], depth + 1);
        if (typeof v !== 'string') throw new Error(`${type}.${name}: ${attr} is derived from ${key}, which is not a string`);
        return v;
      }) };
    }
    if (!COMPUTED.has(attr) && attr in target && !META.has(attr)) return { kind: 'value', value: this.value(target[attr], depth + 1) };
    const id = `${address}.id`;
    if (attr === 'id') return { kind: 'handle', template: `\${${id}}`, expression: id };
    return { kind: 'handle', template: `\${${id}}#${attr}`, expression: `"\${${id}}#${attr}"` };
  }
}

function dataLocal(type: string, name: string): string {
  return `data__${type}__${name}`;
}

/** The environment a provisioner passes to the helper, and the command that posts it. */
function provisioner(path: 'create' | 'update' | 'destroy', payload: string, when?: 'destroy'): JsonObject {
  const exec: JsonObject = {
    command: `curl -sS --max-time 120 --fail-with-body -H 'Content-Type: application/json' --data-binary "$FLOWS_PAYLOAD" "$FLOWS_HELPER/${path}"`,
    environment: { FLOWS_PAYLOAD: `\${jsonencode(${payload})}` },
  };
  if (when) exec.when = when;
  return { 'local-exec': exec };
}

function selfPayload(type: string, name: string): string {
  return `{ address = "${type}.${name}", type = "${type}", id = self.id, config = self.input }`;
}

export interface ConvertOptions {
  /**
   * Stand-in addresses in the state that this configuration no longer declares; each gets a
   * `removed` block whose destroy provisioner deletes the real object.
   */
  readonly removed?: readonly string[];
}

/** The Terraform JSON configuration of stand-ins for a synthesized stack. */
export function toStandIns(stack: StackJson, options: ConvertOptions = {}): JsonObject {
  const rewriter = new Rewriter(stack);
  const resources: JsonObject = {};
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    const forceNew = FORCE_NEW[type];
    if (!forceNew) throw new Error(`${type}: the stand-in does not know which attributes force replacement (add it to FORCE_NEW)`);
    for (const [name, block] of Object.entries(byName)) {
      rewriter.deps = new Set();
      const input: JsonObject = {};
      for (const [key, value] of Object.entries(block)) {
        if (!META.has(key)) input[key] = rewriter.value(value);
      }
      for (const d of (block.depends_on as string[] | undefined) ?? []) {
        const m = /^(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)$/.exec(d);
        if (!m || !stack.resource?.[m[1]]?.[m[2]]) throw new Error(`${type}.${name}: depends_on ${d}, which the stack does not define`);
        rewriter.deps.add(standInAddress(m[1], m[2]));
        rewriter.deps.add(standInAddress(m[1], m[2]) + UPDATE_SUFFIX);
      }
      const self = standInAddress(type, name);
      rewriter.deps.delete(self);
      rewriter.deps.delete(self + UPDATE_SUFFIX);

      const standIn: JsonObject = { input };
      const triggers: JsonObject = {};
      for (const key of forceNew) if (key in input) triggers[key] = input[key];
      if (forceNew.length > 0) standIn.triggers_replace = triggers;
      if (rewriter.deps.size > 0) standIn.depends_on = [...rewriter.deps].sort();
      const lifecycle = block.lifecycle as { [key: string]: unknown } | undefined;
      if (lifecycle) {
        const copied: JsonObject = {};
        for (const [key, value] of Object.entries(lifecycle)) {
          if (key === 'create_before_destroy' || key === 'prevent_destroy') {
            copied[key] = value as Json;
          } else if (key === 'replace_triggered_by') {
            copied[key] = (value as string[]).map((r) => {
              const m = /^(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/.exec(r);
              if (!m) throw new Error(`${type}.${name}: replace_triggered_by ${r} is not a resource`);
              return standInAddress(m[1], m[2]);
            });
          } else if (key === 'ignore_changes' && Array.isArray(value) && value.length === 0) {
            // nothing to ignore
          } else {
            throw new Error(`${type}.${name}: the stand-in does not model lifecycle.${key}`);
          }
        }
        standIn.lifecycle = copied;
      }
      standIn.provisioner = [
        provisioner('create', selfPayload(type, name)),
        provisioner('destroy', selfPayload(type, name), 'destroy'),
      ];
      resources[standInName(type, name)] = standIn;
      resources[standInName(type, name) + UPDATE_SUFFIX] = {
        triggers_replace: [`\${${self}.id}`, `\${${self}.input}`],
        provisioner: [provisioner('update', `{ address = "${type}.${name}", type = "${type}", id = self.triggers_replace[0], config = self.triggers_replace[1] }`)],
      };
    }
  }

  const config: JsonObject = {};
  if (stack.variable) config.variable = stack.variable as Json;
  const locals: JsonObject = {};
  for (const [type, byName] of Object.entries(stack.data ?? {})) {
    for (const name of Object.keys(byName)) {
      if (!DATA_SOURCES[type]) throw new Error(`data.${type}.${name}: the stand-in knows the data sources ${Object.keys(DATA_SOURCES).join(', ')}`);
      locals[dataLocal(type, name)] = DATA_SOURCES[type];
    }
  }
  for (const [name, value] of Object.entries(stack.locals ?? {})) locals[name] = rewriter.value(value);
  if (Object.keys(locals).length > 0) config.locals = locals;
  if (Object.keys(resources).length > 0) config.resource = { terraform_data: resources };
  if (stack.output) {
    const outputs: JsonObject = {};
    for (const [name, block] of Object.entries(stack.output)) outputs[name] = rewriter.value(block);
    config.output = outputs;
  }
  const removed = (options.removed ?? []).filter((address) => !(address.replace(/^terraform_data\./, '') in resources));
  const removedBlocks: Json[] = [];
  for (const address of removed) {
    const standIn = address.replace(/^terraform_data\./, '');
    if (standIn.endsWith(UPDATE_SUFFIX)) continue; // an updater has nothing to undo
    const [type, name] = typeFromStandIn(standIn);
    removedBlocks.push({ from: address, lifecycle: { destroy: true }, provisioner: [provisioner('destroy', selfPayload(type, name), 'destroy')] });
  }
  if (removedBlocks.length > 0) config.removed = removedBlocks;
  return config;
}

/** `type` and `name` of a stand-in name (`aws_api_gateway_method__Api_pets_GET_1234`). */
export function typeFromStandIn(standIn: string): [string, string] {
  const type = Object.keys(FORCE_NEW).filter((t) => standIn.startsWith(`${t}__`)).sort((a, b) => b.length - a.length)[0];
  if (!type) throw new Error(`${standIn} is not a stand-in name`);
  return [type, standIn.slice(type.length + 2)];
}

// ---------------------------------------------------------------------------------------------
// The terraform CLI.

/** Environment for every terraform run: no prompts, no checkpoint calls, no user CLI config. */
export function terraformEnv(extra: { [key: string]: string } = {}): NodeJS.ProcessEnv {
  const cliConfig = join(tmpdir(), 'flows-empty.terraformrc');
  writeFileSync(cliConfig, '');
  return { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig, TF_INPUT: '0', ...extra };
}

export const TERRAFORM_INSTALL_HINT = 'Install Terraform >= 1.9 (terraform_data needs >= 1.4; destroy provisioners in `removed` blocks need >= 1.9): '
  + 'download the zip for your platform from https://releases.hashicorp.com/terraform/ and put the `terraform` binary on the PATH, '
  + 'or use HashiCorp\'s apt/yum repository (https://developer.hashicorp.com/terraform/install).';

/** The terraform version on the PATH, or undefined when there is none. */
export function terraformVersion(): string | undefined {
  const r = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: terraformEnv() });
  if (r.error || r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout).terraform_version as string;
  } catch {
    return /Terraform v(\S+)/.exec(r.stdout)?.[1];
  }
}

/** Whether `version` is at least `major.minor`. */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/**
 * Converts a synthesized stack and runs `terraform init` + `terraform validate` on it offline.
 * A string the library leaves unescaped for Terraform (`${stageVariables.backend}` instead of
 * `$${stageVariables.backend}`) fails validation, since the stand-ins keep every string.
 */
export function validateWithTerraform(stackJson: StackJson | string): { ok: boolean; output: string } {
  const stack: StackJson = typeof stackJson === 'string' ? JSON.parse(stackJson) : stackJson;
  const version = terraformVersion();
  if (!version) return { ok: false, output: `terraform is not on the PATH. ${TERRAFORM_INSTALL_HINT}` };
  if (!versionAtLeast(version, 1, 4)) return { ok: false, output: `terraform ${version} is too old for terraform_data. ${TERRAFORM_INSTALL_HINT}` };
  let config: JsonObject;
  try {
    config = toStandIns(stack);
  } catch (e) {
    return { ok: false, output: `conversion failed: ${(e as Error).message}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'flows-validate-'));
  try {
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
    const env = terraformEnv();
    const init = spawnSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dir, encoding: 'utf8', env });
    if (init.status !== 0) return { ok: false, output: `terraform init failed:\n${init.stdout}${init.stderr}` };
    const validate = spawnSync('terraform', ['validate', '-no-color'], { cwd: dir, encoding: 'utf8', env });
    return { ok: validate.status === 0, output: `${validate.stdout}${validate.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
