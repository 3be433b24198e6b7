import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, HttpClient, type HttpClientOptions } from '../src/index.js';
import { MemoryLogger, seededRandom, VirtualClock } from '../src/testing/index.js';

/** What the server saw of one request, stamped with the virtual time at which it arrived. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** Answers one request; `index` counts requests from 0, so a handler can script a sequence of answers. */
export type Handler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface LocalServer {
  baseUrl: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 with an ephemeral port; every request is recorded. */
export async function startServer(handler: Handler, clock?: Clock): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: clock?.now() ?? 0,
      };
      received.push(request);
      handler(request, response, received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging handlers (timeout tests) and keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Answers with the i-th handler for the i-th request, repeating the last one. */
export function sequence(...handlers: Handler[]): Handler {
  return (request, response, index) => {
    const handler = handlers[Math.min(index, handlers.length - 1)]!;
    handler(request, response, index);
  };
}

export const ok: Handler = (_request, response) => sendJson(response, 200, { ok: true });

export function status(code: number, body: unknown = { message: `status ${code}` }, headers = {}): Handler {
  return (_request, response) => sendJson(response, code, body, headers);
}

/**
 * A client wired for deterministic tests: virtual clock, seeded jitter, a memory logger, no client-side limits
 * unless the test passes some.
 */
export function testClient(
  baseUrl: string,
  options: Partial<HttpClientOptions> = {},
): { client: HttpClient; clock: VirtualClock; logger: MemoryLogger } {
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock();
  const logger = (options.logger as MemoryLogger | undefined) ?? new MemoryLogger();
  const client = new HttpClient({
    provider: 'testhr',
    baseUrl,
    rateLimits: [],
    random: seededRandom(7),
    ...options,
    clock,
    logger,
  });
  return { client, clock, logger };
}

/** Run `promise`, expecting it to reject; returns the rejection for detailed assertions. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
