/**
 * The adopt round trip on moto. APIs are made directly with the SDK (test/adopt/fixtures.ts), then
 * for each: the bundled command (bin/cdktf-apigateway.js, the file the npm package ships) writes
 * the TypeScript program, the Python wheel's console script writes the Python program; the
 * TypeScript programs compile (tsc, strict) against the library's sources and both synthesize;
 * every import block names a live object, every live object is imported, and every argument
 * equals the live value (test/adopt/compare.ts); the Python program synthesizes the same
 * resources and imports as the TypeScript one. The command's refusals (an unexpressible
 * feature, an unknown ID or stage, no credentials, an unreachable endpoint) exit with 2 and
 * write nothing, and the inventory lists every integration response that was made.
 *
 * The emulator is moto behind a proxy that adds the V2 list calls moto lacks (GetRouteResponses,
 * and GetAuthorizers/GetModels of WebSocket APIs): see test/adopt/emulator.ts.
 *
 * The Python half needs the wheel installed by `npm run test:python` (test/python/.venv).
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { execFile, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { isDeepStrictEqual } from 'util';
import { basename, join } from 'path';
import { compareRest, compareWebSocket, Outcome, TfJson } from './compare';
import { Emulator } from './emulator';
import { makeAll } from './fixtures';

const ROOT = join(__dirname, '..', '..');
const WORK = join(__dirname, '.work');
const BIN = join(ROOT, 'bin', 'cdktf-apigateway.js');
const VENV_BIN = join(ROOT, 'test', 'python', '.venv', 'bin');
const REGION = 'us-east-1';
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

/** Imports each generated Python program and synthesizes its stack class into its own directory. */
const PYTHON_DRIVER = `import importlib.util
import json
import sys

from cdktf import App, TerraformStack

for path, outdir, stack_id in json.loads(sys.argv[1]):
    spec = importlib.util.spec_from_file_location("adopted", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [stack] = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, TerraformStack) and v.__module__ == "adopted"]
    app = App(outdir=outdir)
    stack(app, stack_id)
    app.synth()
`;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

interface Result { code: number | null; stdout: string; stderr: string }

/** Runs a command without blocking the event loop: the emulator's proxy lives in this process. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Result> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  return env;
}

function tail(text: string, lines = 30): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** The generated programs import `cdktf-apigateway`: here it is the library's own sources. */
function linkLibrary(): void {
  const dir = join(WORK, 'node_modules', 'cdktf-apigateway');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cdktf-apigateway', main: 'index.js', types: 'index.d.ts' }));
  writeFileSync(join(dir, 'index.js'), `module.exports = require(${JSON.stringify(join(ROOT, 'lib', 'index'))});\n`);
  writeFileSync(join(dir, 'index.d.ts'), `export * from ${JSON.stringify(join(ROOT, 'lib', 'index'))};\n`);
}

async function synthesize(label: string, cmd: string, args: string[], stackId: string): Promise<TfJson | undefined> {
  const outdir = join(WORK, `out-${label}`);
  rmSync(outdir, { recursive: true, force: true });
  const r = await run(cmd, args, { CDKTF_OUTDIR: outdir, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' }, WORK);
  const file = join(outdir, 'stacks', stackId, 'cdk.tf.json');
  check(r.code === 0 && existsSync(file), `${label}: the program synthesizes`);
  if (r.code !== 0 || !existsSync(file)) {
    console.log(tail(r.stderr || r.stdout));
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TfJson;
}

function report(label: string, outcome: Outcome): void {
  check(outcome.findings.length === 0,
    `${label}: ${outcome.imported} import blocks name live objects, every live object is imported, ${outcome.fields} arguments equal the live values`);
  for (const f of outcome.findings) console.log(`       ${f}`);
  // What plan shows besides the imports: the new deployment, and the Lambda permission of an authorizer invoked without a role.
  const extra = outcome.created.filter((a) => !/^aws_(api_gateway|apigatewayv2)_deployment\./.test(a) && !a.startsWith('aws_lambda_permission.'));
  check(extra.length === 0, `${label}: nothing is created but the deployment and authorizer permissions (${outcome.created.join(', ') || 'none'})`);
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  linkLibrary();
  console.log('bundling the command ...');
  const bundle = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-cli.js')], { encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`the bundle failed:\n${bundle.stderr}`);
  const python = join(VENV_BIN, 'python');
  const pythonCommand = join(VENV_BIN, 'cdktf-apigateway');
  if (!existsSync(pythonCommand)) {
    throw new Error(`${pythonCommand} is missing: the Python half of the round trip runs the installed wheel; run \`npm run test:python\` first`);
  }

  const emulator = await Emulator.start((l) => console.log(l));
  try {
    const endpoint = emulator.endpoint;
    const config = { region: REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
    const c1 = new v1.APIGatewayClient(config);
    const c2 = new v2.ApiGatewayV2Client(config);
    console.log(`making the APIs on ${endpoint} ...`);
    const made = await makeAll(c1, c2);
    const common = ['--region', REGION, '--endpoint-url', endpoint];

    const pythonRuns: Promise<void>[] = [];
    const programs: { label: string; kind: 'rest' | 'websocket'; id: string; ts: string; py: string; stackId: string; stages: string[] }[] = [];
    for (const [kind, ids] of [['rest', made.restApiIds], ['websocket', made.webSocketApiIds]] as const) {
      for (const id of ids) {
        const flag = kind === 'rest' ? '--rest-api-id' : '--websocket-api-id';
        const label = `${kind} ${id}`;
        const ts = join(WORK, `${kind}-${id}.ts`);
        const py = join(WORK, `${kind}_${id}.py`);
        const a = await run(process.execPath, [BIN, 'adopt', flag, id, '--language', 'typescript', '--out', ts, ...common], CREDENTIALS);
        check(a.code === 0 && existsSync(ts), `${label}: adopt --language typescript (node bin/cdktf-apigateway.js)`);
        if (a.code !== 0) console.log(tail(a.stderr));
        check(/read \d+ /.test(a.stderr), `${label}: progress on stderr (${a.stderr.trim().split('\n').join('; ')})`);
        // The wheel's script starts the jsii runtime, which takes a while: the Python runs go on in parallel.
        // --out relative to the working directory, as a user would type it.
        pythonRuns.push(run(pythonCommand, ['adopt', flag, id, '--language', 'python', '--out', basename(py), ...common],
          { ...CREDENTIALS, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' }, WORK)
          .then((b) => {
            check(b.code === 0 && existsSync(py) && readFileSync(py, 'utf8').includes('class '),
              `${label}: adopt --language python --out ${basename(py)} (the wheel's cdktf-apigateway script, in the working directory)`);
            if (b.code !== 0) console.log(tail(b.stderr));
          }));
        const again = await run(process.execPath, [BIN, 'adopt', flag, id, '--language', 'typescript', ...common], CREDENTIALS);
        check(again.stdout === readFileSync(ts, 'utf8'), `${label}: a second run writes the same program`);
        const stackId = /new \w+\(app, '([^']+)'\)/.exec(readFileSync(ts, 'utf8'))?.[1] ?? '?';
        const stages = kind === 'rest'
          ? ((await c1.send(new v1.GetStagesCommand({ restApiId: id }))).item ?? []).map((s) => s.stageName as string)
          : ((await c2.send(new v2.GetStagesCommand({ ApiId: id }))).Items ?? []).map((s) => s.StageName as string);
        programs.push({ label, kind, id, ts, py, stackId, stages });
      }
    }

    console.log('compiling the TypeScript programs (tsc --strict) ...');
    const compiled = (async () => {
      writeFileSync(join(WORK, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, target: 'ES2020', module: 'commonjs', esModuleInterop: true, skipLibCheck: true, types: ['node'],
          noUnusedLocals: true, experimentalDecorators: true,
        },
        files: programs.map((p) => p.ts),
      }));
      const tsc = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(WORK, 'tsconfig.json')], {}, WORK);
      check(tsc.code === 0, `the ${programs.length} TypeScript programs compile`);
      if (tsc.code !== 0) console.log(tail(tsc.stdout || tsc.stderr, 40));
    })();
    await Promise.all([...pythonRuns, compiled]);

    // The Python programs are synthesized in one interpreter: starting jsii and loading the provider takes a minute each time.
    console.log('synthesizing the Python programs ...');
    const pyOut = (p: { kind: string; id: string }) => join(WORK, `out-${p.kind}-${p.id}-py`);
    writeFileSync(join(WORK, 'synth_all.py'), PYTHON_DRIVER);
    const pySynth = await run(python, [join(WORK, 'synth_all.py'), JSON.stringify(programs.map((p) => [p.py, pyOut(p), p.stackId]))],
      { JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' }, WORK);
    check(pySynth.code === 0, `the ${programs.length} Python programs synthesize`);
    if (pySynth.code !== 0) console.log(tail(pySynth.stderr || pySynth.stdout));

    for (const p of programs) {
      console.log(`${p.label}:`);
      const tsJson = await synthesize(`${p.kind}-${p.id}-ts`, process.execPath,
        ['-r', require.resolve('ts-node/register/transpile-only'), p.ts], p.stackId);
      if (tsJson) {
        const outcome = p.kind === 'rest' ? await compareRest(tsJson, c1, p.id, p.stages) : await compareWebSocket(tsJson, c2, p.id, p.stages);
        report(`${p.label} (TypeScript)`, outcome);
      }
      const pyFile = join(pyOut(p), 'stacks', p.stackId, 'cdk.tf.json');
      const pyJson = existsSync(pyFile) ? JSON.parse(readFileSync(pyFile, 'utf8')) as TfJson : undefined;
      check(!!tsJson && !!pyJson && isDeepStrictEqual(pyJson.resource, tsJson.resource) && isDeepStrictEqual(pyJson.import, tsJson.import),
        `${p.label}: the Python program synthesizes the same resources and import blocks as the TypeScript one`);
    }

    console.log('refusals (exit code 2, nothing written):');
    const out = join(WORK, 'refused.ts');
    const refused = await run(process.execPath, [BIN, 'adopt', '--websocket-api-id', made.refusedWebSocketApiId, '--out', out, ...common], CREDENTIALS);
    check(refused.code === 2 && !existsSync(out) && /models \(Message\)/.test(refused.stderr),
      `an API with a WebSocket model: ${tail(refused.stderr, 2).replace(/\n/g, ' ')}`);
    const unknown = await run(process.execPath, [BIN, 'adopt', '--rest-api-id', 'nosuchapi1', '--out', out, ...common], CREDENTIALS);
    check(unknown.code === 2 && !existsSync(out) && /unknown REST API ID "nosuchapi1"/.test(unknown.stderr), `an unknown REST API ID: ${unknown.stderr.trim()}`);
    const unknownWs = await run(process.execPath, [BIN, 'adopt', '--websocket-api-id', 'nosuchws', '--out', out, ...common], CREDENTIALS);
    check(unknownWs.code === 2 && !existsSync(out) && /unknown WebSocket API ID/.test(unknownWs.stderr), `an unknown WebSocket API ID: ${unknownWs.stderr.trim()}`);
    const stage = await run(process.execPath, [BIN, 'adopt', '--rest-api-id', made.restApiIds[0], '--stage', 'nosuchstage', '--out', out, ...common], CREDENTIALS);
    check(stage.code === 2 && !existsSync(out) && /no stage "nosuchstage"/.test(stage.stderr), `an unknown stage: ${stage.stderr.trim().split('\n').pop()}`);
    const noCredentials = await new Promise<Result>((resolve) => execFile(process.execPath, [BIN, 'adopt', '--rest-api-id', made.restApiIds[0], '--out', out, ...common], {
      env: { ...cleanEnv(), AWS_CONFIG_FILE: join(WORK, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(WORK, 'none'), AWS_EC2_METADATA_DISABLED: 'true' },
      encoding: 'utf8',
    }, (e, stdout, stderr) => resolve({ code: e ? (e.code as number) : 0, stdout, stderr })));
    check(noCredentials.code === 2 && !existsSync(out) && /no AWS credentials/.test(noCredentials.stderr), `no credentials: ${noCredentials.stderr.trim().slice(0, 160)}`);
    const unreachable = await run(process.execPath, [BIN, 'adopt', '--rest-api-id', made.restApiIds[0], '--out', out, '--region', REGION,
      '--endpoint-url', 'http://127.0.0.1:9'], CREDENTIALS);
    check(unreachable.code === 2 && !existsSync(out) && /cannot reach the API Gateway endpoint/.test(unreachable.stderr), `an unreachable endpoint: ${unreachable.stderr.trim()}`);
    const usage = await run(process.execPath, [BIN, 'adopt', '--language', 'cobol'], CREDENTIALS);
    check(usage.code === 1 && /--language is typescript or python/.test(usage.stderr), 'a usage mistake exits with 1');

    console.log('inventory:');
    const inventory = await run(process.execPath, [BIN, 'inventory', '--format', 'json', ...common], CREDENTIALS);
    check(inventory.code === 0, 'inventory --format json');
    const rows = JSON.parse(inventory.stdout || '[]') as { apiId: string; methodOrIntegration: string; pathOrRoute: string; statusOrKey: string }[];
    const listed = new Set(rows.map((r) => `${r.apiId} ${r.pathOrRoute} ${r.methodOrIntegration} ${r.statusOrKey}`));
    const live: string[] = [];
    for (const restApiId of made.restApiIds) {
      for await (const page of v1.paginateGetResources({ client: c1 }, { restApiId })) {
        for (const r of page.items ?? []) {
          for (const m of Object.keys(r.resourceMethods ?? {})) {
            const i = await c1.send(new v1.GetMethodCommand({ restApiId, resourceId: r.id, httpMethod: m }));
            for (const s of Object.keys(i.methodIntegration?.integrationResponses ?? {})) live.push(`${restApiId} ${r.path} ${m} ${s}`);
          }
        }
      }
    }
    for (const apiId of [...made.webSocketApiIds, made.refusedWebSocketApiId]) {
      const routes = (await c2.send(new v2.GetRoutesCommand({ ApiId: apiId }))).Items ?? [];
      for (const i of (await c2.send(new v2.GetIntegrationsCommand({ ApiId: apiId }))).Items ?? []) {
        const keys = routes.filter((r) => r.Target === `integrations/${i.IntegrationId}`).map((r) => r.RouteKey).sort().join(' ');
        for (const r of (await c2.send(new v2.GetIntegrationResponsesCommand({ ApiId: apiId, IntegrationId: i.IntegrationId }))).Items ?? []) {
          live.push(`${apiId} ${keys} ${i.IntegrationId} ${r.IntegrationResponseKey}`);
        }
      }
    }
    const missing = live.filter((l) => !listed.has(l));
    check(missing.length === 0 && rows.length === live.length, `the inventory lists all ${live.length} integration responses made (${rows.length} rows)`);
    for (const m of missing) console.log(`       missing: ${m}`);
    for (const format of ['markdown', 'csv']) {
      const r = await run(process.execPath, [BIN, 'inventory', '--format', format, ...common], CREDENTIALS);
      const lines = r.stdout.trim().split(/\r?\n/).filter((l) => (format === 'csv' ? l !== '' : l.startsWith('| ')));
      check(r.code === 0 && lines.length === live.length + 1, `inventory --format ${format}: a header and ${live.length} rows`);
    }
  } finally {
    emulator.stop();
  }
  if (failures.length) {
    console.error(`\nadopt round trip FAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nadopt round trip passed');
}

main().catch((e) => {
  console.error(`adopt round trip FAILED: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
