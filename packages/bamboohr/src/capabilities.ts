import { declareCapabilities } from '@hrkit/core';

// #region capabilities
/** What this adapter implements; everything else is refused with NotSupportedError by the connection facade. */
export const BAMBOOHR_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'employees.history': true,
  'employees.changes': true,
  'timeOff.requests': true,
  'timeOff.requestChanges': true,
  'timeOff.request': true,
  'timeOff.whosOut': true,
  'timeOff.outToday': true,
  'timeOff.balances': true,
  'timeOff.policies': true,
  compensation: true,
  webhooks: true,
});
// #endregion capabilities
