import { isDeepStrictEqual } from 'node:util';
import { Employee, InvalidProviderDataError, parseProviderData } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import type { MappingContext } from '../src/mapping/context.js';
import { mapEmployee, mapEmployeePlain } from '../src/mapping/employee.js';
import type { RawEmployee } from '../src/raw/people.js';
import { mappingContext } from '../src/readers/session.js';
import { connect, NOW } from './helpers/sandbox.js';
import { startHiBobSandbox } from '../src/sandbox/index.js';

// Equivalence guard for the compiled field reads (docs/performance.md › Mapping and listing): generated companies,
// every read option, and each person in every response shape HiBob uses (both forms, nested only, slash only, no
// humanReadable) plus seeded damage (nulls, missing keys, values of the wrong type) map to the same Employee through
// the compiled path and the plain one, field for field and key for key. The strict model's check returns the record
// itself (copy-free): where the full parse succeeds, its output deep-equals the record.

/** Seeded, so a failure replays (Park–Miller). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

const ODD_VALUES: unknown[] = [null, '', '  ', 0, 42.5, true, 'not-a-date', '2024-13-45', [], ['1', 2], { id: 'x' }];

function shapes(raw: RawEmployee, next: () => number): RawEmployee[] {
  const keys = Object.keys(raw);
  const nestedOnly = Object.fromEntries(keys.filter((key) => !key.startsWith('/')).map((key) => [key, raw[key]]));
  const slashOnly = Object.fromEntries(
    keys.filter((key) => key.startsWith('/') || key === 'id' || key === 'humanReadable').map((key) => [key, raw[key]]),
  );
  const noHuman = Object.fromEntries(keys.filter((key) => key !== 'humanReadable').map((key) => [key, raw[key]]));
  // Damage: each nested value and each slash value replaced, nulled or removed with some probability.
  const damaged = structuredClone(raw) as Record<string, unknown>;
  for (const key of Object.keys(damaged)) {
    if (key === 'id' || key === '/root/id') continue;
    const value = damaged[key];
    if (key.startsWith('/')) {
      const roll = next();
      if (roll < 0.15) delete damaged[key];
      else if (roll < 0.3) damaged[key] = { value: ODD_VALUES[Math.floor(next() * ODD_VALUES.length)] };
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const inner of Object.keys(value)) {
        const roll = next();
        const holder = value as Record<string, unknown>;
        if (roll < 0.15) delete holder[inner];
        else if (roll < 0.3) holder[inner] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
      }
  }
  return [raw, nestedOnly, slashOnly, noHuman, damaged];
}

async function company(seed: number, employees: number) {
  const sandbox = await startHiBobSandbox({ seed, employees, now: NOW, rateLimits: false });
  const { connector } = connect(sandbox.connectionConfig());
  const session = await connector.session.get();
  return { sandbox, connector, session };
}

const READS = [
  { includeSensitive: false, includeRaw: false },
  { includeSensitive: true, includeRaw: false },
  { includeSensitive: true, includeRaw: true, includeFinancial: true, unmask: ['bankAccounts.iban'] },
];

describe('HiBob mapping: the compiled path equals the plain one', () => {
  it.each([3, 11])('maps a generated company (seed %i) identically in every shape and read', async (seed) => {
    const { sandbox, connector, session } = await company(seed, 120);
    try {
      const next = random(seed);
      let compared = 0;
      let validated = 0;
      for (const read of READS) {
        const base = mappingContext(session, connector.employmentTypes, read);
        // A consumer's customFieldMap over list, text and custom fields, and the tenant's group fields.
        const mappedFields = session.catalog.fields
          .filter((field) => field.custom || field.listId !== null)
          .slice(0, 6)
          .map((field, index) => ({ key: `mapped${index}`, field }));
        const context: MappingContext = { ...base, mappedFields: [...(base.mappedFields ?? []), ...mappedFields] };
        const fields = connector.employees.fieldsFor(session, context).map((field) => field.id);
        const raws = await connector.client.search({ fields, showInactive: true });
        for (const raw of raws)
          for (const shape of shapes(raw, next)) {
            const plain = safely(() => mapEmployeePlain(shape, context));
            const fast = safely(() => mapEmployee(shape, context));
            compared++;
            if (!isDeepStrictEqual(fast, plain) || JSON.stringify(fast) !== JSON.stringify(plain))
              expect(fast, `seed ${seed}, ${JSON.stringify(read)}`).toEqual(plain);
            if (!('employee' in fast)) continue;
            const parsed = Employee.safeParse(fast.employee);
            if (parsed.success) {
              // Copy-free: the full parse's output equals the record (keys in the model's order there, in the
              // mapping's here), so returning the record is returning the output.
              expect(isDeepStrictEqual(parsed.data, fast.employee)).toBe(true);
              expect(parseProviderData(Employee, fast.employee, { provider: 'hibob', what: 'employee' })).toStrictEqual(
                parsed.data,
              );
              validated++;
            } else
              expect(() => parseProviderData(Employee, fast.employee, { provider: 'hibob', what: 'employee' })).toThrow(
                InvalidProviderDataError,
              );
          }
      }
      expect(compared).toBeGreaterThan(1_500);
      expect(validated).toBeGreaterThan(compared / 2);
    } finally {
      await sandbox.close();
    }
  });
});

/** The mapped record, or the error's class and message (an unreadable shape must fail the same way on both paths). */
function safely(map: () => Employee): { employee: Employee } | { error: string } {
  try {
    return { employee: map() };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}
