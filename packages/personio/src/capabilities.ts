import { declareCapabilities } from '@hrkit/core';

/**
 * What this adapter implements; everything else is refused with NotSupportedError. No attendance: Personio ended
 * the v1 endpoint on 2026-08-30, and no compensation or history (docs/providers/personio.md › Capabilities).
 */
export const PERSONIO_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'employees.changes': true,
  'timeOff.requests': true,
  'timeOff.requestChanges': true,
  'timeOff.request': true,
  'timeOff.whosOut': true,
  'timeOff.outToday': true,
  'timeOff.balances': true,
  'timeOff.policies': true,
  webhooks: true,
});
