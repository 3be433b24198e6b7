import { hrkitId, type TimeOffRequest, type TimeOffStatusValue } from '@hrkit/core';

type TimeOffDay = TimeOffRequest['days'][number];
import type { RawTimeOffRequest } from '../raw/time-off.js';
import type { PeopleIndex } from './people-index.js';
import { classifyTimeOffType, unitOf } from './time-off-policy.js';
import { date, instant, number, text } from './values.js';

/**
 * BambooHR request statuses → the model. `superceded` (BambooHR's spelling) marks a request replaced by an edited
 * one: it no longer counts, so it maps to `cancelled`; the source keeps the original word.
 */
const STATUS: Readonly<Record<string, TimeOffStatusValue>> = {
  approved: 'approved',
  requested: 'requested',
  denied: 'declined',
  declined: 'declined',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  superceded: 'cancelled',
  superseded: 'cancelled',
  deleted: 'deleted',
};

export function mapTimeOffStatus(value: string | null): TimeOffStatusValue {
  return value ? (STATUS[value.toLowerCase()] ?? 'other') : 'other';
}

function notesOf(raw: RawTimeOffRequest['notes']): string | null {
  if (!raw || Array.isArray(raw)) return null;
  const parts = ['employee', 'manager']
    .map((who) => {
      const note = text(raw[who]);
      return note ? `${who}: ${note}` : null;
    })
    .filter(Boolean);
  return parts.length > 0 ? parts.join('\n') : null;
}

function daysOf(raw: RawTimeOffRequest, unit: TimeOffDay['unit']): TimeOffDay[] {
  if (!raw.dates || Array.isArray(raw.dates)) return [];
  const days: TimeOffDay[] = [];
  for (const [day, amount] of Object.entries(raw.dates)) {
    const parsed = date(day);
    if (parsed) days.push({ date: parsed, amount: number(amount), unit, portion: null });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export interface TimeOffMappingContext {
  provider: string;
  people: PeopleIndex;
  includeRaw?: boolean;
}

/** One `time_off/requests` item → TimeOffRequest. Amounts and units exactly as given, never converted. */
export function mapTimeOffRequest(raw: RawTimeOffRequest, context: TimeOffMappingContext): TimeOffRequest {
  const unit = unitOf(raw.amount?.unit);
  const statusValue = text(raw.status?.status);
  const typeName = text(raw.type?.name);
  const start = date(raw.start) ?? raw.start;
  const end = date(raw.end);
  const previous = text(raw.previousRequest);
  const request: TimeOffRequest = {
    id: hrkitId(context.provider, raw.id),
    provider: context.provider,
    remoteId: raw.id,
    employee: context.people.ref(raw.employeeId, text(raw.name)),
    policy: { id: text(raw.type?.id), name: typeName ?? 'Time off', typeName },
    type: {
      value: classifyTimeOffType(typeName),
      source: typeName ? { field: 'type.name', value: typeName, label: null } : null,
    },
    status: {
      value: mapTimeOffStatus(statusValue),
      source: statusValue ? { field: 'status.status', value: statusValue, label: null } : null,
    },
    unit,
    amount: number(raw.amount?.amount),
    cost: null,
    rangeType: null,
    start: { date: start, portion: null, time: null },
    end: end ? { date: end, portion: null, time: null } : null,
    days: daysOf(raw, unit),
    approver: null,
    note: notesOf(raw.notes),
    editChain: { originalRequestId: null, previousRequestId: previous ? hrkitId(context.provider, previous) : null },
    requestedAt: instant(raw.created),
    updatedAt: instant(raw.status?.lastChanged),
  };
  if (context.includeRaw) request.raw = { ...raw };
  return request;
}
