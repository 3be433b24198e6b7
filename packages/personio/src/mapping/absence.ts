import type { Absence, TimeOffRequest } from '@hrkit/core';

/** Personio has no who's-out endpoint: an absence is an approved request seen over the asked range. */
export function toAbsence(request: TimeOffRequest): Absence {
  const { id, provider, employee, policy, type, status, start, end, unit, amount, raw } = request;
  return {
    ...{ id, provider, employee, policy, type, status, start, end, unit, amount },
    requestId: id,
    visibility: 'unknown',
    ...(raw ? { raw } : {}),
  };
}
