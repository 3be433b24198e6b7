import { bamboohr } from '@hrkit/bamboohr';
import { type BambooHrSandbox, startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import {
  CapabilityName,
  ConfigurationError,
  type Connection,
  createHrKit,
  DiagnosticsReport,
  type Employee,
  type HrKit,
  NotSupportedError,
  supportedCapabilities,
} from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { type HiBobSandbox, startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every provider through ONE container: both sandboxes (127.0.0.1, ephemeral ports, small seeded companies), one
 * `createHrKit({ providers: [hibob(), bamboohr()] })`, one connection per provider, read side by side.
 */

const NOW = '2026-03-02T09:00:00.000Z';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const sorted = (values: readonly string[]) => [...values].sort();

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('every provider through one createHrKit container', () => {
  let hibobSandbox: HiBobSandbox;
  let bambooSandbox: BambooHrSandbox;
  let kit: HrKit;
  let connections: Record<'hibob' | 'bamboohr', Connection>;
  let sandboxes: Record<'hibob' | 'bamboohr', HiBobSandbox | BambooHrSandbox>;

  beforeAll(async () => {
    [hibobSandbox, bambooSandbox] = await Promise.all([
      startHiBobSandbox({ seed: 7, employees: 40, now: NOW, rateLimits: false }),
      startBambooHrSandbox({ seed: 7, employees: 30, now: NOW, rateLimits: false }),
    ]);
    sandboxes = { hibob: hibobSandbox, bamboohr: bambooSandbox };
    kit = createHrKit({ providers: [hibob(), bamboohr()] });
    connections = {
      hibob: kit.connect('hibob', hibobSandbox.connectionConfig(), { rateLimits: false }),
      bamboohr: kit.connect('bamboohr', bambooSandbox.connectionConfig(), { rateLimits: false }),
    };
  });

  afterAll(async () => {
    await Promise.all([hibobSandbox?.close(), bambooSandbox?.close()]);
  });

  it('registers both providers in the one container', () => {
    expect(sorted(kit.providers())).toEqual(['bamboohr', 'hibob']);
    expect(kit.definition('hibob').displayName).toBe('HiBob');
    expect(kit.definition('bamboohr').key).toBe('bamboohr');
    expect(connections.hibob.provider).toBe('hibob');
    expect(connections.bamboohr.provider).toBe('bamboohr');
  });

  it('lists both side by side, each exactly its sandbox ground truth, ids prefixed and never colliding', async () => {
    for (const includeInactive of [false, true]) {
      const [fromHiBob, fromBamboo] = await Promise.all([
        collect(connections.hibob.employees.list({ includeInactive })),
        collect(connections.bamboohr.employees.list({ includeInactive })),
      ]);
      const lists: Record<'hibob' | 'bamboohr', Employee[]> = { hibob: fromHiBob, bamboohr: fromBamboo };
      for (const key of ['hibob', 'bamboohr'] as const) {
        const employees = lists[key];
        const truth = sandboxes[key].expected.employeeRemoteIds({ includeInactive });
        expect(truth.length, `${key} sandbox has employees`).toBeGreaterThan(0);
        expect(
          sorted(employees.map((employee) => employee.remoteId)),
          `${key} includeInactive=${includeInactive}`,
        ).toEqual(sorted(truth));
        for (const employee of employees) {
          expect(employee.provider).toBe(key);
          expect(employee.id).toBe(`${key}:${employee.remoteId}`);
          if (employee.manager) expect(employee.manager.id.startsWith(`${key}:`)).toBe(true);
        }
        expect(new Set(employees.map((employee) => employee.id)).size).toBe(employees.length);
      }
      const all = [...fromHiBob, ...fromBamboo].map((employee) => employee.id);
      expect(new Set(all).size).toBe(all.length);
    }
    // Leavers exist in both seeded companies, so the two listings above really differ.
    for (const key of ['hibob', 'bamboohr'] as const)
      expect(sandboxes[key].expected.employeeRemoteIds({ includeInactive: true }).length).toBeGreaterThan(
        sandboxes[key].expected.employeeRemoteIds({ includeInactive: false }).length,
      );
  });

  it('reads one employee from each through the same container', async () => {
    const [hibobId] = hibobSandbox.expected.employeeRemoteIds({ includeInactive: false });
    const [bambooId] = bambooSandbox.expected.employeeRemoteIds({ includeInactive: false });
    const [fromHiBob, fromBamboo] = await Promise.all([
      connections.hibob.employees.get(hibobId!),
      connections.bamboohr.employees.get(bambooId!),
    ]);
    expect(fromHiBob.id).toBe(`hibob:${hibobId}`);
    expect(fromBamboo.id).toBe(`bamboohr:${bambooId}`);
  });

  it('declares capabilities per provider, and the connection enforces each one', async () => {
    for (const key of ['hibob', 'bamboohr'] as const) {
      const connection = connections[key];
      const declared = kit.definition(key).capabilities;
      // Every capability is declared true or false, and the connection exposes the provider's own declaration.
      expect(Object.keys(declared).sort()).toEqual([...CapabilityName.options].sort());
      expect(connection.capabilities).toEqual(declared);
      expect(connection.connector.capabilities).toEqual(declared);
      expect(connection.supports('employees.list')).toBe(true);
      for (const name of CapabilityName.options) expect(connection.supports(name)).toBe(declared[name]);
    }
    // The two adapters really differ: the declarations are per provider, not one shared list.
    expect(supportedCapabilities(connections.hibob.capabilities)).not.toEqual(
      supportedCapabilities(connections.bamboohr.capabilities),
    );
    // An undeclared capability is refused before any request, naming the provider that lacks it.
    for (const key of ['hibob', 'bamboohr'] as const) {
      const connection = connections[key];
      const missing = CapabilityName.options.find(
        (name) => !connection.supports(name) && name !== 'compensation' && name !== 'attendance',
      );
      if (!missing) continue;
      const error =
        missing === 'employees.changes'
          ? catchError(() => connection.employees.changes({ since: NOW }))
          : missing === 'timeOff.requestChanges'
            ? catchError(() => connection.timeOff.requestChanges({ since: NOW }))
            : null;
      if (error === null) continue;
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as NotSupportedError).provider).toBe(key);
      expect((error as NotSupportedError).capability).toBe(missing);
    }
  });

  it('runs check() for both providers, each reporting for itself', async () => {
    const [fromHiBob, fromBamboo] = await Promise.all([connections.hibob.check(), connections.bamboohr.check()]);
    for (const [key, report] of [
      ['hibob', fromHiBob],
      ['bamboohr', fromBamboo],
    ] as const) {
      expect(DiagnosticsReport.parse(report)).toEqual(report);
      expect(report.provider).toBe(key);
      expect(report.checks.length).toBeGreaterThan(0);
      const failedRequired = report.checks.filter((check) => check.severity === 'required' && check.status !== 'ok');
      expect(failedRequired, `${key}: required checks with full access`).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  it('fails at connect with a ConfigurationError naming the field: unknown provider', () => {
    const error = catchError(() => kit.connect('workday', { apiKey: 'whatever-key' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('provider');
    expect((error as ConfigurationError).message).toContain('workday');
    expect((error as ConfigurationError).message).toContain('hibob');
    expect((error as ConfigurationError).message).toContain('bamboohr');
  });

  it('fails at connect with a ConfigurationError naming the field: malformed config, for each provider', () => {
    const cases: { key: 'hibob' | 'bamboohr'; config: Record<string, unknown>; field: string }[] = [
      { key: 'hibob', config: { ...hibobSandbox.connectionConfig(), token: 'short' }, field: 'token' },
      { key: 'hibob', config: { ...hibobSandbox.connectionConfig(), baseUrl: 'ftp://nowhere' }, field: 'baseUrl' },
      {
        key: 'bamboohr',
        config: { ...bambooSandbox.connectionConfig(), companyDomain: 'not a domain!' },
        field: 'companyDomain',
      },
      { key: 'bamboohr', config: { ...bambooSandbox.connectionConfig(), apiKey: 42 }, field: 'apiKey' },
    ];
    for (const { key, config, field } of cases) {
      const error = catchError(() => kit.connect(key, config));
      expect(error, `${key} ${field}`).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field, `${key} ${field}`).toBe(field);
      expect((error as ConfigurationError).provider).toBe(key);
    }
    // A config meant for the other provider is refused too (strict schemas), naming an offending key.
    const crossed = catchError(() => kit.connect('hibob', bambooSandbox.connectionConfig()));
    expect(crossed).toBeInstanceOf(ConfigurationError);
    expect((crossed as ConfigurationError).field).toBeTruthy();
  });

  it('keeps each connection on its own credentials: secrets never cross providers', async () => {
    const bad = kit.connect('hibob', hibobSandbox.badConnectionConfig(), { rateLimits: false, retryLimit: 0 });
    const failure = await collect(bad.employees.list()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'AUTHENTICATION', provider: 'hibob' });
    const text = JSON.stringify(failure) + String((failure as Error).message);
    for (const secret of [...hibobSandbox.secrets(), ...bambooSandbox.secrets()]) expect(text).not.toContain(secret);
    // The BambooHR connection of the same kit still works after the HiBob failure.
    const fromBamboo = await collect(connections.bamboohr.employees.list());
    expect(fromBamboo.length).toBe(bambooSandbox.expected.employeeRemoteIds({ includeInactive: false }).length);
  });
});
