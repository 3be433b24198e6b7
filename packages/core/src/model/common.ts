import { z } from 'zod';

/** A provider key such as `hibob` or `bamboohr`: lower case, stable, used in every id hrkit emits. */
export const ProviderKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'provider keys are lower-case letters, digits and dashes');

/** The provider's own id, always a string: HiBob's 19-digit ids would lose precision as numbers. */
export const RemoteId = z.string().min(1);

/** hrkit's stable id: `<provider>:<remote id>`, unique across providers. */
export const HrKitId = z.string().regex(/^[a-z][a-z0-9-]*:.+$/, 'hrkit ids look like "<provider>:<remote id>"');

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A wall-clock time without zone, `HH:MM` or `HH:MM:SS`. */
export const LocalTime = z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/, 'expected HH:MM or HH:MM:SS');
/** A wall-clock date-time without zone, as providers give attendance clock-ins. */
export const LocalDateTime = z.iso.datetime({ local: true });

/**
 * Where a normalized value came from: the provider's field and its original value (and label, when the
 * provider stores an id and shows a label). Every normalized enum carries one, so nothing is lost.
 */
export const SourceValue = z.strictObject({
  field: z.string().min(1).describe("The provider's field id or path the value was read from"),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).describe('The value exactly as the provider gave it'),
  label: z.string().nullable().describe('The human label, when the provider stores an id (e.g. a list item)'),
});
export type SourceValue = z.infer<typeof SourceValue>;

/** A normalized enum value with the provider value it was derived from (`source` is null when derived from nothing). */
export function classified<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, source: SourceValue.nullable() });
}

/** A pointer to another employee, by hrkit id and remote id. */
export const EmployeeRef = z.strictObject({
  id: HrKitId,
  remoteId: RemoteId,
  displayName: z.string().nullable(),
});
export type EmployeeRef = z.infer<typeof EmployeeRef>;

/** The provider's untouched payload; only present when the consumer opts in with `includeRaw`. */
export const RawData = z.record(z.string(), z.unknown());

/** Fields every normalized record shares. */
export const recordIdentity = {
  id: HrKitId.describe('`<provider>:<remote id>`'),
  provider: ProviderKey,
  remoteId: RemoteId,
};

export function hrkitId(provider: string, remoteId: string | number): string {
  return `${provider}:${String(remoteId)}`;
}
