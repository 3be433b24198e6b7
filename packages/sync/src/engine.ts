import { type ChangeEvent, type Connection, hrkitId, NotFoundError, PermissionError } from '@hrkit/core';
import { type ApplyContext, applyRecord, markDeleted, type SyncedRecord } from './apply-record.js';
import { arrayBatches, batches, mapWithConcurrency } from './batches.js';
import { type ChangeCounts, countEvent, emptyCounts } from './counts.js';
import type { ConnectionState, SyncStore, SyncUnitOfWork } from './store.js';

const DAY_MS = 86_400_000;
/** Single-record reads in flight at once while following a changes feed. */
const FETCH_CONCURRENCY = 4;

/** Cursor names in `ConnectionState.cursors`. */
export const CURSORS = {
  employeeChanges: 'employees.changes',
  timeOffRequestChanges: 'timeOff.requestChanges',
} as const;

export interface SyncProgress {
  phase: 'employees' | 'time_off' | 'finalize';
  /** Records processed in this phase so far. */
  processed: number;
  /** Records expected in this phase, when known in advance. */
  total: number | null;
}

export interface SyncOptions {
  /** Key of this connection's state in the store. Default: the provider key. */
  connectionId?: string;
  /** Force a full reconciliation: full employee listing and the whole time-off window re-read. */
  full?: boolean;
  /** Run a full reconciliation when the last one is older than this. Default 24 h. */
  fullSyncEveryMs?: number;
  /** Time source (ms since epoch). Default Date.now. */
  now?: () => number;
  /** Records per transaction. Default 200. */
  batchSize?: number;
  /** How far back time off is read on a first or full sync. Default 180 days (HiBob's changes feed allows 6 months). */
  timeOffLookbackDays?: number;
  /** How far ahead range reads look (providers without a changes feed). Default 365 days. */
  timeOffHorizonDays?: number;
  /**
   * Feeds are re-read from this long before the cursor. Provider timestamps are coarse (BambooHR: seconds) and
   * clocks drift; re-reading a little is free (unchanged fingerprints emit nothing), missing a change is not.
   * Default 5 minutes.
   */
  cursorOverlapMs?: number;
  /**
   * Refuse a deletion pass that would delete more than this fraction of the stored live records (of one entity, when
   * there are at least 10): a credential that suddenly sees fewer people (permissions or audience changed) must not
   * turn into mass `deleted` events. The run reports a warning instead. 1 disables the guard. Default 0.5.
   */
  maxDeletionRatio?: number;
  /**
   * Called after each record is staged, inside its transaction. Throwing aborts the run and rolls the open batch
   * back: this is how tests simulate a crash after N records.
   */
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

export interface SyncResult {
  connectionId: string;
  provider: string;
  /** `full` when this run reconciled everything; `incremental` when it followed feeds from cursors. */
  mode: 'full' | 'incremental';
  startedAt: string;
  finishedAt: string;
  counts: ChangeCounts;
  /** Events this run added to the outbox. */
  newEvents: number;
  /** What was skipped and why (unsupported capability, clamped cursor…). */
  warnings: string[];
}

interface RunContext extends ApplyContext {
  connection: Connection;
  options: Required<
    Pick<
      SyncOptions,
      'batchSize' | 'timeOffLookbackDays' | 'timeOffHorizonDays' | 'cursorOverlapMs' | 'maxDeletionRatio'
    >
  > &
    SyncOptions;
  counts: ChangeCounts;
  warnings: string[];
  newEvents: number;
  startedMs: number;
}

/** What the final transaction must do once every batch is in. */
interface Finalize {
  employeeSeen: Set<string> | null;
  timeOffSeen: { ids: Set<string>; from: string; to: string } | null;
  cursors: Record<string, string>;
}

/**
 * Incremental sync of one connection into a store.
 *
 * Crash safety: records are applied in batches, each batch one transaction that writes the rows and their events
 * (outbox) together. Cursors and `lastFullSyncAt` move only in the final transaction, after every record they
 * cover is committed, together with the deletion pass. A run killed at any point leaves the old cursors; the next
 * run re-reads from them, finds the already-applied records unchanged (same fingerprint) and emits only what is
 * still missing — ending in the same state, with the same events, as an uninterrupted run.
 */
export class SyncEngine {
  constructor(private readonly store: SyncStore) {}

  async sync(connection: Connection, options: SyncOptions = {}): Promise<SyncResult> {
    const now = options.now ?? Date.now;
    const startedMs = now();
    const connectionId = options.connectionId ?? connection.provider;
    const state = await this.store.getState(connectionId);
    const fullEvery = options.fullSyncEveryMs ?? DAY_MS;
    const full =
      options.full === true ||
      state.lastFullSyncAt === null ||
      startedMs - Date.parse(state.lastFullSyncAt) >= fullEvery;
    const context: RunContext = {
      connectionId,
      provider: connection.provider,
      now: new Date(startedMs).toISOString(),
      origin: 'sync',
      connection,
      options: {
        batchSize: 200,
        timeOffLookbackDays: 180,
        timeOffHorizonDays: 365,
        cursorOverlapMs: 300_000,
        maxDeletionRatio: 0.5,
        ...options,
      },
      counts: emptyCounts(),
      warnings: [],
      newEvents: 0,
      startedMs,
    };
    const finalize: Finalize = { employeeSeen: null, timeOffSeen: null, cursors: { ...state.cursors } };

    await this.syncEmployees(context, state, full, finalize);
    try {
      await this.syncTimeOff(context, state, full, finalize);
    } catch (error) {
      // Time off is optional: a missing permission must not stop employees from reconciling. Its cursor is only
      // set after a complete read, so it stays put and nothing is lost once the permission is granted.
      if (!(error instanceof PermissionError)) throw error;
      finalize.timeOffSeen = null;
      context.warnings.push(
        `time off not synced: ${error.message}${error.permission ? ` (grant "${error.permission}")` : ''}`,
      );
    }
    await this.finish(context, state, full, finalize);

    return {
      connectionId,
      provider: connection.provider,
      mode: full ? 'full' : 'incremental',
      startedAt: context.now,
      finishedAt: new Date(now()).toISOString(),
      counts: context.counts,
      newEvents: context.newEvents,
      warnings: context.warnings,
    };
  }

  private async syncEmployees(context: RunContext, state: ConnectionState, full: boolean, finalize: Finalize) {
    const { connection } = context;
    const cursor = state.cursors[CURSORS.employeeChanges];
    if (!full && connection.supports('employees.changes') && cursor) {
      await this.followEmployeeFeed(context, rewind(cursor, context.options.cursorOverlapMs));
      finalize.cursors[CURSORS.employeeChanges] = context.now;
      return;
    }
    if (!connection.supports('employees.list')) {
      context.warnings.push(`${connection.provider} does not support employees.list: employees not synced`);
      return;
    }
    // Full listing including leavers: the only way to see deletions, and HiBob's only way at all (no changed-since).
    const seen = new Set<string>();
    let processed = 0;
    for await (const batch of batches(
      connection.employees.list({ includeInactive: true, signal: context.options.signal }),
      context.options.batchSize,
    )) {
      await this.applyBatch(
        context,
        'employees',
        batch.map((record) => ({ entity: 'employee', record }) as const),
        () => {
          processed += 1;
          return processed;
        },
      );
      for (const record of batch) seen.add(record.id);
    }
    finalize.employeeSeen = seen;
    if (connection.supports('employees.changes')) finalize.cursors[CURSORS.employeeChanges] = context.now;
  }

  /** Provider feed (e.g. BambooHR employees/changed): fetch each changed employee, mark reported deletions. */
  private async followEmployeeFeed(context: RunContext, since: string) {
    const { connection } = context;
    const latest = new Map<string, 'created' | 'updated' | 'deleted'>();
    for await (const change of connection.employees.changes({ since, signal: context.options.signal }))
      latest.set(change.remoteId, change.action);
    const entries = [...latest.entries()];
    let processed = 0;
    for (const batch of arrayBatches(entries, context.options.batchSize)) {
      // Fetch outside the transaction (a transaction never waits on the network), a few at a time: the provider's
      // rate limit is shared with everything else this credential does.
      const fetched = await mapWithConcurrency(batch, FETCH_CONCURRENCY, async ([remoteId, action]) => {
        if (action === 'deleted') return { remoteId, record: null };
        try {
          return { remoteId, record: await connection.employees.get(remoteId, { signal: context.options.signal }) };
        } catch (error) {
          if (error instanceof NotFoundError) return { remoteId, record: null };
          throw error;
        }
      });
      await this.store.transaction(async (unit) => {
        await unit.prefetchRecords?.(
          context.connectionId,
          'employee',
          fetched.map(({ remoteId }) => hrkitId(connection.provider, remoteId)),
        );
        for (const { remoteId, record } of fetched) {
          const event = record
            ? await applyRecord(unit, context, { entity: 'employee', record })
            : await markDeleted(unit, context, 'employee', hrkitId(connection.provider, remoteId));
          this.note(context, event);
          processed += 1;
          context.options.onProgress?.({ phase: 'employees', processed, total: entries.length });
        }
      });
    }
  }

  private async syncTimeOff(context: RunContext, state: ConnectionState, full: boolean, finalize: Finalize) {
    const { connection, options } = context;
    const windowStartMs = context.startedMs - options.timeOffLookbackDays * DAY_MS;
    let processed = 0;
    const counter = () => {
      processed += 1;
      return processed;
    };
    if (connection.supports('timeOff.requestChanges')) {
      const cursor = state.cursors[CURSORS.timeOffRequestChanges];
      const windowStart = new Date(windowStartMs).toISOString();
      // A cursor older than the feed window means a gap nobody can re-read: say so, then re-read what still exists.
      if (cursor && Date.parse(cursor) < windowStartMs)
        context.warnings.push(
          `time-off cursor ${cursor} is older than the ${options.timeOffLookbackDays}-day feed window: changes before ` +
            `${windowStart} may be lost; re-reading the whole window`,
        );
      const since =
        full || !cursor || Date.parse(cursor) < windowStartMs
          ? windowStart
          : rewind(cursor, options.cursorOverlapMs, windowStartMs);
      const feed = connection.timeOff.requestChanges({
        since,
        until: context.now,
        includePending: true,
        signal: options.signal,
      });
      for await (const batch of batches(feed, options.batchSize))
        await this.applyBatch(
          context,
          'time_off',
          batch.map((record) => ({ entity: 'time_off_request', record }) as const),
          counter,
        );
      finalize.cursors[CURSORS.timeOffRequestChanges] = context.now;
      return;
    }
    if (connection.supports('timeOff.requests')) {
      // No changes feed: read the whole window every time and diff it, deletions included.
      const from = isoDate(windowStartMs);
      const to = isoDate(context.startedMs + options.timeOffHorizonDays * DAY_MS);
      const ids = new Set<string>();
      const reads = connection.timeOff.requests({ from, to, includePending: true, signal: options.signal });
      for await (const batch of batches(reads, options.batchSize)) {
        await this.applyBatch(
          context,
          'time_off',
          batch.map((record) => ({ entity: 'time_off_request', record }) as const),
          counter,
        );
        for (const record of batch) ids.add(record.id);
      }
      finalize.timeOffSeen = { ids, from, to };
      return;
    }
    context.warnings.push(
      `${connection.provider} supports neither timeOff.requestChanges nor timeOff.requests: time off not synced`,
    );
  }

  private async applyBatch(
    context: RunContext,
    phase: SyncProgress['phase'],
    batch: SyncedRecord[],
    count: () => number,
  ) {
    if (context.options.signal?.aborted) throw context.options.signal.reason;
    await this.store.transaction(async (unit) => {
      const first = batch[0];
      if (first)
        await unit.prefetchRecords?.(
          context.connectionId,
          first.entity,
          batch.map((input) => input.record.id),
        );
      for (const input of batch) {
        this.note(context, await applyRecord(unit, context, input));
        context.options.onProgress?.({ phase, processed: count(), total: null });
      }
    });
  }

  /** The last transaction: deletions found by full listings, then cursors — only now that everything is in. */
  private async finish(context: RunContext, state: ConnectionState, full: boolean, finalize: Finalize) {
    await this.store.transaction(async (unit: SyncUnitOfWork) => {
      let processed = 0;
      const progress = () => context.options.onProgress?.({ phase: 'finalize', processed: ++processed, total: null });
      if (finalize.employeeSeen) {
        const seen = finalize.employeeSeen;
        const live = await unit.listLiveIds(context.connectionId, 'employee');
        const gone = live.filter((id) => !seen.has(id));
        if (this.deletionAllowed(context, 'employees', gone.length, live.length)) {
          await unit.prefetchRecords?.(context.connectionId, 'employee', gone);
          for (const id of gone) {
            this.note(context, await markDeleted(unit, context, 'employee', id));
            progress();
          }
        }
      }
      if (finalize.timeOffSeen) {
        const { ids, from, to } = finalize.timeOffSeen;
        const inWindow = (await unit.listRecords(context.connectionId, 'time_off_request')).filter((record) =>
          overlaps(record.data, from, to),
        );
        const gone = inWindow.filter((record) => !ids.has(record.id));
        if (this.deletionAllowed(context, 'time-off requests', gone.length, inWindow.length))
          for (const record of gone) {
            this.note(context, await markDeleted(unit, context, 'time_off_request', record.id));
            progress();
          }
      }
      await unit.putState(context.connectionId, {
        lastFullSyncAt: full ? context.now : state.lastFullSyncAt,
        lastSyncAt: context.now,
        cursors: finalize.cursors,
      });
    });
  }

  private deletionAllowed(context: RunContext, what: string, gone: number, live: number): boolean {
    const ratio = context.options.maxDeletionRatio;
    if (gone === 0 || live < 10 || ratio >= 1 || gone <= live * ratio) return true;
    context.warnings.push(
      `not deleting ${gone} of ${live} ${what} missing from the listing (more than ${Math.round(ratio * 100)}%): ` +
        'check the credential still sees everyone; run with maxDeletionRatio 1 (--allow-mass-delete) if this is real',
    );
    return false;
  }

  private note(context: RunContext, event: ChangeEvent | null) {
    if (!event) return;
    countEvent(context.counts, event);
    context.newEvents += 1;
  }
}

/** `cursor` minus the overlap, never earlier than `floor`. */
function rewind(cursor: string, overlapMs: number, floor = Number.NEGATIVE_INFINITY): string {
  return new Date(Math.max(Date.parse(cursor) - overlapMs, floor)).toISOString();
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether a stored request's leave overlaps [from, to] (dates compare as strings). */
function overlaps(data: unknown, from: string, to: string): boolean {
  const request = data as { start?: { date?: string }; end?: { date?: string } | null };
  const start = request.start?.date;
  if (!start) return false;
  const end = request.end?.date ?? start;
  return start <= to && end >= from;
}
