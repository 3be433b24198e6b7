import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookVerificationError } from '@hrkit/core';
import { receiveIntoInbox, type SyncStore } from '@hrkit/sync';
import { connectionFor } from '../connections.js';
import type { FleetMetrics } from '../metrics.js';
import type { FleetQueues } from '../queue/queues.js';
import type { ConnectionRegistry } from '../registry/registry.js';

/** Providers send small JSON envelopes (ids only); anything larger is refused before it is buffered. */
const MAX_BODY_BYTES = 1_048_576;
/** The connection id `/readyz` reads the inbox depth of: any id does, the query is what is checked. */
const READINESS_PROBE = 'readyz-probe';
const WEBHOOK_PATH = /^\/webhooks\/([a-z0-9-]+)\/([A-Za-z0-9_.-]{1,128})\/?$/;

export interface IngressOptions {
  registry: ConnectionRegistry;
  /** The sync store: verified deliveries go to its inbox, the one the workers drain. */
  store: SyncStore;
  queues: FleetQueues;
  metrics: FleetMetrics;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  now?: () => number;
}

export interface RunningIngress {
  url: string;
  port: number;
  /**
   * Graceful: readiness goes 503, no new connections, requests in flight finish. With `deadlineMs`, connections
   * still open when it passes are closed: a delivery cut off before its inbox commit was never acknowledged, so
   * the provider sends it again; one cut off after it is in the inbox, and its redelivery is stored once.
   */
  close(options?: { deadlineMs?: number }): Promise<'finished' | 'cut off'>;
}

class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `hrkit serve`: `POST /webhooks/:provider/:connectionId` verifies the delivery with that connection's secret
 * (raw bytes, constant time, in the adapter), writes its events to the store's inbox (`receiveIntoInbox`, one
 * transaction), answers 200, then enqueues the drain of that connection's inbox. The 200 means "durable": if Redis
 * is down or loses the job, the delivery still waits in the inbox and the scheduler enqueues its drain later
 * (docs/fleet.md, "The inbox"). `GET /healthz` (alive), `GET /readyz` (the registry, the store and Redis answer),
 * `GET /metrics`.
 */
export async function startIngress(options: IngressOptions): Promise<RunningIngress> {
  const now = options.now ?? Date.now;
  let ready = true;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpAnswer ? error.status : 500;
      const message = error instanceof HttpAnswer ? error.message : 'internal error';
      if (!response.headersSent) response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: message }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://ingress.local').pathname;
    if (request.method === 'GET' && path === '/healthz') return send(response, 200, { ok: true });
    if (request.method === 'GET' && path === '/readyz') {
      if (!ready) return send(response, 503, { ready: false, reason: 'shutting down' });
      try {
        await options.registry.ping();
        // The store may live elsewhere than the registry (`HRKIT_FLEET_STORE`): deliveries cannot be kept without it.
        await options.store.inboxDepth(READINESS_PROBE);
        await options.queues.redis.ping();
        return send(response, 200, { ready: true });
      } catch (error) {
        return send(response, 503, { ready: false, reason: (error as Error).message });
      }
    }
    if (request.method === 'GET' && path === '/metrics') {
      response.writeHead(200, { 'content-type': options.metrics.registry.contentType });
      response.end(await options.metrics.text());
      return;
    }
    const match = WEBHOOK_PATH.exec(path);
    if (!match) throw new HttpAnswer(404, 'not found');
    if (request.method !== 'POST') throw new HttpAnswer(405, 'webhooks are POSTed');
    const [, provider, connectionId] = match as unknown as [string, string, string];
    await receive(request, response, provider, connectionId);
  }

  async function receive(request: IncomingMessage, response: ServerResponse, provider: string, connectionId: string) {
    const body = await readBody(request);
    const connection = await options.registry.find(connectionId);
    // Same answer for unknown and mismatched: the URL space reveals nothing about which connections exist.
    if (!connection || connection.provider !== provider || !connection.webhook.configured) {
      options.metrics.deliveries.inc({ provider, outcome: 'unknown' });
      throw new HttpAnswer(404, 'no webhook here');
    }
    const secrets = await options.registry.secretsOf(connectionId);
    let outcome: ReturnType<ReturnType<typeof connectionFor>['webhooks']['handle']>;
    try {
      outcome = connectionFor(connection, secrets).webhooks.handle(
        { body, headers: request.headers },
        secrets.webhookSecret!,
      );
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      options.metrics.deliveries.inc({ provider, outcome: 'rejected' });
      throw new HttpAnswer(401, `delivery refused: ${error.reason}`);
    }
    if (outcome.kind === 'ping') {
      options.metrics.deliveries.inc({ provider, outcome: 'ping' });
      return send(response, 200, { ok: true, ping: true });
    }
    const receivedAt = now();
    const kept = await receiveIntoInbox(options.store, connectionId, body, outcome, () => receivedAt);
    // A redelivery (stored 0) is still a sign of life of the webhook.
    await options.registry.recordDelivery(connectionId, receivedAt);
    options.metrics.deliveries.inc({ provider, outcome: 'accepted' });
    send(response, 200, { ok: true, stored: kept.stored, duplicates: kept.duplicates });
    // After the 200: the delivery is durable; a failed enqueue is picked up by the scheduler's next tick.
    if (kept.stored > 0) await options.queues.enqueueApply(connectionId).catch(() => {});
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: async ({ deadlineMs } = {}) => {
      ready = false;
      const closed = new Promise<'finished'>((resolve) => {
        server.close(() => resolve('finished'));
        server.closeIdleConnections();
      });
      if (deadlineMs === undefined) return closed;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'cut off'>((resolve) => {
        timer = setTimeout(() => resolve('cut off'), deadlineMs);
      });
      const first = await Promise.race([closed, deadline]);
      clearTimeout(timer);
      if (first === 'finished') return first;
      server.closeAllConnections();
      await closed;
      return first;
    },
  };
}

function send(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(json));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpAnswer(413, `delivery larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
