import {
  type DayPortion,
  hrkitId,
  readDateOfDateTime,
  readInstant,
  readText,
  type TimeOffRequest,
  type TimeOffStatusValue,
} from '@hrkit/core';
import { PERSONIO } from '../config.js';
import type { RawPersonioAbsencePeriod, RawPersonioTimeOff, RawPersonioTimeOffType } from '../raw/time-off.js';
import { typeOf } from './time-off-policy.js';

/** Rejected and cancelled requests are deleted by Personio, not kept with a status: only these come back. */
const STATUS: Record<string, TimeOffStatusValue> = {
  approved: 'approved',
  pending: 'requested',
  requested: 'requested',
};

const statusOf = (status: string | null | undefined) => ({
  value: (status && STATUS[status]) || 'other',
  source: status ? { field: 'status', value: status, label: null } : null,
});

/** The short employee inside an absence: `{ attributes: { id: { value }, first_name?, last_name? } }`. */
function employeeOf(employee: RawPersonioTimeOff['attributes']['employee']) {
  const a = employee.attributes as Record<string, { value?: unknown } | undefined>;
  const remoteId = employee.attributes.id.value;
  const name = [readText(a.first_name?.value), readText(a.last_name?.value)].filter(Boolean).join(' ');
  return { id: hrkitId(PERSONIO, remoteId), remoteId, displayName: name || null };
}

/** Ids: the v2 UUID when Personio sends it (what webhooks name), else the v1 number. */
const common = (remoteId: string, raw: object, includeRaw: boolean | undefined) => ({
  id: hrkitId(PERSONIO, remoteId),
  provider: PERSONIO,
  remoteId,
  cost: null,
  rangeType: null,
  approver: null,
  editChain: { originalRequestId: null, previousRequestId: null },
  ...(includeRaw ? { raw: raw as Record<string, unknown> } : {}),
});

/**
 * A day-unit period from `/company/time-offs`. Dates are local midnights with an offset: the day is read as written.
 * Half days: on a multi-day request `half_day_start` is the afternoon of the first day and `half_day_end` the morning
 * of the last; on a single day Personio does not say which half, so the portion is unknown (null).
 */
export function fromTimeOff(raw: RawPersonioTimeOff, options: { includeRaw?: boolean } = {}): TimeOffRequest {
  const t = raw.attributes;
  const start = readDateOfDateTime(t.start_date) as string; // the raw schema refused anything else
  const end = readDateOfDateTime(t.end_date) ?? start;
  const half = (flag: boolean, portion: DayPortion): DayPortion | null => (flag ? portion : 'all_day');
  const single = start === end;
  const singlePortion = t.half_day_start || t.half_day_end ? null : 'all_day';
  return {
    ...common(t.id_v2 ?? t.id, raw, options.includeRaw),
    employee: employeeOf(t.employee),
    policy: { id: t.time_off_type.attributes.id, name: t.time_off_type.attributes.name, typeName: null },
    type: typeOf(t.time_off_type.attributes),
    status: statusOf(t.status),
    unit: 'days',
    amount: t.days_count ?? null,
    start: { date: start, portion: single ? singlePortion : half(t.half_day_start, 'afternoon'), time: null },
    end: { date: end, portion: single ? singlePortion : half(t.half_day_end, 'morning'), time: null },
    days: [],
    note: t.comment || null,
    requestedAt: readInstant(t.created_at),
    updatedAt: readInstant(t.updated_at),
  } satisfies TimeOffRequest;
}

/**
 * An hour-unit period from `/company/absence-periods`: minutes become hours (never days), and the days are the
 * local `breakdowns` — `start` is a UTC instant whose UTC date may be the day before.
 */
export function fromAbsencePeriod(
  raw: RawPersonioAbsencePeriod,
  types: ReadonlyMap<string, RawPersonioTimeOffType>,
  options: { includeRaw?: boolean } = {},
): TimeOffRequest {
  const p = raw.attributes;
  const type = p.absence_type.attributes;
  const days = (p.breakdowns ?? [])
    .filter((day) => readDateOfDateTime(day.date))
    .map((day) => ({
      date: readDateOfDateTime(day.date) as string,
      amount: day.effective_duration == null ? null : day.effective_duration / 60,
      unit: 'hours' as const,
      portion: null,
    }));
  const start = days[0]?.date ?? localDate(p.start, p.timezone);
  const end = days.at(-1)?.date ?? (p.end ? localDate(p.end, p.timezone) : start);
  const known = type.time_off_type_id ? types.get(type.time_off_type_id)?.attributes : undefined;
  return {
    ...common(p.id, raw, options.includeRaw),
    employee: employeeOf(p.employee),
    policy: { id: type.time_off_type_id ?? type.id, name: type.name, typeName: null },
    type: typeOf(known ?? { name: type.name }),
    status: statusOf(p.status),
    unit: 'hours',
    amount: p.effective_duration == null ? null : p.effective_duration / 60,
    start: { date: start, portion: null, time: null },
    end: { date: end, portion: null, time: null },
    days,
    note: p.comment || null,
    requestedAt: readInstant(p.created_at),
    updatedAt: readInstant(p.updated_at),
  } satisfies TimeOffRequest;
}

/** The local day of a UTC instant in the absence's zone (Europe/Berlin when Personio does not say). */
function localDate(instant: string, zone: string | null | undefined): string {
  const at = new Date(readInstant(instant, { assumeZone: 'UTC' }) as string); // the raw schema checked it
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone ?? 'Europe/Berlin' }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at); // a zone Intl does not know
  }
}
