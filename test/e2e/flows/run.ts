/**
 * Update flows ordered by the terraform CLI itself: each flow applies v1 of a library stack to
 * moto through terraform_data stand-ins, then v2 into the same state, then destroys, checking
 * moto after each step (see ./flows.ts, ./standin.ts, ./apply-one.ts).
 *
 *   npx ts-node --transpile-only --project tsconfig.dev.json test/e2e/flows/run.ts [flow ids, e.g. a c]
 *
 * Ends with `N passed, N failed` and exits 1 on any failure.
 */
import { spawnSync } from 'child_process';
import { MotoServer, MotoUnavailable } from '../moto';
import { Helper } from './apply-one';
import { FLOWS, runFlow } from './flows';
import { TERRAFORM_INSTALL_HINT, terraformVersion, versionAtLeast } from './standin';

async function main(): Promise<number> {
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const version = terraformVersion();
  if (!version) {
    console.log(`update flows FAILED: terraform is not on the PATH. ${TERRAFORM_INSTALL_HINT}`);
    return 1;
  }
  if (!versionAtLeast(version, 1, 9)) {
    console.log(`update flows FAILED: terraform ${version} is too old. ${TERRAFORM_INSTALL_HINT}`);
    return 1;
  }
  const curl = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  const curlVersion = /curl (\d+)\.(\d+)/.exec(curl.stdout ?? '');
  if (curl.error || !curlVersion || Number(curlVersion[1]) * 100 + Number(curlVersion[2]) < 776) {
    console.log('update flows FAILED: the stand-ins\' provisioners post to the helper with curl >= 7.76 (--fail-with-body); install curl.');
    return 1;
  }
  const only = process.argv.slice(2);
  const flows = only.length ? FLOWS.filter((f) => only.includes(f.id)) : FLOWS;
  log(`terraform ${version}; ${flows.length} flow(s)`);

  const moto = await MotoServer.start(log);
  const helper = await Helper.start(moto.endpoint, log);
  let passed = 0;
  let failed = 0;
  try {
    for (const flow of flows) {
      let result;
      try {
        result = await runFlow(flow, helper, () => moto.reset(), log);
      } catch (e) {
        result = { ok: false, problems: [`the flow could not run: ${(e as Error).stack ?? String(e)}`], ms: 0 };
      }
      if (flow.mustFailWith) {
        const caught = !result.ok && result.problems.some((p) => flow.mustFailWith!.test(p));
        if (caught) passed++;
        else failed++;
        log(`${caught ? 'PASS' : 'FAIL'} flow ${flow.id}: ${flow.title}: ${caught ? 'refused, as AWS would' : 'NOT refused'} ` +
          `(expected ${String(flow.mustFailWith)}; ${(result.ms / 1000).toFixed(1)} s)`);
        for (const p of result.problems) log(p.split('\n').map((l) => `    ${l}`).join('\n'));
      } else if (result.ok) {
        passed++;
        log(`PASS flow ${flow.id}: ${flow.title} (${(result.ms / 1000).toFixed(1)} s)`);
      } else {
        failed++;
        log(`FAIL flow ${flow.id}: ${flow.title} (${(result.ms / 1000).toFixed(1)} s)`);
        for (const p of result.problems) log(p.split('\n').map((l) => `    ${l}`).join('\n'));
        if (flow.pending) log(`    (waits for library work: ${flow.pending})`);
      }
    }
  } finally {
    await helper.stop();
    moto.stop();
  }
  log(`update flows took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof MotoUnavailable ? `update flows FAILED: ${e.message}` : e);
  process.exit(1);
});
