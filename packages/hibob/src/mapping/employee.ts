import {
  type Address,
  type DataIssue,
  type Employee,
  type EmployeeRef,
  type EmploymentHistoryEntry,
  hrkitId,
  InvalidProviderDataError,
  type PhoneNumber,
} from '@hrkit/core';
import { HIBOB } from '../config.js';
import { type MappingContext, type ResolvedValue } from './context.js';
import { mapBankAccounts } from './bank-account.js';
import { mapCustomFieldMap } from './custom-field-map.js';
import { mapEmploymentStatus } from './employment-status.js';
import { mapEmploymentType } from './employment-type.js';
import { compiledAccess, type FieldAccess, plainAccess, type RoleReader } from './field-access.js';
import type { FieldRole } from './field-catalog.js';
import { mapGroups } from './groups.js';
import { mapIdentifiers } from './identifiers.js';
import { mapLegalEntity } from './legal-entity.js';
import { mapTermination } from './termination.js';
import { mapWorkLocation } from './work-location.js';
import { asIsoDate, asNumber, asText, isRecord } from './normalize.js';

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/** An EmployeeRef from an id, with the display name when known. */
export function employeeRef(remoteId: string, displayName: string | null = null): EmployeeRef {
  return { id: hrkitId(HIBOB, remoteId), remoteId, displayName };
}

/** `work.reportsTo` is an employee object; `work.manager` an id whose humanReadable is the name. */
export function managerRef(reportsTo: ResolvedValue | null, manager: ResolvedValue | null): EmployeeRef | null {
  const object = reportsTo?.value;
  if (isRecord(object)) {
    const id = asText(object.id);
    if (id) {
      const name =
        asText(object.displayName) ??
        ([asText(object.firstName), asText(object.surname)].filter(Boolean).join(' ') || null);
      return employeeRef(id, name);
    }
  }
  const fromId = asText(reportsTo?.value) ?? asText(manager?.value);
  if (!fromId) return null;
  const label = reportsTo?.label ?? manager?.label ?? null;
  return employeeRef(fromId, label && label !== fromId ? label : null);
}

/**
 * Map one `/people/search` or `/people/{id}` element to the normalized Employee, with the field reads compiled once
 * per connection (field-access.ts; docs/performance.md › Mapping and listing).
 */
export function mapEmployee(
  raw: Record<string, unknown>,
  context: MappingContext,
  history?: EmploymentHistoryEntry[],
): Employee {
  return mapEmployeeWith(raw, context, compiledAccess(context), history);
}

/** The same mapping with every field located from scratch on each read: the reference the compiled reads must match. */
export function mapEmployeePlain(
  raw: Record<string, unknown>,
  context: MappingContext,
  history?: EmploymentHistoryEntry[],
): Employee {
  return mapEmployeeWith(raw, context, plainAccess(context), history);
}

function mapEmployeeWith(
  raw: Record<string, unknown>,
  context: MappingContext,
  access: FieldAccess,
  history: EmploymentHistoryEntry[] | undefined,
): Employee {
  const role = access.person(raw);
  // What HiBob sent but cannot be read is left null and reported on the record, never silently nulled (docs/sync.md).
  const dataIssues: DataIssue[] = [];

  const remoteId = asText(roleValue(role, 'id')) ?? asText(raw.id);
  if (!remoteId)
    throw new InvalidProviderDataError('hibob returned an employee without an id (root.id)', {
      provider: HIBOB,
      path: 'id',
    });

  const department = role('department');
  const lifecycle = role('lifecycleStatus');
  const active = role('status');
  const customField = context.employmentTypeField;
  const custom = customField ? access.field(raw, customField) : null;
  const startDate = dateOf(role, dataIssues, 'startDate', 'startDate');

  const employee: Employee = {
    id: hrkitId(HIBOB, remoteId),
    provider: HIBOB,
    remoteId,
    employeeNumber: asText(roleValue(role, 'employeeNumber')),
    name: {
      first: nameOf(role, dataIssues, 'name.first', 'firstName'),
      middle: nameOf(role, dataIssues, 'name.middle', 'middleName'),
      last: nameOf(role, dataIssues, 'name.last', 'lastName'),
      display: nameOf(role, dataIssues, 'name.display', 'displayName'),
      preferred: nameOf(role, dataIssues, 'name.preferred', 'preferredName'),
    },
    emails: {
      work: asText(roleValue(role, 'email')) ?? asText(raw.email),
      personal: asText(roleValue(role, 'privateEmail')),
    },
    phones: phones(role),
    jobTitle: roleText(role, 'title'),
    department:
      department && department.value !== null && department.value !== undefined
        ? { id: asText(department.value), name: department.label ?? String(department.value) }
        : null,
    workLocation: mapWorkLocation(role),
    legalEntity: roleText(role, 'legalEntity'),
    company: mapLegalEntity(role('legalEntity')),
    groups: mapGroups(raw, department, context, access.field),
    manager: managerRef(role('reportsTo'), role('manager')),
    hireDate: hireDateOf(role, dataIssues, startDate),
    startDate,
    terminationDate: dateOf(role, dataIssues, 'terminationDate', 'terminationDate'),
    termination: mapTermination(role),
    employmentStatus: mapEmploymentStatus({
      lifecycle: lifecycle ? { field: lifecycle.field.id, value: lifecycle.value, label: lifecycle.label } : null,
      active: active ? { field: active.field.id, value: active.value, label: active.label } : null,
      terminationDate: asIsoDate(roleValue(role, 'terminationDate')),
      statusSince: asIsoDate(roleValue(role, 'statusSince')),
    }),
    employmentType: mapEmploymentType(
      {
        custom: custom && customField ? { field: customField, value: custom.value, label: custom.label } : null,
        payrollType: source(role('payrollType')),
        payrollContract: source(role('payrollContract')),
      },
      access.employmentTypes,
    ),
    weeklyHours: asNumber(roleValue(role, 'weeklyHours')),
    personal: personal(role, context),
    customFields: withMappedFields(customFields(raw, context, access), raw, context, access),
    updatedAt: null,
  };
  if (context.includeFinancial) {
    employee.bankAccounts = mapBankAccounts(role, context);
    employee.identifiers = mapIdentifiers(role, context);
  }
  if (history) employee.employmentHistory = history;
  if (context.includeRaw) employee.raw = withoutFinancialCategories(raw);
  if (dataIssues.length > 0) employee.dataIssues = dataIssues;
  return employee satisfies Employee;
}

// The reads below take the person's role reader rather than closing over it: no closures built per person
// (docs/performance.md › Mapping and listing).
function roleValue(role: RoleReader, name: FieldRole): unknown {
  return role(name)?.value ?? null;
}

function roleText(role: RoleReader, name: FieldRole): string | null {
  const resolved = role(name);
  return resolved ? (resolved.label ?? asText(resolved.value)) : null;
}

function dateOf(role: RoleReader, dataIssues: DataIssue[], field: string, name: FieldRole): string | null {
  const sent = roleValue(role, name);
  const parsed = asIsoDate(sent);
  if (parsed === null && isPresent(sent)) dataIssues.push({ field, value: sent, reason: 'not a date (YYYY-MM-DD)' });
  return parsed;
}

function nameOf(role: RoleReader, dataIssues: DataIssue[], field: string, name: FieldRole): string | null {
  const sent = roleValue(role, name);
  const read = roleText(role, name);
  if (read === null && isPresent(sent)) dataIssues.push({ field, value: sent, reason: 'not a text' });
  return read;
}

/** The original start date, else the current one; unreadable when the one it comes from is. */
function hireDateOf(role: RoleReader, dataIssues: DataIssue[], startDate: string | null): string | null {
  const original = dateOf(role, dataIssues, 'hireDate', 'originalStartDate');
  if (original !== null || isPresent(roleValue(role, 'originalStartDate'))) return original;
  if (startDate === null && isPresent(roleValue(role, 'startDate')))
    dataIssues.push({
      field: 'hireDate',
      value: roleValue(role, 'startDate'),
      reason: 'taken from startDate, not a date',
    });
  return startDate;
}

function source(resolved: ResolvedValue | null) {
  return resolved ? { field: resolved.field, value: resolved.value, label: resolved.label } : null;
}

const PHONE_KINDS: readonly [FieldRole, PhoneNumber['kind']][] = [
  ['workPhone', 'work'],
  ['workMobile', 'mobile'],
  ['mobilePhone', 'mobile'],
  ['privatePhone', 'home'],
];

function phones(role: (name: FieldRole) => ResolvedValue | null): PhoneNumber[] {
  const result: PhoneNumber[] = [];
  for (const [name, kind] of PHONE_KINDS) {
    const resolved = role(name);
    const number = asText(resolved?.value);
    if (resolved && number) result.push({ kind, number, field: resolved.field.id });
  }
  return result;
}

function personal(role: (name: FieldRole) => ResolvedValue | null, context: MappingContext): Employee['personal'] {
  if (!context.includeSensitive)
    return { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null };
  const label = (name: FieldRole) => {
    const resolved = role(name);
    return resolved ? (resolved.label ?? asText(resolved.value)) : null;
  };
  const nationality = role('nationality');
  // A multi-list: an array of item ids, each resolved on its own.
  const nationalities = Array.isArray(nationality?.value)
    ? nationality.value.map((item) => context.lists.label(nationality.field.listId, item) ?? String(item))
    : [label('nationality')].filter((item): item is string => item !== null);
  const address: Address = {
    line1: label('addressLine1'),
    line2: label('addressLine2'),
    city: label('addressCity'),
    region: label('addressRegion'),
    postalCode: label('addressPostalCode'),
    country: label('addressCountry'),
  };
  return {
    dateOfBirth: asIsoDate(role('birthDate')?.value),
    gender: label('gender'),
    nationalities: [...new Set(nationalities)],
    maritalStatus: label('familyStatus'),
    homeAddress: Object.values(address).some((part) => part !== null) ? address : null,
  };
}

function customFields(
  raw: Record<string, unknown>,
  context: MappingContext,
  access: FieldAccess,
): Employee['customFields'] {
  const result: Employee['customFields'] = {};
  // Only the custom fields the search requested (FieldCatalog.readableCustomFields): a payload carrying a pay, bank,
  // identity or emergency custom field, or one the read did not ask for, maps no more (docs/providers/hibob.md).
  for (const field of context.catalog.readableCustomFields(context.includeSensitive)) {
    const resolved = access.field(raw, field);
    if (!resolved.present) continue;
    result[field.id] = {
      name: field.name,
      category: field.categoryName,
      value: resolved.value ?? null,
      label: resolved.label,
    };
  }
  return result;
}

/**
 * The consumer's mapped fields added after the requested custom fields, as `{ ...custom, ...mapped }` would, without
 * building a third object per person (and none at all when the consumer maps no fields).
 */
function withMappedFields(
  custom: Employee['customFields'],
  raw: Record<string, unknown>,
  context: MappingContext,
  access: FieldAccess,
): Employee['customFields'] {
  if (!context.mappedFields || context.mappedFields.length === 0) return custom;
  return Object.assign(custom, mapCustomFieldMap(raw, context, access.field));
}

/**
 * The raw payload without the Financial and Identification categories: `raw` would otherwise carry the unmasked
 * bank and identifier values that `bankAccounts` and `identifiers` mask (docs/model-comparison.md › Financial data).
 */
function withoutFinancialCategories(raw: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/^\/?(financial|identification)\b/.test(key)) continue;
    if (key === 'humanReadable' && isRecord(value)) {
      copy[key] = withoutFinancialCategories(value);
      continue;
    }
    copy[key] = value;
  }
  return copy;
}
