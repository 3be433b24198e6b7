import { Employee } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import type { MappingContext } from '../src/mapping/context.js';
import { mapEmployee } from '../src/mapping/employee.js';
import { DEFAULT_HIBOB_EMPLOYMENT_TYPES } from '../src/mapping/employment-type.js';
import { FieldCatalog } from '../src/mapping/field-catalog.js';
import { ListDirectory } from '../src/mapping/lists.js';
import { bothForms, EMPLOYMENT_TYPE_FIELD, field, LISTS, METADATA } from './fixtures/payloads.js';

// The field catalogue's rule (docs/providers/hibob.md › Custom fields): custom fields of the payroll, financial,
// identification and emergency categories are never read into `customFields`, and sensitive categories only with
// `includeSensitive`. The mapping reads exactly the custom fields the search requested — never more, even when
// HiBob's payload carries others.
const BANK = 'financial.custom.field_900000000001';
const SALARY = 'payroll.custom.field_900000000002';
const PASSPORT = 'identification.custom.field_900000000003';
const EMERGENCY = 'emergency.custom.field_900000000004';
const RELIGION = 'personal.custom.field_900000000005';
const COST_CENTER = 'work.custom.field_1651169416679';

const METADATA_WITH_PRIVATE_FIELDS = [
  ...METADATA,
  field(BANK, 'financial', { name: 'Bank routing code' }),
  field(SALARY, 'payroll', { name: 'Salary band', type: 'number' }),
  field(PASSPORT, 'identification', { name: 'Passport scan number' }),
  field(EMERGENCY, 'emergency', { name: 'Emergency contact phone' }),
  field(RELIGION, 'personal', { name: 'Religion' }),
];

const SECRETS: Record<string, string> = {
  [BANK]: 'SECRET-ROUTING-90210',
  [SALARY]: 'SECRET-SALARY-123456',
  [PASSPORT]: 'SECRET-PASSPORT-X1234567',
  [EMERGENCY]: 'SECRET-EMERGENCY-+44700900',
};
const RELIGION_VALUE = 'SENSITIVE-RELIGION-VALUE';

function context(overrides: Partial<MappingContext> = {}): MappingContext {
  const catalog = new FieldCatalog(METADATA_WITH_PRIVATE_FIELDS);
  return {
    catalog,
    lists: new ListDirectory(LISTS),
    employmentTypes: DEFAULT_HIBOB_EMPLOYMENT_TYPES,
    employmentTypeField: catalog.findField('Remotepass Employment Type'),
    includeSensitive: false,
    includeRaw: false,
    ...overrides,
  };
}

/** A person whose payload carries, besides what was asked, every excluded and one unrequested custom field. */
function payload() {
  return bothForms({
    'root.id': '3332883884017713238',
    'root.email': 'ada@example.com',
    'root.displayName': 'Ada Lovelace',
    'work.startDate': '2021-03-01',
    'internal.lifecycleStatus': 'employed',
    [COST_CENTER]: 'CC-42',
    [EMPLOYMENT_TYPE_FIELD]: '390118421',
    ...SECRETS,
    [RELIGION]: RELIGION_VALUE,
  });
}

describe('HiBob custom fields: only the requested ones are read (privacy)', () => {
  it('never maps payroll, financial, identification or emergency custom fields present in the payload', () => {
    const employee = mapEmployee(payload(), context());
    const text = JSON.stringify(employee);
    for (const [id, secret] of Object.entries(SECRETS)) {
      expect(employee.customFields[id], id).toBeUndefined();
      expect(text, id).not.toContain(secret);
    }
    // The requested ones are still read, and the record is valid against the strict model.
    expect(employee.customFields[COST_CENTER]?.value).toBe('CC-42');
    expect(employee.customFields[EMPLOYMENT_TYPE_FIELD]?.label).toBe('Contractor');
    expect(Employee.safeParse(employee).success).toBe(true);
  });

  it('never maps an unrequested (sensitive, without includeSensitive) custom field present in the payload', () => {
    const employee = mapEmployee(payload(), context());
    expect(employee.customFields[RELIGION]).toBeUndefined();
    expect(JSON.stringify(employee)).not.toContain(RELIGION_VALUE);
  });

  it('maps exactly the custom fields the search requests, whatever the read options', () => {
    for (const includeSensitive of [false, true]) {
      const ctx = context({ includeSensitive });
      const requested = new Set(
        ctx.catalog
          .fieldsFor({ includeSensitive, extra: [ctx.employmentTypeField] })
          .filter((candidate) => candidate.custom)
          .map((candidate) => candidate.id),
      );
      const mapped = Object.keys(mapEmployee(payload(), ctx).customFields);
      for (const id of mapped) expect(requested.has(id), `${id} (includeSensitive ${includeSensitive})`).toBe(true);
      for (const id of Object.keys(SECRETS)) expect(requested.has(id), id).toBe(false);
    }
    // With includeSensitive the sensitive custom field is requested and read; the excluded ones still are not.
    const sensitive = mapEmployee(payload(), context({ includeSensitive: true }));
    expect(sensitive.customFields[RELIGION]?.value).toBe(RELIGION_VALUE);
    const text = JSON.stringify(sensitive);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });
});
