import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { TfJson } from './graph';

/** A stack with an AWS provider, as users write it. */
export function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return stack;
}

/** Synthesizes a stack with its validations, as `cdktf synth` does, and parses the JSON. */
export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack, true));
}

/** Builds a stack with `build` and synthesizes it. */
export function synthWith(build: (stack: TerraformStack) => void): TfJson {
  const stack = newStack();
  build(stack);
  return synth(stack);
}

/** The resources of one type, by logical name. */
export function resourcesOf(json: TfJson, type: string): { [name: string]: { [key: string]: any } } {
  return (json.resource?.[type] ?? {}) as { [name: string]: { [key: string]: any } };
}

/** The only resource of a type; fails when there is not exactly one. */
export function only(json: TfJson, type: string): { [key: string]: any } {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Synthesizes a full app to a directory, the way `cdktf synth` does, and returns the stack JSON text. */
export function synthApp(build: (app: App) => TerraformStack): string {
  const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'cdktf-')) });
  const stack = build(app);
  app.synth();
  return require('fs').readFileSync(require('path').join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8');
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Resolves tokens the way synthesis does (`${aws_x.y.attr}` for references). */
export function resolve(scope: IConstruct, value: unknown): any {
  return Tokenization.resolve(value, { scope, resolver: RESOLVER });
}
