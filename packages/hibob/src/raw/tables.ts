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

/** `GET /v1/bulk/people/{table}`: cursor-paginated, per-employee rows, per-employee errors. */
export const RawBulkTableResponse = z.looseObject({
  results: z
    .array(z.looseObject({ employeeId: RawId, values: z.array(RawTableRow).nullish() }))
    .nullish()
    .transform((value) => value ?? []),
  response_metadata: z.looseObject({ next_cursor: z.string().nullish() }).nullish(),
  errors: z.unknown().optional(),
});
