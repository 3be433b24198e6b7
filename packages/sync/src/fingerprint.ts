import { createHash } from 'node:crypto';

/**
 * Fields that change without the record really changing: the provider's own last-modified stamp, the raw payload
 * (ordering and housekeeping keys), history attached only when asked for, and the adapter's reading problems (reported
 * by the sync result, not stored as part of the record).
 */
export const VOLATILE_FIELDS: readonly string[] = ['raw', 'updatedAt', 'employmentHistory', 'dataIssues'];

/** The record as the store keeps it and the diff compares it: normalized, minus volatile fields. */
export function comparable(record: object): Record<string, unknown> {
  // Copied key by key rather than spread and `delete`d: deleting keys turns the copy into a slow dictionary object,
  // which every later read of it (serializing, diffing) pays for.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!VOLATILE.has(key)) copy[key] = (record as Record<string, unknown>)[key];
  return copy;
}

const VOLATILE = new Set(VOLATILE_FIELDS);

/**
 * JSON with object keys sorted at every level, so equal records always serialize identically. Built by string
 * concatenation rather than entries/filter/map arrays: it runs once per record per sync (100k-person companies).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++)
      out += `${index === 0 ? '' : ','}${stableStringify(value[index])}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableStringify(item)}`;
    first = false;
  }
  return `${out}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Stable hash of a normalized record minus volatile fields: equal fingerprints mean nothing real changed. */
export function fingerprint(record: object): string {
  return sha256(stableStringify(comparable(record)));
}
