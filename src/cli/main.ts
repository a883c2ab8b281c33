/**
 * `cdktf-apigateway adopt | inventory`: reads live API Gateway APIs with the AWS SDK and writes
 * the library program that adopts one, or lists every integration response of a region.
 *
 * Exit codes: 0 done, 1 wrong usage, 2 the API could not be read or adopted (nothing written).
 */
import { writeFileSync } from 'fs';
import { AwsOptions, CliError, createClients } from './aws';
import { renderPython, renderTypeScript } from './code';
import { formatInventory, readInventory } from './inventory';
import { readRestApi } from './rest-reader';
import { restProgram } from './rest-program';
import { readWebSocketApi } from './websocket-reader';
import { webSocketProgram } from './websocket-program';

const USAGE = `Usage:
  cdktf-apigateway adopt (--rest-api-id ID | --websocket-api-id ID) [--language typescript|python] [--out FILE]
                         [--stage NAME]... [--region REGION] [--profile NAME] [--endpoint-url URL]
  cdktf-apigateway inventory [--format markdown|csv|json] [--out FILE] [--region REGION] [--profile NAME] [--endpoint-url URL]

adopt      reads a live REST or WebSocket API and writes a cdktf stack that builds it with the
           cdktf-apigateway constructs and imports every live object (Terraform import blocks).
inventory  lists every integration response of every REST and WebSocket API of the region.

Options:
  --rest-api-id ID        the REST API to adopt
  --websocket-api-id ID   the WebSocket API to adopt
  --language LANG         typescript (default) or python
  --stage NAME            a stage to adopt; repeatable (default: every stage)
  --format FORMAT         inventory format: markdown (default), csv or json
  --out FILE              write to FILE instead of standard output
  --region REGION         AWS region (default: the SDK's: AWS_REGION, the profile)
  --profile NAME          shared config/credentials profile (default: the SDK's default chain)
  --endpoint-url URL      API Gateway endpoint, for emulators such as moto
  -h, --help              this text

Credentials come from the AWS SDK's default chain. Progress goes to standard error.
Exit codes: 0 done, 1 wrong usage, 2 the API could not be read or adopted (nothing is written).`;

/** Parsed command line. */
export interface Args {
  readonly command: 'adopt' | 'inventory' | 'help';
  readonly restApiId?: string;
  readonly webSocketApiId?: string;
  readonly language: 'typescript' | 'python';
  readonly format: 'markdown' | 'csv' | 'json';
  readonly stages: string[];
  readonly out?: string;
  readonly aws: AwsOptions;
}

/** A mistake on the command line (exit code 1). */
export class UsageError extends Error {}

const VALUED = ['--rest-api-id', '--websocket-api-id', '--language', '--format', '--stage', '--out', '--region', '--profile', '--endpoint-url'];

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: string[]): Args {
  const values: { [flag: string]: string[] } = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help' || arg === 'help') return { command: 'help', language: 'typescript', format: 'markdown', stages: [], aws: {} };
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUED.includes(flag)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      (values[flag] ??= []).push(value);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (command === undefined) {
      command = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (command !== 'adopt' && command !== 'inventory') {
    throw new UsageError(command === undefined ? 'give a command: adopt or inventory' : `unknown command ${command}; the commands are adopt and inventory`);
  }
  const single = (flag: string): string | undefined => {
    const list = values[flag];
    if (list && list.length > 1) throw new UsageError(`${flag} is given more than once`);
    return list?.[0];
  };
  const allowed: { [c: string]: string[] } = {
    adopt: ['--rest-api-id', '--websocket-api-id', '--language', '--stage', '--out', '--region', '--profile', '--endpoint-url'],
    inventory: ['--format', '--out', '--region', '--profile', '--endpoint-url'],
  };
  for (const flag of Object.keys(values)) {
    if (!allowed[command].includes(flag)) throw new UsageError(`${flag} does not apply to ${command}`);
  }
  const language = single('--language') ?? 'typescript';
  if (language !== 'typescript' && language !== 'python') throw new UsageError(`--language is typescript or python, not ${language}`);
  const format = single('--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'csv' && format !== 'json') throw new UsageError(`--format is markdown, csv or json, not ${format}`);
  const restApiId = single('--rest-api-id');
  const webSocketApiId = single('--websocket-api-id');
  if (command === 'adopt' && (restApiId === undefined) === (webSocketApiId === undefined)) {
    throw new UsageError('adopt needs exactly one of --rest-api-id and --websocket-api-id');
  }
  return {
    command,
    restApiId,
    webSocketApiId,
    language,
    format,
    stages: values['--stage'] ?? [],
    out: single('--out'),
    aws: { region: single('--region'), profile: single('--profile'), endpointUrl: single('--endpoint-url') },
  };
}

/** The command line as it is shown in a generated program's header (no profile, no endpoint). */
function invocation(args: Args, region: string): string {
  const id = args.restApiId ? `--rest-api-id ${args.restApiId}` : `--websocket-api-id ${args.webSocketApiId}`;
  const stages = args.stages.map((s) => ` --stage ${s}`).join('');
  return `\`cdktf-apigateway adopt ${id} --region ${region} --language ${args.language}${stages}\``;
}

/** Runs the command; returns the exit code. */
export async function run(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cdktf-apigateway: ${e.message}\n\n${USAGE}\n`);
      return 1;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const progress = (line: string) => io.stderr(`${line}\n`);
  try {
    const clients = await createClients(args.aws);
    let text: string;
    if (args.command === 'inventory') {
      const rows = await readInventory(clients, progress);
      text = formatInventory(rows, args.format);
    } else {
      const inv = { command: invocation(args, clients.region) };
      const program = args.restApiId
        ? restProgram(await readRestApi(clients, args.restApiId, args.stages, progress), inv)
        : webSocketProgram(await readWebSocketApi(clients, args.webSocketApiId as string, args.stages, progress), inv);
      text = args.language === 'python' ? renderPython(program) : renderTypeScript(program);
    }
    if (args.out) {
      writeFileSync(args.out, text);
      progress(`wrote ${args.out}`);
    } else {
      io.stdout(text);
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`cdktf-apigateway: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`cdktf-apigateway: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // The SDK warns about future Node versions on stderr, where the command's own messages go.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  run(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) })
    .then((code) => { process.exitCode = code; });
}
