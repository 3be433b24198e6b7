import type { Group, GroupType } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { text } from './values.js';

/** BambooHR's list fields that are groups; options are names only, so ids and parents stay null. */
const GROUP_FIELDS: readonly [alias: string, type: GroupType][] = [
  ['department', 'department'],
  ['division', 'division'],
];

export function mapGroups(row: RawEmployeeRow): Group[] {
  const groups: Group[] = [];
  for (const [alias, type] of GROUP_FIELDS) {
    const name = text(row[alias]);
    if (name)
      groups.push({
        id: null,
        name,
        type: { value: type, source: { field: alias, value: name, label: null } },
        parentId: null,
      });
  }
  return groups;
}
