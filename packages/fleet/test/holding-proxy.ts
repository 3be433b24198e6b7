import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through proxy in front of a sandbox that holds the requests a test picks (no answer until `release()`),
 * so a job can be caught mid-run deterministically: the test waits for `held()` instead of guessing a duration.
 * 127.0.0.1, ephemeral port.
 */
export interface HoldingProxy {
  url: string;
  /** Resolves once a request matching the hold rule is being held. */
  held(): Promise<string>;
  /** Requests held so far. */
  heldCount(): number;
  /** Requests that reached the proxy, method and path. */
  readonly log: string[];
  /** Answer every held request now and hold nothing more. */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string, hold: (path: string) => boolean): Promise<HoldingProxy> {
  let holding = true;
  const waiting: (() => void)[] = [];
  const heldPaths: string[] = [];
  const onHeld: ((path: string) => void)[] = [];
  const log: string[] = [];

  async function forward(request: IncomingMessage, response: ServerResponse, body: Buffer) {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([key]) => key !== 'host' && key !== 'content-length'),
    ) as Record<string, string>;
    try {
      const answer = await fetch(`${target}${request.url}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await answer.text();
      const forwarded: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (key !== 'content-length' && key !== 'transfer-encoding' && key !== 'connection') forwarded[key] = value;
      });
      response.writeHead(answer.status, forwarded);
      response.end(text);
    } catch {
      // The client went away (its job was aborted) or the target closed: nothing to answer.
      response.destroy();
    }
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      log.push(`${request.method} ${path}`);
      const body = Buffer.concat(chunks);
      if (holding && hold(path)) {
        waiting.push(() => void forward(request, response, body));
        heldPaths.push(path);
        for (const notify of onHeld.splice(0)) notify(path);
        return;
      }
      void forward(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    held: () =>
      heldPaths[0] !== undefined
        ? Promise.resolve(heldPaths[0])
        : new Promise<string>((resolve) => onHeld.push(resolve)),
    heldCount: () => heldPaths.length,
    release: () => {
      holding = false;
      for (const answer of waiting.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
