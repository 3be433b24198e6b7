import {
  type Employee,
  type EmploymentStatusValue,
  type EmploymentType,
  type EmploymentTypeRules,
  type EmploymentTypeTable,
  emptyPersonalDetails,
  hrkitId,
  labelKey,
  readDateOfDateTime,
  readInstant,
  readNumber,
  readText,
  type WorkerKind,
} from '@hrkit/core';
import { PERSONIO } from '../config.js';
import type { RawPersonioAttribute, RawPersonioEmployee } from '../raw/employee.js';

/** `status`: onboarding is a future hire; inactive without a termination date is inactive, not a leaver. */
const EMPLOYMENT_STATUS: Record<string, EmploymentStatusValue> = {
  active: 'active',
  leave: 'on_leave',
  onboarding: 'pending',
};

/** `employment_type` says employee or not, but not which kind of external worker: the customer's category does. */
const WORKER_KIND: Record<string, WorkerKind> = { internal: 'employee', external: 'other' };

/** Labels of the customer's own category attribute; a consumer adjusts them with `personio({ employmentTypes })`. */
export const PERSONIO_EMPLOYMENT_TYPES: EmploymentTypeTable = {
  Employee: { workerKind: 'employee' },
  'Direct Employee': { workerKind: 'employee' },
  'Full-time': { workerKind: 'employee', schedule: 'full_time' },
  'Part-time': { workerKind: 'employee', schedule: 'part_time' },
  Contractor: { workerKind: 'contractor' },
  Freelancer: { workerKind: 'freelancer' },
  EOR: { workerKind: 'eor_worker' },
  Intern: { workerKind: 'intern' },
  'Working Student': { workerKind: 'employee', schedule: 'part_time' },
};

export interface EmployeeMappingContext {
  employmentTypes: EmploymentTypeRules;
  /** The customer's category attribute, by label or `dynamic_<n>` key (plugin option `employmentTypeField`). */
  categoryField?: string | undefined;
  fullTimeWeeklyHours?: number | undefined;
  includeRaw?: boolean | undefined;
}

type Attributes = RawPersonioEmployee['attributes'];
const valueAt = (attributes: Attributes, key: string) => attributes[key]?.value;
const textOf = (attributes: Attributes, key: string) => readText(valueAt(attributes, key));
/** `{ type: "Department", attributes: { id, name } }` → `{ id, name }`. */
const named = (value: unknown) => {
  const inner = (value as { attributes?: { id?: unknown; name?: unknown } } | null)?.attributes;
  const name = readText(inner?.name);
  return name ? { id: readText(inner?.id), name } : null;
};

/** One Personio employee → the normalized Employee. Pure: tested with recorded shapes. */
export function toEmployee(raw: RawPersonioEmployee, context: EmployeeMappingContext): Employee {
  const a = raw.attributes;
  const remoteId = readText(a.id.value) ?? '';
  const [first, last, preferred] = ['first_name', 'last_name', 'preferred_name'].map((key) => textOf(a, key)) as [
    string | null,
    string | null,
    string | null,
  ];
  const supervisorId = readText(
    (valueAt(a, 'supervisor') as { attributes?: { id?: { value?: unknown } } } | null)?.attributes?.id?.value,
  );
  const status = textOf(a, 'status');
  const terminationDate = readDateOfDateTime(valueAt(a, 'termination_date'));
  const hireDate = readDateOfDateTime(valueAt(a, 'hire_date'));
  const statusValue = status
    ? (EMPLOYMENT_STATUS[status] ?? (status === 'inactive' ? (terminationDate ? 'terminated' : 'inactive') : 'other'))
    : 'unknown'; // `status` not whitelisted: check() names the setting
  const office = named(valueAt(a, 'office'));
  const costCenters = valueAt(a, 'cost_centers');
  return {
    id: hrkitId(PERSONIO, remoteId),
    provider: PERSONIO,
    remoteId,
    employeeNumber: null,
    name: { first, middle: null, last, display: [first, last].filter(Boolean).join(' ') || preferred, preferred },
    emails: { work: textOf(a, 'email'), personal: null },
    phones: [],
    jobTitle: textOf(a, 'position'),
    department: named(valueAt(a, 'department')),
    workLocation: office ? { ...office, arrangement: 'unknown', address: null, timeZone: null } : null,
    legalEntity: named(valueAt(a, 'subcompany'))?.name ?? null,
    manager: supervisorId ? { id: hrkitId(PERSONIO, supervisorId), remoteId: supervisorId, displayName: null } : null,
    hireDate,
    startDate: hireDate,
    terminationDate,
    employmentStatus: {
      value: statusValue,
      source: status ? { field: 'status', value: status, label: null } : null,
      effectiveDate: statusValue === 'terminated' ? terminationDate : hireDate,
    },
    employmentType: employmentType(a, context),
    weeklyHours: readNumber(valueAt(a, 'weekly_working_hours')),
    personal: emptyPersonalDetails(),
    customFields:
      Array.isArray(costCenters) && costCenters.length > 0
        ? { cost_centers: { name: 'Cost centers', category: null, value: costCenters.map(named), label: null } }
        : {},
    updatedAt: readInstant(valueAt(a, 'last_modified_at')),
    ...(context.includeRaw ? { raw } : {}),
  } satisfies Employee;
}

/**
 * Two axes: the customer's own category (found by its label, or its key) first; `employment_type` and weekly hours
 * fill what the category leaves open. A value without a rule is reported in `unmapped`, never guessed.
 */
function employmentType(a: Attributes, context: EmployeeMappingContext): EmploymentType {
  const category = findCategory(a, context.categoryField);
  const label = category ? readText(category.attribute.value) : null;
  const type = context.employmentTypes.classify(label, {
    field: { id: category?.key ?? '', name: category?.attribute.label ?? category?.key ?? '' },
    customerCategory: true,
  });
  const kind = textOf(a, 'employment_type');
  if (kind && type.workerKind.value === 'unknown') {
    const source = { field: 'employment_type', value: kind, label: a.employment_type?.label ?? null };
    type.workerKind = { value: WORKER_KIND[kind.toLowerCase()] ?? 'unknown', source };
    if (!WORKER_KIND[kind.toLowerCase()]) type.unmapped.push(source);
  }
  const hours = readNumber(valueAt(a, 'weekly_working_hours'));
  if (hours !== null && context.fullTimeWeeklyHours && type.schedule.value === 'unknown')
    type.schedule = {
      value: hours >= context.fullTimeWeeklyHours ? 'full_time' : 'part_time',
      source: { field: 'weekly_working_hours', value: hours, label: null },
    };
  return type;
}

/** Keys differ per company and labels are the customer's: match the key exactly, else the label by `labelKey`. */
export function findCategory(a: Attributes, field: string | undefined) {
  if (!field) return null;
  const wanted = labelKey(field);
  for (const [key, attribute] of Object.entries(a) as [string, RawPersonioAttribute][])
    if (key === field || (attribute.label && labelKey(attribute.label) === wanted)) return { key, attribute };
  return null;
}
