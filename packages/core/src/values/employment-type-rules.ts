import { z } from 'zod';
import {
  type CustomerCategory,
  type EmploymentType,
  type SourceValue,
  WorkerKind,
  WorkSchedule,
} from '../model/index.js';
import { labelKey } from './labels.js';

/**
 * What one label of a customer's (or a provider's) employment category says. Either axis may stay open;
 * `lifecycle` marks labels that describe the employment's state, not its type ("Terminated"): recognised, not
 * unmapped, and no worker kind is read from them.
 */
export interface EmploymentTypeRule {
  workerKind?: WorkerKind;
  schedule?: WorkSchedule;
  lifecycle?: 'terminated' | 'on_leave';
}

export type EmploymentTypeTable = Readonly<Record<string, EmploymentTypeRule | null>>;

const RuleSchema = z.strictObject({
  workerKind: WorkerKind.optional(),
  schedule: WorkSchedule.optional(),
  lifecycle: z.enum(['terminated', 'on_leave']).optional(),
});
const TableSchema = z.record(z.string(), RuleSchema.nullable());

const ReplacementSchema = z.strictObject({ rules: TableSchema, replaceDefaults: z.boolean() });

/**
 * Validates a consumer's overrides in an adapter's options schema: `employmentTypes: EmploymentTypeOverridesSchema.optional()`.
 * The form is told by its shape (only the replacement has `replaceDefaults`; a table's values are rules), so a
 * mistake is reported where it is — `employmentTypes.Staff.workerKind` — not as "Invalid input" for the whole union.
 */
export const EmploymentTypeOverridesSchema = z.unknown().superRefine((value, context) => {
  const form =
    typeof value === 'object' && value !== null && 'replaceDefaults' in value ? ReplacementSchema : TableSchema;
  const result = form.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue } as never);
}) as unknown as z.ZodType<EmploymentTypeOverrides>;

/**
 * How a consumer adjusts an adapter's default rules. A plain table **adds to and overrides** the defaults label by
 * label — labels it does not name keep their default meaning — and `null` removes one. `{ rules, replaceDefaults:
 * true }` starts from an empty table instead (say so explicitly: dropping defaults silently is how labels get lost).
 */
export type EmploymentTypeOverrides = EmploymentTypeTable | { rules: EmploymentTypeTable; replaceDefaults: boolean };

/**
 * The customer-category mapping, one concept for every adapter: label → classification, labels compared with
 * `labelKey` (case, spaces, punctuation and accents do not matter). A label without a rule is reported as
 * `unmapped`, never guessed.
 */
const MAX_REMEMBERED_LABELS = 1_000;

export class EmploymentTypeRules {
  private readonly byKey = new Map<string, EmploymentTypeRule>();
  /** The labels the rules know, as written (for `check()`: which of them the customer's field lacks). */
  readonly labels: readonly string[];

  constructor(table: EmploymentTypeTable) {
    const labels: string[] = [];
    for (const [label, rule] of Object.entries(table)) {
      if (!rule) continue;
      this.byKey.set(labelKey(label), rule);
      labels.push(label);
    }
    this.labels = labels;
  }

  /** The adapter's defaults adjusted by the consumer's overrides (see EmploymentTypeOverrides). */
  static from(defaults: EmploymentTypeTable, overrides?: EmploymentTypeOverrides | null): EmploymentTypeRules {
    if (!overrides) return new EmploymentTypeRules(defaults);
    if (isReplacement(overrides))
      return new EmploymentTypeRules(overrides.replaceDefaults ? overrides.rules : merge(defaults, overrides.rules));
    return new EmploymentTypeRules(merge(defaults, overrides));
  }

  /** Answers by label as written: a company repeats a handful of labels, and `labelKey` normalizes Unicode. */
  private readonly byLabel = new Map<string, EmploymentTypeRule | null>();

  /** The rule for a label, or null when no rule names it. */
  ruleFor(label: string | null | undefined): EmploymentTypeRule | null {
    if (!label) return null;
    let rule = this.byLabel.get(label);
    if (rule === undefined) {
      rule = this.byKey.get(labelKey(label)) ?? null;
      // Bounded: labels come from the provider, and an odd payload must not grow this without end.
      if (this.byLabel.size < MAX_REMEMBERED_LABELS) this.byLabel.set(label, rule);
    }
    return rule;
  }

  /**
   * The normalized employment type of one label. `field` names where the label was read (kept in `source`);
   * with `customerCategory`, the label is also exposed as the customer's own category.
   */
  classify(
    label: string | null | undefined,
    where: { field: { id: string; name: string }; value?: string | number; customerCategory?: boolean },
  ): EmploymentType {
    if (!label)
      return {
        workerKind: { value: 'unknown', source: null },
        schedule: { value: 'unknown', source: null },
        customerCategory: null,
        unmapped: [],
      };
    const source: SourceValue = { field: where.field.id, value: String(where.value ?? label), label };
    const customerCategory: CustomerCategory | null = where.customerCategory
      ? { label, value: where.value ?? label, field: where.field }
      : null;
    const rule = this.ruleFor(label);
    return {
      workerKind: { value: (!rule?.lifecycle && rule?.workerKind) || 'unknown', source },
      schedule: { value: (!rule?.lifecycle && rule?.schedule) || 'unknown', source },
      customerCategory,
      unmapped: rule ? [] : [source],
    };
  }
}

function merge(defaults: EmploymentTypeTable, overrides: EmploymentTypeTable): EmploymentTypeTable {
  const merged = new Map<string, [string, EmploymentTypeRule | null]>();
  for (const [label, rule] of Object.entries(defaults)) merged.set(labelKey(label), [label, rule]);
  for (const [label, rule] of Object.entries(overrides)) merged.set(labelKey(label), [label, rule]);
  return Object.fromEntries(merged.values());
}

function isReplacement(
  value: EmploymentTypeOverrides,
): value is { rules: EmploymentTypeTable; replaceDefaults: boolean } {
  return (
    typeof (value as { replaceDefaults?: unknown }).replaceDefaults === 'boolean' &&
    typeof (value as { rules?: unknown }).rules === 'object'
  );
}
