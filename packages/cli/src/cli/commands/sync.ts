import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { drainEvents, SyncEngine, type SyncProgress, type SyncResult, type StoreSummary, summarize } from '@hrkit/sync';
import { PRIVATE_FILE_MODE } from '@hrkit/sync/sqlite';
import { type ConnectionFlags, openConnection } from '../connect.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { addConnectionOptions } from '../options.js';
import { ProgressLine } from '../output/progress.js';
import { openStoreFor } from '../store-path.js';

type SyncFlags = ConnectionFlags & {
  store?: string;
  full?: boolean;
  fullEvery?: string;
  events?: string;
  format: 'text' | 'json';
  batchSize?: string;
  allowMassDelete?: boolean;
};

export function registerSync(program: Command, context: () => CommandContext): void {
  const command = program
    .command('sync')
    .description('incremental sync into the store, then a summary and the change events')
    .argument('<provider>', 'hibob | bamboohr')
    .option(
      '--store <path|url>',
      'SQLite store file, or a postgres:// URL (?schema=name) for the PostgreSQL store (default .hrkit/hrkit.sqlite, or "store" in --config, or $HRKIT_STORE)',
    )
    .option('--full', 'force a full reconciliation (full listing diff, whole time-off window)')
    .option('--full-every <hours>', 'run a full reconciliation when the last one is older than this', '24')
    .option('--events <file>', 'deliver change events as JSON Lines to a file (appended), or "-" for stdout')
    .option('--batch-size <n>', 'records per transaction', '200')
    .option('--allow-mass-delete', 'apply a deletion pass even when it removes more than half of the stored records')
    .option('--format <format>', 'summary format: text | json', 'text');
  addConnectionOptions(command).action(async (provider: string, flags: SyncFlags) => {
    const ctx = context();
    if (flags.format !== 'text' && flags.format !== 'json') throw new CliError('--format must be text or json');
    const fullEveryHours = Number(flags.fullEvery);
    if (!Number.isFinite(fullEveryHours) || fullEveryHours < 0)
      throw new CliError('--full-every must be a number of hours');
    const batchSize = Number(flags.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new CliError('--batch-size must be a positive whole number');

    const opened = await openConnection(provider, flags, ctx.io);
    const store = await openStoreFor(opened, flags.store, ctx.io);
    const progress = new ProgressLine(ctx.io.stderr, Boolean(ctx.io.stderr.isTTY) && !ctx.quiet);
    try {
      const result = await new SyncEngine(store).sync(opened.connection, {
        connectionId: opened.connectionId,
        full: flags.full,
        fullSyncEveryMs: fullEveryHours * 3_600_000,
        batchSize,
        ...(flags.allowMassDelete ? { maxDeletionRatio: 1 } : {}),
        onProgress: crashHook(ctx, (p) =>
          progress.update(p.phase === 'time_off' ? 'time off' : p.phase, p.processed, p.total),
        ),
      });
      progress.done();
      const summary = await summarize(store, { connectionId: opened.connectionId, connection: opened.connection });

      // Events: `-` makes stdout pure JSON Lines, so the summary moves to stderr.
      let delivered = 0;
      if (flags.events === '-') {
        // Marked delivered only once stdout accepted the batch: a closed pipe leaves them pending (at-least-once).
        delivered = await drainEvents(
          store,
          opened.connectionId,
          (events) =>
            new Promise<void>((done, fail) =>
              ctx.io.stdout.write(events.map((event) => `${JSON.stringify(event)}\n`).join(''), (error) =>
                error ? fail(error) : done(),
              ),
            ),
        );
      } else if (flags.events) {
        const file = resolve(ctx.io.cwd, flags.events);
        delivered = await drainEvents(store, opened.connectionId, (events) =>
          // 0600 when created: the events carry personal data (docs/security.md › Files).
          appendFileSync(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''), {
            mode: PRIVATE_FILE_MODE,
          }),
        );
      }
      const pending = (await store.listEvents(opened.connectionId, { pendingOnly: true })).length;
      const out = flags.events === '-' ? ctx.io.stderr : ctx.io.stdout;
      if (flags.format === 'json') {
        if (flags.events !== '-' || !ctx.quiet)
          out.write(`${JSON.stringify({ result, summary, events: { delivered, pending } }, null, 2)}\n`);
      } else if (!(ctx.quiet && flags.events === '-')) {
        out.write(renderSummary(result, summary, { delivered, pending, target: flags.events ?? null }));
      }
      if (result.warnings.length > 0 || summary.warnings.length > 0 || result.dataIssues.length > 0)
        ctx.setExitCode(EXIT.DONE_WITH_WARNINGS);
    } finally {
      progress.done();
      await store.close();
      await opened.close();
    }
  });
}

/**
 * Test hook: with HRKIT_TEST_CRASH_AFTER_RECORDS=N the process kills itself (SIGKILL: no cleanup, no rollback
 * handler, an open transaction left behind) after N records — a real crash at a deterministic point, used by the
 * end-to-end crash-and-resume test.
 */
function crashHook(ctx: CommandContext, next: (progress: SyncProgress) => void): (progress: SyncProgress) => void {
  const limit = Number(ctx.io.env.HRKIT_TEST_CRASH_AFTER_RECORDS);
  if (!Number.isInteger(limit) || limit <= 0) return next;
  let seen = 0;
  return (progress) => {
    seen += 1;
    if (seen >= limit) process.kill(process.pid, 'SIGKILL');
    next(progress);
  };
}

function list(bucket: Record<string, number>): string {
  const entries = Object.entries(bucket).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length === 0 ? '-' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}

function counts(bucket: Record<string, number>): string {
  return Object.entries(bucket)
    .map(([key, count]) => `${key} ${count}`)
    .join('  ');
}

/** One line per issue: where (record index or id, field) and why; the value only as its type, never its content. */
function describeIssue(issue: SyncResult['dataIssues'][number]): string {
  const where = [
    issue.entity.replaceAll('_', ' '),
    issue.recordId !== undefined ? `id ${issue.recordId}` : null,
    issue.recordIndex !== undefined ? `#${issue.recordIndex}` : null,
    issue.field,
  ];
  return `${where.filter(Boolean).join(' ')}: ${issue.reason}`;
}

export function renderSummary(
  result: SyncResult,
  summary: StoreSummary,
  events: { delivered: number; pending: number; target: string | null },
): string {
  const seconds = ((Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000).toFixed(1);
  const lines = [
    `${result.connectionId}: ${result.mode} sync finished in ${seconds}s`,
    `  employees        ${counts(result.counts.employees)}`,
    `  time-off         ${counts(result.counts.timeOffRequests)}`,
    `headcount ${summary.headcount} (terminated ${summary.terminated}, deleted ${summary.deleted})`,
    `  by worker kind   ${list(summary.byWorkerKind)}`,
    `  by category      ${list(summary.byCustomerCategory)}`,
    `who's out today (${summary.date}, from the ${summary.outTodaySource}): ${summary.outToday.length}`,
    ...summary.outToday
      .slice(0, 20)
      .map(
        (out) =>
          `  ${out.displayName ?? out.employeeId}  ${out.policy}${out.portion && out.portion !== 'all_day' ? ` (${out.portion})` : ''}`,
      ),
    ...(summary.outToday.length > 20 ? [`  … and ${summary.outToday.length - 20} more`] : []),
    events.target
      ? `events: ${result.newEvents} new, ${events.delivered} delivered to ${events.target === '-' ? 'stdout' : events.target}`
      : `events: ${result.newEvents} new, ${events.pending} pending in the outbox (deliver with --events <file>)`,
    ...result.warnings.map((warning) => `warning: ${warning}`),
    ...summary.warnings.map((warning) => `warning: ${warning}`),
    ...result.dataIssues.slice(0, 20).map((issue) => `data issue: ${describeIssue(issue)}`),
    ...(result.dataIssues.length > 20 ? [`  … and ${result.dataIssues.length - 20} more data issues`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
