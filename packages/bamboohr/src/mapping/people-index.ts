import { type EmployeeRef, hrkitId } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { text } from './values.js';

function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "Caldwell, Jennifer" (reports) → "Jennifer Caldwell" (directory, jobInfo `reportsTo`). */
export function naturalName(name: string): string {
  const comma = name.indexOf(',');
  if (comma < 0) return name.trim();
  return `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`.trim();
}

/**
 * Who is who in one company, built from a custom report: resolves the three ways BambooHR points at a manager —
 * `supervisorEId` (employee id), `supervisorId` (the manager's *employee number*, not id: confirmed by recorded
 * data) and a bare name ("Last, First" in reports, "First Last" in jobInfo). Ambiguous names resolve to nothing.
 */
export class PeopleIndex {
  private readonly names = new Map<string, string>();
  private readonly byNumber = new Map<string, string>();
  private readonly byName = new Map<string, string | null>();

  constructor(
    readonly provider: string,
    rows: Iterable<RawEmployeeRow> = [],
  ) {
    for (const row of rows) this.add(row);
  }

  add(row: RawEmployeeRow): void {
    const id = row.id;
    const first = text(row.firstName);
    const last = text(row.lastName);
    const display = text(row.displayName) ?? ([first, last].filter(Boolean).join(' ') || null);
    if (display) this.names.set(id, display);
    const number = text(row.employeeNumber);
    if (number) this.byNumber.set(number, id);
    const candidates = new Set<string>();
    if (display) candidates.add(nameKey(display));
    if (first && last) candidates.add(nameKey(`${first} ${last}`));
    const preferred = text(row.preferredName);
    if (preferred && last) candidates.add(nameKey(`${preferred} ${last}`));
    for (const key of candidates) this.byName.set(key, this.byName.has(key) && this.byName.get(key) !== id ? null : id);
  }

  ref(remoteId: string, fallbackName: string | null = null): EmployeeRef {
    return { id: hrkitId(this.provider, remoteId), remoteId, displayName: this.names.get(remoteId) ?? fallbackName };
  }

  byEmployeeNumber(employeeNumber: string | null): string | null {
    return employeeNumber ? (this.byNumber.get(employeeNumber) ?? null) : null;
  }

  byDisplayName(name: string | null): string | null {
    if (!name) return null;
    return this.byName.get(nameKey(naturalName(name))) ?? this.byName.get(nameKey(name)) ?? null;
  }

  /** A ref named as the source row names it (so list and get agree), else by the index. */
  private named(remoteId: string, displayName: string | null): EmployeeRef {
    return {
      id: hrkitId(this.provider, remoteId),
      remoteId,
      displayName: displayName ?? this.names.get(remoteId) ?? null,
    };
  }

  /** The manager of a report row, by the best pointer the row carries. */
  supervisorOf(row: RawEmployeeRow): EmployeeRef | null {
    const name = text(row.supervisor);
    const displayName = name ? naturalName(name) : null;
    const eid = text(row.supervisorEId) ?? text(row.supervisorEid);
    if (eid && eid !== '0') return this.named(eid, displayName);
    const byNumber = this.byEmployeeNumber(text(row.supervisorId));
    if (byNumber) return this.named(byNumber, displayName);
    const byName = this.byDisplayName(name);
    return byName ? this.named(byName, displayName) : null;
  }
}
