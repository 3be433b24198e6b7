import type { Absence, ReadOptions, TimeOffRequest } from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { BAMBOOHR } from '../config.js';
import { PeopleIndex } from '../mapping/people-index.js';
import { mapWhosOut } from '../mapping/time-off-other.js';
import { mapTimeOffRequest } from '../mapping/time-off-request.js';

/** whos_out for a window, enriched with the matching requests (type, unit, amount) read for the same window. */
export async function readAbsences(
  client: BambooHrClient,
  from: string,
  to: string,
  options: ReadOptions,
): Promise<Absence[]> {
  const entries = await client.whosOut(from, to, options.signal);
  const people = new PeopleIndex(BAMBOOHR);
  const requests = new Map<string, TimeOffRequest>();
  if (entries.some((entry) => entry.type === 'timeOff'))
    for (const raw of await client.timeOffRequests({ start: from, end: to }, options.signal))
      requests.set(raw.id, mapTimeOffRequest(raw, { provider: BAMBOOHR, people }));
  const result: Absence[] = [];
  for (const entry of entries) {
    const request = requests.get(entry.id);
    const absence = mapWhosOut(entry, {
      provider: BAMBOOHR,
      people,
      ...(request ? { request } : {}),
      includeRaw: options.includeRaw,
    });
    if (absence) result.push(absence);
  }
  return result;
}
