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
}

export function emptyCounts(): ChangeCounts {
  return {
    employees: { created: 0, updated: 0, terminated: 0, deleted: 0 },
    timeOffRequests: { created: 0, requested: 0, approved: 0, declined: 0, cancelled: 0, updated: 0, deleted: 0 },
  };
}

export function countEvent(counts: ChangeCounts, event: ChangeEvent): void {
  const bucket: Record<string, number> = event.entity === 'employee' ? counts.employees : counts.timeOffRequests;
  bucket[event.action] = (bucket[event.action] ?? 0) + 1;
}
