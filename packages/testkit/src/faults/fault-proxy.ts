import { ConfigurationError } from '@hrkit/core';
import { Agent, createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultDecider } from './decide.js';
import { ALL_FAULTS, type FaultKind } from './fault-kind.js';

export interface FaultProxyOptions {
  /** The sandbox to put the proxy in front of, e.g. `sandbox.url`. Must be a loopback http URL. */
  target: string;
  /** Same seed, same faults on the same requests. Default 1. */
  seed?: number;
  /** Share of requests that get a fault, 0…1. Default 0.2. */
  rate?: number;
  /** Kinds to draw from. Default all. */
  faults?: readonly FaultKind[];
  /** How long a `slow` answer is held, ms: set it above the client's `timeoutMs`. Default 400. */
  slowMs?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
}

export interface FaultProxyStats {
  /** Requests the proxy received. */
  requests: number;
  /** Requests passed to the target untouched. */
  passed: number;
  injected: Record<FaultKind, number>;
}

export interface FaultProxy {
  /** The target URL with the proxy's origin: use it as the adapter's `baseUrl`. */
  readonly url: string;
  readonly stats: FaultProxyStats;
  /** Every request in arrival order with the fault it got (null: passed through). */
  readonly log: readonly { method: string; url: string; fault: FaultKind | null }[];
  /** Total faults injected so far. */
  injectedCount(): number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'upgrade']);

/**
 * A seeded reverse proxy that injects the failures real HR APIs produce — 429s with reset headers, 5xx, answers
 * slower than the client timeout, connections dropped mid-body and truncated bodies — in front of any sandbox.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname))
    throw new ConfigurationError(`startFaultProxy: target must be a loopback http URL (got ${target.origin})`, {
      field: 'target',
    });
  const rate = options.rate ?? 0.2;
  if (!(rate >= 0 && rate <= 1))
    throw new ConfigurationError(`startFaultProxy: rate must be within 0…1 (got ${rate})`, { field: 'rate' });
  const faults = options.faults ?? ALL_FAULTS;
  for (const fault of faults)
    if (!ALL_FAULTS.includes(fault))
      throw new ConfigurationError(`startFaultProxy: unknown fault "${fault}" (known: ${ALL_FAULTS.join(', ')})`, {
        field: 'faults',
      });
  const slowMs = options.slowMs ?? 400;
  const decider = new FaultDecider(options.seed ?? 1, rate, faults);
  const stats: FaultProxyStats = {
    requests: 0,
    passed: 0,
    injected: { '429': 0, '5xx': 0, slow: 0, drop: 0, truncate: 0 },
  };
  const log: { method: string; url: string; fault: FaultKind | null }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  // No keep-alive towards the target: nothing left open when the proxy closes.
  const agent = new Agent({ keepAlive: false });

  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const body = await readAll(incoming);
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const { fault, random } = decider.next(method, url);
    stats.requests++;
    log.push({ method, url, fault });
    if (fault === '429') {
      stats.injected['429']++;
      // A tiny advertised wait keeps tests fast; alternate the two header styles providers use.
      const wait: Record<string, string> =
        random() < 0.5 ? { 'retry-after': '0' } : { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) };
      return sendJson(response, 429, { error: 'Too many requests (injected by the hrkit fault proxy)' }, wait);
    }
    if (fault === '5xx') {
      stats.injected['5xx']++;
      const status = [500, 502, 503, 504][Math.floor(random() * 4)] ?? 503;
      return sendJson(response, status, { error: 'Upstream failure (injected by the hrkit fault proxy)' });
    }
    const upstream = await forward(target, agent, incoming, method, url, body);
    if (fault === 'slow') {
      stats.injected.slow++;
      await hold(slowMs);
      if (response.destroyed) return;
      return send(response, upstream.status, upstream.headers, upstream.body);
    }
    if (fault === 'drop') {
      stats.injected.drop++;
      response.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.length) });
      response.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)), () => response.socket?.destroy());
      return;
    }
    if (fault === 'truncate' && upstream.body.length >= 2) {
      stats.injected.truncate++;
      const cut = Math.max(1, Math.floor(upstream.body.length * (0.2 + 0.6 * random())));
      return send(response, upstream.status, upstream.headers, upstream.body.subarray(0, cut));
    }
    stats.passed++;
    send(response, upstream.status, upstream.headers, upstream.body);
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 502, { error: `fault proxy: ${(error as Error).message}` });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = new URL(`${target.pathname}${target.search}`, `http://${host}:${address.port}`).toString();

  return {
    url: options.target.endsWith('/') ? url : url.replace(/\/$/, ''),
    stats,
    log,
    injectedCount: () => Object.values(stats.injected).reduce((sum, count) => sum + count, 0),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function forward(
  target: URL,
  agent: Agent,
  incoming: IncomingMessage,
  method: string,
  url: string,
  body: Buffer,
): Promise<UpstreamResponse> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  if (body.length > 0) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port, method, path: url, headers, agent },
      (answer) => {
        readAll(answer).then((answerBody) => {
          const answerHeaders: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers))
            if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
          resolve({ status: answer.statusCode ?? 502, headers: answerHeaders, body: answerBody });
        }, reject);
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer) {
  response.writeHead(status, { ...headers, 'content-length': String(body.length) });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  send(response, status, { 'content-type': 'application/json', ...headers }, Buffer.from(JSON.stringify(body)));
}
