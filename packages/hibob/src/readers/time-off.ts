import {
  type Absence,
  type Clock,
  type DataIssue,
  HrKitError,
  type Logger,
  NotFoundError,
  type OutTodayOptions,
  type ReadOptions,
  type TimeOffBalance,
  type TimeOffBalancesOptions,
  type TimeOffPolicy,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  type TimeOffRequestChangesOptions,
  type TimeOffUnit,
} from '@hrkit/core';
import type { HiBobClient } from '../client.js';
import { mapAbsence, mapBalance, mapPolicy, mapTimeOffRequest, timeOffUnit } from '../mapping/time-off.js';
import { asIsoDateTime } from '../mapping/normalize.js';
import type { RawPolicyType, RawTimeOffRequest } from '../raw/time-off.js';
import { checkIdListOptions } from './read-options.js';
import { issueValue, readRecordId, reportDataIssue } from '@hrkit/core';
import { HIBOB } from '../config.js';

const DAY_MS = 86_400_000;
/** HiBob refuses a changes window longer than six months; 180 days stays inside every six-month span. */
export const CHANGES_WINDOW_MS = 180 * DAY_MS;

/**
 * The feed is read in windows of this length, one answer at a time: each answer's text and objects are dropped before
 * the next is requested, so a 180-day re-read of a large company never holds the whole window's text and parsed
 * changes at once (docs/performance.md › Listing, time-off memory and confirmations). The feed is filtered by when a
 * change happened (hibob-api.md §5.2, docs/providers/hibob.md), so consecutive windows together cover the range.
 * Six requests for a full 180-day re-read instead of one; an incremental read (minutes) is still one.
 */
export const CHANGES_READ_WINDOW_MS = 30 * DAY_MS;

/** Split [since, until] into windows HiBob accepts (at most `windowMs`, never more than six months). */
export function changeWindows(
  since: number,
  until: number,
  windowMs: number = CHANGES_WINDOW_MS,
): { since: string; to: string }[] {
  const length = Math.min(windowMs, CHANGES_WINDOW_MS);
  const windows: { since: string; to: string }[] = [];
  for (let start = since; start < until; start += length)
    windows.push({
      since: new Date(start).toISOString(),
      to: new Date(Math.min(until, start + length)).toISOString(),
    });
  return windows;
}

/** The request id a snapshot is grouped by: the mapping's id (core's `readRecordId`), or why there is none. */
function requestKey(raw: RawTimeOffRequest): { id: string } | { reason: string } {
  const blank = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'string' && !value.trim());
  return readRecordId(blank(raw.requestId) ? raw.id : raw.requestId);
}

/**
 * Keep the latest snapshot per request id (pitfall 9: the feed holds snapshots, several per request). Later
 * `createdOn` wins (a snapshot with a timestamp beats one without); two without timestamps keep the first and are
 * reported (`onDataIssue`), never resolved by arrival order. A hard edit creates a new request id, so the old
 * request (cancelled) and the new one (with its edit chain) both remain. Fed one answer at a time (`add`), it keeps
 * only each request's latest snapshot, so an answer's other snapshots can be collected before the next is read.
 */
export class LatestSnapshots {
  private readonly latest = new Map<string, RawTimeOffRequest>();
  private recordIndex = 0;

  constructor(private readonly onDataIssue?: (issue: DataIssue) => void) {}

  add(changes: readonly RawTimeOffRequest[]): void {
    for (const change of changes) this.addOne(change, this.recordIndex++);
  }

  /** The latest snapshots in first-seen order, each let go once it has been handed out. */
  *drain(): Generator<RawTimeOffRequest> {
    for (const [key, change] of this.latest) {
      this.latest.delete(key);
      yield change;
    }
  }

  private addOne(change: RawTimeOffRequest, recordIndex: number): void {
    const read = requestKey(change);
    if (!('id' in read)) {
      this.onDataIssue?.({
        recordIndex,
        field: 'requestId',
        value: issueValue(change.requestId) ?? null,
        reason: read.reason === 'missing id' ? 'no readable request id' : `no readable request id (${read.reason})`,
      });
      return;
    }
    const key = read.id;
    const current = this.latest.get(key);
    if (!current) {
      this.latest.set(key, change);
      return;
    }
    const [was, is] = [changedAt(current), changedAt(change)];
    if (Number.isNaN(was) && Number.isNaN(is))
      // Never by arrival order: two snapshots that cannot be ordered keep the first, and say so.
      this.onDataIssue?.({
        recordIndex,
        recordId: key,
        field: 'createdOn',
        value: change.createdOn ?? null,
        reason: 'two snapshots of this request without a timestamp to order them: kept the first',
      });
    else if (Number.isNaN(was) || is >= was) this.latest.set(key, change);
  }
}

/** `LatestSnapshots` over one list of changes. */
export function latestPerRequest(
  changes: readonly RawTimeOffRequest[],
  onDataIssue?: (issue: DataIssue) => void,
): RawTimeOffRequest[] {
  const latest = new LatestSnapshots(onDataIssue);
  latest.add(changes);
  return [...latest.drain()];
}

function changedAt(raw: RawTimeOffRequest): number {
  return Date.parse(asIsoDateTime(raw.createdOn) ?? '');
}

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

/** Time-off reads. None of HiBob's time-off endpoints paginate; the changes feed is windowed instead. */
export class TimeOffReader {
  private policyTypeDetails = new Map<string, Promise<RawPolicyType | null>>();

  constructor(
    private readonly client: HiBobClient,
    private readonly clock: Clock,
    private readonly lookbackDays: number,
    private readonly activeEmployeeIds: (signal?: AbortSignal) => Promise<string[]>,
    private readonly logger: Logger,
  ) {}

  async *requestChanges(options: TimeOffRequestChangesOptions): AsyncGenerator<TimeOffRequest> {
    const since = Date.parse(options.since);
    const until = options.until ? Date.parse(options.until) : this.clock.now();
    const latest = new LatestSnapshots(options.onDataIssue);
    // One answer at a time: only each request's latest snapshot outlives its answer (CHANGES_READ_WINDOW_MS).
    for (const window of changeWindows(since, until, CHANGES_READ_WINDOW_MS))
      latest.add(
        await this.client.changes({ ...window, includePending: options.includePending ?? false }, options.signal),
      );
    for (const change of latest.drain()) yield mapTimeOffRequest(change, { includeRaw: options.includeRaw ?? false });
  }

  /**
   * Requests overlapping [from, to], from the changes feed: the look-back reaches `lookbackDays` before the range's
   * start (or before the connection's "now" when that is earlier), so a range far behind "now" — a past year, or a
   * sandbox's fixed date under a later clock — is read, not silently empty (docs/providers/hibob.md, "time off").
   */
  async *requests(options: TimeOffRangeOptions): AsyncGenerator<TimeOffRequest> {
    const now = this.clock.now();
    const from = Date.parse(`${options.from}T00:00:00.000Z`);
    const anchor = Number.isNaN(from) ? now : Math.min(now, from);
    const since = new Date(anchor - this.lookbackDays * DAY_MS).toISOString();
    for await (const request of this.requestChanges({
      since,
      until: new Date(now).toISOString(),
      ...(options.includePending !== undefined ? { includePending: options.includePending } : {}),
      ...(options.includeRaw !== undefined ? { includeRaw: options.includeRaw } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      const end = request.end?.date ?? '9999-12-31';
      if (request.start.date <= options.to && end >= options.from) yield request;
    }
  }

  async getRequest(employeeId: string, requestId: string, options: ReadOptions): Promise<TimeOffRequest> {
    const raw = await this.client.request(employeeId, requestId, options.signal);
    return mapTimeOffRequest(
      { ...raw, requestId: raw.requestId ?? raw.id ?? requestId },
      { includeRaw: options.includeRaw ?? false, employeeId },
    );
  }

  async *whosOut(options: TimeOffRangeOptions): AsyncGenerator<Absence> {
    const outs = await this.client.whosOut(
      { from: options.from, to: options.to, includePending: options.includePending ?? false },
      options.signal,
    );
    for (const [recordIndex, out] of outs.entries()) {
      const absence = mapAbsence(out, {
        includeRaw: options.includeRaw ?? false,
        window: `${options.from}..${options.to}`,
      });
      if (absence) yield absence;
      else reportUnreadableAbsence(out, recordIndex, "who's out", options.onDataIssue);
    }
  }

  async *outToday(options: OutTodayOptions): AsyncGenerator<Absence> {
    const date = options.date ?? today(this.clock);
    for (const [recordIndex, out] of (await this.client.outToday(options.date, options.signal)).entries()) {
      const absence = mapAbsence(out, { includeRaw: options.includeRaw ?? false, window: date });
      if (absence) yield absence;
      else reportUnreadableAbsence(out, recordIndex, 'out today', options.onDataIssue);
    }
  }

  private policyTypeDetail(name: string, signal?: AbortSignal): Promise<RawPolicyType | null> {
    let pending = this.policyTypeDetails.get(name);
    if (!pending) {
      pending = this.client.policyType(name, signal).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        this.policyTypeDetails.delete(name);
        throw error;
      });
      this.policyTypeDetails.set(name, pending);
    }
    return pending;
  }

  async *balances(options: TimeOffBalancesOptions): AsyncGenerator<TimeOffBalance> {
    checkIdListOptions(options);
    const asOf = options.asOf ?? today(this.clock);
    const types = options.policies?.length ? [...options.policies] : await this.client.policyTypes(options.signal);
    const units = new Map<string, TimeOffUnit | null>();
    for (const type of types) {
      const detail = await this.policyTypeDetail(type, options.signal).catch(() => null);
      units.set(type, timeOffUnit(detail?.unit));
    }
    const employees = options.employeeIds?.length
      ? [...options.employeeIds]
      : await this.activeEmployeeIds(options.signal);
    for (const employeeId of employees)
      for (const policyType of types) {
        try {
          const raw = await this.client.balance(employeeId, policyType, asOf, options.signal);
          yield mapBalance(raw, {
            employeeId,
            policyType,
            asOf,
            unit: units.get(policyType) ?? null,
            includeRaw: options.includeRaw ?? false,
          });
        } catch (error) {
          // The employee is not on a policy of that type: no balance to report.
          if (!(error instanceof NotFoundError)) throw error;
        }
      }
  }

  async *policies(options: ReadOptions): AsyncGenerator<TimeOffPolicy> {
    const includeRaw = options.includeRaw ?? false;
    for (const typeName of await this.client.policyTypes(options.signal)) {
      const type = await this.policyTypeDetail(typeName, options.signal);
      let names: string[] = [];
      try {
        names = await this.client.policyNames(typeName, options.signal);
      } catch (error) {
        if (!(error instanceof HrKitError) || error.code === 'AUTHENTICATION' || error.code === 'PERMISSION')
          throw error;
        this.logger.debug('hibob.policies.namesUnavailable', { policyType: typeName, reason: error.code });
      }
      if (names.length === 0) {
        yield mapPolicy(typeName, type, null, { includeRaw });
        continue;
      }
      for (const name of names) {
        const policy = await this.client.policy(name, options.signal).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        });
        yield mapPolicy(typeName, type, policy ?? { name }, { includeRaw });
      }
    }
  }
}

/** An absence without an employee id or a start date cannot be placed: reported, never skipped in silence. */
function reportUnreadableAbsence(
  out: RawTimeOffRequest,
  recordIndex: number,
  endpoint: string,
  onDataIssue: ((issue: DataIssue) => void) | undefined,
): void {
  const employee = readRecordId(out.employeeId);
  const field = 'reason' in employee ? 'employeeId' : 'startDate';
  const value = issueValue(field === 'employeeId' ? out.employeeId : (out.startDate ?? out.date));
  reportDataIssue(
    {
      recordIndex,
      field,
      reason: 'reason' in employee ? `no readable employee id (${employee.reason})` : 'no readable start date',
      ...(value !== undefined ? { value } : {}),
    },
    onDataIssue,
    { provider: HIBOB, what: `absence (${endpoint})` },
  );
}
