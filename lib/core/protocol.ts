import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { pathOf, ValidationError } from './validation';

/**
 * The construct protocol: every construct of an API registers one `ApiMember` with its API when
 * it is constructed, and the API's deployment and `importExisting` ask the members instead of
 * looking for classes. A new kind of construct plugs in by registering a member; nothing that
 * reads the members changes.
 */
export interface ApiMember<TAdoption, TDocument = never> {
  /** The construct that registered this member. */
  readonly construct: IConstruct;

  /** Resources whose configuration API Gateway snapshots into a deployment: a change to them redeploys. */
  hashed(): TerraformResource[];

  /** Resources that must exist before a deployment is created. */
  mustPrecede(): TerraformResource[];

  /** Why API Gateway would refuse to deploy the API as this member is now; empty when it would not. */
  deployProblems?(): string[];

  /** Gives the member's Terraform resources their import IDs when the API is adopted. */
  adopt?(adoption: TAdoption): void;

  /** Adds the member's part to the API's OpenAPI document (a path, an operation, a scheme, an extension). */
  openApi?(document: TDocument): void;
}

/** The members of one API, in the order they were constructed. */
export class ApiMembers<TAdoption, TDocument = never> {
  private readonly list: ApiMember<TAdoption, TDocument>[] = [];

  /** Registers a member. */
  public register(member: ApiMember<TAdoption, TDocument>): void {
    this.list.push(member);
  }

  /** Forgets a construct and every member constructed below it, as when its constructor failed. */
  public forget(construct: IConstruct): void {
    const path = construct.node.path;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const p = this.list[i].construct.node.path;
      if (p === path || p.startsWith(`${path}/`)) this.list.splice(i, 1);
    }
  }

  /** Every member. */
  public all(): ReadonlyArray<ApiMember<TAdoption, TDocument>> {
    return this.list;
  }
}

/** The member of a construct that only adds its own resource to what a deployment hashes and follows. */
export function deployedResource<TAdoption>(construct: IConstruct, resource: TerraformResource,
  more: Partial<Pick<ApiMember<TAdoption>, 'deployProblems' | 'adopt'>> & { precedes?: boolean } = {}): ApiMember<TAdoption> {
  const precedes = more.precedes ?? true;
  return {
    construct,
    hashed: () => [resource],
    mustPrecede: () => (precedes ? [resource] : []),
    deployProblems: more.deployProblems,
    adopt: more.adopt,
  };
}

/**
 * Makes a failed constructor leave nothing behind: the steps recorded with `add` are undone in
 * reverse, the API forgets the construct and its children, and the construct leaves its scope,
 * so the corrected call can be made again with the same ID.
 *
 *     const rollback = new Rollback(this);
 *     try { ...; rollback.add(parent._attachChild(this)); ... } catch (e) { throw rollback.undo(e, this.api._members); }
 */
export class Rollback {
  private readonly steps: Array<() => void> = [];

  constructor(private readonly self: Construct) {}

  /** Records an undo step. */
  public add(step: () => void): void {
    this.steps.push(step);
  }

  /** Undoes what was recorded and returns `error`, for the caller to throw. */
  public undo(error: unknown, members?: { forget(c: IConstruct): void }): unknown {
    for (const step of this.steps.reverse()) step();
    members?.forget(this.self);
    this.self.node.scope?.node.tryRemoveChild(this.self.node.id);
    return error;
  }
}

/** Marks an instance with the symbol `cdktf-apigateway.<name>`, which survives two copies of the package. */
export function brand(instance: object, name: string): void {
  Object.defineProperty(instance, brandSymbol(name), { value: true });
}

/** Whether a value carries the brand `cdktf-apigateway.<name>`. */
export function hasBrand(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { [k: symbol]: unknown })[brandSymbol(name)] === true;
}

const BRANDS = new Map<string, symbol>();

function brandSymbol(name: string): symbol {
  let symbol = BRANDS.get(name);
  if (symbol === undefined) {
    symbol = Symbol.for(`cdktf-apigateway.${name}`);
    BRANDS.set(name, symbol);
  }
  return symbol;
}

/**
 * Checks, before a construct exists, what its parent would refuse and that its ID is free, so
 * that a constructor rejects a duplicate with the same ValidationError as the `add*` method,
 * never with the constructs library's own error. Used in the `super()` call.
 */
export function freeId(scope: IConstruct, id: string, check?: (where: string) => void): string {
  const where = `${pathOf(scope)}/${id}`;
  check?.(where);
  if (typeof id === 'string' && scope.node.tryFindChild(id)) {
    throw new ValidationError(where, `invalid construct ID "${id}": ${pathOf(scope)} has a child with this ID already; choose another`);
  }
  return id;
}
