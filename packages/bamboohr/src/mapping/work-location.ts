import type { WorkLocation } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { text } from './values.js';

/**
 * BambooHR's `location` is a list option name ("Salt Lake City, Utah"): no address, country or time zone comes with
 * it (docs/providers/bamboohr.md › Capability matrix), so those stay null rather than parsed out of a label.
 * `remote` only when the option says so.
 */
export function mapWorkLocation(row: RawEmployeeRow): WorkLocation | null {
  const name = text(row.location);
  if (!name) return null;
  const remote = /\bremote\b/i.test(name);
  return {
    id: null,
    name,
    arrangement: remote ? 'remote' : 'unknown',
    address: null,
    timeZone: null,
    arrangementSource: remote ? { field: 'location', value: name, label: null } : null,
  };
}
