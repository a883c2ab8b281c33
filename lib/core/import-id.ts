import { Aspects, DefaultTokenResolver, IAspect, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { unresolved, ValidationError } from './validation';

/**
 * One segment of an import ID: its label in the documented format (`REST-API-ID`) and, for
 * segments with a fixed vocabulary, a check that returns a problem or undefined.
 */
export interface Segment {
  readonly label: string;
  readonly check?: (value: string) => string | undefined;
}

/** A plain ID segment: any non-empty text without slashes or white space. */
export function idSegment(label: string): Segment {
  return { label };
}

/** Checks one segment; tokens are accepted as they are. */
function segmentProblem(segment: Segment, value: unknown): string | undefined {
  if (unresolved(value)) return undefined;
  if (value === undefined || value === null || value === '') return `${segment.label} is empty`;
  if (typeof value !== 'string') return `${segment.label} must be a string, not ${typeof value} ${JSON.stringify(value)}`;
  if (/[/\s]/.test(value)) return `${segment.label} "${value}" contains a slash or white space`;
  return segment.check?.(value);
}

function expected(shape: readonly Segment[]): string {
  return shape.map((s) => s.label).join('/');
}

/** Joins checked segments into an import ID; `fn` names the public function for messages. */
export function formatImportId(fn: string, shape: readonly Segment[], values: readonly string[]): string {
  shape.forEach((segment, i) => {
    const problem = segmentProblem(segment, values[i]);
    if (problem) throw new ValidationError(fn, `cannot build an import ID: ${problem}; expected format ${expected(shape)}`);
  });
  return values.join('/');
}

/** Splits an import ID into its checked segments, one per entry of `shape`. */
export function parseImportId(fn: string, id: string, shape: readonly Segment[]): string[] {
  if (typeof id !== 'string') {
    throw new ValidationError(fn, `invalid import ID ${JSON.stringify(id) ?? String(id)}: an import ID is a string in the format ${expected(shape)}`);
  }
  const segments = id.split('/');
  if (segments.length !== shape.length) {
    throw new ValidationError(fn,
      `invalid import ID "${id}": it has ${segments.length} segment(s) separated by "/", expected ${shape.length} in the format ${expected(shape)}`);
  }
  shape.forEach((segment, i) => {
    const problem = segmentProblem(segment, segments[i]);
    if (problem) throw new ValidationError(fn, `invalid import ID "${id}": ${problem}; expected format ${expected(shape)}`);
  });
  return segments;
}

/** Marks the aspect that gives an adopted API its import IDs, so `importCommands` can apply it early. */
export const IMPORT_ASPECT = Symbol.for('cdktf-apigateway.import-existing');

function isImportAspect(aspect: IAspect): boolean {
  return (aspect as unknown as { [IMPORT_ASPECT]?: boolean })[IMPORT_ASPECT] === true;
}

/** The `terraform import ADDRESS ID` commands for every resource of a stack that has an import ID. */
export function importCommands(stack: TerraformStack): string[] {
  const all: IConstruct[] = stack.node.findAll();
  for (const c of all) {
    for (const aspect of Aspects.of(c).all) {
      if (isImportAspect(aspect)) aspect.visit(c);
    }
  }
  const resolver = new DefaultTokenResolver(new StringConcat());
  const commands: string[] = [];
  for (const c of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c)) continue;
    const tf = Tokenization.resolve(c.toTerraform(), { scope: stack, resolver }) as { import?: Array<{ id: string; to: string }> };
    for (const block of tf.import ?? []) {
      commands.push(`terraform import ${block.to} ${block.id}`);
    }
  }
  return commands;
}
