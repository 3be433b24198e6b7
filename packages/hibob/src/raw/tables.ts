import { z } from 'zod';
import { RawId } from './fields.js';

/** One row of the work / employment / lifecycle table. Values may be ids or display strings. */
export const RawTableRow = z.looseObject({
  id: RawId.nullish(),
  effectiveDate: z.string().nullish(),
  endEffectiveDate: z.string().nullish(),
  isCurrent: z.boolean().nullish(),
  change: z.looseObject({ reason: z.string().nullish(), changedById: RawId.nullish() }).nullish(),
});
export type RawTableRow = z.output<typeof RawTableRow>;

/** `GET /v1/people/{id}/{table}`. */
export const RawTableResponse = z.looseObject({ values: z.array(RawTableRow) });

const BulkEmployeeRows = z.looseObject({ employeeId: RawId, values: z.array(RawTableRow).nullish() });

/**
 * `GET /v1/bulk/people/{table}`: cursor-paginated, per-employee rows, per-employee errors. The `results` layout is
 * INFERRED, so `employees`/`data` arrays and a top-level `next_cursor` are read too.
 */
export const RawBulkTableResponse = z
  .looseObject({
    results: z.array(BulkEmployeeRows).nullish(),
    employees: z.array(BulkEmployeeRows).nullish(),
    data: z.array(BulkEmployeeRows).nullish(),
    response_metadata: z.looseObject({ next_cursor: z.string().nullish() }).nullish(),
    next_cursor: z.string().nullish(),
    errors: z.unknown().optional(),
  })
  .transform((value) => ({
    results: value.results ?? value.employees ?? value.data ?? [],
    response_metadata: { next_cursor: value.response_metadata?.next_cursor ?? value.next_cursor ?? null },
    errors: value.errors,
  }));
