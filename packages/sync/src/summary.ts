import { type Absence, type Connection, type Employee, PermissionError, type TimeOffRequest } from '@hrkit/core';
import type { SyncStore } from './store.js';

export interface OutToday {
  employeeId: string;
  displayName: string | null;
  policy: string;
  portion: string | null;
}

export interface StoreSummary {
  /** Employees in the store not deleted and not terminated. */
  headcount: number;
  terminated: number;
  deleted: number;
  byWorkerKind: Record<string, number>;
  /** The customer's own classification label (e.g. "Direct Employee"); `(none)` when the record has none. */
  byCustomerCategory: Record<string, number>;
  outToday: OutToday[];
  /** Where `outToday` came from: the provider's out-today read, or approved requests in the store. */
  outTodaySource: 'provider' | 'store';
  date: string;
  /** What the summary could not do and why, e.g. a live who's-out read refused for a missing permission. */
  warnings: string[];
}

export interface SummaryOptions {
  connectionId?: string;
  /** YYYY-MM-DD; today (UTC) by default. */
  date?: string;
  /** When given and it supports `timeOff.outToday`, who's out is read live from the provider. */
  connection?: Connection;
}

/** Headcount by employment type and who's out today, from the synced copy. */
export async function summarize(store: SyncStore, options: SummaryOptions = {}): Promise<StoreSummary> {
  const connectionId = options.connectionId ?? options.connection?.provider ?? '';
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const summary: StoreSummary = {
    headcount: 0,
    terminated: 0,
    deleted: 0,
    byWorkerKind: {},
    byCustomerCategory: {},
    outToday: [],
    outTodaySource: 'store',
    date,
    warnings: [],
  };
  const names = new Map<string, string | null>();
  for (const row of await store.listRecords(connectionId, 'employee', { includeDeleted: true })) {
    if (row.deleted) {
      summary.deleted += 1;
      continue;
    }
    const employee = row.data as Employee;
    names.set(row.id, employee.name.display);
    if (employee.employmentStatus.value === 'terminated') {
      summary.terminated += 1;
      continue;
    }
    summary.headcount += 1;
    increment(summary.byWorkerKind, employee.employmentType.workerKind.value);
    increment(summary.byCustomerCategory, employee.employmentType.customerCategory?.label ?? '(none)');
  }
  const live = options.connection?.supports('timeOff.outToday') ? await outTodayLive(options.connection, date) : null;
  if (live && 'absences' in live) {
    summary.outTodaySource = 'provider';
    summary.outToday.push(...live.absences);
  } else {
    // Like the engine: a missing time-off permission degrades the summary to the synced copy, never fails it.
    if (live) summary.warnings.push(live.warning);
    for (const row of await store.listRecords(connectionId, 'time_off_request')) {
      const request = row.data as TimeOffRequest;
      if (request.status.value !== 'approved') continue;
      const end = request.end?.date ?? request.start.date;
      if (request.start.date > date || end < date) continue;
      summary.outToday.push({
        employeeId: request.employee.id,
        // Requests reference people by id (docs/sync.md): the name is the employee's current one.
        displayName: names.get(request.employee.id) ?? request.employee.displayName,
        policy: request.policy.name,
        portion: portionOn(request, date),
      });
    }
  }
  summary.outToday.sort((a, b) => (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
  return summary;
}

async function outTodayLive(
  connection: Connection,
  date: string,
): Promise<{ absences: OutToday[] } | { warning: string }> {
  try {
    const absences: OutToday[] = [];
    let unreadable = 0;
    const reads = connection.timeOff.outToday({ date, onDataIssue: () => void unreadable++ });
    for await (const absence of reads) absences.push(fromAbsence(absence));
    // An unreadable absence is left out of the live answer: say so rather than fail the summary or stay silent.
    if (unreadable > 0) return { warning: `${unreadable} unreadable absence(s) in the live who's out read` };
    return { absences };
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
    return {
      warning:
        `who's out today read from the store, not live: ${error.message}` +
        `${error.permission ? ` (grant "${error.permission}")` : ''}`,
    };
  }
}

function fromAbsence(absence: Absence): OutToday {
  return {
    employeeId: absence.employee.id,
    displayName: absence.employee.displayName,
    policy: absence.policy.name,
    portion: absence.start.portion,
  };
}

function portionOn(request: TimeOffRequest, date: string): string | null {
  const day = request.days.find((d) => d.date === date);
  if (day?.portion) return day.portion;
  if (request.start.date === date) return request.start.portion;
  if (request.end?.date === date) return request.end.portion;
  return 'all_day';
}

function increment(bucket: Record<string, number>, key: string) {
  bucket[key] = (bucket[key] ?? 0) + 1;
}
