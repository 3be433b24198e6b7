import { z } from 'zod';
import type { PayPermissionIssue } from '../errors.js';

/** Ids, amounts and dates arrive as numbers or strings depending on the endpoint: accept both, never trust either. */
const Scalar = z.union([z.string(), z.number()]);

/** HiBob's currency value: `{ value, currency }`. */
export const RawMoney = z.looseObject({
  value: Scalar.nullish(),
  currency: z.string().nullish(),
});

/** One row of the Salary table (`/people/{id}/salaries`, bulk salaries, and `payroll.salary` in payroll history). */
export const RawSalaryRow = z.looseObject({
  id: Scalar.nullish(),
  employeeId: Scalar.nullish(),
  effectiveDate: z.string().nullish(),
  endEffectiveDate: z.string().nullish(),
  isCurrent: z.boolean().nullish(),
  base: RawMoney.nullish(),
  payPeriod: z.string().nullish(),
  payFrequency: z.string().nullish(),
  /** Seen on employment rows; read here too in case a tenant's salary rows carry it. */
  salaryPayType: z.string().nullish(),
  flsaCode: z.string().nullish(),
  reason: z.string().nullish(),
  change: z
    .looseObject({
      reason: z.string().nullish(),
      changedById: Scalar.nullish(),
    })
    .nullish(),
});
export type RawSalaryRow = z.infer<typeof RawSalaryRow>;

/** `GET /v1/people/{id}/salaries`. */
export const RawSalaryTable = z.looseObject({ values: z.array(z.unknown()).nullish() });

/** `GET /v1/bulk/people/salaries`: per-employee rows, per-employee errors, cursor. */
export const RawBulkSalaries = z.looseObject({
  results: z
    .array(
      z.looseObject({
        employeeId: Scalar.nullish(),
        values: z.array(z.unknown()).nullish(),
      }),
    )
    .nullish(),
  response_metadata: z.looseObject({ next_cursor: z.string().nullish() }).nullish(),
  // The layout of per-employee errors is not documented: read leniently by readBulkErrors below.
  errors: z.unknown().optional(),
});
export type RawBulkSalaries = z.infer<typeof RawBulkSalaries>;

/** `GET /v1/payroll/history` (legacy): full employee objects carrying `payroll.salary` rows. */
export const RawPayrollHistory = z.looseObject({
  employees: z
    .array(
      z.looseObject({
        id: Scalar.nullish(),
        displayName: z.string().nullish(),
        payroll: z.looseObject({ salary: z.unknown().optional() }).nullish(),
      }),
    )
    .nullish(),
});
export type RawPayrollHistory = z.infer<typeof RawPayrollHistory>;

/**
 * HiBob's bulk `errors` key has no documented layout. Accept a list of objects (`{employeeId, code|key|error,
 * message}`), a map keyed by employee id, or a list of ids; anything else is reported under the id `unknown`.
 */
export function readBulkErrors(errors: unknown, source: string): PayPermissionIssue[] {
  if (errors === undefined || errors === null) return [];
  if (Array.isArray(errors)) return errors.map((entry) => issueFrom(entry, null, source));
  if (typeof errors === 'object')
    return Object.entries(errors as Record<string, unknown>).map(([id, entry]) => issueFrom(entry, id, source));
  return [issueFrom(errors, null, source)];
}

function issueFrom(entry: unknown, keyId: string | null, source: string): PayPermissionIssue {
  if (typeof entry === 'string' || typeof entry === 'number')
    return { employeeRemoteId: keyId ?? String(entry), code: 'MISSING_PERMISSION', message: null, source };
  const record = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const id = record.employeeId ?? record.id ?? keyId ?? 'unknown';
  const code = record.code ?? record.key ?? record.error ?? record.errorCode ?? 'MISSING_PERMISSION';
  const message = record.message ?? record.errorMessage ?? null;
  return {
    employeeRemoteId: String(id),
    code: String(code),
    message: typeof message === 'string' ? message : null,
    source,
  };
}
