import type { ChangeEvent } from '@hrkit/core';

/** How many events of each kind a run (or a webhook) produced. */
export interface ChangeCounts {
  employees: { created: number; updated: number; terminated: number; deleted: number };
  timeOffRequests: {
    created: number;
    requested: number;
    approved: number;
    declined: number;
    cancelled: number;
    updated: number;
    deleted: number;
  };
  /** Present once a run that opted in to balances produced a balance event. */
  timeOffBalances?: { created: number; updated: number; deleted: number };
  /** Present once a run that opted in to compensation produced a pay event. */
  compensation?: { created: number; updated: number; deleted: number };
}

export function emptyCounts(): ChangeCounts {
  return {
    employees: { created: 0, updated: 0, terminated: 0, deleted: 0 },
    timeOffRequests: { created: 0, requested: 0, approved: 0, declined: 0, cancelled: 0, updated: 0, deleted: 0 },
  };
}

export function countEvent(counts: ChangeCounts, event: ChangeEvent): void {
  let bucket: Record<string, number>;
  if (event.entity === 'employee') bucket = counts.employees;
  else if (event.entity === 'time_off_request') bucket = counts.timeOffRequests;
  else if (event.entity === 'time_off_balance')
    bucket = counts.timeOffBalances ??= { created: 0, updated: 0, deleted: 0 };
  else bucket = counts.compensation ??= { created: 0, updated: 0, deleted: 0 };
  bucket[event.action] = (bucket[event.action] ?? 0) + 1;
}
