import type { EmployeeChange, EmployeeChangesOptions } from '@hrkit/core';
import { mapEmployeeChanges } from '../mapping/employee-change.js';
import type { BambooHrReadContext } from './context.js';

// #region read-employee-changes
/** `GET /v1/employees/changed`: who changed since an instant (BambooHR's only change feed). */
export async function* listEmployeeChanges(
  context: BambooHrReadContext,
  options: EmployeeChangesOptions,
): AsyncIterable<EmployeeChange> {
  // BambooHR wants ISO 8601; normalizing also guarantees the `+` of an offset is URL-encoded.
  const since = new Date(options.since).toISOString().replace(/\.\d{3}Z$/, 'Z');
  yield* mapEmployeeChanges(await context.client.changed(since, options.signal));
}
// #endregion read-employee-changes
