import {
  hrkitId,
  readDate,
  readInstant,
  type TimeOffRequest,
  type TimeOffStatusValue,
  type TimeOffTypeValue,
} from '@hrkit/core';
import { ACME } from '../config.js';
import type { RawAcmeLeave } from '../raw/leave.js';

// #region map-leave
const LEAVE_KIND: Record<string, TimeOffTypeValue> = {
  HOLIDAY: 'vacation',
  SICK: 'sick',
  PARENTAL: 'parental',
  UNPAID: 'unpaid',
};

const LEAVE_STATE: Record<string, TimeOffStatusValue> = {
  PENDING: 'requested',
  APPROVED: 'approved',
  REJECTED: 'declined',
  CANCELLED: 'cancelled',
};

/** One Acme leave entry → a normalized TimeOffRequest. */
export function toTimeOffRequest(raw: RawAcmeLeave, options: { includeRaw?: boolean } = {}): TimeOffRequest {
  const lastDay = readDate(raw.last_day);
  return {
    id: hrkitId(ACME, raw.leave_id),
    provider: ACME,
    remoteId: raw.leave_id,
    employee: { id: hrkitId(ACME, raw.emp_id), remoteId: raw.emp_id, displayName: null },
    policy: { id: null, name: raw.kind, typeName: raw.kind },
    type: { value: LEAVE_KIND[raw.kind] ?? 'other', source: { field: 'kind', value: raw.kind, label: null } },
    status: { value: LEAVE_STATE[raw.state] ?? 'other', source: { field: 'state', value: raw.state, label: null } },
    unit: 'days',
    amount: raw.days ?? null,
    cost: null,
    rangeType: null,
    start: { date: raw.first_day, portion: null, time: null },
    end: lastDay ? { date: lastDay, portion: null, time: null } : null,
    days: [],
    approver: null,
    note: null,
    editChain: { originalRequestId: null, previousRequestId: null },
    requestedAt: readInstant(raw.created_at, { assumeZone: 'UTC' }),
    updatedAt: readInstant(raw.updated_at, { assumeZone: 'UTC' }),
    ...(options.includeRaw ? { raw } : {}),
  } satisfies TimeOffRequest;
}
// #endregion map-leave
