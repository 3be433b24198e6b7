import {
  type Employee,
  type EmploymentStatusValue,
  type EmploymentTypeRules,
  type EmploymentTypeTable,
  emptyPersonalDetails,
  hrkitId,
  readDate,
  readInstant,
} from '@hrkit/core';
import { ACME } from '../config.js';
import type { RawAcmeEmployee } from '../raw/employee.js';

// #region mapping-tables
/**
 * Acme's values → the normalized ones. Small lookup tables, and a value we do not know maps to `other` /
 * `unknown` with its source kept, never to a guess.
 */
const EMPLOYMENT_STATUS: Record<string, EmploymentStatusValue> = {
  ONBOARDING: 'pending',
  ACTIVE: 'active',
  ON_LEAVE: 'on_leave',
  LEFT: 'terminated',
};

/** Acme's `contract` values; a consumer adjusts them with `acme({ employmentTypes })` (EmploymentTypeRules). */
export const ACME_EMPLOYMENT_TYPES: EmploymentTypeTable = {
  FULL_TIME: { workerKind: 'employee', schedule: 'full_time' },
  PART_TIME: { workerKind: 'employee', schedule: 'part_time' },
  CONTRACTOR: { workerKind: 'contractor', schedule: 'unknown' },
  INTERN: { workerKind: 'intern', schedule: 'unknown' },
};
// #endregion mapping-tables

// #region map-employee
const CONTRACT_FIELD = { id: 'contract', name: 'Contract' };

/** One Acme employee → the normalized Employee. Pure: no I/O, so it is tested with plain objects. */
export function toEmployee(
  raw: RawAcmeEmployee,
  employmentTypes: EmploymentTypeRules,
  options: { includeRaw?: boolean } = {},
): Employee {
  const first = raw.given_name ?? null;
  const last = raw.family_name ?? null;
  return {
    id: hrkitId(ACME, raw.emp_id),
    provider: ACME,
    remoteId: raw.emp_id,
    employeeNumber: null,
    name: { first, middle: null, last, display: [first, last].filter(Boolean).join(' ') || null, preferred: null },
    emails: { work: raw.work_email ?? null, personal: null },
    phones: [],
    jobTitle: raw.job_title ?? null,
    department: raw.team ? { id: raw.team.id, name: raw.team.name } : null,
    workLocation: null,
    legalEntity: null,
    manager: raw.manager_emp_id
      ? { id: hrkitId(ACME, raw.manager_emp_id), remoteId: raw.manager_emp_id, displayName: null }
      : null,
    hireDate: readDate(raw.started_on),
    startDate: readDate(raw.started_on),
    terminationDate: readDate(raw.left_on),
    employmentStatus: {
      value: EMPLOYMENT_STATUS[raw.status] ?? 'other',
      source: { field: 'status', value: raw.status, label: null },
      effectiveDate: raw.status === 'LEFT' ? readDate(raw.left_on) : null,
    },
    // An unknown contract value is reported in `unmapped`, never guessed.
    employmentType: employmentTypes.classify(raw.contract, { field: CONTRACT_FIELD }),
    weeklyHours: null,
    personal: emptyPersonalDetails(),
    customFields: {},
    // Acme's timestamps carry an offset; a zone-less one would be read as UTC, as Acme documents.
    updatedAt: readInstant(raw.updated_at, { assumeZone: 'UTC' }),
    ...(options.includeRaw ? { raw } : {}),
  } satisfies Employee;
}
// #endregion map-employee
