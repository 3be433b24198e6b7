import { z } from 'zod';
import { Cell, RawId } from './values.js';

/** One column of a custom report: `{id:"hireDate", type:"date", name:"Hire Date"}` (key order varies). */
export const RawReportField = z.looseObject({
  id: RawId,
  type: z.string().nullish(),
  name: z.string().nullish(),
});
export type RawReportField = z.infer<typeof RawReportField>;

/** One employee row: every value a string or null, keyed by the requested alias; `id` always present. */
export const RawEmployeeRow = z.looseObject({ id: RawId }).catchall(Cell);
export type RawEmployeeRow = z.infer<typeof RawEmployeeRow>;

/** `POST /v1/reports/custom?format=JSON` and saved reports. */
export const RawReport = z.looseObject({
  title: z.string().nullish(),
  fields: z.array(RawReportField).nullish(),
  employees: z.array(RawEmployeeRow),
});
export type RawReport = z.infer<typeof RawReport>;
