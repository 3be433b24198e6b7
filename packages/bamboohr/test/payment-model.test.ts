import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_ENTITY_FIELD_ID, legalEntityOf } from '../src/sandbox/state/entities.js';
import { drain, sandboxFixture, TODAY } from './helpers.js';

describe('BambooHR: location, entity, groups, termination and mapped fields (issue 16)', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  beforeAll(async () => {
    fixture = await sandboxFixture();
  });
  afterAll(() => fixture.sandbox.close());

  const plugin = {
    legalEntityField: LEGAL_ENTITY_FIELD_ID,
    customFieldMap: { entityName: LEGAL_ENTITY_FIELD_ID, hiredOn: 'hireDate', staffNumber: 'employeeNumber' },
  };

  it('fills the entity from the field the consumer names, typed groups and the location record', async () => {
    const employees = await drain(fixture.connect(undefined, {}, plugin).employees.list({ includeInactive: true }));
    for (const employee of employees) {
      const truth = fixture.sandbox.company.employees.get(employee.remoteId)!;
      const job = truth.jobInfo.filter((row) => row.date <= TODAY).at(-1) ?? truth.jobInfo[0]!;
      expect(employee.company?.name, employee.remoteId).toBe(legalEntityOf(job.location));
      expect(employee.company?.source?.field).toBe(LEGAL_ENTITY_FIELD_ID);
      expect(employee.legalEntity).toBe(employee.company?.name);
      expect(employee.groups?.map((group) => group.type.value)).toEqual(['department', 'division']);
      expect(employee.groups?.[1]?.type.source).toEqual({ field: 'division', value: job.division, label: null });
      expect(employee.workLocation?.name).toBe(job.location);
      expect(employee.workLocation?.arrangement).toBe(job.location === 'Remote' ? 'remote' : 'unknown');
    }
  });

  it('has no entity without legalEntityField: BambooHR has none of its own, nothing is guessed', async () => {
    const employees = await drain(fixture.connect().employees.list({ includeInactive: true }));
    expect(employees.every((employee) => employee.company === null && employee.legalEntity === null)).toBe(true);
  });

  it('puts termination (date, reason, type with source, rehire eligibility) on leavers from the employmentStatus table', async () => {
    const employees = await drain(fixture.connect().employees.list({ includeInactive: true }));
    const leavers = employees.filter((employee) => employee.terminationDate !== null);
    expect(leavers.length).toBeGreaterThan(0);
    for (const leaver of leavers) {
      const truth = fixture.sandbox.company.employees.get(leaver.remoteId)!;
      const row = truth.employmentStatus.find((status) => status.employmentStatus === 'Terminated')!;
      const involuntary = /involuntary/i.test(row.terminationReasonId ?? '');
      expect(leaver.termination).toMatchObject({
        date: truth.terminationDate,
        type: {
          value: involuntary ? 'involuntary' : 'voluntary',
          source: { field: 'employmentStatus.terminationTypeId' },
        },
        reason: { field: 'employmentStatus.terminationReasonId', value: row.terminationReasonId },
        rehireEligibility: { value: involuntary ? 'not_eligible' : 'eligible' },
      });
    }
    for (const stayer of employees.filter((employee) => employee.terminationDate === null))
      expect(stayer.termination).toBeNull();
  });

  it('maps report fields to the consumer keys with typed values and source', async () => {
    const [first] = await drain(fixture.connect(undefined, {}, plugin).employees.list());
    expect(first?.customFields.hiredOn).toMatchObject({
      type: 'date',
      value: first?.startDate,
      source: { field: 'hireDate' },
    });
    expect(first?.customFields.staffNumber).toMatchObject({ type: 'number', value: Number(first?.employeeNumber) });
    expect(first?.customFields.entityName).toMatchObject({ type: 'text', value: first?.company?.name });
  });

  it('reads no bank account or identifier: the BambooHR reference knows no such fields', async () => {
    const employees = await drain(
      fixture
        .connect(undefined, { includeFinancial: true })
        .employees.list({ includeInactive: true, includeSensitive: true }),
    );
    expect(employees.every((employee) => employee.bankAccounts === undefined)).toBe(true);
  });
});
