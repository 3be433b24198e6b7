import { z } from 'zod';
import { Cell, RawId } from './values.js';

/** A row of `GET /v1/employees/{id|all}/tables/{table}`: all strings, unsorted, history not current state. */
export const RawTableRow = z
  .looseObject({
    id: RawId.nullish(),
    employeeId: RawId,
    date: z.string().nullish(),
  })
  .catchall(Cell);
export type RawTableRow = z.infer<typeof RawTableRow>;

export const RawTable = z.array(RawTableRow);

/** A `compensation` table row (columns INFERRED from third-party specs; `rate` an object or "65000.00 USD"). */
export const RawCompensationRow = z.looseObject({
  id: RawId.nullish(),
  employeeId: RawId,
  startDate: z.string().nullish(),
  rate: z.union([z.looseObject({ value: Cell, currency: z.string().nullish() }), z.string(), z.number()]).nullish(),
  type: z.string().nullish(),
  exempt: z.string().nullish(),
  reason: z.string().nullish(),
  comment: z.string().nullish(),
  paidPer: z.string().nullish(),
  paySchedule: z.string().nullish(),
});
export type RawCompensationRow = z.infer<typeof RawCompensationRow>;
export const RawCompensationTable = z.array(RawCompensationRow);
