import { z } from 'zod';
import { classified, EmployeeRef, IsoDate, IsoDateTime, LocalDateTime, RawData, recordIdentity } from './common.js';

/**
 * A clock event as the provider records it: local wall time, plus the zone and the instant when known. Providers
 * record attendance in the employee's local time; hrkit never shifts it into another zone.
 */
export const ClockTime = z.strictObject({
  // The shared LocalDateTime also lets a trailing `Z` through; a wall time with a zone would be read twice.
  local: LocalDateTime.refine((value) => !/(z|[+-]\d{2}:?\d{2})$/i.test(value), 'a wall-clock time without a zone'),
  timeZone: z
    .string()
    .nullable()
    .describe('IANA zone (`Europe/Berlin`) or a fixed offset (`+02:00`) as given; null when unknown'),
  instant: IsoDateTime.nullable().describe('The same moment as an absolute date-time, when the offset is known'),
});
export type ClockTime = z.infer<typeof ClockTime>;

export const AttendanceKind = z.enum(['work', 'break', 'overtime', 'on_call', 'absence', 'other']);
export type AttendanceKind = z.infer<typeof AttendanceKind>;

/** A project or task an entry was booked to. */
export const WorkAllocationRef = z.strictObject({
  remoteId: z.string(),
  name: z.string().nullable(),
});

/** One attendance entry (a clock-in/clock-out pair or a logged duration) of one employee on one date. */
export const AttendanceRecord = z.strictObject({
  ...recordIdentity,
  employee: EmployeeRef,
  date: IsoDate.describe('The date the entry counts for (the clock-in date)'),
  clockIn: ClockTime.nullable(),
  clockOut: ClockTime.nullable().describe('Null while the employee is still clocked in, or for duration entries'),
  workedMinutes: z.number().nullable().describe('As the provider states it, or clock-out minus clock-in'),
  kind: classified(AttendanceKind),
  origin: z.string().nullable().describe('How the entry was made, e.g. `clock`, `import`, `manual`'),
  /** The provider's reason code for the entry (e.g. a correction reason), as given. */
  reasonCode: z.string().nullable().optional(),
  project: WorkAllocationRef.nullable().optional(),
  task: WorkAllocationRef.nullable().optional(),
  raw: RawData.optional(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;
