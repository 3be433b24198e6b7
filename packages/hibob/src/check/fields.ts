import type { CapabilityName, DiagnosticCheck } from '@hrkit/core';
import { categoryPermission } from '../errors.js';
import type { HiBobEmploymentTypes } from '../mapping/employment-type.js';
import {
  type CatalogField,
  FINANCIAL_CATEGORIES,
  MAX_FIELDS_PER_REQUEST,
  REQUIRED_ROLES,
} from '../mapping/field-catalog.js';
import { labelKey } from '../mapping/normalize.js';
import { readField } from '../mapping/read-field.js';
import type { HiBobClient } from '../client.js';
import type { Session } from '../readers/session.js';

/**
 * The rows of check()'s field probe: one per field category the mapping reads (HiBob leaves out, without an error,
 * the fields of a category the service user cannot view), the customer's employment-type field, and the financial
 * categories a consumer may opt into (docs/providers/hibob.md, "check()").
 */
export interface FieldProbeDependencies {
  client: HiBobClient;
  employmentTypes: HiBobEmploymentTypes;
  employmentTypeField: string;
  /** Fields of a full employee read, as the employee reader would request them. */
  fieldsFor: (session: Session) => CatalogField[];
  /** The subset read without `includeSensitive`: a gap outside it only matters to sensitive reads. */
  defaultFieldsFor?: (session: Session) => CatalogField[];
}

type Fix = DiagnosticCheck['fix'];

export const ADD_TO_GROUP =
  'In Bob: Settings › Integrations › Automation › Service users: open the service user’s permission group';

/** The fix for a missing permission, in Bob's words: open the group, then grant it. */
export function permissionFix(permission: string, ...steps: string[]): NonNullable<Fix> {
  return { permission, steps: [ADD_TO_GROUP, ...steps, `Grant: ${permission}`] };
}

function entry(
  id: string,
  title: string,
  severity: DiagnosticCheck['severity'],
  capabilities: CapabilityName[],
  status: DiagnosticCheck['status'],
  summary: string,
  fix: Fix = null,
  missingFields: string[] = [],
): DiagnosticCheck {
  return { id, title, status, severity, capabilities, summary, missingFields, fix: status === 'ok' ? null : fix };
}

/** Request every field the mapping reads for a sample of employees; fields never returned were silently omitted. */
export async function fieldRows(
  deps: FieldProbeDependencies,
  session: Session,
  sample: string[],
): Promise<{ checks: DiagnosticCheck[]; returned: ReadonlySet<string> | null }> {
  const fields = deps.fieldsFor(session);
  const readByDefault = new Set((deps.defaultFieldsFor?.(session) ?? fields).map((field) => field.id));
  const byCategory = new Map<string, CatalogField[]>();
  for (const field of fields) byCategory.set(field.categoryId, [...(byCategory.get(field.categoryId) ?? []), field]);
  const required = new Set(
    REQUIRED_ROLES.map((role) => session.catalog.role(role)?.categoryId).filter((id): id is string => Boolean(id)),
  );
  const title = (category: string, name: string) => `Fields of category "${name}" (${category})`;
  if (sample.length === 0)
    return {
      returned: null,
      checks: [...byCategory.entries()].map(([category, list]) =>
        entry(
          `fields.${category}`,
          title(category, list[0]?.categoryName ?? category),
          required.has(category) ? 'required' : 'optional',
          ['employees.list', 'employees.get'],
          'skipped',
          'Not probed: no employee visible',
        ),
      ),
    };
  const returned = new Set<string>();
  for (let index = 0; index < fields.length; index += MAX_FIELDS_PER_REQUEST - 1) {
    const group = fields.slice(index, index + MAX_FIELDS_PER_REQUEST - 1);
    const employees = await deps.client.search({
      fields: ['root.id', ...group.map((field) => field.id)],
      filter: { fieldPath: 'root.id', values: sample },
      showInactive: true,
    });
    for (const employee of employees)
      for (const field of group) if (readField(employee, field).present) returned.add(field.id);
  }
  const checks = [...byCategory.entries()].map(([category, list]) => {
    const name = list[0]?.categoryName ?? category;
    const missing = list.filter((field) => !returned.has(field.id));
    const severity = required.has(category) ? 'required' : 'optional';
    const permission = categoryPermission(name);
    if (missing.length === 0)
      return entry(
        `fields.${category}`,
        title(category, name),
        severity,
        ['employees.list', 'employees.get'],
        'ok',
        `${list.length} fields returned`,
      );
    return entry(
      `fields.${category}`,
      title(category, name),
      severity,
      ['employees.list', 'employees.get'],
      missing.length === list.length ? 'missing' : 'degraded',
      `HiBob silently left out ${missing.length} of ${list.length} requested fields (${missing
        .slice(0, 5)
        .map((field) => field.name)
        .join(', ')}${missing.length > 5 ? ', …' : ''}): the service user cannot view "${name}"${
        FINANCIAL_CATEGORIES.has(category)
          ? ' (needed only for includeFinancial reads)'
          : missing.every((field) => !readByDefault.has(field.id))
            ? ' (needed only for includeSensitive reads)'
            : ''
      }`,
      permissionFix(permission),
      missing.map((field) => field.id),
    );
  });
  return { checks, returned };
}

/** The customer's employment-type field: present, a list, with exactly the items the rules name. */
export function employmentTypeRow(
  deps: FieldProbeDependencies,
  session: Session,
  returned: ReadonlySet<string> | null,
): DiagnosticCheck {
  const wanted = deps.employmentTypeField;
  const field = session.employmentTypeField;
  const expected = deps.employmentTypes.customerCategories.labels;
  const title = `Custom employment-type field "${wanted}"`;
  const createFix: Fix = {
    permission: null,
    steps: [
      `In Bob: Settings › People data (fields): create a list field named "${wanted}" (any category, e.g. a "Work Eligibility" category)`,
      `Give it the items: ${expected.join(', ')}`,
      'Grant the service user View on that field’s category',
    ],
  };
  if (!field)
    return entry(
      'customField.employmentType',
      title,
      'optional',
      ['employees.list', 'employees.get'],
      'missing',
      `No field named or with id "${wanted}" in the fields metadata; worker kind falls back to HiBob's payroll employment type`,
      createFix,
      [wanted],
    );
  if (returned && !returned.has(field.id)) {
    const permission = categoryPermission(field.categoryName);
    return entry(
      'customField.employmentType',
      title,
      'optional',
      ['employees.list', 'employees.get'],
      'missing',
      `"${field.name}" (${field.id}) exists but HiBob silently left its values out: the service user cannot view the category "${field.categoryName}"; worker kind falls back to the payroll employment type`,
      permissionFix(permission),
      [field.id],
    );
  }
  if (!field.listId)
    return entry(
      'customField.employmentType',
      title,
      'optional',
      ['employees.list', 'employees.get'],
      'degraded',
      `"${field.name}" (${field.id}) is a ${field.type ?? 'non-list'} field, not a list: values are matched as text`,
      createFix,
    );
  const labels = [...(session.lists.list(field.listId)?.values() ?? [])];
  const keys = new Set(labels.map(labelKey));
  const missing = expected.filter((label) => !keys.has(labelKey(label)));
  const extra = labels.filter((label) => deps.employmentTypes.customerCategories.ruleFor(label) === null);
  const where = `"${field.name}" (${field.id}, category "${field.categoryName}", list "${field.listId}")`;
  if (missing.length === 0 && extra.length === 0)
    return entry(
      'customField.employmentType',
      title,
      'optional',
      ['employees.list', 'employees.get'],
      'ok',
      `${where} has the items ${expected.join(', ')}`,
    );
  const problems = [
    missing.length ? `missing items: ${missing.join(', ')}` : null,
    extra.length ? `extra items reported as unmapped: ${extra.join(', ')}` : null,
  ].filter(Boolean);
  return entry(
    'customField.employmentType',
    title,
    'optional',
    ['employees.list', 'employees.get'],
    'degraded',
    `${where}: ${problems.join('; ')}`,
    {
      permission: null,
      steps: [
        ...(missing.length ? [`Add the items ${missing.join(', ')} to the list of "${field.name}"`] : []),
        ...(extra.length
          ? [`Map the extra items with hibob({ employmentTypes }) or remove them in Bob: ${extra.join(', ')}`]
          : []),
      ],
    },
    missing,
  );
}

/**
 * Without `includeFinancial` on connect, check() does not read bank or identifier fields at all; it still names
 * the permissions a financial read will need, so the admin can grant them before the consumer opts in.
 */
export function financialNotProbed(): DiagnosticCheck {
  const financial = categoryPermission('Financial');
  const identification = categoryPermission('Identification');
  return {
    id: 'fields.financial',
    title: 'Bank accounts and national/tax identifiers (includeFinancial)',
    status: 'skipped',
    severity: 'optional',
    capabilities: ['employees.list', 'employees.get'],
    summary: `Not probed: financial reads are off. Connect with { includeFinancial: true } to check them; they need "${financial}" (bank accounts) and "${identification}" (identifiers)`,
    missingFields: [],
    fix: {
      permission: financial,
      steps: [
        'In Bob: Settings › Permission groups: open the service user’s group',
        `Grant: ${financial}`,
        `Grant: ${identification}`,
      ],
    },
  };
}
