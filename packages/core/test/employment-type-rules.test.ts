import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigurationError,
  EmploymentTypeOverridesSchema,
  type EmploymentTypeTable,
  EmploymentTypeRules,
  parseConfig,
} from '../src/index.js';

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

describe('EmploymentTypeOverridesSchema', () => {
  const options = z.strictObject({ employmentTypes: EmploymentTypeOverridesSchema.optional() });
  const failure = (input: unknown) => {
    try {
      parseConfig(options, input, { provider: 'acme', what: 'acme() plugin options' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return error as ConfigurationError;
    }
    throw new Error('expected a ConfigurationError');
  };

  it('names the label and the key that is wrong, in either form', () => {
    const table = failure({ employmentTypes: { Staff: { workerKind: 'staff' } } });
    expect(table.field).toBe('employmentTypes.Staff.workerKind');
    const replacement = failure({
      employmentTypes: { rules: { Staff: { schedule: 'sometimes' } }, replaceDefaults: true },
    });
    expect(replacement.field).toBe('employmentTypes.rules.Staff.schedule');
    expect(failure({ employmentTypes: 'oops' }).field).toBe('employmentTypes');
  });

  it('accepts both forms unchanged', () => {
    const table = { Staff: { workerKind: 'employee' }, EOR: null };
    expect(options.parse({ employmentTypes: table })).toEqual({ employmentTypes: table });
    const replacement = { rules: table, replaceDefaults: true };
    expect(options.parse({ employmentTypes: replacement })).toEqual({ employmentTypes: replacement });
  });
});
