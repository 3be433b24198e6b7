import { WorkerKind, WorkSchedule } from '@hrkit/core';
import { z } from 'zod';
import {
  createEmploymentTypeMapping,
  defaultEmploymentTypeMapping,
  type EmploymentTypeMapping,
  type EmploymentTypeTables,
  isEmploymentTypeMapping,
} from './mapping/employment-type-mapping.js';

/** Options of the `hibob()` plugin: the same for every connection of the kit. */
export interface HiBobOptions {
  /**
   * The customer's employment-type field: its name as shown in Bob, or its field id
   * (e.g. `work.custom.field_1651169416679`). Default "Remotepass Employment Type".
   */
  employmentTypeField?: string;
  /** Replace how labels map to worker kind and schedule: a full mapping or label tables. */
  employmentTypeMapping?: EmploymentTypeMapping | EmploymentTypeTables;
  /** Defaults for every employee read (a read's own options win). */
  defaults?: { includeInactive?: boolean; includeSensitive?: boolean; includeHistory?: boolean; includeRaw?: boolean };
  /** How far before `from` (or now, if earlier) `timeOff.requests({from,to})` reads the changes feed, in days. Default 365. */
  timeOffLookbackDays?: number;
  /** Employees read per `/people/search` call when listing. Default 500. */
  searchBatchSize?: number;
  /**
   * Tenant fields under the consumer's own keys: `{ costCenter: 'Cost center', payrollId: 'identification.custom.field_…' }`
   * (a field name as shown in Bob, or its id) → `customFields.costCenter` with a typed value and `source`.
   */
  customFieldMap?: Record<string, string>;
}

export interface ResolvedHiBobOptions {
  employmentTypeField: string;
  employmentTypeMapping: EmploymentTypeMapping;
  defaults: { includeInactive: boolean; includeSensitive: boolean; includeHistory: boolean; includeRaw: boolean };
  timeOffLookbackDays: number;
  searchBatchSize: number;
  customFieldMap: Record<string, string>;
}

export const DEFAULT_EMPLOYMENT_TYPE_FIELD = 'Remotepass Employment Type';

const Classification = z.strictObject({ workerKind: WorkerKind.optional(), schedule: WorkSchedule.optional() });

const OptionsSchema = z.strictObject({
  employmentTypeField: z.string().trim().min(1).optional(),
  employmentTypeMapping: z
    .custom<EmploymentTypeMapping | EmploymentTypeTables>(
      (value) =>
        isEmploymentTypeMapping(value) ||
        z
          .strictObject({
            customerCategories: z.record(z.string(), Classification),
            payroll: z.record(z.string(), Classification).optional(),
          })
          .safeParse(value).success,
      'an EmploymentTypeMapping or { customerCategories, payroll? } label tables',
    )
    .optional(),
  defaults: z
    .strictObject({
      includeInactive: z.boolean().optional(),
      includeSensitive: z.boolean().optional(),
      includeHistory: z.boolean().optional(),
      includeRaw: z.boolean().optional(),
    })
    .optional(),
  timeOffLookbackDays: z.number().int().min(1).max(3650).optional(),
  searchBatchSize: z.number().int().min(1).max(5000).optional(),
  customFieldMap: z.record(z.string().trim().min(1), z.string().trim().min(1)).optional(),
});

/** The plugin options schema `defineProvider` validates `hibob(options)` with: the input, defaults filled in. */
export const HiBobOptions: z.ZodType<ResolvedHiBobOptions, HiBobOptions> = OptionsSchema.transform(
  withDefaults,
) as never;

function withDefaults(parsed: z.output<typeof OptionsSchema>): ResolvedHiBobOptions {
  const mapping = parsed.employmentTypeMapping;
  return {
    employmentTypeField: parsed.employmentTypeField ?? DEFAULT_EMPLOYMENT_TYPE_FIELD,
    employmentTypeMapping: !mapping
      ? defaultEmploymentTypeMapping
      : isEmploymentTypeMapping(mapping)
        ? mapping
        : createEmploymentTypeMapping(mapping),
    defaults: {
      includeInactive: parsed.defaults?.includeInactive ?? false,
      includeSensitive: parsed.defaults?.includeSensitive ?? false,
      includeHistory: parsed.defaults?.includeHistory ?? false,
      includeRaw: parsed.defaults?.includeRaw ?? false,
    },
    timeOffLookbackDays: parsed.timeOffLookbackDays ?? 365,
    searchBatchSize: parsed.searchBatchSize ?? 500,
    customFieldMap: parsed.customFieldMap ?? {},
  };
}

/** DI tokens of the HiBob adapter's replaceable parts (Symbol.for: two copies of the package still agree). */
export const HIBOB_TOKENS = {
  /** The validated `hibob(options)` plugin options. */
  Options: Symbol.for('@hrkit/hibob/Options'),
  /** The EmploymentTypeMapping: rebind it to classify the customer's labels differently. */
  EmploymentTypeMapping: Symbol.for('@hrkit/hibob/EmploymentTypeMapping'),
} as const;
