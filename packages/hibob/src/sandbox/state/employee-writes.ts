import { ControlError } from '@hrkit/sandbox-kit';
import { EMPLOYMENT_TYPE_FIELD_ID, EMPLOYMENT_TYPE_LIST_ID } from '../data/custom-fields.js';
import type { CompanyState } from './company-state.js';
import type { BobEmployee } from './types.js';

type Writer = (employee: BobEmployee, value: unknown, state: CompanyState) => void;

const str = (field: string, value: unknown, nullable = true): string | null => {
  if (value === null && nullable) return null;
  if (typeof value !== 'string' || value.length === 0)
    throw new ControlError(400, `"${field}" must be a non-empty string${nullable ? ' or null' : ''}`);
  return value;
};
const num = (field: string, value: unknown): number | null => {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ControlError(400, `"${field}" must be a number or null`);
  return value;
};
const date = (field: string, value: unknown, nullable = true): string | null => {
  const text = str(field, value, nullable);
  if (text !== null && !/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new ControlError(400, `"${field}" must be a YYYY-MM-DD date`);
  return text;
};
const listItem = (field: string, listId: string) => (value: unknown, state: CompanyState) => {
  const id = str(field, value);
  if (id !== null && state.listItemName(listId, id) === null)
    throw new ControlError(400, `"${field}": ${id} is not an item of list ${listId}`);
  return id;
};

/** Fields the control API writes into the employee record (everything else non-computed goes to `extra`). */
const WRITERS: Record<string, Writer> = {
  'root.firstName': (e, v) => {
    e.firstName = str('root.firstName', v, false)!;
  },
  'root.surname': (e, v) => {
    e.surname = str('root.surname', v, false)!;
  },
  'root.secondName': (e, v) => {
    e.secondName = str('root.secondName', v);
  },
  'root.email': (e, v, s) => {
    const previous = e.email;
    e.email = str('root.email', v, false)!;
    s.reindexEmployee(e, previous);
  },
  'work.title': (e, v, s) => {
    e.title = listItem('work.title', 'title')(v, s);
  },
  'work.department': (e, v, s) => {
    e.department = listItem('work.department', 'department')(v, s);
  },
  'work.siteId': (e, v, s) => {
    const siteId = num('work.siteId', v);
    if (siteId !== null && s.siteName(siteId) === null) throw new ControlError(400, `"work.siteId": no site ${siteId}`);
    e.siteId = siteId;
  },
  'work.manager': (e, v, s) => {
    const managerId = str('work.manager', v);
    if (managerId !== null && (!s.employee(managerId) || managerId === e.id)) {
      throw new ControlError(400, `"work.manager": ${managerId} is not another employee`);
    }
    e.managerId = managerId;
  },
  'work.startDate': (e, v) => {
    e.startDate = date('work.startDate', v, false)!;
  },
  'payroll.employment.type': (e, v, s) => {
    e.payrollType = listItem('payroll.employment.type', 'payrollEmploymentType')(v, s);
  },
  'payroll.employment.contract': (e, v, s) => {
    e.contract = listItem('payroll.employment.contract', 'employmentstatus')(v, s);
  },
  'payroll.employment.weeklyHours': (e, v) => {
    e.weeklyHours = num('payroll.employment.weeklyHours', v);
  },
  'payroll.employment.fte': (e, v) => {
    e.fte = num('payroll.employment.fte', v);
  },
  'internal.terminationDate': (e, v) => {
    e.terminationDate = date('internal.terminationDate', v);
  },
  'internal.terminationReason': (e, v, s) => {
    e.terminationReason = listItem('internal.terminationReason', 'terminationreason')(v, s);
  },
  'internal.probationEndDate': (e, v) => {
    e.probationEndDate = date('internal.probationEndDate', v);
  },
  'personal.birthDate': (e, v) => {
    e.birthDate = date('personal.birthDate', v);
  },
  'personal.pronouns': (e, v, s) => {
    e.pronouns = listItem('personal.pronouns', 'pronouns')(v, s);
  },
  'home.privateEmail': (e, v) => {
    e.privateEmail = str('home.privateEmail', v);
  },
  'home.mobilePhone': (e, v) => {
    e.mobilePhone = str('home.mobilePhone', v);
  },
  'home.legalGender': (e, v, s) => {
    e.legalGender = listItem('home.legalGender', 'legalGenderEnhanced')(v, s);
  },
  'address.city': (e, v) => {
    e.city = str('address.city', v);
  },
  'address.country': (e, v, s) => {
    e.country = listItem('address.country', 'countries')(v, s);
  },
  [EMPLOYMENT_TYPE_FIELD_ID]: (e, v, s) => {
    // Accept a label ("EOR") or an item id of the live list (items added through the control API included);
    // store the item id like HiBob does. A value outside the list goes through `setUncheckedFieldValue`.
    if (v === null) {
      delete e.custom[EMPLOYMENT_TYPE_FIELD_ID];
      return;
    }
    const id = typeof v === 'string' ? s.listItemId(EMPLOYMENT_TYPE_LIST_ID, v) : null;
    if (!id)
      throw new ControlError(
        400,
        `"${EMPLOYMENT_TYPE_FIELD_ID}" must be an item (label or id) of list ${EMPLOYMENT_TYPE_LIST_ID} or null`,
      );
    e.custom[EMPLOYMENT_TYPE_FIELD_ID] = id;
  },
};

/** Calculated fields: their values follow from others and cannot be set. */
const READ_ONLY = new Set([
  'root.id',
  'root.displayName',
  'root.fullName',
  'root.companyId',
  'root.creationDateTime',
  'root.avatarUrl',
  'work.site',
  'work.reportsTo',
  'work.reportsTo.email',
  'work.isManager',
  'work.directReports',
  'work.secondLevelManager',
  'work.tenureDuration',
  'work.durationOfEmployment',
  'internal.status',
  'internal.lifecycleStatus',
]);

/** Field groups that live in a history table: changing them adds a row effective today. */
export const WORK_TABLE_FIELDS = new Set(['work.title', 'work.department', 'work.siteId', 'work.manager']);
export const EMPLOYMENT_TABLE_FIELDS = new Set([
  'payroll.employment.type',
  'payroll.employment.contract',
  'payroll.employment.weeklyHours',
  'payroll.employment.fte',
]);

/** Applies `{fieldId: value}` to an employee; returns the ids that really changed. */
export function writeFields(state: CompanyState, employee: BobEmployee, values: Record<string, unknown>): string[] {
  const context = state.fieldContext();
  const changed: string[] = [];
  for (const [fieldId, value] of Object.entries(values)) {
    const field = state.fieldsById.get(fieldId);
    if (!field) throw new ControlError(400, `unknown field id "${fieldId}" (see GET /v1/company/people/fields)`);
    if (READ_ONLY.has(fieldId)) throw new ControlError(400, `field "${fieldId}" is calculated and cannot be set`);
    const before = JSON.stringify(field.read(employee, context) ?? null);
    const writer = WRITERS[fieldId];
    if (writer) writer(employee, value, state);
    else if (field.custom) employee.custom[fieldId] = value;
    else employee.extra[fieldId] = value;
    if (JSON.stringify(field.read(employee, context) ?? null) !== before) changed.push(fieldId);
  }
  // A calculated field such as Full Name fires an update when its base fields change (hibob-api.md §7).
  if (changed.includes('root.firstName') || changed.includes('root.surname'))
    changed.push('root.fullName', 'root.displayName');
  return changed;
}
