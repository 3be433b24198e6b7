import { type EmploymentTypeOverrides, EmploymentTypeOverridesSchema } from '@hrkit/core';
import { z } from 'zod';

/** Options of the `hibob()` plugin: the same for every connection of the kit. */
export interface HiBobOptions {
  /**
   * The customer's employment-type field: its name as shown in Bob, or its field id
   * (e.g. `work.custom.field_1651169416679`). Default "Remotepass Employment Type".
   */
  employmentTypeField?: string;
  /**
   * Rules for the customer field's labels (core EmploymentTypeRules): a table adds to and overrides the defaults
   * (`HIBOB_EMPLOYMENT_TYPES`: Contractor, Direct Employee, EOR) label by label, `null` removes one, and
   * `{ rules, replaceDefaults: true }` starts from an empty table.
   */
  employmentTypes?: EmploymentTypeOverrides;
  /** The same for HiBob's built-in payroll type/contract labels (defaults `HIBOB_PAYROLL_EMPLOYMENT_TYPES`). */
  payrollEmploymentTypes?: EmploymentTypeOverrides;
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
  employmentTypes: EmploymentTypeOverrides | undefined;
  payrollEmploymentTypes: EmploymentTypeOverrides | undefined;
  defaults: { includeInactive: boolean; includeSensitive: boolean; includeHistory: boolean; includeRaw: boolean };
  timeOffLookbackDays: number;
  searchBatchSize: number;
  customFieldMap: Record<string, string>;
}

export const DEFAULT_EMPLOYMENT_TYPE_FIELD = 'Remotepass Employment Type';

/** The option's name until the rules moved to core's EmploymentTypeRules; refused with the way forward. */
const RENAMED_MAPPING_OPTION =
  'employmentTypeMapping was replaced by employmentTypes (label → rule, adding to the defaults) and ' +
  'payrollEmploymentTypes; to replace the rules object, rebind HIBOB_TOKENS.EmploymentTypeRules (docs/providers/hibob.md)';

const OptionsSchema = z.strictObject({
  employmentTypeField: z.string().trim().min(1).optional(),
  employmentTypes: EmploymentTypeOverridesSchema.optional(),
  payrollEmploymentTypes: EmploymentTypeOverridesSchema.optional(),
  employmentTypeMapping: z.never({ error: RENAMED_MAPPING_OPTION }).optional(),
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
  return {
    employmentTypeField: parsed.employmentTypeField ?? DEFAULT_EMPLOYMENT_TYPE_FIELD,
    employmentTypes: parsed.employmentTypes,
    payrollEmploymentTypes: parsed.payrollEmploymentTypes,
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
  /** The customer field's EmploymentTypeRules (core): rebind it to classify the customer's labels differently. */
  EmploymentTypeRules: Symbol.for('@hrkit/hibob/EmploymentTypeRules'),
  /** The EmploymentTypeRules for HiBob's built-in payroll type/contract labels. */
  PayrollEmploymentTypeRules: Symbol.for('@hrkit/hibob/PayrollEmploymentTypeRules'),
} as const;
