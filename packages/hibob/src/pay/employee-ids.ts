import { parseProviderData } from '@hrkit/core';
import { z } from 'zod';
import type { PayContext } from './pay-context.js';
import { PAY_PROVIDER } from './provider.js';

const RawIdSearch = z.looseObject({
  employees: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).nullish() })).nullish(),
});

/**
 * Every employee id the service user can read (leavers too: an attendance range in the past covers them). Attendance
 * search requires an employee filter, so a company-wide read starts here. Asks for `root.id` only: nothing sensitive.
 */
export async function readAllEmployeeIds(context: PayContext, signal?: AbortSignal): Promise<string[]> {
  const response = await context.http.post(
    '/v1/people/search',
    { fields: ['root.id'], showInactive: true },
    { idempotent: true, ...(signal ? { signal } : {}) },
  );
  const body = parseProviderData(RawIdSearch, response.body, {
    provider: PAY_PROVIDER,
    what: 'people search (ids)',
    request: 'POST /v1/people/search',
  });
  return (body.employees ?? []).flatMap((employee) =>
    employee.id === null || employee.id === undefined ? [] : [String(employee.id)],
  );
}
