import type { ReadOptions, TimeOffPolicy } from '@hrkit/core';
import { BAMBOOHR } from '../config.js';
import { mapTimeOffType } from '../mapping/time-off-policy.js';
import type { BambooHrReadContext } from './context.js';

// #region read-time-off-policies
/** Time-off types, with the accrual policies attached to each (when the key may read them). */
export async function* listTimeOffPolicies(
  context: BambooHrReadContext,
  options: ReadOptions = {},
): AsyncIterable<TimeOffPolicy> {
  const types = await context.client.timeOffTypes(options.signal);
  const policies = await context.client.timeOffPolicies(options.signal).catch(() => []);
  for (const type of types.timeOffTypes)
    yield mapTimeOffType(type, { provider: BAMBOOHR, policies, includeRaw: options.includeRaw });
}
// #endregion read-time-off-policies
