/**
 * The emulator of the adopt round trip: moto behind a small proxy that adds the API Gateway V2
 * list calls moto lacks. moto has no GetRouteResponses (and no GetAuthorizers or GetModels for
 * V2 APIs), so the proxy remembers the IDs that the create calls return and answers a list call
 * by reading each of them back from moto with its single-item Get call. Every other request
 * passes through unchanged.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { MotoServer } from '../e2e/moto';

/** The V2 collections moto can create and get one by one, but not list: path suffix → ID field. */
const LISTS: [RegExp, string][] = [
  [/^\/v2\/apis\/[^/]+\/routes\/[^/]+\/routeresponses$/, 'routeResponseId'],
  [/^\/v2\/apis\/[^/]+\/authorizers$/, 'authorizerId'],
  [/^\/v2\/apis\/[^/]+\/models$/, 'modelId'],
];

export class Emulator {
  public static async start(log: (line: string) => void): Promise<Emulator> {
    const moto = await MotoServer.start(log);
    const emulator = new Emulator(moto);
    await new Promise<void>((resolve) => emulator.server.listen(0, '127.0.0.1', resolve));
    return emulator;
  }

  private readonly server: Server;
  private readonly created = new Map<string, string[]>();

  private constructor(private readonly moto: MotoServer) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
    });
  }

  /** The endpoint to give the SDK and the command. */
  public get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  public stop(): void {
    this.server.close();
    this.moto.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.moto.endpoint);
    const list = LISTS.find(([pattern]) => pattern.test(url.pathname));
    if (list && req.method === 'GET') {
      const items: unknown[] = [];
      for (const id of this.created.get(url.pathname) ?? []) {
        const one = await fetch(`${this.moto.endpoint}${url.pathname}/${id}`, { headers: forwardHeaders(req) });
        if (one.ok) items.push(await one.json());
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items }));
      return;
    }
    const upstream = await fetch(`${this.moto.endpoint}${url.pathname}${url.search}`, {
      method: req.method, headers: forwardHeaders(req), body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const text = Buffer.from(await upstream.arrayBuffer());
    if (list && req.method === 'POST' && upstream.ok) {
      const id = (JSON.parse(text.toString('utf8')) as { [key: string]: string })[list[1]];
      if (id) this.created.set(url.pathname, [...(this.created.get(url.pathname) ?? []), id]);
    }
    const headers: { [key: string]: string } = {};
    upstream.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key)) headers[key] = value;
    });
    res.writeHead(upstream.status, headers);
    res.end(text);
  }
}

function forwardHeaders(req: IncomingMessage): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || ['host', 'content-length', 'connection'].includes(key)) continue;
    out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
