import { declareCapabilities } from '@hrkit/core';

/** What the HiBob adapter supports. `employees.changes` has no HiBob feed (use webhooks). */
export const HIBOB_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'employees.history': true,
  'timeOff.requests': true,
  'timeOff.requestChanges': true,
  'timeOff.request': true,
  'timeOff.whosOut': true,
  'timeOff.outToday': true,
  'timeOff.balances': true,
  'timeOff.policies': true,
  // Both are refused by core unless the consumer opts in (includeCompensation / includeAttendance).
  compensation: true,
  attendance: true,
  webhooks: true,
});
