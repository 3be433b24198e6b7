import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type ConnectionFlags, type OpenedConnection, openConnection, parseCount } from '../connect.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import {
  addInboxLimitOptions,
  type InboxLimitFlags,
  inboxLimitsOf,
  parsePositiveCount,
} from '../inbox-limit-options.js';
import { addConnectionOptions } from '../options.js';
import { openStoreFor } from '../store-path.js';
import { WebhookListener } from './webhook-listener.js';

type WebhookFlags = ConnectionFlags &
  InboxLimitFlags & {
    secret?: string;
    port?: string;
    host?: string;
    store?: string;
    body?: string;
    headers?: string;
    signature?: string;
    timestamp?: string;
    shutdownDeadline?: string;
    maxAttempts?: string;
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
    .description(
      'listen for deliveries: verify, store them in the inbox, answer 2xx, and apply the inbox in the background',
    )
    .argument('<provider>', 'hibob | bamboohr')
    .option('--port <port>', 'port to listen on (0 = any free port)', '0')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--secret <secret>', 'the webhook secret (prefer the environment variable)')
    .option('--store <path|url>', 'SQLite store file or postgres:// URL (default .hrkit/hrkit.sqlite)')
    .option('--shutdown-deadline <seconds>', 'on SIGTERM/SIGINT, how long the delivery being applied may take', '10')
    .option('--max-attempts <count>', 'failed applications of a delivery before it is given up (dead)', '5');
  addConnectionOptions(addInboxLimitOptions(serve)).action(async (provider: string, flags: WebhookFlags) => {
    const ctx = context();
    const limits = inboxLimitsOf(flags);
    const settings = {
      maxInboxDepth: limits.maxPending,
      retryAfterSeconds: limits.retryAfterSeconds,
      shutdownDeadlineMs: (parseCount(flags.shutdownDeadline, '--shutdown-deadline') ?? 10) * 1_000,
      maxAttempts: parsePositiveCount(flags.maxAttempts, '--max-attempts'),
    };
    const opened = await openConnection(provider, flags, ctx.io);
    // Durable: each inbox commit is fsynced before the delivery is acknowledged (docs/security.md).
    const store = await openStoreFor(opened, flags.store, ctx.io, { durable: true });
    try {
      const secret = webhookSecret(opened, flags, ctx);
      const listener = new WebhookListener(ctx, opened, store, { ...settings, secret });
      await listener.start();
      const { server } = listener;
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
        const subscribe = opened.sandbox.webhooks?.subscribe;
        if (subscribe) await subscribe(`http://${address}:${port}/`, secret);
        const subscribed = subscribe !== undefined;
        if (!ctx.quiet)
          ctx.io.stderr.write(
            `sandbox: ${opened.sandbox.url} (control API under /_sandbox/)${subscribed ? '; this listener is subscribed to its webhooks' : ''}\n`,
          );
      }
      await ctx.io.interrupted();
      await listener.stop(settings.shutdownDeadlineMs);
    } finally {
      await store.close();
      await opened.close();
    }
  });

  const inbox = webhooks
    .command('inbox')
    .description('show the webhook inbox: pending and dead deliveries (JSON on stdout)')
    .argument('<provider>', 'hibob | bamboohr')
    .option('--store <path>', 'SQLite store file (default .hrkit/hrkit.sqlite)');
  addConnectionOptions(inbox).action(async (provider: string, flags: WebhookFlags) => {
    const ctx = context();
    const opened = await openConnection(provider, flags, ctx.io, { offline: true });
    const store = await openStoreFor(opened, flags.store, ctx.io);
    try {
      const depth = await store.inboxDepth(opened.connectionId);
      const dead = await store.listInbox(opened.connectionId, { status: 'dead' });
      const summary = {
        connectionId: opened.connectionId,
        ...depth,
        deadItems: dead.map(({ seq, eventId, recordKey, receivedAt, attempts, lastError }) => ({
          seq,
          eventId,
          recordKey,
          receivedAt,
          attempts,
          lastError,
        })),
      };
      ctx.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
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
