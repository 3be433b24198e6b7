import { ConfigurationError, createHrKit, EmploymentTypeRules } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import { afterEach, describe, expect, it } from 'vitest';
import { HIBOB_TOKENS, HiBobConnector, hibob } from '../src/internal.js';

const TOKEN = 'a-long-secret-token-123';

function configError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

afterEach(() => {
  delete process.env.HIBOB_SERVICE_USER_ID;
  delete process.env.HIBOB_TOKEN;
});

describe('connect("hibob", …)', () => {
  const kit = createHrKit({ providers: [hibob()] });
  const baseUrlOf = (baseUrl?: string) =>
    (
      kit.connect('hibob', { serviceUserId: 'SU-1', token: TOKEN, ...(baseUrl ? { baseUrl } : {}) })
        .connector as HiBobConnector
    ).config.baseUrl;

  it('accepts production, sandbox and any URL (a trailing /v1 is not doubled)', () => {
    expect(baseUrlOf()).toBe('https://api.hibob.com');
    expect(baseUrlOf('production')).toBe('https://api.hibob.com');
    expect(baseUrlOf('sandbox')).toBe('https://api.sandbox.hibob.com');
    expect(baseUrlOf('http://127.0.0.1:4321/')).toBe('http://127.0.0.1:4321');
    expect(baseUrlOf('https://api.hibob.com/v1')).toBe('https://api.hibob.com');
  });

  it('reads credentials from HIBOB_SERVICE_USER_ID / HIBOB_TOKEN, explicit values winning', () => {
    process.env.HIBOB_SERVICE_USER_ID = 'SU-ENV';
    process.env.HIBOB_TOKEN = 'env-token-value-42';
    const fromEnv = kit.connect('hibob').connector as HiBobConnector;
    expect(fromEnv.config).toMatchObject({ serviceUserId: 'SU-ENV', token: 'env-token-value-42' });
    const explicit = kit.connect('hibob', { token: TOKEN }).connector as HiBobConnector;
    expect(explicit.config).toMatchObject({ serviceUserId: 'SU-ENV', token: TOKEN });
  });

  it.each([
    [{ token: TOKEN }, 'serviceUserId'],
    [{ serviceUserId: 'SU-1' }, 'token'],
    [{ serviceUserId: 42, token: TOKEN }, 'serviceUserId'],
    [{ serviceUserId: 'SU-1', token: 'short' }, 'token'],
    [{ serviceUserId: 'SU-1', token: `Basic ${TOKEN}` }, 'token'],
    [{ serviceUserId: 'SU-1', token: TOKEN, baseUrl: 'staging' }, 'baseUrl'],
    [{ serviceUserId: 'SU-1', token: TOKEN, baseUrl: 'ftp://x.example' }, 'baseUrl'],
    [{ serviceUserId: 'SU-1', token: TOKEN, apiKey: 'x' }, ''],
  ])('rejects %j naming %s, without echoing the token', (config, field) => {
    const error = configError(() => kit.connect('hibob', config));
    if (field) expect(error.field).toBe(field);
    expect(error.provider).toBe('hibob');
    expect(error.message).not.toContain(TOKEN);
  });

  it('rejects an unknown provider key', () => {
    expect(configError(() => kit.connect('hibobb', {})).field).toBe('provider');
  });
});

describe('hibob(options)', () => {
  it('rejects bad options with the option named', () => {
    expect(configError(() => hibob({ searchBatchSize: 0 })).field).toBe('searchBatchSize');
    expect(configError(() => hibob({ timeOffLookbackDays: -1 })).field).toBe('timeOffLookbackDays');
    expect(configError(() => hibob({ employmentTypes: { Staff: { workerKind: 'staff' } } as never })).field).toBe(
      'employmentTypes.Staff.workerKind',
    );
    expect(configError(() => hibob({ unknown: true } as never)).message).toMatch(/unknown/i);
  });

  it('takes the employment-type field by name or id, and rules that add to the defaults', () => {
    const kit = createHrKit({
      providers: [
        hibob({
          employmentTypeField: 'work.custom.field_1',
          employmentTypes: { Freelance: { workerKind: 'freelancer' } },
          payrollEmploymentTypes: { 'Zero Hours': { workerKind: 'employee', schedule: 'casual' } },
        }),
      ],
    });
    const connector = kit.connect('hibob', { serviceUserId: 'SU-1', token: TOKEN }).connector as HiBobConnector;
    expect(connector.options.employmentTypeField).toBe('work.custom.field_1');
    const { customerCategories, payroll } = connector.employmentTypes;
    expect(customerCategories.ruleFor('freelance')).toEqual({ workerKind: 'freelancer' });
    expect(customerCategories.ruleFor('Contractor')).toEqual({ workerKind: 'contractor' });
    expect(payroll.ruleFor('zero hours')).toEqual({ workerKind: 'employee', schedule: 'casual' });
    expect(payroll.ruleFor('Full-Time')).toEqual({ workerKind: 'employee', schedule: 'full_time' });
  });

  it('lets a consumer rebind the rules through overrides (DI token)', () => {
    const replacement = new EmploymentTypeRules({ Staff: { workerKind: 'employee' } });
    const kit = createHrKit({
      providers: [hibob()],
      overrides: [
        new ContainerModule(({ rebind }) => {
          rebind(HIBOB_TOKENS.EmploymentTypeRules).toConstantValue(replacement);
        }),
      ],
    });
    const connector = kit.connect('hibob', { serviceUserId: 'SU-1', token: TOKEN }).connector as HiBobConnector;
    expect(connector.employmentTypes.customerCategories).toBe(replacement);
    // The payroll labels keep their defaults unless their own token is rebound too.
    expect(connector.employmentTypes.payroll.ruleFor('Full-Time')?.workerKind).toBe('employee');
  });

  it("lets a consumer rebind the payroll labels' rules under their own token", () => {
    const payroll = new EmploymentTypeRules({ 'Zero Hours': { workerKind: 'employee', schedule: 'casual' } });
    const kit = createHrKit({
      providers: [hibob()],
      overrides: [
        new ContainerModule(({ rebind }) => {
          rebind(HIBOB_TOKENS.PayrollEmploymentTypeRules).toConstantValue(payroll);
        }),
      ],
    });
    const connector = kit.connect('hibob', { serviceUserId: 'SU-1', token: TOKEN }).connector as HiBobConnector;
    expect(connector.employmentTypes.payroll).toBe(payroll);
    expect(connector.employmentTypes.customerCategories.ruleFor('EOR')?.workerKind).toBe('eor_worker');
  });
});

describe('read options', () => {
  it('a wrong option type is a ConfigurationError naming the option, before any request', async () => {
    const kit = createHrKit({ providers: [hibob()] });
    const bob = kit.connect('hibob', { serviceUserId: 'SU-1', token: TOKEN, baseUrl: 'http://127.0.0.1:9' });
    const reject = async (iterable: AsyncIterable<unknown>) => {
      try {
        for await (const _ of iterable) void _;
      } catch (error) {
        return error as ConfigurationError;
      }
      throw new Error('expected a ConfigurationError');
    };
    const a = await reject(bob.employees.list({ includeInactive: 'yes' as never }));
    expect(a).toBeInstanceOf(ConfigurationError);
    expect(a.field).toBe('includeInactive');
    const b = await reject(bob.employees.history({ employeeIds: [42 as never] }));
    expect(b.field).toBe('employeeIds[0]');
    const c = await reject(bob.timeOff.balances({ policies: 'Holiday' as never }));
    expect(c.field).toBe('policies');
    expect((bob.connector as HiBobConnector).client.http.stats.requests).toBe(0);
  });
});
