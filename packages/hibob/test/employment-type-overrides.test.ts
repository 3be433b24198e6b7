import { ConfigurationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { hibob } from '../src/index.js';
import { collect, connect, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox();

/**
 * The documented override (docs/providers/hibob.md › Employment type): a table adds to and overrides HiBob's default
 * rules label by label, as for BambooHR (core EmploymentTypeRules). The labels it does not name keep their meaning.
 */
describe('hibob({ employmentTypes }) adds to the default rules', () => {
  const overrides = {
    Contractor: { workerKind: 'contractor', schedule: 'full_time' },
    Staff: { workerKind: 'employee' },
  } as const;

  it('{Contractor, Staff} leaves Direct Employee and EOR mapped', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig(), { plugin: { employmentTypes: overrides } });
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const byLabel = (label: string) => employees.filter((e) => e.employmentType.customerCategory?.label === label);
    for (const [label, kind] of [
      ['Direct Employee', 'employee'],
      ['EOR', 'eor_worker'],
      ['Contractor', 'contractor'],
    ] as const) {
      const people = byLabel(label);
      expect(people.length, label).toBeGreaterThan(0);
      for (const person of people) {
        expect(person.employmentType.workerKind.value, label).toBe(kind);
        expect(person.employmentType.unmapped.map((u) => u.label)).not.toContain(label);
      }
    }
    // The override's own schedule wins over the payroll fallback for the label it names.
    for (const person of byLabel('Contractor')) expect(person.employmentType.schedule.value).toBe('full_time');
  });

  it('{ rules, replaceDefaults: true } drops the defaults, and says so: Direct Employee is reported unmapped', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig(), {
      plugin: { employmentTypes: { rules: overrides, replaceDefaults: true } },
    });
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const direct = employees.filter((e) => e.employmentType.customerCategory?.label === 'Direct Employee');
    expect(direct.length).toBeGreaterThan(0);
    for (const person of direct) {
      expect(person.employmentType.workerKind.value).toBe('unknown');
      expect(person.employmentType.unmapped.map((u) => u.label)).toContain('Direct Employee');
    }
  });

  it('the old option name is refused with a ConfigurationError naming the new one', () => {
    const build = () => hibob({ employmentTypeMapping: { customerCategories: {} } } as never);
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/employmentTypes/);
  });
});
