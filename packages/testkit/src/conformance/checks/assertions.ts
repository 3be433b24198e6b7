import { HrKitError } from '@hrkit/core';
import { expect } from 'vitest';

/** The part of a zod schema the checks use (testkit does not depend on zod itself). */
export interface RecordSchema {
  safeParse(input: unknown): { success: boolean; error?: { message: string } | undefined };
}

/** Parse with the strict model schema and check the record's identity fields agree with the provider key. */
export function expectValidRecords(schema: RecordSchema, records: readonly unknown[], provider: string, what: string) {
  for (const [index, record] of records.entries()) {
    const result = schema.safeParse(record);
    expect(result.success, `${what}[${index}] breaks the model: ${result.error?.message ?? ''}`).toBe(true);
    const identity = record as { id?: unknown; provider?: unknown; remoteId?: unknown };
    expect(identity.provider, `${what}[${index}].provider`).toBe(provider);
    if (typeof identity.remoteId === 'string')
      expect(identity.id, `${what}[${index}].id must be "<provider>:<remoteId>"`).toBe(
        `${provider}:${identity.remoteId}`,
      );
  }
}

/** Each id exactly once. */
export function expectUniqueIds(records: readonly { id: string }[], what: string) {
  const seen = new Map<string, number>();
  for (const record of records) seen.set(record.id, (seen.get(record.id) ?? 0) + 1);
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([id, count]) => `${id} ×${count}`);
  expect(duplicates, `${what}: records returned more than once`).toEqual([]);
}

export function expectNonEmpty(records: readonly unknown[], what: string) {
  expect(
    records.length,
    `${what} returned nothing: the sandbox must hold data for it (check the conformance timeOffWindow / volume)`,
  ).toBeGreaterThan(0);
}

/** A typed hrkit error of the given class. */
export function expectTypedError(error: unknown, type: abstract new (...args: never[]) => HrKitError, what: string) {
  expect(error, `${what}: expected a ${type.name}, got ${describeError(error)}`).toBeInstanceOf(type);
}

export function describeError(error: unknown): string {
  if (error === undefined) return 'no error';
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Inclusive date-range overlap; an open end (null) runs forever. */
export function overlaps(start: string, end: string | null, from: string, to: string): boolean {
  return start <= to && (end ?? '9999-12-31') >= from;
}
