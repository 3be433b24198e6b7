import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type WebhookOutcome, WebhookVerificationError } from '@hrkit/core';
import {
  InboxBackpressure,
  type InboxStep,
  InboxWorker,
  inboxErrorText,
  receiveIntoInbox,
  type SyncStore,
} from '@hrkit/sync';
import type { OpenedConnection } from '../connect.js';
import type { CommandContext } from '../context.js';
import { describeError } from '../errors.js';

const MAX_BODY_BYTES = 1_048_576;
/** Applied items are kept this long so a late redelivery of their event id is still recognised. */
const KEEP_APPLIED_MS = 7 * 86_400_000;

export interface ListenerSettings {
  secret: string;
  /** Past this many pending items, deliveries get 503 + Retry-After (`InboxBackpressure`, docs/sync.md). */
  maxInboxDepth: number;
  /** Seconds, in the 503's Retry-After. */
  retryAfterSeconds: number;
  /** Failed attempts before an item is dead. */
  maxAttempts: number;
}

/**
 * `hrkit webhooks serve` (docs/cli.md): verify a delivery, write its events to the store's inbox, answer 2xx only
 * once that committed; a worker applies the inbox in the background (docs/sync.md, "Webhook inbox").
 */
export class WebhookListener {
  readonly server: Server;
  private readonly worker: InboxWorker;
  private readonly backpressure: InboxBackpressure;
  private accepting = true;

  constructor(
    private readonly ctx: CommandContext,
    private readonly opened: OpenedConnection,
    private readonly store: SyncStore,
    private readonly settings: ListenerSettings,
  ) {
    this.backpressure = new InboxBackpressure(store, {
      maxPending: settings.maxInboxDepth,
      retryAfterSeconds: settings.retryAfterSeconds,
    });
    this.worker = new InboxWorker(store, opened.connection, {
      connectionId: opened.connectionId,
      maxAttempts: settings.maxAttempts,
      onStep: (step) => this.report(step),
      onIdle: () => void this.reportIdle(),
      onError: (error) => this.log(`inbox: store error, retrying: ${this.safe(error)}\n`, true),
    });
    this.server = createServer((request, response) => {
      this.receive(request, response).catch((error) => {
        this.log(`could not store a delivery: ${inboxErrorText(error)}\n`, true);
        if (!response.headersSent) this.reply(response, 503, { error: 'not stored, retry later' }, true);
      });
    });
  }

  /** Resume what an earlier process left in the inbox, and prune applied items past their dedupe window. */
  async start(): Promise<void> {
    const connectionId = this.opened.connectionId;
    const before = new Date(Date.now() - KEEP_APPLIED_MS).toISOString();
    await this.store.transaction((unit) => unit.pruneInbox(connectionId, before));
    const depth = await this.store.inboxDepth(connectionId);
    if (depth.pending > 0 || depth.dead > 0)
      this.log(`inbox: ${depth.pending} pending, ${depth.dead} dead (failed too often: see docs/sync.md)\n`);
    this.worker.start();
  }

  /** Stop accepting, let the item being applied finish within the deadline; the rest stays in the inbox. */
  async stop(deadlineMs: number): Promise<void> {
    this.accepting = false;
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    this.server.closeIdleConnections();
    const outcome = await this.worker.stop(deadlineMs);
    // Requests already being received finish (stored and acknowledged, or refused) before the store closes; a
    // client still holding a connection open past the deadline is cut off (nothing it sent was acknowledged).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((done) => (timer = setTimeout(done, deadlineMs)))]);
    clearTimeout(timer);
    this.server.closeAllConnections();
    const depth = await this.store.inboxDepth(this.opened.connectionId);
    this.log(
      `inbox: stopped${outcome === 'deadline' ? ' at the deadline (the item in flight was not applied)' : ''}; ${depth.pending} pending for the next start\n`,
    );
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return this.reply(response, 405, { error: 'deliveries are POSTed' });
    const body = await readBody(request);
    if (body === null) return this.reply(response, 413, { error: 'delivery too large' });
    let outcome: WebhookOutcome;
    try {
      outcome = this.opened.connection.webhooks.handle({ body, headers: request.headers }, this.settings.secret);
    } catch (error) {
      const status = error instanceof WebhookVerificationError && error.reason !== 'malformed_body' ? 401 : 400;
      this.log(`rejected delivery (${status}): ${this.safe(error)}\n`);
      return this.reply(response, status, {
        error: error instanceof WebhookVerificationError ? error.reason : 'bad delivery',
      });
    }
    if (outcome.kind === 'ping') return this.reply(response, 200, { ok: true });
    if (!this.accepting) return this.reply(response, 503, { error: 'shutting down, retry later' }, true);
    const refusal = await this.backpressure.refusal(this.opened.connectionId);
    if (refusal) {
      this.log(`inbox full (${refusal.pending} pending): answered 503\n`);
      return this.reply(response, refusal.status, refusal.body, true);
    }
    // The acknowledgement promises the delivery survives a crash: answer only after the inbox commit.
    const stored = await receiveIntoInbox(this.store, this.opened.connectionId, body, outcome);
    this.reply(response, 202, { ok: true, ...stored });
    if (stored.stored > 0) this.worker.wake();
  }

  private reply(response: ServerResponse, status: number, body: Record<string, unknown>, retryLater = false): void {
    const headers = { 'content-type': 'application/json' };
    response.writeHead(status, retryLater ? { ...headers, ...this.backpressure.retryAfterHeader() } : headers);
    response.end(JSON.stringify(body));
  }

  private report(step: InboxStep): void {
    if (step.outcome === 'applied') {
      if (!this.ctx.quiet)
        for (const event of step.events)
          this.ctx.io.stderr.write(`applied ${event.entity} ${event.remoteId} ${event.action}\n`);
      return;
    }
    if (step.outcome === 'failed')
      this.log(
        `failed to apply ${step.items.length} delivered event(s) for one record (${step.error}); ${
          step.dead ? 'giving up: the next full sync reconciles it' : `retrying at ${step.retryAt}`
        }\n`,
        true,
      );
  }

  private async reportIdle(): Promise<void> {
    try {
      const depth = await this.store.inboxDepth(this.opened.connectionId);
      this.log(`inbox: idle (${depth.pending} pending, ${depth.dead} dead)\n`);
    } catch {
      // The store closed under a shutdown: nothing to report.
    }
  }

  private safe(error: unknown): string {
    return describeError(error, (text) => this.opened.redactor.redact(text)).message;
  }

  private log(text: string, always = false): void {
    if (always || !this.ctx.quiet) this.ctx.io.stderr.write(text);
  }
}

/** The raw body, or null past the size limit (the rest is drained, not kept). */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
