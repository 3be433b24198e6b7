import { ConfigurationError, createHrKit, EmploymentTypeRules, TOKENS } from '@hrkit/core';
import { MemoryLogger, VirtualClock } from '@hrkit/core/testing';
import { ContainerModule } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAMBOOHR_EMPLOYMENT_TYPES, bamboohr, classifyEmploymentType } from '../src/internal.js';
import { drain, NOW, sandboxFixture } from './helpers.js';

describe('bamboohr() plugin options are validated', () => {
  it('refuses a wrong type with a ConfigurationError naming the option', () => {
    const build = () => bamboohr({ employmentTypes: 'oops' } as never);
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/employmentTypes/);
  });

  it('refuses an unknown option (a typo is not a silent default)', () => {
    expect(() => bamboohr({ employmentType: {} } as never)).toThrow(ConfigurationError);
  });

  it('refuses a rule with a worker kind the model does not know', () => {
    expect(() => bamboohr({ employmentTypes: { Staff: { workerKind: 'staff' } } } as never)).toThrow(
      ConfigurationError,
    );
  });
});

describe('employment-type overrides add to the defaults (core EmploymentTypeRules)', () => {
  const overrides = {
    Contractor: { workerKind: 'contractor', schedule: 'full_time' },
    Staff: { workerKind: 'employee', schedule: 'full_time' },
  } as const;
  const rules = EmploymentTypeRules.from(BAMBOOHR_EMPLOYMENT_TYPES, overrides);

  it('maps the labels the override names, and keeps every default it does not name', () => {
    expect(classifyEmploymentType(rules, 'Staff').workerKind.value).toBe('employee');
    expect(classifyEmploymentType(rules, 'Contractor').schedule.value).toBe('full_time');
    for (const label of ['Full-Time', 'Part-Time', 'Intern', 'Freelancer', 'Per Diem']) {
      const type = classifyEmploymentType(rules, label);
      expect(type.unmapped, label).toEqual([]);
      expect(type.workerKind.value, label).not.toBe('unknown');
    }
    expect(classifyEmploymentType(rules, 'Terminated').unmapped).toEqual([]);
  });

  describe('through the plugin, against the sandbox', () => {
    let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
    beforeAll(async () => {
      fixture = await sandboxFixture();
    });
    afterAll(() => fixture.sandbox.close());

    it('{Contractor, Staff} leaves the other default labels mapped', async () => {
      const employees = await drain(
        fixture.connect(undefined, {}, { employmentTypes: overrides }).employees.list({ includeInactive: true }),
      );
      const fullTime = employees.filter((e) => e.employmentType.customerCategory?.label === 'Full-Time');
      expect(fullTime.length).toBeGreaterThan(0);
      for (const e of fullTime) {
        expect(e.employmentType.workerKind.value).toBe('employee');
        expect(e.employmentType.unmapped).toEqual([]);
      }
    });

    it('the logger bound in createHrKit overrides reaches the adapter (and never sees the key)', async () => {
      const logger = new MemoryLogger();
      const override = new ContainerModule(({ bind, isBound, rebind }) => {
        if (isBound(TOKENS.Logger)) rebind(TOKENS.Logger).toConstantValue(logger);
        else bind(TOKENS.Logger).toConstantValue(logger);
      });
      const config = fixture.sandbox.connectionConfig();
      const connection = createHrKit({ providers: [bamboohr()], overrides: [override] }).connect('bamboohr', config, {
        rateLimits: false,
        clock: new VirtualClock(Date.parse(NOW)),
      });
      await drain(connection.employees.list());
      expect(logger.lines.some((line) => line.message === 'http.response')).toBe(true);
      expect(logger.text()).not.toContain(String(config.apiKey));
    });
  });
});
