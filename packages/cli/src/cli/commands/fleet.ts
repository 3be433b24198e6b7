import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { allCredentialSpecs, providerByKey } from '../providers.js';

/** `@hrkit/fleet` is loaded on first use: the other commands never load BullMQ, ioredis or pg. */
const fleetModule = () => import('@hrkit/fleet');

interface FleetFlags {
  databaseUrl?: string;
  redisUrl?: string;
  prefix?: string;
  store?: string;
}

function addFleetOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL of the registry (default $HRKIT_FLEET_DATABASE_URL)')
    .option('--redis-url <url>', 'Redis of the queues (default $HRKIT_FLEET_REDIS_URL or redis://127.0.0.1:6379)')
    .option('--prefix <prefix>', 'Redis key prefix of this fleet (default $HRKIT_FLEET_PREFIX or hrkit)')
    .option(
      '--store <url>',
      'sync store: postgres://…, sqlite:<path> or memory (default $HRKIT_FLEET_STORE or the registry database)',
    );
}

async function configOf(ctx: CommandContext, flags: FleetFlags) {
  const { fleetConfig } = await fleetModule();
  // Operator keys come from the environment only: never from a flag, where they would land in shell history.
  return fleetConfig(ctx.io.env, {
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    ...(flags.redisUrl ? { redisUrl: flags.redisUrl } : {}),
    ...(flags.prefix ? { prefix: flags.prefix } : {}),
    ...(flags.store ? { store: flags.store } : {}),
  });
}

async function withRegistry<T>(
  ctx: CommandContext,
  flags: FleetFlags,
  run: (registry: import('@hrkit/fleet').ConnectionRegistry) => Promise<T>,
): Promise<T> {
  const { ConnectionRegistry } = await fleetModule();
  const config = await configOf(ctx, flags);
  const registry = await ConnectionRegistry.open({ databaseUrl: config.databaseUrl, keys: config.keys });
  try {
    return await run(registry);
  } finally {
    await registry.close();
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--shutdown-deadline`: a duration, `0` to abort at once. */
function shutdownDeadline(value: string): number {
  return value === '0' ? 0 : parseDuration(value, '--shutdown-deadline')!;
}

/** `90s`, `15m`, `24h`, `2d`, `500ms`. */
export function parseDuration(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (!match) throw new CliError(`${flag} must be a duration such as 90s, 15m, 24h (got "${value}")`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}

function age(from: number | null, now: number): string {
  if (from === null) return 'never';
  const seconds = Math.max(0, Math.round((now - from) / 1000));
  if (seconds < 120) return `${seconds}s ago`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)}m ago`;
  return `${Math.round(seconds / 3_600)}h ago`;
}

export function registerFleet(program: Command, context: () => CommandContext): void {
  const fleet = program
    .command('fleet')
    .description('the connection registry of a fleet (PostgreSQL): add, list, status, pause, resume, rotate-key');

  const add = fleet
    .command('add')
    .description('register a customer connection; its credentials and webhook secret are sealed with HRKIT_FLEET_KEYS')
    .argument('<provider>', 'hibob | bamboohr')
    .argument('<id>', 'connection id: letters, digits, ".", "_" or "-"')
    .requiredOption('--tenant <name>', 'the customer this connection belongs to')
    .option('--base-url <url>', 'API base URL (sandboxes, self-hosted proxies)')
    .option('--webhook-secret <secret>', 'the secret the provider signs webhooks with (or $HRKIT_WEBHOOK_SECRET)')
    .option('--incremental-every <duration>', 'incremental sync interval while webhooks arrive', '15m')
    .option('--full-every <duration>', 'full reconciliation interval', '24h')
    .option('--silent-every <duration>', 'incremental sync interval while the webhook is silent', '2m')
    .option('--silence-after <duration>', 'no delivery for this long while syncs find changes: webhook silent', '1h');
  // A loaded adapter (--provider-module) may declare a credential flag fleet add already has (--webhook-secret):
  // the command's own option wins, so the two never collide.
  for (const spec of allCredentialSpecs())
    if (!add.options.some((option) => option.long === spec.flag.split(' ')[0]))
      add.option(spec.flag, `${spec.configKey} (or $${spec.env})`);
  addFleetOptions(add).action(async (providerKey: string, id: string, flags: FleetFlags & Record<string, string>) => {
    const ctx = context();
    const provider = providerByKey(providerKey);
    const credentials: Record<string, unknown> = {};
    for (const spec of provider.credentials) {
      const value = flags[spec.option] ?? ctx.io.env[spec.env];
      if (!value)
        throw new CliError(`fleet add ${provider.key}: ${spec.flag.split(' ')[0]} (or $${spec.env}) is required`);
      if (spec.secret) ctx.addSecret(value);
      credentials[spec.configKey] = value;
    }
    if (flags.baseUrl) credentials.baseUrl = flags.baseUrl;
    const webhookSecret = flags.webhookSecret ?? ctx.io.env.HRKIT_WEBHOOK_SECRET ?? null;
    ctx.addSecret(webhookSecret);
    const schedule = {
      incrementalEveryMs: parseDuration(flags.incrementalEvery, '--incremental-every')!,
      fullEveryMs: parseDuration(flags.fullEvery, '--full-every')!,
      silentEveryMs: parseDuration(flags.silentEvery, '--silent-every')!,
      silenceAfterMs: parseDuration(flags.silenceAfter, '--silence-after')!,
    };
    const added = await withRegistry(ctx, flags, (registry) =>
      registry.add({ id, provider: provider.key, tenant: flags.tenant!, credentials, webhookSecret, schedule }),
    );
    ctx.io.stdout.write(
      `added ${added.id} (${added.provider}, tenant "${added.tenant}"), secrets sealed under key ${added.keyId}` +
        `${added.webhook.configured ? `; webhook URL path /webhooks/${added.provider}/${added.id}` : ''}\n`,
    );
  });

  addFleetOptions(fleet.command('list').description('every connection with its health and freshness'))
    .option('--format <format>', 'text | json', 'text')
    .action(async (flags: FleetFlags & { format: string }) => {
      const ctx = context();
      const connections = await withRegistry(ctx, flags, (registry) => registry.list());
      if (flags.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(connections, null, 2)}\n`);
        return;
      }
      const now = Date.now();
      const rows = [
        ['ID', 'PROVIDER', 'TENANT', 'HEALTH', 'WEBHOOK', 'LAST SYNC', 'LAST DELIVERY'],
        ...connections.map((c) => [
          c.id,
          c.provider,
          c.tenant,
          c.health,
          !c.webhook.configured ? 'none' : c.webhook.silent ? 'SILENT' : 'ok',
          age(c.lastSyncAt, now),
          age(c.lastDeliveryAt, now),
        ]),
      ];
      const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
      for (const row of rows)
        ctx.io.stdout.write(
          `${row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd()}\n`,
        );
    });

  addFleetOptions(
    fleet.command('status').description('one connection in detail: health and its reason, freshness, webhook'),
  )
    .argument('<id>')
    .option('--format <format>', 'text | json', 'text')
    .action(async (id: string, flags: FleetFlags & { format: string }) => {
      const ctx = context();
      const { storeFromUrl, MAX_DELIVERY_ATTEMPTS } = await fleetModule();
      const connection = await withRegistry(ctx, flags, (registry) => registry.get(id));
      // The deliveries wait in the store's inbox (docs/fleet.md, "The inbox").
      const store = await storeFromUrl((await configOf(ctx, flags)).store)();
      const inbox = await store.inboxDepth(id).finally(() => store.close());
      if (flags.format === 'json') {
        ctx.io.stdout.write(
          `${JSON.stringify({ ...connection, pendingDeliveries: inbox.pending, deadDeliveries: inbox.dead }, null, 2)}\n`,
        );
        return;
      }
      const now = Date.now();
      const minutes = (ms: number) => `${Math.round(ms / 60_000)}m`;
      const lines = [
        `${connection.id}  ${connection.provider}  tenant "${connection.tenant}"`,
        `health:        ${connection.health}${connection.healthReason ? ` — ${connection.healthReason}` : ''}`,
        `last sync:     ${age(connection.lastSyncAt, now)} (full ${age(connection.lastFullSyncAt, now)})` +
          `${connection.lastSyncChanges !== null ? `, ${connection.lastSyncChanges} change(s)` : ''}`,
        `webhook:       ${
          !connection.webhook.configured
            ? 'none (polled on schedule)'
            : connection.webhook.silent
              ? `SILENT — ${connection.webhook.silentReason}; polled every ${minutes(connection.schedule.silentEveryMs)}`
              : 'receiving'
        }`,
        `last delivery: ${age(connection.lastDeliveryAt, now)} (applied ${age(connection.lastAppliedDeliveryAt, now)}), ${inbox.pending} pending` +
          `${inbox.dead > 0 ? `, ${inbox.dead} dead (not applied after ${MAX_DELIVERY_ATTEMPTS} attempts)` : ''}`,
        `schedule:      incremental every ${minutes(connection.schedule.incrementalEveryMs)}, full every ${minutes(connection.schedule.fullEveryMs)}`,
        `sealed under:  key ${connection.keyId}`,
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
    });

  addFleetOptions(fleet.command('pause').description('stop syncing a connection (no request is sent) until resumed'))
    .argument('<id>')
    .option('--reason <text>', 'why, shown in status', 'paused by an operator')
    .action(async (id: string, flags: FleetFlags & { reason: string }) => {
      const ctx = context();
      await withRegistry(ctx, flags, (registry) => registry.pause(id, flags.reason));
      ctx.io.stdout.write(`paused ${id}\n`);
    });

  addFleetOptions(fleet.command('resume').description('sync a paused connection again'))
    .argument('<id>')
    .action(async (id: string, flags: FleetFlags) => {
      const ctx = context();
      await withRegistry(ctx, flags, (registry) => registry.resume(id));
      ctx.io.stdout.write(`resumed ${id}\n`);
    });

  addFleetOptions(
    fleet
      .command('rotate-key')
      .description(
        're-seal every connection under the first key of HRKIT_FLEET_KEYS (keep the old key listed until done)',
      ),
  ).action(async (flags: FleetFlags) => {
    const ctx = context();
    const [count, keyId] = await withRegistry(
      ctx,
      flags,
      async (registry) => [await registry.rotateKeys(), registry.keys.current.id] as const,
    );
    ctx.io.stdout.write(`re-sealed ${count} connection(s) under key ${keyId}\n`);
  });

  addFleetOptions(fleet.command('sync').description('enqueue a sync of one connection now'))
    .argument('<id>')
    .option('--full', 'a full reconciliation')
    .action(async (id: string, flags: FleetFlags & { full?: boolean }) => {
      const ctx = context();
      const { FleetQueues } = await fleetModule();
      const config = await configOf(ctx, flags);
      await withRegistry(ctx, flags, (registry) => registry.get(id));
      const queues = FleetQueues.open(config);
      try {
        const added = await queues.enqueueSync(id, Boolean(flags.full));
        ctx.io.stdout.write(added ? `enqueued a sync of ${id}\n` : `a sync of ${id} is already waiting or running\n`);
      } finally {
        await queues.close();
      }
    });

  addFleetOptions(
    program.command('worker').description('run a fleet worker (sync and webhook jobs) and the scheduler until Ctrl-C'),
  )
    .option('--concurrency <n>', 'jobs at once per queue', '4')
    .option('--scheduler-every <duration>', 'how often this process enqueues what is due; 0 for none', '15s')
    .option('--lock-duration <duration>', 'a killed worker’s job is handed to another after about this', '30s')
    .option('--stalled-interval <duration>', 'how often jobs of killed workers are looked for', '30s')
    .option('--metrics-port <port>', 'serve this worker’s GET /metrics (job outcomes, rate-budget use) on 127.0.0.1')
    .option(
      '--shutdown-deadline <duration>',
      'on SIGTERM/SIGINT, how long jobs in hand may run before they are aborted and go back to the queue',
      '25s',
    )
    .action(
      async (
        flags: FleetFlags & {
          concurrency: string;
          schedulerEvery: string;
          lockDuration: string;
          stalledInterval: string;
          metricsPort?: string;
          shutdownDeadline: string;
        },
      ) => {
        const ctx = context();
        const { runWorker, startMetricsServer } = await fleetModule();
        const config = await configOf(ctx, flags);
        const concurrency = Number(flags.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1)
          throw new CliError('--concurrency must be a whole number >= 1');
        const schedulerEveryMs =
          flags.schedulerEvery === '0' ? 0 : parseDuration(flags.schedulerEvery, '--scheduler-every')!;
        const deadlineMs = shutdownDeadline(flags.shutdownDeadline);
        const running = await runWorker(config, {
          concurrency,
          schedulerEveryMs,
          lockDurationMs: parseDuration(flags.lockDuration, '--lock-duration')!,
          stalledIntervalMs: parseDuration(flags.stalledInterval, '--stalled-interval')!,
        });
        const metricsPort = flags.metricsPort === undefined ? undefined : Number(flags.metricsPort);
        if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort <= 65_535))
          throw new CliError('--metrics-port must be 0-65535');
        const metricsServer =
          metricsPort === undefined ? null : await startMetricsServer(running.metrics, { port: metricsPort });
        ctx.io.stdout.write(
          `hrkit worker ready (pid ${process.pid}, prefix ${config.prefix}, store ${config.store}` +
            `${metricsServer ? `, metrics ${metricsServer.url}/metrics` : ''})\n`,
        );
        await ctx.io.interrupted();
        ctx.io.stderr.write(`stopping: finishing the jobs in hand (at most ${flags.shutdownDeadline})\n`);
        await metricsServer?.close();
        const stopped = await running.stop({ deadlineMs });
        ctx.io.stderr.write(
          stopped === 'finished'
            ? 'stopped: every job in hand finished\n'
            : 'stopped: the deadline passed; the jobs still running were aborted and went back to the queue\n',
        );
      },
    );

  addFleetOptions(
    program
      .command('serve')
      .description(
        'webhook ingress: POST /webhooks/:provider/:connectionId, GET /healthz /readyz /metrics, until Ctrl-C',
      ),
  )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 = any free port)', '8787')
    .option('--shutdown-deadline <duration>', 'on SIGTERM/SIGINT, how long requests in flight may take', '10s')
    .action(async (flags: FleetFlags & { host: string; port: string; shutdownDeadline: string }) => {
      const ctx = context();
      const { runServe } = await fleetModule();
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError('--port must be 0-65535');
      const deadlineMs = shutdownDeadline(flags.shutdownDeadline);
      const running = await runServe(await configOf(ctx, flags), { host: flags.host, port });
      ctx.io.stdout.write(`hrkit serve listening on ${running.ingress.url}\n`);
      await ctx.io.interrupted();
      ctx.io.stderr.write(
        `stopping: no new deliveries, finishing those in flight (at most ${flags.shutdownDeadline})\n`,
      );
      const stopped = await running.stop({ deadlineMs });
      ctx.io.stderr.write(
        stopped === 'finished'
          ? 'stopped: every request in flight finished\n'
          : 'stopped: the deadline passed; connections still open were closed (unacknowledged deliveries are sent again)\n',
      );
    });
}
