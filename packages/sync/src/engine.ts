import {
  type ChangeEvent,
  type Connection,
  type DataIssue,
  type Employee,
  HrKitError,
  hrkitId,
  NotFoundError,
  PermissionError,
  type TimeOffRequest,
} from '@hrkit/core';
import { type ApplyContext, applyRecord, markDeleted, markEmployeeDeleted, type SyncedRecord } from './apply-record.js';
import { arrayBatches, mapWithConcurrency, startWithConcurrency } from './batches.js';
import { type ChangeCounts, countEvent, emptyCounts } from './counts.js';
import { syncBalancesAndPay } from './balances-and-pay.js';
import { feedCancellation } from './confirmation.js';
import { comparable, stableStringify } from './fingerprint.js';
import { readAheadBatches } from './read-ahead.js';
import type { ConnectionState, SyncStore, SyncUnitOfWork } from './store.js';

const DAY_MS = 86_400_000;
/** Single-record reads in flight at once while following a changes feed. */
const FETCH_CONCURRENCY = 4;
/**
 * Listings are read ahead by this many batches: the adapter's next request is in flight while a batch is mapped and
 * stored, so a sync waits for the provider, not for itself. A HiBob search answers 500 people; 4 × 200 covers a whole
 * answer, and memory stays bounded (docs/performance.md, "Sync (issue 17)").
 */
const READ_AHEAD_BATCHES = 4;

/** Cursor names in `ConnectionState.cursors`. */
export const CURSORS = {
  employeeChanges: 'employees.changes',
  timeOffRequestChanges: 'timeOff.requestChanges',
} as const;

export interface SyncProgress {
  phase: 'employees' | 'time_off' | 'balances' | 'compensation' | 'finalize';
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
  /**
   * Also sync time-off balances and emit `time_off_balance` created/updated events when the numbers move (a request
   * approved, an accrual). Opt-in like the read itself. Default false.
   */
  includeBalances?: boolean;
  /**
   * Also sync compensation rows and emit `compensation` created/updated events — the salary change a payment product
   * waits for. Opt-in: this is the sync's `includeCompensation` for the pay read. Default false.
   */
  includeCompensation?: boolean;
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
  /** What was skipped and why (unsupported capability, clamped cursor, incomplete listing…). */
  warnings: string[];
  /**
   * Provider data hrkit could not read: whole records left out of a listing (`recordIndex`, no usable or a duplicate
   * id, a request ending before it starts) and values left unread on records that were applied (`recordId`,
   * `field`, `value`, `reason`). Never turned into events; see docs/sync.md.
   */
  dataIssues: SyncDataIssue[];
  /** Records left out because they could not be read, per entity. */
  unreadable: { employees: number; timeOffRequests: number };
}

/** A DataIssue (core) and the entity whose listing or record it was found in. */
export type SyncDataIssue = DataIssue & { entity: 'employee' | 'time_off_request' };

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
  dataIssues: SyncDataIssue[];
  unreadable: SyncResult['unreadable'];
  newEvents: number;
  startedMs: number;
}

/** One listing being read: its records' ids so far, and whether something in it could not be read. */
interface Listing {
  entity: 'employee' | 'time_off_request';
  seen: Set<string>;
  index: number;
  incomplete: boolean;
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
    const connectionId = options.connectionId ?? connection.provider;
    // A store shared by several processes runs one sync per connection at a time (docs/sync.md, "PostgreSQL store").
    if (this.store.exclusive) return this.store.exclusive(connectionId, () => this.run(connection, options));
    return this.run(connection, options);
  }

  private async run(connection: Connection, options: SyncOptions): Promise<SyncResult> {
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
      dataIssues: [],
      unreadable: { employees: 0, timeOffRequests: 0 },
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
    await syncBalancesAndPay(context, (phase, batch, count) => this.applyBatch(context, phase, batch, count));
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
      dataIssues: context.dataIssues,
      unreadable: context.unreadable,
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
    const listing = newListing('employee');
    let processed = 0;
    await this.applyListing(
      context,
      listing,
      'employees',
      (onDataIssue) =>
        connection.employees.list({ includeInactive: true, signal: context.options.signal, onDataIssue }),
      () => {
        processed += 1;
        return processed;
      },
    );
    finalize.employeeSeen = this.completeOrNull(context, listing, 'employees');
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
          if (record) {
            this.noteRecordIssues(context, 'employee', record);
            this.note(context, await applyRecord(unit, context, { entity: 'employee', record }));
          } else
            for (const event of await markEmployeeDeleted(unit, context, hrkitId(connection.provider, remoteId)))
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
    const hasFeed = connection.supports('timeOff.requestChanges');
    // A full reconciliation reads the whole window with a deletion pass wherever the provider has a complete range
    // read, whatever the incremental path is: a feed reports changes, never disappearances (docs/sync.md).
    const reconcileByRange =
      connection.supports('timeOff.requests') && (!hasFeed || (full && connection.timeOffRangeIsComplete));
    if (hasFeed && !reconcileByRange) {
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
      const listing = newListing('time_off_request');
      const feed = connection.timeOff.requestChanges({
        since,
        until: context.now,
        includePending: true,
        signal: options.signal,
        onDataIssue: (issue) => this.unreadable(context, listing, issue),
      });
      const latest = await this.latestPerRequest(context, listing, feed);
      // Confirmation reads run in the background while the batches they are done for are applied: the provider's
      // waits and our writes overlap, in the same order and with the same outcome as confirming all first.
      // Which requests the feed reports a change for since the last sync: on an incremental read, all of them; on a
      // full re-read, those in the feed since the cursor (read only if a declined request might be left unread).
      const recentlyChanged = () =>
        full && cursor && Date.parse(cursor) >= windowStartMs
          ? this.changedSince(context, rewind(cursor, options.cursorOverlapMs, windowStartMs))
          : Promise.resolve(null);
      const confirming = await this.confirmCancellations(context, latest, recentlyChanged);
      try {
        for (let start = 0; start < latest.length; start += options.batchSize) {
          const batch = await Promise.all(
            latest.slice(start, start + options.batchSize).map((record, at) => confirming.get(start + at) ?? record),
          );
          await this.applyBatch(
            context,
            'time_off',
            batch.map((record) => ({ entity: 'time_off_request', record }) as const),
            counter,
          );
        }
      } finally {
        confirming.stop();
      }
      finalize.cursors[CURSORS.timeOffRequestChanges] = context.now;
      return;
    }
    if (reconcileByRange) {
      // Read the whole window and diff it, deletions included.
      const from = isoDate(windowStartMs);
      const to = isoDate(context.startedMs + options.timeOffHorizonDays * DAY_MS);
      const listing = newListing('time_off_request');
      await this.applyListing(
        context,
        listing,
        'time_off',
        (onDataIssue) =>
          connection.timeOff.requests({ from, to, includePending: true, signal: options.signal, onDataIssue }),
        counter,
      );
      const ids = this.completeOrNull(context, listing, 'time-off requests');
      finalize.timeOffSeen = ids ? { ids, from, to } : null;
      // The range read covers everything the feed would have reported up to now.
      if (hasFeed) finalize.cursors[CURSORS.timeOffRequestChanges] = context.now;
      return;
    }
    context.warnings.push(
      `${connection.provider} supports neither timeOff.requestChanges nor timeOff.requests: time off not synced`,
    );
  }

  /**
   * A feed may hold several snapshots of one request: the one with the latest own timestamp (`updatedAt`, else
   * `requestedAt`) wins, never the one that arrived last. Two snapshots that cannot be ordered are a data issue;
   * the first is kept.
   */
  private async latestPerRequest(
    context: RunContext,
    listing: Listing,
    feed: AsyncIterable<TimeOffRequest>,
  ): Promise<TimeOffRequest[]> {
    const latest = new Map<string, TimeOffRequest>();
    for await (const record of feed) {
      const index = listing.index++;
      if (!this.admitTimeOff(context, listing, record, index)) continue;
      const current = latest.get(record.id);
      if (!current) {
        latest.set(record.id, record);
        continue;
      }
      const [was, is] = [stampOf(current), stampOf(record)];
      if (was === null || is === null) {
        if (stableJson(current) !== stableJson(record))
          this.issue(context, 'time_off_request', {
            recordIndex: index,
            recordId: record.remoteId,
            field: 'updatedAt',
            value: record.updatedAt,
            reason:
              'the feed holds two different snapshots of this request and no timestamp to order them: kept the first',
          });
        continue;
      }
      if (is > was) latest.set(record.id, record);
    }
    return [...latest.values()];
  }

  /**
   * A feed can be less precise than the record's own read: HiBob's says `Canceled` for a declined request too, while
   * the request (what a webhook fetches) says `declined`. A feed record that says `cancelled` is therefore confirmed
   * by reading the request, so the sync path and the webhook path describe it the same way — unless the read could
   * only repeat what the store holds (`feedCancellation`): stored as cancelled, or stored as declined with the feed's
   * record otherwise identical and no feed change for it since the last sync (`recentlyChanged`: null means every
   * record counts as changed). Cost: one read per new cancellation or decline (docs/sync.md › Time off).
   * The reads start at once, FETCH_CONCURRENCY at a time, and the caller awaits them batch by batch (`get(index)`:
   * the confirmed record, or undefined when the feed's stands), so it can apply earlier batches meanwhile.
   */
  private async confirmCancellations(
    context: RunContext,
    records: TimeOffRequest[],
    recentlyChanged: () => Promise<ReadonlySet<string> | null>,
  ): Promise<{ get: (index: number) => Promise<TimeOffRequest> | undefined; stop: () => void }> {
    const { connection } = context;
    if (!connection.supports('timeOff.request')) return { get: () => undefined, stop: () => {} };
    const doubtful: number[] = [];
    const unchangedDeclines = new Map<number, TimeOffRequest>();
    for (const [index, record] of records.entries()) {
      if (record.status.value !== 'cancelled') continue;
      const stored = await this.store.getRecord(context.connectionId, 'time_off_request', record.id);
      const verdict = feedCancellation(record, stored);
      if (verdict.kind === 'confirm') doubtful.push(index);
      else if (verdict.kind === 'declined-unchanged') unchangedDeclines.set(index, verdict.record);
    }
    const resolved = new Map<number, Promise<TimeOffRequest>>();
    if (unchangedDeclines.size > 0) {
      const recent = await recentlyChanged();
      for (const [index, asStored] of unchangedDeclines)
        if (recent && !recent.has(asStored.id)) resolved.set(index, Promise.resolve(asStored));
        else doubtful.push(index);
      doubtful.sort((a, b) => a - b);
    }
    const confirming = startWithConcurrency(doubtful, FETCH_CONCURRENCY, async (index) => {
      const record = records[index]!;
      try {
        return await connection.timeOff.request(record.employee.remoteId, record.remoteId, {
          signal: context.options.signal,
        });
      } catch (error) {
        // Unreadable now (gone, refused): the feed's word stands.
        if (error instanceof HrKitError) return record;
        throw error;
      }
    });
    // Only the doubtful records get a read; unchanged declines keep the stored record; the others stand as given.
    for (const [position, index] of doubtful.entries()) resolved.set(index, confirming.results[position]!);
    return { get: (index) => resolved.get(index), stop: confirming.stop };
  }

  /**
   * The ids of the time-off requests the feed reports a change for since `since` (one read of the feed's recent part),
   * or null — every record counts as changed — when that read fails: skipping a confirmation is only ever an
   * optimisation, never a guess.
   */
  private async changedSince(context: RunContext, since: string): Promise<ReadonlySet<string> | null> {
    const ids = new Set<string>();
    try {
      for await (const record of context.connection.timeOff.requestChanges({
        since,
        until: context.now,
        includePending: true,
        signal: context.options.signal,
        // Issues in this part of the feed are reported by the full read, which covers it.
        onDataIssue: () => {},
      }))
        ids.add(record.id);
    } catch (error) {
      if (error instanceof HrKitError) return null;
      throw error;
    }
    return ids;
  }

  /**
   * Apply a full listing batch by batch, read ahead (see READ_AHEAD_BATCHES). What the adapter reports on the side
   * (`onDataIssue`) is noted in the order plain batching noted it — the issues met while a batch was being read,
   * then that batch's own — so read-ahead changes when requests go out, never what a run reports.
   */
  private async applyListing(
    context: RunContext,
    listing: Listing,
    phase: 'employees' | 'time_off',
    read: (onDataIssue: (issue: DataIssue) => void) => AsyncIterable<Employee | TimeOffRequest>,
    count: () => number,
  ) {
    const { batchSize } = context.options;
    const progress = { pulled: 0 };
    const deferred: { after: number; issue: DataIssue }[] = [];
    const noteIssuesBefore = (limit: number) => {
      let taken = 0;
      while (taken < deferred.length && (deferred[taken] as { after: number }).after < limit) {
        this.unreadable(context, listing, (deferred[taken] as { issue: DataIssue }).issue);
        taken += 1;
      }
      deferred.splice(0, taken);
    };
    const source = read((issue) => deferred.push({ after: progress.pulled, issue }));
    let batchIndex = 0;
    for await (const batch of readAheadBatches(source, batchSize, batchSize * READ_AHEAD_BATCHES, progress)) {
      batchIndex += 1;
      noteIssuesBefore(batchIndex * batchSize);
      const admitted = batch.filter((record) => this.admit(context, listing, record));
      await this.applyBatch(
        context,
        phase,
        admitted.map((record) =>
          listing.entity === 'employee'
            ? ({ entity: 'employee', record: record as Employee } as const)
            : ({ entity: 'time_off_request', record: record as TimeOffRequest } as const),
        ),
        count,
      );
    }
    noteIssuesBefore(Number.POSITIVE_INFINITY);
  }

  /** Whether a listed record is applied: a duplicate id or an impossible request is reported instead. */
  private admit(context: RunContext, listing: Listing, record: Employee | TimeOffRequest): boolean {
    const index = listing.index++;
    if (listing.seen.has(record.id)) {
      listing.incomplete = true;
      this.unreadable(context, listing, {
        recordIndex: index,
        recordId: record.remoteId,
        field: 'id',
        value: record.remoteId,
        reason: 'duplicate id: another record of this listing has the same id (the first one was kept)',
      });
      return false;
    }
    listing.seen.add(record.id);
    if (listing.entity === 'time_off_request' && !this.admitTimeOff(context, listing, record as TimeOffRequest, index))
      return false;
    if (listing.entity === 'employee') this.noteRecordIssues(context, 'employee', record);
    return true;
  }

  private admitTimeOff(context: RunContext, listing: Listing, record: TimeOffRequest, index: number): boolean {
    if (record.end && record.end.date < record.start.date) {
      this.unreadable(context, listing, {
        recordIndex: index,
        recordId: record.remoteId,
        field: 'end.date',
        value: record.end.date,
        reason: `the request ends (${record.end.date}) before it starts (${record.start.date})`,
      });
      return false;
    }
    this.noteRecordIssues(context, 'time_off_request', record);
    return true;
  }

  /** A record left out of a listing: the listing is incomplete (no deletion pass), and the run says why. */
  private unreadable(context: RunContext, listing: Listing, issue: DataIssue) {
    listing.incomplete = true;
    if (listing.entity === 'employee') context.unreadable.employees += 1;
    else context.unreadable.timeOffRequests += 1;
    this.issue(context, listing.entity, issue);
  }

  private noteRecordIssues(context: RunContext, entity: SyncDataIssue['entity'], record: Employee | TimeOffRequest) {
    for (const issue of record.dataIssues ?? []) this.issue(context, entity, { recordId: record.remoteId, ...issue });
  }

  private issue(context: RunContext, entity: SyncDataIssue['entity'], issue: DataIssue) {
    context.dataIssues.push({ entity, ...issue });
  }

  /** The ids a complete listing saw, or null (and a warning) when some of its records could not be read. */
  private completeOrNull(context: RunContext, listing: Listing, what: string): Set<string> | null {
    if (!listing.incomplete) return listing.seen;
    context.warnings.push(
      `the ${what} listing had unreadable records (see dataIssues): no deletion pass this run, since an unreadable ` +
        'record is not a deleted one',
    );
    return null;
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
        if (this.deletionAllowed(context, 'employees', gone.length, live.length) && gone.length > 0) {
          await unit.prefetchRecords?.(context.connectionId, 'employee', gone);
          const requestsByEmployee = new Map<string, string[]>();
          for (const record of await unit.listRecords(context.connectionId, 'time_off_request')) {
            if (!record.employeeId) continue;
            const list = requestsByEmployee.get(record.employeeId) ?? [];
            list.push(record.id);
            requestsByEmployee.set(record.employeeId, list);
          }
          for (const id of gone) {
            for (const event of await markEmployeeDeleted(unit, context, id, (e) => requestsByEmployee.get(e) ?? []))
              this.note(context, event);
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

function newListing(entity: Listing['entity']): Listing {
  return { entity, seen: new Set(), index: 0, incomplete: false };
}

/** A request's own timestamp (ms), by which snapshots of it are ordered; null when it has none. */
function stampOf(request: TimeOffRequest): number | null {
  const stamp = Date.parse(request.updatedAt ?? request.requestedAt ?? '');
  return Number.isNaN(stamp) ? null : stamp;
}

function stableJson(request: TimeOffRequest): string {
  return stableStringify(comparable(request));
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
