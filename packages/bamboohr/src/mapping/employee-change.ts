import type { EmployeeChange } from '@hrkit/core';
import type { RawEmployeeChanged } from '../raw/changes.js';
import { instant, text } from './values.js';

const ACTIONS: Readonly<Record<string, EmployeeChange['action']>> = {
  inserted: 'created',
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
};

/** `employees/changed` → one EmployeeChange per employee (the feed keeps only the latest change of each). */
export function mapEmployeeChanges(raw: RawEmployeeChanged): EmployeeChange[] {
  return Object.entries(raw.employees ?? {})
    .map(([key, entry]) => ({
      remoteId: text(entry.id) ?? key,
      action: ACTIONS[text(entry.action)?.toLowerCase() ?? ''] ?? 'updated',
      changedAt: instant(entry.lastChanged),
    }))
    .sort((a, b) => (a.changedAt ?? '').localeCompare(b.changedAt ?? '') || a.remoteId.localeCompare(b.remoteId));
}
