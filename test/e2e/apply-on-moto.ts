/**
 * npm run apply-on-moto -- <cdk.tf.json> [--schedules N] [--seed S]
 *
 * Applies a synthesized stack to a fresh moto server in N random schedules and prints a line
 * for each failed schedule, then `schedules: N, failed: F, resources: R`. Exits 1 if any
 * schedule failed.
 */
import { readFileSync } from 'fs';
import { ACCEPTED_WITHOUT_CALL, applyStack, clientsFor } from './driver';
import { MotoServer, MotoUnavailable } from './moto';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run apply-on-moto -- <cdk.tf.json> [--schedules N] [--seed S]`);
  process.exit(2);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let schedules = 20;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--schedules' || arg === '--seed') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || (arg === '--schedules' && value < 1)) usage(`${arg} takes a whole number${arg === '--schedules' ? ' of at least 1' : ''}`);
      if (arg === '--schedules') schedules = value; else seed = value;
    } else if (!file && !arg.startsWith('--')) {
      file = arg;
    } else {
      usage(`unknown argument ${arg}`);
    }
  }
  if (!file) usage('the path of a synthesized cdk.tf.json is required');
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    usage(`cannot read ${file}: ${(e as Error).message}`);
  }

  const moto = await MotoServer.start((line) => console.log(line));
  try {
    const result = await applyStack(json, clientsFor(moto.endpoint), {
      schedules, seed, reset: () => moto.reset(), log: (line) => console.log(line),
    });
    const accepted = Object.keys(json.resource ?? {}).filter((t) => ACCEPTED_WITHOUT_CALL[t]);
    for (const type of accepted) console.log(`accepted without a call: ${type} (${ACCEPTED_WITHOUT_CALL[type]})`);
    console.log(`critical path: ${result.criticalPath} resources, median makespan: ${result.medianMakespanMs} ms`);
    console.log(`schedules: ${result.schedules}, failed: ${result.failed}, resources: ${result.resources}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    moto.stop();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof MotoUnavailable ? `apply-on-moto: ${e.message}` : e);
  process.exit(e instanceof MotoUnavailable ? 3 : 1);
});
