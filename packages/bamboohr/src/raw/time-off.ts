import { z } from 'zod';
import { RawId, StringOrNumber } from './values.js';

/** `notes` is `{}` when empty in lists and `[]` in the create response; keys `employee` and `manager`. */
const RawNotes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();

/** One item of `GET /v1/time_off/requests` (ids and amounts are strings in reality, integers in the spec). */
export const RawTimeOffRequest = z.looseObject({
  id: RawId,
  employeeId: RawId,
  name: z.string().nullish(),
  start: z.string(),
  end: z.string().nullish(),
  created: z.string().nullish(),
  status: z
    .looseObject({
      status: z.string().nullish(),
      lastChanged: z.string().nullish(),
      lastChangedByUserId: RawId.nullish(),
    })
    .nullish(),
  type: z.looseObject({ id: RawId.nullish(), name: z.string().nullish() }).nullish(),
  amount: z.looseObject({ unit: z.string().nullish(), amount: StringOrNumber.nullish() }).nullish(),
  dates: z.union([z.record(z.string(), StringOrNumber.nullish()), z.array(z.unknown())]).nullish(),
  notes: RawNotes,
  previousRequest: RawId.nullish(),
});
export type RawTimeOffRequest = z.infer<typeof RawTimeOffRequest>;
export const RawTimeOffRequests = z.array(RawTimeOffRequest);

/** `GET /v1/time_off/whos_out`: integer ids, holiday rows without employeeId. */
export const RawWhosOutEntry = z.looseObject({
  id: RawId,
  type: z.string().nullish(),
  employeeId: RawId.nullish(),
  name: z.string().nullish(),
  start: z.string(),
  end: z.string().nullish(),
});
export type RawWhosOutEntry = z.infer<typeof RawWhosOutEntry>;
export const RawWhosOut = z.array(RawWhosOutEntry);

/** `GET /v1/employees/{id}/time_off/calculator`: one entry per assigned type; note `units` (plural). */
export const RawBalance = z.looseObject({
  timeOffType: RawId,
  name: z.string().nullish(),
  units: z.string().nullish(),
  balance: StringOrNumber.nullish(),
  end: z.string().nullish(),
  policyType: z.string().nullish(),
  usedYearToDate: StringOrNumber.nullish(),
});
export type RawBalance = z.infer<typeof RawBalance>;
export const RawBalances = z.array(RawBalance);

/** `GET /v1/meta/time_off/types`. */
export const RawTimeOffType = z.looseObject({
  id: RawId,
  name: z.string(),
  units: z.string().nullish(),
  color: z.string().nullish(),
  icon: z.string().nullish(),
});
export type RawTimeOffType = z.infer<typeof RawTimeOffType>;
export const RawTimeOffTypes = z.looseObject({
  timeOffTypes: z.array(RawTimeOffType),
  defaultHours: z.array(z.looseObject({ name: z.string(), amount: StringOrNumber.nullish() })).nullish(),
});

/** `GET /v1/meta/time_off/policies`. */
export const RawTimeOffPolicy = z.looseObject({
  id: RawId,
  timeOffTypeId: RawId.nullish(),
  name: z.string().nullish(),
  effectiveDate: z.string().nullish(),
  type: z.string().nullish(),
});
export type RawTimeOffPolicy = z.infer<typeof RawTimeOffPolicy>;
export const RawTimeOffPolicies = z.array(RawTimeOffPolicy);
