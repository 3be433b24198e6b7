import { z } from 'zod';
import { RawId } from './values.js';

/** `GET /v1/employees/changed?since=`: no recording exists; shape from the official spec, read leniently. */
export const RawEmployeeChanged = z.looseObject({
  latest: z.string().nullish(),
  employees: z
    .record(
      z.string(),
      z.looseObject({
        id: RawId.nullish(),
        action: z.string().nullish(),
        lastChanged: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type RawEmployeeChanged = z.infer<typeof RawEmployeeChanged>;
