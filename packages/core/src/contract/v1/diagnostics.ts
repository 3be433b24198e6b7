import { z } from 'zod';
import { CapabilityName } from './capabilities.js';

/** One probe of `check()`: a capability, a field category, a custom field… */
export const DiagnosticCheck = z.strictObject({
  id: z.string().describe('Stable id, e.g. `employees.list`, `fields.work`, `customField.employmentType`'),
  title: z.string(),
  status: z.enum(['ok', 'missing', 'degraded', 'error', 'skipped']),
  /** `required`: the sync cannot run without it; `optional`: a feature is off. */
  severity: z.enum(['required', 'optional']),
  capabilities: z.array(CapabilityName).describe('Capabilities this check gates'),
  summary: z.string(),
  missingFields: z.array(z.string()),
  /** What the customer's admin must do, in the provider's own words. Null when nothing to do. */
  fix: z
    .strictObject({
      permission: z.string().nullable().describe('The exact permission, e.g. "People\'s Data › Work › View"'),
      steps: z.array(z.string()),
    })
    .nullable(),
});
export type DiagnosticCheck = z.infer<typeof DiagnosticCheck>;

export const DiagnosticsReport = z.strictObject({
  provider: z.string(),
  checkedAt: z.iso.datetime({ offset: true }),
  /** True when no `required` check failed. */
  ok: z.boolean(),
  checks: z.array(DiagnosticCheck),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReport>;

export function buildReport(provider: string, checks: DiagnosticCheck[], now = new Date()): DiagnosticsReport {
  const ok = checks.every((check) => check.severity !== 'required' || check.status === 'ok');
  return DiagnosticsReport.parse({ provider, checkedAt: now.toISOString(), ok, checks });
}
