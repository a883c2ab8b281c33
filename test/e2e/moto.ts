/**
 * A moto server (the AWS emulator from PyPI) for the end-to-end tests: installed into a
 * gitignored virtual environment on first use, started on a free 127.0.0.1 port, reset between
 * schedules, and stopped when the process ends, also on failure.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const VENV = join(ROOT, '.e2e-venv');
const MOTO_SERVER = join(VENV, 'bin', 'moto_server');

/** Thrown when the test cannot get a moto server; the message says what is missing. */
export class MotoUnavailable extends Error {}

/** Installs moto into `.e2e-venv` unless it is there already. */
export function ensureMoto(log: (line: string) => void = () => undefined): string {
  if (existsSync(MOTO_SERVER)) return MOTO_SERVER;
  const python = process.env.PYTHON ?? 'python3';
  const version = spawnSync(python, ['--version'], { encoding: 'utf8' });
  if (version.error) {
    throw new MotoUnavailable(`"${python}" was not found: the moto end-to-end test needs Python 3 on the PATH to install moto (or set PYTHON).`);
  }
  log(`installing moto[server] into ${VENV} ...`);
  const venv = spawnSync(python, ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (venv.status !== 0) {
    throw new MotoUnavailable(`could not create the virtual environment ${VENV} (is the python3-venv package installed?):\n${venv.stderr}`);
  }
  const pip = spawnSync(join(VENV, 'bin', 'python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', 'moto[server]'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (pip.status !== 0) {
    const offline = /(Could not find a version|No matching distribution|NewConnectionError|Temporary failure in name resolution|Max retries exceeded)/.test(pip.stderr + pip.stdout);
    throw new MotoUnavailable(offline
      ? `pip could not reach PyPI to install moto[server]; the end-to-end test needs network access to PyPI.\n${pip.stderr.trim().split('\n').slice(-5).join('\n')}`
      : `pip could not install moto[server]:\n${pip.stderr.trim().split('\n').slice(-15).join('\n')}`);
  }
  if (!existsSync(MOTO_SERVER)) throw new MotoUnavailable(`moto[server] installed, but ${MOTO_SERVER} is missing`);
  return MOTO_SERVER;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running moto server. */
export class MotoServer {
  /** Starts a server, waiting until it answers. */
  public static async start(log: (line: string) => void = () => undefined): Promise<MotoServer> {
    const binary = ensureMoto(log);
    const port = await freePort();
    const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => { stderr = (stderr + String(chunk)).slice(-4000); });
    const server = new MotoServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new MotoUnavailable(`moto_server exited with code ${child.exitCode}:\n${stderr}`);
      try {
        const response = await fetch(`${server.endpoint}/moto-api/`);
        if (response.status < 500) return server;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    server.stop();
    throw new MotoUnavailable(`moto_server did not answer on ${server.endpoint} within 60 s:\n${stderr}`);
  }

  private readonly onExit = () => this.stop();

  private constructor(private readonly child: ChildProcess, public readonly endpoint: string) {
    process.once('exit', this.onExit);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.stop();
        process.exit(130);
      });
    }
  }

  /** Forgets every resource, so the next schedule starts from an empty account. */
  public async reset(): Promise<void> {
    const response = await fetch(`${this.endpoint}/moto-api/reset`, { method: 'POST' });
    if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
  }

  /** Stops the server. */
  public stop(): void {
    process.removeListener('exit', this.onExit);
    if (this.child.exitCode === null && !this.child.killed) this.child.kill('SIGTERM');
  }
}
