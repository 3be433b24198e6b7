import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '@hrkit/core/testing';
import { jsonReply, type Reply, ReplyError } from './reply.js';
import { buildRequest, InvalidJsonError, type SandboxRequest } from './request.js';
import { type RouteDefinition, Router } from './router.js';

/** Artificial response delay: a fixed number of ms, or a seeded uniform range. */
export type LatencyOption = number | { minMs: number; maxMs: number; seed?: number };

export interface StartServerOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** A router, or plain route definitions. */
  routes: Router | readonly RouteDefinition[];
  latency?: LatencyOption;
  /** Runs before every matched handler; return a reply to answer at once (auth, rate limit…). */
  before?: (request: SandboxRequest) => Reply | undefined | Promise<Reply | undefined>;
  /** Answer for unknown paths; default `404 {"error":"not found"}`. */
  notFound?: (method: string, path: string) => Reply;
  /** Answer for malformed JSON bodies; default `400 {"error": …}`. */
  invalidJson?: (request: SandboxRequest, error: InvalidJsonError) => Reply;
  /** Answer for handler crashes; default `500`. */
  internalError?: (error: unknown) => Reply;
  /** Called after every answered request (counters, logs). */
  onResponse?: (request: { method: string; path: string; routeName: string | null; status: number }) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts an HTTP server on node:http (127.0.0.1, ephemeral port by default). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const router = options.routes instanceof Router ? options.routes : routerOf(options.routes);
  const delay = latencyFunction(options.latency);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Last resort: the socket may already be half-written; make sure it ends.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(res.headersSent ? undefined : JSON.stringify({ error: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const matched = router.match(method, url.pathname);
    let reply: Reply;
    let routeName: string | null = null;
    if (!matched || 'methodNotAllowed' in matched) {
      reply =
        options.notFound?.(method, url.pathname) ?? jsonReply(404, { error: `not found: ${method} ${url.pathname}` });
    } else {
      routeName = matched.route.name;
      const request = buildRequest({
        method,
        path: url.pathname,
        params: matched.params,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        route: matched.route.pattern,
        routeName,
      });
      reply = await runHandler(request, async () => {
        const early = await options.before?.(request);
        return early ?? (await matched.route.handler(request));
      });
    }
    const wait = delay();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await writeReply(res, reply);
    options.onResponse?.({ method, path: url.pathname, routeName, status: reply.status });
  }

  async function runHandler(request: SandboxRequest, run: () => Promise<Reply>): Promise<Reply> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ReplyError) return error.reply;
      if (error instanceof InvalidJsonError) {
        return options.invalidJson?.(request, error) ?? jsonReply(400, { error: error.message });
      }
      return options.internalError?.(error) ?? jsonReply(500, { error: 'internal sandbox error' });
    }
  }

  // Keep-alive sockets would hold close() open; we close them explicitly.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function routerOf(routes: readonly RouteDefinition[]): Router {
  const router = new Router();
  for (const route of routes) router.add(route);
  return router;
}

function latencyFunction(latency: LatencyOption | undefined): () => number {
  if (latency === undefined) return () => 0;
  if (typeof latency === 'number') return () => latency;
  const random = seededRandom(latency.seed ?? 1);
  return () => Math.round(latency.minMs + random() * (latency.maxMs - latency.minMs));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function writeReply(res: ServerResponse, reply: Reply): Promise<void> {
  const headers: Record<string, string> = { ...reply.headers };
  if ('json' in reply) {
    const body = JSON.stringify(reply.json);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body);
  } else if ('text' in reply) {
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', ...headers });
    res.end(reply.text);
  } else if ('stream' in reply) {
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json; charset=utf-8', ...headers });
    await writeStream(res, reply.stream);
  } else {
    res.writeHead(reply.status, headers);
    res.end();
  }
}

/** Writes chunk by chunk and waits for `drain`, so memory stays bounded whatever the body size. */
async function writeStream(res: ServerResponse, stream: Iterable<string> | AsyncIterable<string>): Promise<void> {
  let buffered = '';
  for await (const chunk of stream) {
    buffered += chunk;
    // Coalesce tiny chunks: one write per ~64 KiB keeps syscalls few.
    if (buffered.length < 65_536) continue;
    const ok = res.write(buffered);
    buffered = '';
    if (!ok) {
      if (res.destroyed) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.once('drain', done);
        res.once('close', done);
      });
      if (res.destroyed) return;
    }
  }
  res.end(buffered);
}
