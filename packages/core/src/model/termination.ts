import { z } from 'zod';
import { classified, IsoDate, SourceValue } from './common.js';

/** Who ended the employment. `other` covers e.g. end of contract or death; `unknown` when nothing says. */
export const TerminationType = z.enum(['voluntary', 'involuntary', 'other', 'unknown']);
export type TerminationType = z.infer<typeof TerminationType>;

export const RehireEligibility = z.enum(['eligible', 'not_eligible', 'unknown']);
export type RehireEligibility = z.infer<typeof RehireEligibility>;

/**
 * How an employment ended, on the employee itself (not only in a lifecycle history row). Present when the provider
 * records a termination date, reason or type; null for people who have not left.
 */
export const Termination = z.strictObject({
  date: IsoDate.nullable().describe('Termination date as the provider records it'),
  lastDayOfWork: IsoDate.nullable(),
  type: classified(TerminationType),
  reason: SourceValue.nullable().describe("The provider's reason, with its label (e.g. a list item)"),
  rehireEligibility: classified(RehireEligibility),
});
export type Termination = z.infer<typeof Termination>;

/** Classify a provider's termination type label: only clear words count, everything else is `other`. */
export function terminationTypeOf(label: string | null): TerminationType {
  if (label === null) return 'unknown';
  const text = label.toLowerCase();
  if (/\binvoluntary\b|dismiss|fired|redundan|laid off|layoff/.test(text)) return 'involuntary';
  if (/\bvoluntary\b|resign/.test(text)) return 'voluntary';
  return 'other';
}

/** Classify a rehire-eligibility answer (`Yes`/`No`, `Eligible`/`Not eligible`, booleans). */
export function rehireEligibilityOf(value: unknown): RehireEligibility {
  if (value === true) return 'eligible';
  if (value === false) return 'not_eligible';
  if (typeof value !== 'string') return 'unknown';
  const text = value.trim().toLowerCase();
  if (/^(no|not eligible|ineligible|false|n)$/.test(text)) return 'not_eligible';
  if (/^(yes|eligible|true|y)$/.test(text)) return 'eligible';
  return 'unknown';
}
