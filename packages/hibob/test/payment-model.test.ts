import { ConfigurationError, isValidAbaRouting, isValidIban } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { FieldCatalog } from '../src/mapping/field-catalog.js';
import { buildFieldCatalog, type FieldDefinition } from '../src/sandbox/data/field-catalog.js';
import { SITE_DETAILS } from '../src/sandbox/data/payment-data.js';

function toMetadata(field: FieldDefinition) {
  return {
    id: field.id,
    categoryId: field.categoryId,
    name: field.name,
    jsonPath: field.jsonPath,
    type: field.type,
    typeData: field.listId ? { listId: field.listId } : {},
  };
}
import { collect, connect, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox();

describe('HiBob: where people work, for which entity, how they are paid (issue 16)', () => {
  it('fills the work location with address, ISO country and time zone, and the entity as a record', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    for (const employee of employees) {
      const stored = box.state.employee(employee.remoteId)!;
      const site = SITE_DETAILS[stored.siteId!]!;
      expect(employee.workLocation?.address?.countryCode, employee.remoteId).toBe(site.country);
      expect(employee.workLocation?.address?.line1).toBe(site.line1);
      expect(employee.workLocation?.address?.postalCode).toBe(site.postalCode);
      expect(employee.workLocation?.timeZone).toMatch(/^[A-Z][a-z]+\/|^UTC$/);
      expect(employee.company?.id).toBe(site.entityId);
      expect(employee.company?.source?.field).toBe('work.entity');
      expect(employee.legalEntity).toBe(employee.company?.name);
    }
    const remote = employees.find((e) => e.workLocation?.name === 'Remote');
    expect(remote?.workLocation?.arrangement).toBe('remote');
    expect(remote?.workLocation?.arrangementSource?.field).toBe('work.site');
    expect(remote?.company?.name).toContain('EOR');
    expect(employees.find((e) => e.workLocation?.name === 'London')?.workLocation?.arrangement).toBe('office');
  });

  it('puts termination (date, reason, voluntary/involuntary with source) on leavers, null on others', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const leavers = employees.filter((e) => box.state.employee(e.remoteId)!.terminationDate !== null);
    expect(leavers.length).toBeGreaterThan(0);
    for (const leaver of leavers) {
      const stored = box.state.employee(leaver.remoteId)!;
      expect(leaver.termination?.date).toBe(stored.terminationDate);
      expect(leaver.termination?.reason?.field).toBe('internal.terminationReason');
      expect(leaver.termination?.reason?.value).toBe(stored.terminationReason);
      expect(leaver.termination?.type.value).toBe(stored.terminationType === '4002' ? 'involuntary' : 'voluntary');
      expect(leaver.termination?.type.source?.label).toMatch(/voluntary/i);
    }
    for (const stayer of employees.filter((e) => !leavers.includes(e))) expect(stayer.termination).toBeNull();
  });

  it('types groups: the department with its parent in the tree, and the cost centre field', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const backend = employees.flatMap((e) => e.groups ?? []).find((g) => g.name === 'Backend');
    expect(backend).toMatchObject({ id: '209192161', parentId: '209192160', type: { value: 'department' } });
    const costCentres = employees.flatMap((e) => (e.groups ?? []).filter((g) => g.type.value === 'cost_center'));
    expect(costCentres.length).toBeGreaterThan(0);
    for (const group of costCentres) expect(group.name).toMatch(/^CC-\d{3}$/);
  });

  it('reads no bank account or identifier without includeSensitive and includeFinancial, and does not ask for them', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    for (const options of [{}, { includeSensitive: true }, { includeFinancial: true }]) {
      const employees = await collect(bob.employees.list({ includeInactive: true, ...options }));
      expect(employees.every((e) => e.bankAccounts === undefined && e.identifiers === undefined)).toBe(true);
    }
    // Not even requested: the fields a sensitive read asks HiBob for hold no Financial or Identification field.
    const catalog = new FieldCatalog(buildFieldCatalog().map(toMetadata));
    const ids = catalog.fieldsFor({ includeSensitive: true, includeFinancial: false, extra: [] }).map((f) => f.id);
    expect(ids.some((id) => /^(financial|identification)\./.test(id))).toBe(false);
    const withFinancial = catalog.fieldsFor({ includeSensitive: true, includeFinancial: true, extra: [] });
    expect(withFinancial.map((f) => f.id)).toContain('financial.iban');
  });

  it('returns bank accounts and identifiers masked by default, in the country formats of the sandbox', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig(), { connect: { includeFinancial: true } });
    const employees = await collect(bob.employees.list({ includeInactive: true, includeSensitive: true }));
    const accounts = employees.flatMap((e) => e.bankAccounts ?? []);
    expect(accounts.length).toBeGreaterThan(employees.length / 2);
    for (const account of accounts) {
      expect(account.masked).toBe(true);
      for (const value of [account.iban, account.accountNumber]) if (value) expect(value).toMatch(/^••••.{4}$/);
    }
    expect(new Set(accounts.map((a) => a.country))).toEqual(new Set(['GB', 'DE', 'IL', 'PT', null]));
    const identifiers = employees.flatMap((e) => e.identifiers ?? []);
    expect(identifiers.length).toBeGreaterThan(0);
    expect(identifiers.every((id) => id.masked && id.value.startsWith('••••'))).toBe(true);
    expect(identifiers.some((id) => id.type.value === 'social_security' && id.country === 'US')).toBe(true);
  });

  it('unmasks only the field named in unmask, and the values are valid (IBAN and ABA check digits)', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig(), { connect: { includeFinancial: true } });
    const employees = await collect(
      bob.employees.list({ includeInactive: true, includeSensitive: true, unmask: ['bankAccounts.iban'] }),
    );
    const accounts = employees.flatMap((e) => e.bankAccounts ?? []);
    const ibans = accounts.map((a) => a.iban).filter((iban): iban is string => iban !== null);
    expect(ibans.length).toBeGreaterThan(0);
    for (const iban of ibans) expect(isValidIban(iban), iban).toBe(true);
    for (const account of accounts.filter((a) => a.accountNumber !== null))
      expect(account.accountNumber).toMatch(/^••••/);
    for (const account of accounts.filter((a) => a.routingNumber !== null))
      expect(isValidAbaRouting(account.routingNumber!)).toBe(true);
    const stored = box.state.employee(employees.find((e) => (e.bankAccounts ?? []).some((a) => a.iban))!.remoteId)!;
    expect(ibans).toContain(stored.extra['financial.iban']);
    expect(employees.flatMap((e) => e.identifiers ?? []).every((id) => id.value.startsWith('••••'))).toBe(true);
  });

  it('refuses unmask without includeFinancial, and unknown unmask names, before any request', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    expect(() => bob.employees.list({ includeSensitive: true, unmask: ['bankAccounts.iban'] })).toThrow(
      ConfigurationError,
    );
    expect(() =>
      bob.employees.list({ includeSensitive: true, includeFinancial: true, unmask: ['bankAccounts.ibn' as never] }),
    ).toThrow(/unknown field "bankAccounts.ibn"/);
  });

  it('keeps bank and identifier values out of raw, logs and error messages', async () => {
    const box = await sandbox();
    const { bob, logger } = connect(box.connectionConfig(), { connect: { includeFinancial: true } });
    const employees = await collect(
      bob.employees.list({
        includeInactive: true,
        includeSensitive: true,
        includeRaw: true,
        unmask: ['bankAccounts.iban', 'bankAccounts.accountNumber', 'identifiers.value'],
      }),
    );
    const secrets = employees.flatMap((e) => [
      ...(e.bankAccounts ?? []).flatMap((a) => [a.iban, a.accountNumber]),
      ...(e.identifiers ?? []).map((id) => id.value),
    ]);
    const values = secrets.filter((value): value is string => value !== null);
    expect(values.length).toBeGreaterThan(10);
    const raw = JSON.stringify(employees.map((e) => e.raw));
    const logged = logger.text();
    for (const value of values) {
      expect(raw).not.toContain(value);
      expect(logged).not.toContain(value);
    }
  });

  it('maps a tenant field to the consumer key with a typed value and source; an unknown field is reported', async () => {
    const box = await sandbox();
    const { bob, logger } = connect(box.connectionConfig(), {
      plugin: { customFieldMap: { costCentre: 'Cost center', startedOn: 'work.startDate', nope: 'No such field' } },
    });
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const withCostCentre = employees.filter((e) => e.customFields.costCentre);
    expect(withCostCentre.length).toBeGreaterThan(0);
    expect(withCostCentre[0]!.customFields.costCentre).toMatchObject({
      type: 'text',
      source: { field: 'work.custom.field_1651169416679' },
    });
    expect(employees[0]!.customFields.startedOn).toMatchObject({ type: 'date', value: employees[0]!.startDate });
    expect(employees.some((e) => 'nope' in e.customFields)).toBe(false);
    expect(logger.lines.some((entry) => entry.message === 'hibob.customFieldMap.fieldMissing')).toBe(true);
  });

  it('check() names the Financial and Identification permissions: skipped without opt-in, probed with it', async () => {
    const box = await sandbox();
    const off = await connect(box.connectionConfig()).bob.check();
    const skipped = off.checks.find((c) => c.id === 'fields.financial');
    expect(skipped?.status).toBe('skipped');
    expect(skipped?.summary).toContain("People's Data › Identification › View");
    expect(skipped?.fix?.permission).toBe("People's Data › Financial › View");
    const on = await connect(box.connectionConfig(), { connect: { includeFinancial: true } }).bob.check();
    expect(on.checks.find((c) => c.id === 'fields.financial')?.status).toBe('ok');
    expect(on.checks.find((c) => c.id === 'fields.identification')?.status).toBe('ok');
  });
});
