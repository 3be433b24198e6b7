import { describe, expect, it } from 'vitest';
import { type EmploymentTypeTable, EmploymentTypeRules } from '../src/index.js';

const DEFAULTS: EmploymentTypeTable = {
  Contractor: { workerKind: 'contractor' },
  'Direct Employee': { workerKind: 'employee' },
  EOR: { workerKind: 'eor_worker' },
  Terminated: { lifecycle: 'terminated' },
};
const field = { id: 'work.custom.category', name: 'Category' };

describe('EmploymentTypeRules', () => {
  it('a table override keeps the labels it does not name: {Contractor, Staff} leaves Direct Employee and EOR mapped', () => {
    const rules = EmploymentTypeRules.from(DEFAULTS, {
      Contractor: { workerKind: 'freelancer' },
      Staff: { workerKind: 'employee', schedule: 'full_time' },
    });
    expect(rules.ruleFor('Direct Employee')).toEqual({ workerKind: 'employee' });
    expect(rules.ruleFor('EOR')).toEqual({ workerKind: 'eor_worker' });
    expect(rules.ruleFor('contractor')).toEqual({ workerKind: 'freelancer' });
    expect(rules.ruleFor('STAFF')).toEqual({ workerKind: 'employee', schedule: 'full_time' });
    expect(rules.labels).toEqual(['Contractor', 'Direct Employee', 'EOR', 'Terminated', 'Staff']);
  });

  it('null removes one default; replaceDefaults starts from nothing, explicitly', () => {
    expect(EmploymentTypeRules.from(DEFAULTS, { EOR: null }).ruleFor('EOR')).toBeNull();
    const replaced = EmploymentTypeRules.from(DEFAULTS, {
      rules: { Staff: { workerKind: 'employee' } },
      replaceDefaults: true,
    });
    expect(replaced.labels).toEqual(['Staff']);
    expect(replaced.ruleFor('Contractor')).toBeNull();
  });

  it('classify reports an unknown label as unmapped (never guessed) and exposes the customer category when asked', () => {
    const rules = EmploymentTypeRules.from(DEFAULTS);
    const unknown = rules.classify('Working Student', { field, value: 'ws', customerCategory: true });
    expect(unknown.workerKind.value).toBe('unknown');
    expect(unknown.unmapped).toEqual([{ field: field.id, value: 'ws', label: 'Working Student' }]);
    expect(unknown.customerCategory).toEqual({ label: 'Working Student', value: 'ws', field });
    const known = rules.classify('direct employee', { field });
    expect(known.workerKind.value).toBe('employee');
    expect(known.schedule.value).toBe('unknown');
    expect(known.customerCategory).toBeNull();
    expect(known.unmapped).toEqual([]);
    const lifecycle = rules.classify('Terminated', { field });
    expect(lifecycle).toMatchObject({ workerKind: { value: 'unknown' }, unmapped: [] });
    expect(rules.classify(null, { field }).workerKind.source).toBeNull();
  });
});
