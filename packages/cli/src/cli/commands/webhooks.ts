import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Connection, type WebhookOutcome, WebhookVerificationError } from '@hrkit/core';
import type { Command } from 'commander';
import { applyWebhookOutcome } from '@hrkit/sync';
import { type ConnectionFlags, type OpenedConnection, openConnection, parseCount } from '../connect.js';
import type { CommandContext } from '../context.js';
import { CliError, describeError } from '../errors.js';
import { addConnectionOptions } from '../options.js';
import { openStoreFor } from '../store-path.js';

const MAX_BODY_BYTES = 1_048_576;

type WebhookFlags = ConnectionFlags & {
  secret?: string;
  port?: string;
  host?: string;
  store?: string;
  body?: string;
  headers?: string;
  signature?: string;
  timestamp?: string;
};

/** --secret, then $<PROVIDER>_WEBHOOK_SECRET / $HRKIT_WEBHOOK_SECRET, then the config file, then the sandbox's. */
function webhookSecret(opened: OpenedConnection, flags: WebhookFlags, ctx: CommandContext): string {
  const section = opened.config[opened.provider.key] as Record<string, unknown> | undefined;
  const secret =
    flags.secret ??
    ctx.io.env[opened.provider.webhookSecretEnv] ??
    ctx.io.env.HRKIT_WEBHOOK_SECRET ??
    (typeof section?.webhookSecret === 'string' ? section.webhookSecret : undefined) ??
    opened.sandbox?.webhooks?.secret;
  if (!secret)
    throw new CliError(
      `a webhook secret is required: --secret, $${opened.provider.webhookSecretEnv}, $HRKIT_WEBHOOK_SECRET or "webhookSecret" in --config`,
    );
  ctx.addSecret(secret);
  opened.redactor.add(secret);
  return secret;
}

export function registerWebhooks(program: Command, context: () => CommandContext): void {
  const webhooks = program.command('webhooks').description('receive and verify provider webhooks');

  const serve = webhooks
    .command('serve')
    .description('listen for deliveries: verify, answer 2xx at once, then apply each event to the store')
    .argument('<provider>', 'hibob | bamboohr')
    .option('--port <port>', 'port to listen on (0 = any free port)', '0')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--secret <secret>', 'the webhook secret (prefer the environment variable)')
    .option('--store <path|url>', 'SQLite store file or postgres:// URL (default .hrkit/hrkit.sqlite)');
  addConnectionOptions(serve).action(async (provider: string, flags: WebhookFlags) => {
    const ctx = context();
    const opened = await openConnection(provider, flags, ctx.io);
    const store = await openStoreFor(opened, flags.store, ctx.io);
    try {
      const secret = webhookSecret(opened, flags, ctx);
      const queue = new ApplyQueue(ctx, opened, (outcome) =>
        applyWebhookOutcome(store, opened.connection, outcome, { connectionId: opened.connectionId }),
      );
      const server = createServer((request, response) =>
        receive(request, response, opened.connection, secret, queue, ctx),
      );
      const wanted = parseCount(flags.port, '--port') ?? 0;
      await new Promise<void>((resolveListen, reject) => {
        server.once('error', (error) =>
          reject(new CliError(`cannot listen on ${flags.host ?? '127.0.0.1'}:${wanted}: ${error.message}`)),
        );
        try {
          server.listen(wanted, flags.host ?? '127.0.0.1', () => resolveListen());
        } catch (error) {
          reject(new CliError(`cannot listen on port ${wanted}: ${(error as Error).message}`));
        }
      });
      const { address, port } = server.address() as AddressInfo;
      ctx.io.stdout.write(
        `hrkit webhooks: listening on http://${address}:${port}/ for ${opened.provider.displayName} deliveries\n`,
      );
      if (opened.sandbox) {
        // With --sandbox the listener subscribes itself, so changes made through the control API arrive here.
        const subscribed = await opened.provider.subscribeSandbox?.(
          opened.sandbox,
          `http://${address}:${port}/`,
          secret,
        );
        if (!ctx.quiet)
          ctx.io.stderr.write(
            `sandbox: ${opened.sandbox.url} (control API under /_sandbox/)${subscribed ? '; this listener is subscribed to its webhooks' : ''}\n`,
          );
      }
      await ctx.io.interrupted();
      await new Promise<void>((done) => server.close(() => done()));
      await queue.idle();
    } finally {
      await store.close();
      await opened.close();
    }
  });

  const verify = webhooks
    .command('verify')
    .description('verify and parse one saved delivery (exit 7 when the signature does not match)')
    .argument('<provider>', 'hibob | bamboohr')
    .requiredOption('--body <file>', 'the raw body, exactly as received')
    .option('--headers <file>', 'the headers as a JSON object')
    .option('--signature <value>', "the signature header's value (instead of --headers)")
    .option('--timestamp <value>', 'BambooHR: the timestamp header value')
    .option('--secret <secret>', 'the webhook secret (prefer the environment variable)');
  addConnectionOptions(verify).action(async (provider: string, flags: WebhookFlags) => {
    const ctx = context();
    const opened = await openConnection(provider, flags, ctx.io, { offline: true });
    try {
      const secret = webhookSecret(opened, flags, ctx);
      let body: Buffer;
      try {
        body = readFileSync(resolve(ctx.io.cwd, flags.body ?? ''));
      } catch {
        throw new CliError(`cannot read the delivery body ${flags.body}`);
      }
      const headers = readHeaders(flags, opened, ctx);
      const outcome = opened.connection.webhooks.handle({ body, headers }, secret);
      ctx.io.stdout.write(`${JSON.stringify({ verified: true, ...outcome }, null, 2)}\n`);
    } finally {
      await opened.close();
    }
  });
}

function readHeaders(flags: WebhookFlags, opened: OpenedConnection, ctx: CommandContext): Record<string, string> {
  const headers: Record<string, string> = {};
  if (flags.headers) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(resolve(ctx.io.cwd, flags.headers), 'utf8'));
    } catch {
      throw new CliError(`--headers ${flags.headers} must be a readable JSON object of header names to values`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new CliError(`--headers ${flags.headers} must be a JSON object of header names to values`);
    for (const [name, value] of Object.entries(parsed)) headers[name.toLowerCase()] = String(value);
  }
  if (flags.signature) headers[opened.provider.signatureHeader] = flags.signature;
  if (flags.timestamp && opened.provider.timestampHeader) headers[opened.provider.timestampHeader] = flags.timestamp;
  if (Object.keys(headers).length === 0)
    throw new CliError('give the delivery headers with --headers <file> or --signature <value>');
  return headers;
}

/** Read the raw body, verify, answer at once (2xx before any work), and queue the events. */
function receive(
  request: IncomingMessage,
  response: ServerResponse,
  connection: Connection,
  secret: string,
  queue: ApplyQueue,
  ctx: CommandContext,
): void {
  const reply = (status: number, body: Record<string, unknown>) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST') {
    reply(405, { error: 'deliveries are POSTed' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) {
      reply(413, { error: 'delivery too large' });
      return;
    }
    let outcome: WebhookOutcome;
    try {
      outcome = connection.webhooks.handle({ body: Buffer.concat(chunks), headers: request.headers }, secret);
    } catch (error) {
      const status = error instanceof WebhookVerificationError && error.reason !== 'malformed_body' ? 401 : 400;
      if (!ctx.quiet) ctx.io.stderr.write(`rejected delivery (${status}): ${describeError(error, (t) => t).message}\n`);
      reply(status, { error: error instanceof WebhookVerificationError ? error.reason : 'bad delivery' });
      return;
    }
    reply(outcome.kind === 'ping' ? 200 : 202, { ok: true });
    if (outcome.kind === 'events') queue.push(outcome);
  });
}

/** Applies queued deliveries one at a time, in arrival order; a failure is logged and the queue moves on. */
class ApplyQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: CommandContext,
    private readonly opened: OpenedConnection,
    private readonly apply: (
      outcome: WebhookOutcome,
    ) => Promise<{ applied: { entity: string; remoteId: string; action: string }[] }>,
  ) {}

  push(outcome: WebhookOutcome): void {
    this.tail = this.tail.then(async () => {
      try {
        const result = await this.apply(outcome);
        if (!this.ctx.quiet)
          for (const event of result.applied)
            this.ctx.io.stderr.write(`applied ${event.entity} ${event.remoteId} ${event.action}\n`);
      } catch (error) {
        const { message } = describeError(error, (text) => this.opened.redactor.redact(text));
        this.ctx.io.stderr.write(`failed to apply a delivery (the next full sync will reconcile it): ${message}\n`);
      }
    });
  }

  idle(): Promise<void> {
    return this.tail;
  }
}
