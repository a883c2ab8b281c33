#!/usr/bin/env node
/*
 * The Python binding test: builds the wheel with jsii-pacmak, installs it into a new virtual
 * environment (its dependencies from PyPI), synthesizes examples/python/main.py and checks that
 * its `resource` section equals the TypeScript example's, then runs the pytest suite of the
 * Python surface. A missing python3, pip or PyPI fails the test with a message saying which.
 */
const { spawnSync } = require('child_process');
const { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { isDeepStrictEqual } = require('util');
const { join } = require('path');

const root = join(__dirname, '..', '..');
const venv = join(__dirname, '.venv');
const python = process.env.PYTHON ?? 'python3';
const PEERS = ['cdktf==0.21.0', 'constructs==10.4.2', 'cdktf-cdktf-provider-aws==21.22.1', 'pytest'];

function fail(message) {
  console.error(`\npython binding test FAILED: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

function tail(text, lines = 25) {
  return (text ?? '').trim().split('\n').slice(-lines).join('\n');
}

// 1. The tools the test needs, each with its own message.
const version = run(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']);
if (version.error) fail(`"${python}" was not found: the Python binding test needs Python 3.10 or newer on the PATH (or set PYTHON).`);
const [major, minor] = version.stdout.trim().split('.').map(Number);
if (major < 3 || (major === 3 && minor < 10)) fail(`${python} is Python ${version.stdout.trim()}; the binding needs Python 3.10 or newer.`);
if (run(python, ['-m', 'pip', '--version']).status !== 0) fail(`pip is not available for ${python}: install it (python3 -m ensurepip, or the python3-pip package).`);
if (run(python, ['-c', 'import venv, ensurepip']).status !== 0) fail(`the venv module (with ensurepip) is missing for ${python}: install the python3-venv package.`);

// 2. The wheel, freshly built from the current assembly, with the bundled library and command the package ships.
const library = run(process.execPath, [join(root, 'scripts', 'bundle-lib.js')]);
if (library.status !== 0) fail(`the library could not be bundled (scripts/bundle-lib.js; run npm run build first):\n${tail(library.stderr || library.stdout)}`);
const bundle = run(process.execPath, [join(root, 'scripts', 'bundle-cli.js')]);
if (bundle.status !== 0) fail(`the command could not be bundled (scripts/bundle-cli.js):\n${tail(bundle.stderr || bundle.stdout)}`);
console.log('building the Python wheel with jsii-pacmak ...');
rmSync(join(root, 'dist', 'python'), { recursive: true, force: true });
const pacmak = run(process.execPath, [require.resolve('jsii-pacmak/bin/jsii-pacmak'), '-t', 'python', '-o', 'dist'],
  { env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' } });
if (pacmak.status !== 0) fail(`jsii-pacmak could not build the wheel:\n${tail(pacmak.stderr || pacmak.stdout)}`);
const wheel = readdirSync(join(root, 'dist', 'python')).find((f) => f.endsWith('.whl'));
if (!wheel) fail('jsii-pacmak ran but dist/python/ has no wheel');
console.log(`  ${wheel} (${pacmak.seconds.toFixed(1)} s)`);

// 3. A new virtual environment with the wheel and its dependencies from PyPI.
rmSync(venv, { recursive: true, force: true });
const created = run(python, ['-m', 'venv', venv]);
if (created.status !== 0) fail(`could not create a virtual environment in ${venv}:\n${tail(created.stderr)}`);
const venvPython = join(venv, 'bin', 'python');
console.log('installing the wheel and its dependencies from PyPI ...');
const install = run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off',
  join(root, 'dist', 'python', wheel), ...PEERS]);
if (install.status !== 0) {
  const offline = /(Could not find a version|No matching distribution|NewConnectionError|Temporary failure in name resolution|Max retries exceeded|ProxyError)/.test(install.stderr + install.stdout);
  fail(offline
    ? `pip could not reach PyPI to install the binding's dependencies (${PEERS.join(', ')}); the test needs network access to PyPI.\n${tail(install.stderr)}`
    : `pip could not install the wheel:\n${tail(install.stderr || install.stdout)}`);
}
console.log(`  installed (${install.seconds.toFixed(1)} s)`);

// 4. The same stack from both languages.
function synthesize(label, cmd, args, cwd) {
  const outdir = mkdtempSync(join(tmpdir(), `cdktf-${label}-`));
  const result = run(cmd, args, { cwd, env: { ...process.env, CDKTF_OUTDIR: outdir, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' } });
  if (result.status !== 0) fail(`the ${label} example did not synthesize:\n${tail(result.stderr || result.stdout)}`);
  const file = join(outdir, 'stacks', 'my-demo-api', 'cdk.tf.json');
  if (!existsSync(file)) fail(`the ${label} example ran but wrote no ${file}`);
  console.log(`  ${label} example synthesized in ${result.seconds.toFixed(2)} s`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
console.log('synthesizing the example in both languages ...');
const py = synthesize('Python', venvPython, ['main.py'], join(root, 'examples', 'python'));
const ts = synthesize('TypeScript', process.execPath,
  [require.resolve('ts-node/dist/bin'), '--transpile-only', '--project', 'tsconfig.dev.json', 'examples/typescript/main.ts'], root);
if (!ts.resource || Object.keys(ts.resource).length < 6) fail('the TypeScript example synthesized no API resources');
if (!isDeepStrictEqual(py.resource, ts.resource)) {
  fail(`the Python example's resources differ from the TypeScript example's:\nPython:\n${JSON.stringify(py.resource, null, 1)}\nTypeScript:\n${JSON.stringify(ts.resource, null, 1)}`);
}
console.log(`  the resource sections are equal (${Object.values(ts.resource).reduce((n, r) => n + Object.keys(r).length, 0)} resources)`);

// 5. The Python surface.
console.log('running pytest on the Python surface ...');
const pytest = run(venvPython, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(__dirname)], {
  stdio: 'inherit', env: { ...process.env, PATH: `${join(venv, 'bin')}:${process.env.PATH}` },
});
if (pytest.status !== 0) fail(`pytest failed (exit ${pytest.status})`);
console.log('python binding test passed');
