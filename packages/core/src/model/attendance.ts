import { z } from 'zod';
import { classified, EmployeeRef, IsoDate, IsoDateTime, LocalDateTime, RawData, recordIdentity } from './common.js';

/** A clock event as the provider records it: local wall time, plus zone and instant when known. */
export const ClockTime = z.strictObject({
  local: LocalDateTime,
  timeZone: z.string().nullable(),
  instant: IsoDateTime.nullable(),
});

export const AttendanceKind = z.enum(['work', 'break', 'overtime', 'on_call', 'absence', 'other']);

export const AttendanceRecord = z.strictObject({
  ...recordIdentity,
  employee: EmployeeRef,
  date: IsoDate,
  clockIn: ClockTime.nullable(),
  clockOut: ClockTime.nullable(),
  workedMinutes: z.number().nullable().describe('As the provider states it, or clock-out minus clock-in'),
  kind: classified(AttendanceKind),
  origin: z.string().nullable().describe('How the entry was made, e.g. `clock`, `import`, `manual`'),
  raw: RawData.optional(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;
