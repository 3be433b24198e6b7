import * as crypto from 'node:crypto';
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
 * JSON with object keys sorted at every level, so equal records always serialize identically. It runs once per
 * record per sync (100k-person companies) and its text is both hashed and stored, so it is built for speed: string
 * concatenation, object keys quoted once per process, keys sorted only when they are not already in order. Its
 * output is pinned byte for byte (stores keep fingerprints across versions; test/fingerprint-pinned.test.ts).
 */
export function stableStringify(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // As JSON.stringify writes numbers: NaN and ±Infinity as null, -0 as 0.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ',';
      out += stableStringify(value[index]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!inOrder(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += first ? quotedKey(key) : `,${quotedKey(key)}`;
    out += stableStringify(item);
    first = false;
  }
  return `${out}}`;
}

function inOrder(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++)
    if ((keys[index - 1] as string) > (keys[index] as string)) return false;
  return true;
}

/** `"key":`, memoized: records share a few hundred distinct keys. Bounded so that odd data cannot grow it forever. */
const quotedKeys = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** Hex SHA-256 of a text; the one-shot `crypto.hash` where Node has it (20.12+), which skips the Hash object. */
export function sha256(text: string): string {
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}

const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** Stable hash of a normalized record minus volatile fields: equal fingerprints mean nothing real changed. */
export function fingerprint(record: object): string {
  return sha256(stableStringify(comparable(record)));
}
