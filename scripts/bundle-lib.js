#!/usr/bin/env node
/*
 * Bundles the compiled library (lib/**.js, as jsii wrote it) into lib/bundle.js, the package's
 * `main`. One file loads in about half the time of the ~60 modules it replaces, which every
 * `cdktf synth` of a user pays. cdktf, constructs, the provider's submodules, ajv and js-yaml stay
 * external, so the program and the library share one copy of each.
 *
 * The bundle is then checked against the jsii assembly: every class and enum of .jsii must be
 * reachable from the bundle's exports under its namespace (this is how the jsii runtime finds
 * types for Python), and the bundle must export exactly what lib/index.js exports.
 */
const { buildSync } = require('esbuild');
const { readdirSync, readFileSync, statSync } = require('fs');
const { join, relative, sep } = require('path');
const { spawnSync } = require('child_process');

const root = join(__dirname, '..');
const outfile = join(root, 'lib', 'bundle.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (pkg.main !== 'lib/bundle.js') {
  throw new Error(`package.json "main" is "${pkg.main}"; the bundle is lib/bundle.js`);
}

/**
 * The entry point: lib/index.js's exports as getters that load their module on first use, so a
 * program that builds a REST API does not run the modules of WebSocket APIs, authorizers, usage
 * plans or domains. Which module defines which export is read from the compiled modules.
 */
function lazyEntry() {
  const index = require(join(root, 'lib', 'index.js'));
  const modules = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.js') && !name.endsWith('index.js') && file !== outfile) modules.push(file);
    }
  };
  walk(join(root, 'lib'));
  const definedIn = (value) => {
    const file = modules.find((m) => Object.values(require(m)).includes(value));
    if (!file) throw new Error(`no module of lib/ defines the export ${value && value.name}`);
    return `./${relative(join(root, 'lib'), file).split(sep).join('/')}`;
  };
  const getters = (target, exports) => Object.keys(exports).map((name) => {
    const value = exports[name];
    if (typeof value === 'object' && value !== null && !Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')) {
      // A namespace (websocket): an object of getters.
      return `${target}[${JSON.stringify(name)}] = {};\n${getters(`${target}[${JSON.stringify(name)}]`, value).join('\n')}`;
    }
    const file = definedIn(value);
    const key = Object.keys(require(join(root, 'lib', file))).find((k) => require(join(root, 'lib', file))[k] === value);
    return `Object.defineProperty(${target}, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(file)})[${JSON.stringify(key)}] });`;
  });
  return `"use strict";\n${getters('exports', index).join('\n')}\n`;
}

buildSync({
  stdin: { contents: lazyEntry(), resolveDir: join(root, 'lib'), sourcefile: 'index.js', loader: 'js' },
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // The compiled JavaScript, never the TypeScript beside it: the bundle holds what jsii checked.
  resolveExtensions: ['.js', '.json'],
  external: ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-aws/*', ...Object.keys(pkg.dependencies ?? {})],
  // Modules stay in their own function scopes, so classes and functions keep their names without
  // esbuild's keepNames, which would wrap every closure the constructors create.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});

// Checked in a fresh process, so that nothing loaded here stands in for what the bundle lacks.
const check = spawnSync(process.execPath, ['-e', `
  const assembly = JSON.parse(require('fs').readFileSync(${JSON.stringify(join(root, '.jsii'))}, 'utf8'));
  const bundle = require(${JSON.stringify(outfile)});
  const index = require(${JSON.stringify(join(root, 'lib', 'index.js'))});
  const problems = [];
  const keys = (o) => Object.keys(o).sort().join(',');
  if (keys(bundle) !== keys(index)) problems.push('the bundle exports ' + keys(bundle) + ' but lib/index.js exports ' + keys(index));
  for (const name of Object.keys(index)) {
    if (typeof index[name] === 'object' && index[name] !== null && keys(bundle[name] ?? {}) !== keys(index[name])) {
      problems.push('namespace ' + name + ' differs between the bundle and lib/index.js');
    }
  }
  let checked = 0;
  for (const [fqn, type] of Object.entries(assembly.types)) {
    if (type.kind === 'interface') continue;
    let value = bundle;
    for (const part of fqn.split('.').slice(1)) value = value?.[part];
    const ok = type.kind === 'class' ? typeof value === 'function' : typeof value === 'object' && value !== null;
    if (!ok) problems.push(fqn + ' (' + type.kind + ') is not exported by the bundle');
    else if (type.kind === 'class' && value.name !== type.name && value.name !== '_' + type.name) problems.push(fqn + ' is named ' + value.name + ' in the bundle');
    checked++;
  }
  if (checked === 0) problems.push('.jsii lists no classes or enums');
  if (problems.length) { console.error(problems.join('\\n')); process.exit(1); }
`], { encoding: 'utf8', env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' } });
if (check.status !== 0) {
  process.stderr.write(check.stderr);
  throw new Error('lib/bundle.js does not match the jsii assembly');
}
