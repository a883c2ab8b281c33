/**
 * The moto proof, run by `npm test`: the library's stacks apply in every schedule; the
 * documentation's raw stack without `depends_on` fails in at least one, and passes every
 * schedule with the `depends_on` the documentation recommends. Also checks the CLI's exit codes.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as gw from '@aws-sdk/client-api-gateway';
import { ACCEPTED_WITHOUT_CALL, applySchedule, applyStack, clientsFor, MOTO_AUTHORIZER_GAPS, random, readBack } from './driver';
import { buildGraph } from '../support/graph';
import { MotoServer, MotoUnavailable } from './moto';
import { authorizersStack, edgesStack, exampleStack, lambdaStack, modelsStack, petStoreStack, rawModelStack, rawSeedStack, websocketStack } from './stacks';
import { TfJson } from '../support/graph';

interface Case {
  readonly name: string;
  readonly json: TfJson;
  readonly schedules: number;
  readonly expect: 'all pass' | 'some fail';
}

async function main(): Promise<boolean> {
  const authorizers = authorizersStack();
  const cases: Case[] = [
    { name: 'MyDemoAPI example (library)', json: exampleStack(), schedules: 20, expect: 'all pass' },
    { name: 'pet store: nested paths, methods, status codes, stage (library)', json: petStoreStack(), schedules: 20, expect: 'all pass' },
    { name: 'WebSocket example (library)', json: websocketStack(), schedules: 20, expect: 'all pass' },
    { name: 'Lambda proxy API with permissions (library)', json: lambdaStack(), schedules: 10, expect: 'all pass' },
    { name: 'models, request validators, gateway responses and CORS on errors (library)', json: modelsStack(), schedules: 20, expect: 'all pass' },
    { name: 'REST token, request and Cognito authorizers, WebSocket $connect authorizer (library)', json: authorizers, schedules: 20, expect: 'all pass' },
    { name: 'usage plan, two keys, a domain with two base path mappings, access logs, WAF (library)', json: edgesStack(), schedules: 20, expect: 'all pass' },
    { name: 'raw MyDemoAPI without depends_on', json: rawSeedStack(false), schedules: 40, expect: 'some fail' },
    { name: 'raw MyDemoAPI with the documented depends_on', json: rawSeedStack(true), schedules: 40, expect: 'all pass' },
    { name: 'raw method naming its model by a string, without depends_on', json: rawModelStack(), schedules: 40, expect: 'some fail' },
  ];
  const edgeTypes = new Set(Object.keys(edgesStack().resource ?? {}));
  for (const [type, why] of Object.entries(ACCEPTED_WITHOUT_CALL)) {
    if (edgeTypes.has(type)) console.log(`accepted without a call to moto: ${type} (${why})`);
  }
  const moto = await MotoServer.start((line) => console.log(line));
  let ok = true;
  try {
    const clients = clientsFor(moto.endpoint);
    for (const c of cases) {
      const result = await applyStack(c.json, clients, { schedules: c.schedules, seed: 1000, reset: () => moto.reset() });
      const passed = c.expect === 'all pass' ? result.failed === 0 : result.failed > 0;
      ok &&= passed;
      console.log(`${passed ? 'PASS' : 'FAIL'} ${c.name}: schedules: ${result.schedules}, failed: ${result.failed}, resources: ${result.resources}, ` +
        `critical path: ${result.criticalPath}, median makespan: ${result.medianMakespanMs} ms (expected: ${c.expect})`);
      for (const line of result.failures.slice(0, c.expect === 'all pass' ? 10 : 2)) console.log(`    ${line}`);
      if (c.json === authorizers) for (const gap of MOTO_AUTHORIZER_GAPS) console.log(`    accepted: ${gap}`);
    }

    // The read-back must notice a difference between API Gateway and the configuration.
    await moto.reset();
    const graph = buildGraph(exampleStack());
    const applied = await applySchedule(graph, clients, random(1));
    const ir = [...applied.state.entries()].find(([address]) => address.startsWith('aws_api_gateway_integration_response.'))![1] as any;
    await clients.v1.send(new gw.PutIntegrationResponseCommand({
      restApiId: ir.rest_api_id, resourceId: ir.resource_id, httpMethod: ir.http_method, statusCode: ir.status_code,
      responseTemplates: { 'application/xml': '<drifted/>' },
    }));
    const drift = await readBack(graph, applied.state, clients).then(() => undefined, (e: Error) => e.message);
    const caught = applied.ok && drift !== undefined && /responseTemplates/.test(drift);
    ok &&= caught;
    console.log(`${caught ? 'PASS' : 'FAIL'} the read-back notices a drifted integration response (${drift ?? 'no difference found'})`);

    // ... and a drifted authorizer.
    await moto.reset();
    const authGraph = buildGraph(authorizersStack());
    const authApplied = await applySchedule(authGraph, clients, random(2));
    const token = [...authApplied.state.entries()].find(([address]) => address.startsWith('aws_api_gateway_authorizer.TokenAuth'))![1] as any;
    await clients.v1.send(new gw.UpdateAuthorizerCommand({
      restApiId: token.rest_api_id, authorizerId: token.id, patchOperations: [{ op: 'replace', path: '/authorizerResultTtlInSeconds', value: '5' }],
    }));
    const authDrift = await readBack(authGraph, authApplied.state, clients).then(() => undefined, (e: Error) => e.message);
    const authCaught = authApplied.ok && authDrift !== undefined && /authorizerResultTtlInSeconds/.test(authDrift);
    ok &&= authCaught;
    console.log(`${authCaught ? 'PASS' : 'FAIL'} the read-back notices a drifted authorizer (${authDrift ?? 'no difference found'})`);
  } finally {
    moto.stop();
  }

  // The CLI, as users and acceptance call it: exit 0 where the ordering is right, 1 where it is not.
  const dir = mkdtempSync(join(tmpdir(), 'apply-on-moto-'));
  const cli = (name: string, json: TfJson, schedules: number): number => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(json));
    try {
      execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '--project', 'tsconfig.dev.json',
        'test/e2e/apply-on-moto.ts', file, '--schedules', String(schedules), '--seed', '7'], { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  const good = cli('example', exampleStack(), 5);
  const bad = cli('raw', rawSeedStack(false), 40);
  console.log(`${good === 0 ? 'PASS' : 'FAIL'} apply-on-moto CLI exits 0 for the example (exit ${good})`);
  console.log(`${bad === 1 ? 'PASS' : 'FAIL'} apply-on-moto CLI exits 1 for the raw stack without depends_on (exit ${bad})`);
  return ok && good === 0 && bad === 1;
}

main().then((ok) => {
  console.log(ok ? 'moto end-to-end test passed' : 'moto end-to-end test FAILED');
  process.exit(ok ? 0 : 1);
}, (e) => {
  console.error(e instanceof MotoUnavailable ? `moto end-to-end test FAILED: ${e.message}` : e);
  process.exit(1);
});
