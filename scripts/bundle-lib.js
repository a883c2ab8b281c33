#!/usr/bin/env node
/*
 * Bundles the compiled library (lib/**.js, as jsii wrote it) into lib/bundle.js, the package's
 * `main`. One file loads in a fraction of the time of the ~60 modules it replaces, which every
 * `cdktf synth` of a user pays, and its exports load their part on first use. cdktf, constructs,
 * the provider's submodules, ajv and js-yaml stay external, so the program and the library share
 * one copy of each.
 *
 * The bundle is then checked: every class and enum of .jsii is reachable under its namespace with
 * its own name (this is how the jsii runtime finds types for Python), the exports are exactly
 * those of lib/index.js, each export loads when it is the first one a program touches, ES modules
 * can import each by name, and errors keep their class names in stack traces.
 */
const { buildSync } = require('esbuild');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { join, relative, sep } = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const root = join(__dirname, '..');
const lib = join(root, 'lib');
const outfile = join(lib, 'bundle.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (pkg.main !== 'lib/bundle.js') {
  throw new Error(`package.json "main" is "${pkg.main}"; the bundle is lib/bundle.js`);
}
if (!existsSync(join(lib, 'index.js')) || !existsSync(join(root, '.jsii'))) {
  throw new Error('lib/index.js or .jsii is missing: run jsii first (npm run build does both)');
}

/** The first module each namespace's index loads: loading it first keeps the import cycles in the order jsii's output has them. */
const PRELUDE = { exports: './rest/rest-api.js', websocket: './websocket/api.js' };

/**
 * The entry point: lib/index.js's exports as getters that load their module on first use, so a
 * program that builds a REST API does not run the modules of WebSocket APIs, authorizers, usage
 * plans or domains. Which module defines which export is read from the compiled modules.
 */
function lazyEntry() {
  const index = require(join(lib, 'index.js'));
  const modules = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.js') && name !== 'index.js' && file !== outfile) modules.push(file);
    }
  };
  walk(lib);
  const definedIn = (value) => {
    const file = modules.find((m) => Object.values(require(m)).includes(value));
    if (!file) throw new Error(`no module of lib/ defines the export ${value && value.name}`);
    return { file: `./${relative(lib, file).split(sep).join('/')}`, key: Object.keys(require(file)).find((k) => require(file)[k] === value) };
  };
  const isNamespace = (value) => typeof value === 'object' && value !== null
    && !Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
  const getters = (target, prelude, exports) => Object.keys(exports).map((name) => {
    const value = exports[name];
    if (isNamespace(value)) {
      const inner = `${target}[${JSON.stringify(name)}]`;
      return `${inner} = {};\n${getters(inner, PRELUDE[name], value).join('\n')}`;
    }
    if (!prelude) throw new Error(`no module to load first for the namespace of ${name}; add it to PRELUDE`);
    const { file, key } = definedIn(value);
    return `lazy(${target}, ${JSON.stringify(name)}, () => { require(${JSON.stringify(prelude)}); return require(${JSON.stringify(file)})[${JSON.stringify(key)}]; });`;
  });
  // Through a helper: Node's reader of CommonJS exports gives up on names with getters it cannot follow.
  const helper = 'function lazy(target, name, get) { Object.defineProperty(target, name, { enumerable: true, get }); }';
  return { code: `"use strict";\n${helper}\n${getters('exports', PRELUDE.exports, index).join('\n')}\n`, names: Object.keys(index) };
}

const entry = lazyEntry();
buildSync({
  stdin: { contents: entry.code, resolveDir: lib, sourcefile: 'index.js', loader: 'js' },
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // The compiled JavaScript, never the TypeScript beside it: the bundle holds what jsii checked.
  resolveExtensions: ['.js', '.json'],
  external: ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-aws/*', ...Object.keys(pkg.dependencies ?? {})],
  // Not minified: Node prints the source line of an uncaught error, and users read it.
  absWorkingDir: root,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});

// esbuild turns a class that refers to itself into `var Model = class _Model { ... new _Model() }`,
// whose name is then "_Model" in messages, stack traces and `constructor.name`. The inner name is
// given back (`class  Model`, a space in place of the underscore, so that the source map's
// columns still hold); its references inside the class then read the class binding itself, as
// in jsii's output. esbuild's keepNames would do the same by wrapping every closure instead.
let code = readFileSync(outfile, 'utf8');
for (const [, name] of [...code.matchAll(/\bvar (\w+) = class _\1\b/g)]) {
  code = code.replace(new RegExp(`(?<![\\w$.])_${name}\\b`, 'g'), ` ${name}`);
}
const renamed = code.match(/\bclass _[A-Za-z]\w*/);
if (renamed) throw new Error(`lib/bundle.js still has a renamed class: ${renamed[0]}`);

// Node finds the named exports of a CommonJS module by reading it; this never-run line names them,
// so that `import { RestApi } from 'cdktf-apigateway'` works from ES modules too.
const mapComment = '//# sourceMappingURL=bundle.js.map';
if (!code.trimEnd().endsWith(mapComment)) throw new Error('esbuild wrote no source map comment at the end of lib/bundle.js');
writeFileSync(outfile, `${code.trimEnd().slice(0, -mapComment.length)}0 && (module.exports = { ${entry.names.join(', ')} });\n${mapComment}\n`);

// Checked in fresh processes, so that nothing loaded here stands in for what the bundle lacks.
const env = { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' };
const check = spawnSync(process.execPath, ['-e', `
  const assembly = JSON.parse(require('fs').readFileSync(${JSON.stringify(join(root, '.jsii'))}, 'utf8'));
  const file = ${JSON.stringify(outfile)};
  const index = require(${JSON.stringify(join(lib, 'index.js'))});
  const fresh = () => { delete require.cache[file]; return require(file); };
  const problems = [];
  const keys = (o) => Object.keys(o).sort().join(',');
  let bundle = fresh();
  if (keys(bundle) !== keys(index)) problems.push('the bundle exports ' + keys(bundle) + ' but lib/index.js exports ' + keys(index));
  // Every export, touched first by a program: the import cycles must resolve from each.
  for (const name of Object.keys(index)) {
    const members = typeof index[name] === 'object' && index[name] !== null && typeof bundle[name] === 'object' && !Object.values(index[name]).every((v) => typeof v !== 'function' && typeof v !== 'object')
      ? Object.keys(index[name]) : [undefined];
    if (members[0] !== undefined && keys(bundle[name]) !== keys(index[name])) problems.push('namespace ' + name + ' differs between the bundle and lib/index.js');
    for (const member of members) {
      try {
        const value = member === undefined ? fresh()[name] : fresh()[name][member];
        if (value === undefined) problems.push(name + (member ? '.' + member : '') + ' is undefined when it is the first export loaded');
      } catch (e) {
        problems.push(name + (member ? '.' + member : '') + ' fails when it is the first export loaded: ' + e.message);
      }
    }
  }
  bundle = fresh();
  let checked = 0;
  for (const [fqn, type] of Object.entries(assembly.types)) {
    if (type.kind === 'interface') continue;
    let value = bundle;
    for (const part of fqn.split('.').slice(1)) value = value?.[part];
    const ok = type.kind === 'class' ? typeof value === 'function' : typeof value === 'object' && value !== null;
    if (!ok) problems.push(fqn + ' (' + type.kind + ') is not exported by the bundle');
    else if (type.kind === 'class' && value.name !== type.name) problems.push(fqn + ' is named ' + value.name + ' in the bundle');
    checked++;
  }
  if (checked === 0) problems.push('.jsii lists no classes or enums');
  // An error raised inside the library, as Node prints it when nothing catches it.
  bundle = fresh();
  const cdktf = require(require.resolve('cdktf', { paths: [${JSON.stringify(lib)}] }));
  try {
    new bundle.RestApi(new cdktf.TerraformStack(new cdktf.App(), 's'), 'Api', { name: 'x' }).root.addResource('');
    problems.push('an empty path part raised no error');
  } catch (e) {
    const header = require('util').inspect(e).split('\\n')[0];
    if (!header.startsWith('ValidationError: ')) problems.push('an uncaught ValidationError prints as ' + JSON.stringify(header));
  }
  if (problems.length) { console.error(problems.join('\\n')); process.exit(1); }
`], { encoding: 'utf8', env });
const esm = spawnSync(process.execPath, ['--input-type=module', '-e', `
  import { ${entry.names.join(', ')} } from ${JSON.stringify(pathToFileURL(outfile).href)};
  const missing = Object.entries({ ${entry.names.join(', ')} }).filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length) { console.error('undefined when imported by name from an ES module: ' + missing.join(', ')); process.exit(1); }
`], { encoding: 'utf8', env });
for (const result of [check, esm]) {
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error('lib/bundle.js does not hold what lib/index.js and the jsii assembly promise');
  }
}
