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
