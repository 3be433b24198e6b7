import { readDateOfDateTime, readInstant } from '@hrkit/core';
import { z } from 'zod';

const id = z.union([z.number(), z.string()]).transform(String);
/** Half-day flags are documented as booleans and sent as 0/1. */
const flag = z.union([z.boolean(), z.number()]).nullish().transform(Boolean);
/** The short employee inside absences: the id sits in a typed attribute. */
const RawEmployeeRef = z.looseObject({
  attributes: z.looseObject({ id: z.looseObject({ value: id }) }),
});

/** `GET /company/time-off-types` item (policies). `unit` is `day` or `hour`. */
export const RawPersonioTimeOffType = z.looseObject({
  attributes: z.looseObject({
    id,
    name: z.string(),
    category: z.string().nullish(),
    unit: z.string().nullish(),
    approval_required: z.boolean().nullish(),
  }),
});
export type RawPersonioTimeOffType = z.infer<typeof RawPersonioTimeOffType>;

/** `GET /company/time-offs` item: day-unit periods, dates as local midnight with an offset. */
export const RawPersonioTimeOff = z.looseObject({
  attributes: z.looseObject({
    id,
    id_v2: z.string().nullish(),
    status: z.string().nullish(),
    comment: z.string().nullish(),
    start_date: z.string().refine((value) => readDateOfDateTime(value) !== null, 'a date or date-time'),
    end_date: z.string().nullish(),
    days_count: z.coerce.number().nullish(),
    half_day_start: flag,
    half_day_end: flag,
    time_off_type: z.looseObject({
      attributes: z.looseObject({ id, name: z.string(), category: z.string().nullish() }),
    }),
    employee: RawEmployeeRef,
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
});
export type RawPersonioTimeOff = z.infer<typeof RawPersonioTimeOff>;

/** `GET /company/absence-periods` item: hour-unit periods, UTC instants, durations in minutes. */
export const RawPersonioAbsencePeriod = z.looseObject({
  attributes: z.looseObject({
    id,
    status: z.string().nullish(),
    comment: z.string().nullish(),
    start: z.string().refine((value) => readInstant(value, { assumeZone: 'UTC' }) !== null, 'a date-time'),
    end: z.string().nullish(),
    timezone: z.string().nullish(),
    effective_duration: z.coerce.number().nullish(),
    absence_type: z.looseObject({
      attributes: z.looseObject({ id, name: z.string(), time_off_type_id: id.nullish() }),
    }),
    employee: RawEmployeeRef,
    breakdowns: z.array(z.looseObject({ date: z.string(), effective_duration: z.coerce.number().nullish() })).nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
});
export type RawPersonioAbsencePeriod = z.infer<typeof RawPersonioAbsencePeriod>;

/** `GET /company/employees/{id}/absences/balance` item: one per time-off type with a balance. */
export const RawPersonioBalance = z.looseObject({
  id,
  name: z.string(),
  category: z.string().nullish(),
  balance: z.coerce.number().nullish(),
  available_balance: z.coerce.number().nullish(),
});
export type RawPersonioBalance = z.infer<typeof RawPersonioBalance>;
