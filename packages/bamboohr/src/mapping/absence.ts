import { type Absence, hrkitId, type TimeOffRequest } from '@hrkit/core';
import type { RawWhosOutEntry } from '../raw/time-off.js';
import type { PeopleIndex } from './people-index.js';
import { date, text } from './values.js';

/**
 * A `whos_out` time-off row → Absence. The feed carries no type, status or amount; when the request with the same
 * id was read for the same window, those come from it (BambooHR uses the same ids in both).
 */
export function mapWhosOut(
  raw: RawWhosOutEntry,
  context: { provider: string; people: PeopleIndex; request?: TimeOffRequest; includeRaw?: boolean },
): Absence | null {
  if (raw.type !== 'timeOff' || !raw.employeeId) return null;
  const start = date(raw.start);
  if (!start) return null;
  const end = date(raw.end);
  const request = context.request;
  const absence: Absence = {
    id: hrkitId(context.provider, `whos_out:${raw.id}`),
    provider: context.provider,
    employee: context.people.ref(raw.employeeId, text(raw.name)),
    requestId: hrkitId(context.provider, raw.id),
    policy: request?.policy ?? { id: null, name: 'Time off', typeName: null },
    type: request?.type ?? { value: 'other', source: null },
    // whos_out lists approved leave only.
    status: request?.status ?? { value: 'approved', source: null },
    start: { date: start, portion: null, time: null },
    end: end ? { date: end, portion: null, time: null } : null,
    unit: request?.unit ?? null,
    amount: request?.amount ?? null,
    visibility: 'unknown',
  };
  if (context.includeRaw) absence.raw = { ...raw };
  return absence;
}
