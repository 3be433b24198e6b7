import { appendAll, type Compensation, type CompensationOptions } from '@hrkit/core';
import { BAMBOOHR } from '../config.js';
import { mapCompensationRows } from '../mapping/compensation.js';
import type { RawCompensationRow } from '../raw/tables.js';
import { type BambooHrReadContext, todayIn } from './context.js';
import { groupByEmployee } from './employment-history.js';
import { loadPeople } from './people.js';

// #region read-compensation
/** Pay rows from the compensation table (the facade has already checked the includeCompensation opt-in). */
export async function* listCompensation(
  context: BambooHrReadContext,
  options: CompensationOptions = {},
): AsyncIterable<Compensation> {
  const today = todayIn(context);
  const { people } = await loadPeople(context.client, today, options.signal);
  const rows: RawCompensationRow[] = [];
  if (options.employeeIds)
    for (const id of options.employeeIds) appendAll(rows, await context.client.compensation(id, options.signal));
  else appendAll(rows, await context.client.compensation('all', options.signal));
  const mapping = { provider: BAMBOOHR, today, people, includeRaw: options.includeRaw === true };
  for (const employeeRows of groupByEmployee(rows).values()) yield* mapCompensationRows(employeeRows, mapping);
}
// #endregion read-compensation
