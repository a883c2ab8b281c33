import { createHash } from 'crypto';
import { DefaultTokenResolver, Lazy, StringConcat, TerraformResource, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiMember } from './protocol';
import { checkNonEmpty, pathOf, ValidationError } from './validation';

const RESOLVER = new DefaultTokenResolver(new StringConcat());


/**
 * What a deployment covers: the resources whose configuration its trigger hashes, and the
 * resources it must be created after. Computed at synth, when the tree is complete.
 */
export interface DeployedResources {
  readonly hashed: TerraformResource[];
  readonly dependsOn: TerraformResource[];
}

/** What a deployment construct tells `wireDeployment`. */
export interface DeploymentWiring {
  /** Why API Gateway would refuse to deploy the API; empty when it can be deployed. */
  problems(): string[];
  /** What the deployment covers, asked at synth when `problems()` is empty. */
  covered(): DeployedResources;
}

/**
 * Sets up a deployment resource (REST or WebSocket): `triggers.redeployment` hashes the resolved
 * configuration of what it covers, `depends_on` lists what it must follow, and
 * `create_before_destroy` lets a new deployment replace the old one under its stages. The
 * problems are checked at synth, by validation and again when the values are resolved.
 */
export function wireDeployment(scope: IConstruct, deployment: TerraformResource & { triggers?: { [key: string]: string } }, wiring: DeploymentWiring): void {
  scope.node.addValidation({ validate: () => wiring.problems() });
  const covered = (): DeployedResources => {
    const [problem] = wiring.problems();
    if (problem) throw new ValidationError(pathOf(scope), problem);
    return wiring.covered();
  };
  // cdktf resolves everything twice, once to prepare; these values matter only in the second pass.
  deployment.triggers = {
    redeployment: Lazy.stringValue({ produce: (context) => (context.preparing ? '' : redeploymentTrigger(deployment, byPath(covered().hashed))) }),
  };
  // Plain addresses rather than dependable() tokens: this list has an entry per method and response.
  deployment.dependsOn = Lazy.listValue({
    produce: (context) => (context.preparing ? [] : byPath(covered().dependsOn).map(({ resource: r }) => `${r.terraformResourceType}.${r.friendlyUniqueId}`)),
  });
  deployment.lifecycle = { createBeforeDestroy: true };
}

const STRUCTURAL = new WeakMap<TerraformResource, ReadonlySet<string>>();

/**
 * Records the attributes of a resource that the library wired as references to its parents
 * (`rest_api_id`, `http_method`, ...). The tree's construct paths already fix them, so the
 * hash leaves them out instead of resolving thousands of references a second time.
 */
export function markStructural(resource: TerraformResource, ...attributes: string[]): void {
  STRUCTURAL.set(resource, new Set([...(STRUCTURAL.get(resource) ?? []), ...attributes]));
}

/**
 * What REST and WebSocket deployments share: the resources they watch beyond the API's own
 * constructs, and what they cover, asked from the API's members.
 */
export class DeploymentCore {
  private readonly watched: TerraformResource[] = [];

  /** Adds a resource the library does not model to what the deployment hashes and follows. */
  public watch(scope: IConstruct, resource: TerraformResource): void {
    if (!TerraformResource.isTerraformResource(resource)) {
      throw new ValidationError(pathOf(scope), `invalid watch() resource ${String(resource)}: a Terraform resource, such as an escape-hatch aws_api_gateway_gateway_response`);
    }
    if (!this.watched.includes(resource)) this.watched.push(resource);
  }

  /** What the members of the API and the watched resources add to the deployment. */
  public covered<T>(members: ReadonlyArray<ApiMember<T>>): DeployedResources {
    const hashed: TerraformResource[] = [...this.watched];
    const dependsOn: TerraformResource[] = [...this.watched];
    for (const member of members) {
      hashed.push(...member.hashed());
      dependsOn.push(...member.mustPrecede());
    }
    return { hashed, dependsOn };
  }

  /** Why the members say the API cannot be deployed. */
  public problems<T>(members: ReadonlyArray<ApiMember<T>>): string[] {
    return members.flatMap((m) => m.deployProblems?.() ?? []);
  }
}

/** Rejects a stage name that is empty or that the API already deploys to. */
export function checkNewStageName(where: string, stageNames: readonly string[], stageName: string): void {
  checkNonEmpty(where, 'stageName', stageName, 'a stage name');
  if (stageNames.includes(stageName)) {
    throw new ValidationError(where, `invalid stageName "${stageName}": the API already has a stage with this name`);
  }
}

/** Sorted by construct path: the same API gives the same hash and depends_on whatever order it was built in. */
function byPath(resources: TerraformResource[]): Array<{ path: string; resource: TerraformResource }> {
  return resources.map((resource) => ({ path: pathOf(resource), resource }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The deployment's trigger: the SHA-256 of the resolved configuration of each resource (without
 * metadata, import and move blocks, and structural references). A value known only at apply
 * time (a variable, a reference to a Lambda function, a data source, another stack's output)
 * is in that configuration as the text of its expression, which does not change when the value
 * does; each such expression is therefore folded into the trigger as a Terraform expression,
 * `sha256(jsonencode(["<hash>", var.backend_url, ...]))`, so that a new value, or a value
 * unknown at plan time, replaces the deployment. References to the resources the deployment
 * hashes are left out: their own configuration is in the hash already. Without such
 * expressions the trigger is the plain hash.
 */
function redeploymentTrigger(scope: IConstruct, resources: Array<{ path: string; resource: TerraformResource }>): string {
  const hash = createHash('sha256');
  const covered = new Set(resources.map(({ resource: r }) => `${r.terraformResourceType}.${r.friendlyUniqueId}`));
  const expressions: string[] = [];
  for (const { path, resource } of resources) {
    const config = configOf(resource);
    // Most configurations hold no token once the structural references are out: skip resolving those.
    const resolved = containsTokens(config) ? Tokenization.resolve(config, { scope, resolver: RESOLVER }) : config;
    const json = canonicalJson(resolved);
    hash.update(`${resource.terraformResourceType} ${path}\n${json}\n`);
    if (json.includes('${')) {
      for (const expression of interpolations(resolved)) {
        // What an expression evaluates to follows from the values it references: fold those.
        for (const value of referencesIn(expression)) {
          if (!covered.has(resourceOf(value)) && !expressions.includes(value)) expressions.push(value);
        }
      }
    }
  }
  const digest = hash.digest('hex');
  return expressions.length === 0 ? digest : `\${sha256(jsonencode(["${digest}", ${expressions.join(', ')}]))}`;
}

// A resource or data source attribute (`aws_lambda_function.f.arn`, `data.x.y.z`, `x.y[0].z`), a
// resource indexed by an expression (`aws_lambda_function.f[count.index]`: the whole `x.y` is
// read), a variable or a local.
const REFERENCE = new RegExp('(?<![\\w.])(?:(?:data\\.)?[a-z][a-z0-9_]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_]+|\\[[0-9]+\\])+'
  + '|(?:data\\.)?[a-z][a-z0-9_]*\\.[A-Za-z0-9_-]+(?=\\[)|(?:var|local)\\.[A-Za-z0-9_-]+)', 'g');

/**
 * The references an expression reads (`var.x`, `aws_lambda_function.f.arn`, `data.x.y.z`), or the
 * expression itself when it reads none (a function such as `timestamp()`). Quoted strings are
 * skipped, and so are the names that hold only inside one resource (`each`, `count`, `self`).
 */
function referencesIn(expression: string): string[] {
  const code = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const refs = [...new Set(code.match(REFERENCE) ?? [])].filter((ref) => !LOCAL.test(ref));
  if (refs.length > 0) return refs;
  // `each.value`, `count.index` and `self` mean something only inside their resource, whose
  // `for_each` or `count` is in the hash already; anything else (a function such as
  // `timestamp()`) is folded whole.
  return LOCAL_ANYWHERE.test(code) ? [] : [expression];
}

const LOCAL = /^(?:each|count|self)\./;
const LOCAL_ANYWHERE = /(?<![\w.])(?:each|count|self)\./;

/** `type.name` of a resource reference; `var`, `local` and `data` references name no resource of the API. */
function resourceOf(reference: string): string {
  const [type, name] = reference.split('.');
  return type === 'var' || type === 'local' || type === 'data' ? '' : `${type}.${name}`;
}

/** The Terraform expressions interpolated (`${...}`, not the escaped `$${`) in the strings of a resolved value, in a fixed order. */
function interpolations(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (let i = value.indexOf('${'); i >= 0; i = value.indexOf('${', i + 2)) {
      if (i > 0 && value[i - 1] === '$') continue;
      const end = closingBrace(value, i + 2);
      if (end < 0) break;
      out.push(value.slice(i + 2, end).trim());
      i = end - 1;
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => interpolations(v, out));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value).sort()) interpolations((value as { [k: string]: unknown })[key], out);
  }
  return out;
}

/** Index of the `}` that closes an interpolation whose expression starts at `start`, skipping nested braces and quoted strings. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * The arguments of a resource as Terraform receives them, with `count`, `for_each` and
 * `provider`, but without `depends_on` and `lifecycle`, which change nothing API Gateway serves,
 * and without its structural references. A plain resource's own attributes are taken directly;
 * one with escape-hatch overrides, dynamic blocks or `count`/`for_each`/`provider` goes through
 * `toTerraform()`, which applies them.
 */
function configOf(resource: TerraformResource): unknown {
  // Both are protected members of every cdktf resource; a resource without them takes the long way.
  const internals = resource as unknown as { rawOverrides?: object; synthesizeAttributes?: () => { [key: string]: unknown } };
  const overrides = internals.rawOverrides;
  let config = typeof internals.synthesizeAttributes === 'function' ? internals.synthesizeAttributes() : undefined;
  const plain = config !== undefined && overrides !== undefined && Object.keys(overrides).length === 0
    && resource.count === undefined && resource.forEach === undefined && resource.provider === undefined && !hasDynamicBlock(config);
  if (plain) {
    config = { ...config };
  } else {
    const tf = resource.toTerraform() as { resource?: { [type: string]: { [name: string]: { [key: string]: unknown } } } };
    config = { ...Object.values(Object.values(tf.resource ?? {})[0] ?? {})[0] };
    for (const meta of ['//', 'depends_on', 'lifecycle']) delete config[meta];
  }
  for (const attribute of STRUCTURAL.get(resource) ?? []) delete config[attribute];
  return config;
}

/** Whether a dynamic block stands among the attributes, or in a nested block, where cdktf looks for them too. */
function hasDynamicBlock(attributes: { [key: string]: unknown }): boolean {
  return Object.values(attributes).some((value) => {
    if (typeof value !== 'object' || value === null) return false;
    if (typeof (value as { toTerraformDynamicBlockJson?: unknown }).toTerraformDynamicBlockJson === 'function') return true;
    return (value as object).constructor === Object && hasDynamicBlock(value as { [key: string]: unknown });
  });
}

/** Whether a value holds a token anywhere: an encoded string, number or list, or a resolvable object. */
function containsTokens(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsTokens);
  return typeof value === 'object' && Object.values(value as object).some(containsTokens);
}

/** JSON with object keys sorted, so that the hash does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as { [key: string]: unknown })
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
