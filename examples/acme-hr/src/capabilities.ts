import { declareCapabilities } from '@hrkit/core';

// #region capabilities
/** What this adapter implements; everything else is refused with NotSupportedError by the connection facade. */
export const ACME_CAPABILITIES = declareCapabilities({
  'employees.list': true,
  'employees.get': true,
  'timeOff.requests': true,
  webhooks: true,
});
// #endregion capabilities
