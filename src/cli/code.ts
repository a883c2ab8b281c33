/**
 * A small program representation that renders to TypeScript and to Python, so that one
 * generator per API kind writes both languages the same way: same statements, same order,
 * names converted (camelCase members and props become snake_case in Python).
 */

/** Where a symbol is imported from. */
export type Module = 'lib' | 'websocket' | 'cdktf' | 'constructs' | 'provider';

export interface Sym {
  readonly name: string;
  readonly module: Module;
}

export type Expr =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'list'; readonly items: Expr[] }
  /** A map with string keys (data: headers, content types). */
  | { readonly k: 'map'; readonly entries: [string, Expr][] }
  /** A static member of a class: an enum value (`AuthorizationType.NONE`) or a constant. */
  | { readonly k: 'member'; readonly sym: Sym; readonly name: string }
  | { readonly k: 'var'; readonly name: string }
  /** A JSON value (a model's schema), as a literal of the language. */
  | { readonly k: 'json'; readonly value: unknown }
  /** `undefined` in TypeScript, `None` in Python (a positional argument left out). */
  | { readonly k: 'undefined' }
  /** `new Cls(args, props)` */
  | { readonly k: 'new'; readonly sym: Sym; readonly args: Expr[]; readonly props?: Prop[] }
  /** `target.method(args, props)` */
  | { readonly k: 'call'; readonly target: Expr; readonly method: string; readonly args: Expr[]; readonly props?: Prop[] }
  /** A struct nested in another's props: an object literal in TypeScript, `Sym(kw=...)` in Python. */
  | { readonly k: 'struct'; readonly sym: Sym; readonly props: Prop[] }
  /** `Cls.method(args)` */
  | { readonly k: 'static'; readonly sym: Sym; readonly method: string; readonly args: Expr[] };

/** A property of a struct, by its camelCase name; `undefined` values are left out. */
export type Prop = [string, Expr | undefined];

export type Statement =
  | { readonly k: 'let'; readonly name: string; readonly value: Expr }
  | { readonly k: 'do'; readonly value: Expr }
  | { readonly k: 'comment'; readonly text: string }
  | { readonly k: 'blank' };

/** A generated program: one stack class, created and synthesized when the file is run. */
export interface Program {
  /** Lines of the header comment. */
  readonly header: string[];
  readonly className: string;
  readonly stackId: string;
  readonly region: string;
  readonly body: Statement[];
}

export const str = (v: string): Expr => ({ k: 'str', v });
export const num = (v: number): Expr => ({ k: 'num', v });
export const bool = (v: boolean): Expr => ({ k: 'bool', v });
export const v = (name: string): Expr => ({ k: 'var', name });

/** `undefined` stays `undefined`, so optional props are left out. */
export function opt<T>(value: T | undefined, make: (x: T) => Expr): Expr | undefined {
  return value === undefined ? undefined : make(value);
}
export function strMap(map: { [key: string]: string } | undefined): Expr | undefined {
  return map === undefined ? undefined : { k: 'map', entries: Object.entries(map).map(([key, value]) => [key, str(value)]) };
}
export function boolMap(map: { [key: string]: boolean } | undefined): Expr | undefined {
  return map === undefined ? undefined : { k: 'map', entries: Object.entries(map).map(([key, value]) => [key, bool(value)]) };
}
export function strList(list: string[] | undefined): Expr | undefined {
  return list === undefined ? undefined : { k: 'list', items: list.map(str) };
}

/** The names a variable may not take in either language. */
const RESERVED = new Set([
  // TypeScript / JavaScript
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await', 'implements', 'interface', 'package', 'private', 'protected',
  'public', 'arguments', 'eval', 'undefined', 'constructor',
  // Python
  'and', 'as', 'assert', 'async', 'def', 'del', 'elif', 'except', 'from', 'global', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'self', 'id', 'scope', 'None', 'True', 'False', 'print', 'type', 'list', 'dict', 'str',
  // names the program itself uses
  'api', 'app', 'websocket',
]);

/** Hands out readable, distinct variable names (camelCase; Python gets them in snake_case). */
export class Names {
  private readonly used = new Set<string>(RESERVED);

  /** A name made of `words` (`['pets', '{id}', 'GET']` → `petsIdGet`). */
  public take(words: string[]): string {
    const parts = words.flatMap((w) => w.split(/[^A-Za-z0-9]+/)).filter((w) => w !== '');
    const words2 = parts.map((p) => (/^[A-Z0-9]+$/.test(p) ? p.charAt(0) + p.slice(1).toLowerCase() : p));
    let base = words2.map((p, i) => (i === 0 ? lowerFirst(p) : upperFirst(p))).join('');
    if (base === '' || /^[0-9]/.test(base)) base = `r${upperFirst(base)}`;
    let name = base;
    for (let n = 2; this.used.has(name) || this.used.has(snake(name)); n++) name = `${base}${n}`;
    this.used.add(name);
    this.used.add(snake(name));
    return name;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `responseTemplates` → `response_templates`, `fromStatusCode` → `from_status_code`. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

const WIDTH = 100;
const INDENT = '  ';

// ---------------------------------------------------------------- TypeScript

function tsString(s: string): string {
  // A string with single quotes and no double quotes reads better in double quotes.
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}${q}`;
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

function tsSym(sym: Sym): string {
  return sym.module === 'websocket' ? `websocket.${sym.name}` : sym.name;
}

/** Renders `items` on one line when it fits, else one per line. */
function group(open: string, items: string[][], close: string, indent: string, trailingComma: boolean): string {
  if (items.length === 0) return `${open}${close}`;
  const flat = items.map((i) => i.join(''));
  const one = `${open}${open.endsWith('{') ? ' ' : ''}${flat.join(', ')}${close.startsWith('}') ? ' ' : ''}${close}`;
  if (!one.includes('\n') && one.length + indent.length <= WIDTH) return one;
  const inner = indent + INDENT;
  return `${open}\n${flat.map((f) => `${inner}${f}`).join(',\n')}${trailingComma ? ',' : ''}\n${indent}${close}`;
}

function ts(e: Expr, indent: string): string {
  const inner = indent + INDENT;
  switch (e.k) {
    case 'str': return tsString(e.v);
    case 'num': return String(e.v);
    case 'bool': return String(e.v);
    case 'var': return e.name;
    case 'undefined': return 'undefined';
    case 'json': return tsJson(e.value, indent);
    case 'member': return `${tsSym(e.sym)}.${e.name}`;
    case 'list': return group('[', e.items.map((i) => [ts(i, inner)]), ']', indent, true);
    case 'map': return group('{', e.entries.map(([key, value]) => [`${tsString(key)}: `, ts(value, inner)]), '}', indent, true);
    case 'new': return `new ${tsSym(e.sym)}${tsArgs(e.args, e.props, indent)}`;
    case 'call': return `${ts(e.target, indent)}.${e.method}${tsArgs(e.args, e.props, indent)}`;
    case 'static': return `${tsSym(e.sym)}.${e.method}${tsArgs(e.args, undefined, indent)}`;
    case 'struct': return tsProps(e.props, indent) ?? '{}';
  }
}

function tsJson(value: unknown, indent: string): string {
  const inner = indent + INDENT;
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return group('[', value.map((x) => [tsJson(x, inner)]), ']', indent, true);
  return group('{', Object.entries(value as object).map(([k, x]) => [`${tsKey(k)}: `, tsJson(x, inner)]), '}', indent, true);
}

function tsProps(props: Prop[], indent: string): string | undefined {
  const given = props.filter((p): p is [string, Expr] => p[1] !== undefined);
  if (given.length === 0) return undefined;
  return group('{', given.map(([key, value]) => [`${tsKey(key)}: `, ts(value, indent + INDENT)]), '}', indent, true);
}

function tsArgs(args: Expr[], props: Prop[] | undefined, indent: string): string {
  const all: Expr[] = [...args];
  const given = (props ?? []).filter((p) => p[1] !== undefined);
  const parts = args.map((a) => ts(a, indent));
  const p = props ? tsProps(props, indent) : undefined;
  if (p) parts.push(p);
  const flat = `(${parts.join(', ')})`;
  if (!flat.includes('\n') && flat.length + indent.length <= WIDTH - 20) return flat;
  // Only the last argument breaks (an object literal): it keeps the parentheses on its lines.
  const leading = parts.slice(0, -1);
  if (leading.every((x) => !x.includes('\n')) && (given.length > 0 || all.length === 1) && leading.join(', ').length < 40 &&
    (given.length > 0 ? true : all[all.length - 1].k === 'struct')) {
    return flat;
  }
  // Otherwise one argument per line.
  const inner = indent + INDENT;
  const broken = args.map((a) => ts(a, inner));
  const bp = props ? tsProps(props, inner) : undefined;
  if (bp) broken.push(bp);
  return `(\n${broken.map((x) => `${inner}${x},`).join('\n')}\n${indent})`;
}

/** The program in TypeScript. */
export function renderTypeScript(program: Program): string {
  const used = usedSymbols(program);
  const lines: string[] = [];
  for (const h of program.header) lines.push(`// ${h}`.trimEnd());
  lines.push("import { AwsProvider } from '@cdktf/provider-aws/lib/provider';");
  lines.push("import { App, TerraformStack } from 'cdktf';");
  const lib = [...used.lib].sort();
  if (used.websocket.size) lib.push('websocket');
  lib.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  lines.push(...wrapImport(lib, "'cdktf-apigateway'"));
  lines.push("import { Construct } from 'constructs';");
  lines.push('');
  lines.push(`export class ${program.className} extends TerraformStack {`);
  lines.push('  constructor(scope: Construct, id: string) {');
  lines.push('    super(scope, id);');
  lines.push(`    new AwsProvider(this, 'aws', { region: ${tsString(program.region)} });`);
  const indent = '    ';
  for (const s of program.body) {
    switch (s.k) {
      case 'blank': lines.push(''); break;
      case 'comment': lines.push(`${indent}// ${s.text}`.trimEnd()); break;
      case 'let': lines.push(`${indent}const ${s.name} = ${ts(s.value, indent)};`); break;
      case 'do': lines.push(`${indent}${ts(s.value, indent)};`); break;
    }
  }
  lines.push('  }');
  lines.push('}');
  lines.push('');
  lines.push('if (require.main === module) {');
  lines.push('  const app = new App();');
  lines.push(`  new ${program.className}(app, ${tsString(program.stackId)});`);
  lines.push('  app.synth();');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function wrapImport(names: string[], from: string): string[] {
  const one = `import { ${names.join(', ')} } from ${from};`;
  if (one.length <= WIDTH) return [one];
  return ['import {', ...names.map((n) => `  ${n},`), `} from ${from};`];
}

function usedSymbols(program: Program): { lib: Set<string>; websocket: Set<string> } {
  const lib = new Set<string>();
  const websocket = new Set<string>();
  const visit = (e: Expr | undefined): void => {
    if (!e) return;
    const note = (sym: Sym) => (sym.module === 'websocket' ? websocket : sym.module === 'lib' ? lib : undefined)?.add(sym.name);
    switch (e.k) {
      case 'list': e.items.forEach(visit); break;
      case 'map': e.entries.forEach(([, x]) => visit(x)); break;
      case 'member': note(e.sym); break;
      case 'new': note(e.sym); e.args.forEach(visit); e.props?.forEach(([, x]) => visit(x)); break;
      case 'call': visit(e.target); e.args.forEach(visit); e.props?.forEach(([, x]) => visit(x)); break;
      case 'static': note(e.sym); e.args.forEach(visit); break;
      case 'struct': note(e.sym); e.props.forEach(([, x]) => visit(x)); break;
      default: break;
    }
  };
  for (const s of program.body) if (s.k === 'let' || s.k === 'do') visit(s.value);
  return { lib, websocket };
}

// ---------------------------------------------------------------- Python

function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function pySym(sym: Sym): string {
  return sym.module === 'websocket' ? `websocket.${sym.name}` : sym.name;
}

/** Enum members and static constants keep their names; methods and props are snake_case. */
function py(e: Expr, indent: string): string {
  const inner = indent + '    ';
  switch (e.k) {
    case 'str': return pyString(e.v);
    case 'num': return String(e.v);
    case 'bool': return e.v ? 'True' : 'False';
    case 'var': return e.name === 'this' ? 'self' : snake(e.name);
    case 'undefined': return 'None';
    case 'json': return pyJson(e.value, indent);
    // jsii names static constants in upper snake case (DEFAULT_4XX → DEFAULT_4_XX); enum members keep theirs, which that leaves as they are.
    case 'member': return `${pySym(e.sym)}.${snake(e.name).toUpperCase()}`;
    case 'list': return pyGroup('[', e.items.map((i) => py(i, inner)), ']', indent);
    case 'map': return pyGroup('{', e.entries.map(([key, value]) => `${pyString(key)}: ${py(value, inner)}`), '}', indent);
    case 'new': return `${pySym(e.sym)}${pyArgs(e.args, e.props, indent)}`;
    case 'call': return `${py(e.target, indent)}.${snake(e.method)}${pyArgs(e.args, e.props, indent)}`;
    case 'static': return `${pySym(e.sym)}.${snake(e.method)}${pyArgs(e.args, undefined, indent)}`;
    case 'struct': return `${pySym(e.sym)}${pyArgs([], e.props, indent)}`;
  }
}

function pyJson(value: unknown, indent: string): string {
  const inner = indent + '    ';
  if (value === null) return 'None';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return pyGroup('[', value.map((x) => pyJson(x, inner)), ']', indent);
  return pyGroup('{', Object.entries(value as object).map(([k, x]) => `${pyString(k)}: ${pyJson(x, inner)}`), '}', indent);
}

function pyGroup(open: string, items: string[], close: string, indent: string): string {
  if (items.length === 0) return `${open}${close}`;
  const one = `${open}${items.join(', ')}${close}`;
  if (!one.includes('\n') && one.length + indent.length <= WIDTH) return one;
  const inner = indent + '    ';
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}

function pyArgs(args: Expr[], props: Prop[] | undefined, indent: string): string {
  const inner = indent + '    ';
  const parts = args.map((a) => py(a, inner));
  for (const [key, value] of props ?? []) if (value !== undefined) parts.push(`${snake(key)}=${py(value, inner)}`);
  return pyGroup('(', parts, ')', indent);
}

/** The program in Python. */
export function renderPython(program: Program): string {
  const used = usedSymbols(program);
  const lines: string[] = [];
  lines.push('#!/usr/bin/env python3');
  for (const h of program.header) lines.push(`# ${h}`.trimEnd());
  lines.push('from cdktf import App, TerraformStack');
  lines.push('from cdktf_cdktf_provider_aws.provider import AwsProvider');
  lines.push('from constructs import Construct');
  lines.push('');
  const lib = [...used.lib].sort();
  if (used.websocket.size) lib.push('websocket');
  lib.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const one = `from cdktf_apigateway import ${lib.join(', ')}`;
  if (one.length <= WIDTH) lines.push(one);
  else lines.push('from cdktf_apigateway import (', ...lib.map((n) => `    ${n},`), ')');
  lines.push('');
  lines.push('');
  lines.push(`class ${program.className}(TerraformStack):`);
  lines.push('    def __init__(self, scope: Construct, id: str) -> None:');
  lines.push('        super().__init__(scope, id)');
  lines.push(`        AwsProvider(self, "aws", region=${pyString(program.region)})`);
  const indent = '        ';
  for (const s of program.body) {
    switch (s.k) {
      case 'blank': lines.push(''); break;
      case 'comment': lines.push(`${indent}# ${s.text}`.trimEnd()); break;
      case 'let': lines.push(`${indent}${snake(s.name)} = ${py(s.value, indent)}`); break;
      case 'do': lines.push(`${indent}${py(s.value, indent)}`); break;
    }
  }
  lines.push('');
  lines.push('');
  lines.push('if __name__ == "__main__":');
  lines.push('    app = App()');
  lines.push(`    ${program.className}(app, ${pyString(program.stackId)})`);
  lines.push('    app.synth()');
  return `${lines.join('\n')}\n`;
}
