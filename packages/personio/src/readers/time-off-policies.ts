import type { ReadOptions, TimeOffPolicy } from '@hrkit/core';
import type { PersonioClient } from '../client.js';
import { toTimeOffPolicy } from '../mapping/time-off-policy.js';

/** Policies are Personio's time-off types (day- and hour-based alike). */
export async function* listTimeOffPolicies(client: PersonioClient, options: ReadOptions): AsyncIterable<TimeOffPolicy> {
  for (const raw of (await client.timeOffTypes(options.signal)).values()) yield toTimeOffPolicy(raw, options);
}
