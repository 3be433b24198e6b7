import { isDeepStrictEqual } from 'node:util';
import { Employee, EmploymentTypeRules, parseProviderData, readDate, readInstant } from '@hrkit/core';
import { apiRootOf } from '../src/config.js';
import { describe, expect, it } from 'vitest';
import { type EmployeeMappingContext, fieldNamesOf, mapEmployee } from '../src/mapping/employee.js';
import { mapEmployeePlain } from '../src/mapping/employee-plain.js';
import { BAMBOOHR_EMPLOYMENT_TYPES } from '../src/mapping/employment-type.js';
import { PeopleIndex } from '../src/mapping/people-index.js';
import { instant, utcSeconds } from '../src/mapping/values.js';
import { employeeReportFields, SENSITIVE_FIELDS } from '../src/readers/employee-fields.js';
import { RawReport, type RawEmployeeRow } from '../src/raw/report.js';
import { startBambooHrSandbox } from '../src/sandbox/index.js';
import { recorded } from './fixtures.js';

// Equivalence guard for the compiled report mapping (docs/performance.md › Mapping and listing): generated companies
// and the recorded real report, under every mapping option, each row as sent and with seeded damage (unreadable
// dates, BambooHR's "no date" forms, names of the wrong type, missing keys), map to the same Employee through the
// compiled path and the plain one, field for field and key for key.

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

const ODD: unknown[] = [null, '', ' ', '0000-00-00', '2024-13-45', '2024-02-30', 42, true, 'Terminated', ' Full-Time '];

function damaged(row: RawEmployeeRow, next: () => number): RawEmployeeRow {
  const copy: Record<string, unknown> = { ...row };
  for (const key of Object.keys(copy)) {
    if (key === 'id') continue;
    const roll = next();
    if (roll < 0.1) delete copy[key];
    else if (roll < 0.25) copy[key] = ODD[Math.floor(next() * ODD.length)];
  }
  return copy as RawEmployeeRow;
}

function contexts(rows: readonly RawEmployeeRow[], fields: RawReport['fields']): EmployeeMappingContext[] {
  const base = {
    provider: 'bamboohr',
    today: '2026-03-02',
    people: new PeopleIndex('bamboohr', rows),
    employmentTypes: EmploymentTypeRules.from(BAMBOOHR_EMPLOYMENT_TYPES, {
      Contractor: null,
      'Full-Time': { workerKind: 'employee' },
    }),
    fieldNames: fieldNamesOf(fields),
  };
  const leaver = rows.find((row) => row.terminationDate && row.terminationDate !== '0000-00-00')?.id ?? rows[0]!.id;
  return [
    base,
    { ...base, includeSensitive: true, includeRaw: true },
    {
      ...base,
      customFields: ['division', 'location', 'absentKey'],
      customFieldMap: { site: 'location', started: 'hireDate', number: 'employeeNumber', nothing: 'absentKey' },
      legalEntityField: 'division',
      typeBeforeLeaving: new Map([[leaver, 'Part-Time']]),
      terminations: new Map([
        [leaver, { employeeId: leaver, date: '2025-01-31', terminationReasonId: 'Resignation (Voluntary)' }],
      ]),
    },
    { ...base, customFieldMap: {} },
  ];
}

function compare(rows: readonly RawEmployeeRow[], fields: RawReport['fields'], seed: number): number {
  const next = random(seed);
  let compared = 0;
  for (const context of contexts(rows, fields))
    for (const row of rows)
      for (const shape of [row, damaged(row, next)]) {
        const plain = mapEmployeePlain(shape, context);
        const fast = mapEmployee(shape, context);
        compared++;
        if (!isDeepStrictEqual(fast, plain) || JSON.stringify(fast) !== JSON.stringify(plain))
          expect(fast, `row ${row.id}`).toEqual(plain);
        const parsed = Employee.safeParse(fast);
        if (parsed.success) {
          expect(isDeepStrictEqual(parsed.data, fast)).toBe(true);
          expect(parseProviderData(Employee, fast, { provider: 'bamboohr', what: 'employee' })).toStrictEqual(
            parsed.data,
          );
        }
      }
  return compared;
}

describe('BambooHR report mapping: the compiled path equals the plain one', () => {
  it.each([2, 7])('maps a generated company (seed %i) identically under every option', async (seed) => {
    const sandbox = await startBambooHrSandbox({ seed, employees: 150 });
    try {
      const config = sandbox.connectionConfig();
      const response = await fetch(`${apiRootOf(config)}/v1/reports/custom?format=JSON&onlyCurrent=false`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${config.apiKey}:x`).toString('base64')}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          title: 'equivalence',
          fields: [...employeeReportFields({ includeSensitive: true }), ...SENSITIVE_FIELDS, 'homePhone'],
        }),
      });
      expect(response.status).toBe(200);
      const report = RawReport.parse(await response.json());
      expect(compare(report.employees, report.fields, seed)).toBeGreaterThan(1_000);
    } finally {
      await sandbox.close();
    }
  });

  it('maps the recorded real report identically', () => {
    const report = RawReport.parse(recorded('reports-custom-onlyCurrent-false').response.body);
    expect(compare(report.employees, report.fields, 5)).toBeGreaterThan(20);
  });

  it('reads lastChanged without a Date round trip exactly as readInstant does', () => {
    const next = random(9);
    const samples = [
      '2024-03-12T17:25:52+00:00',
      '2024-03-12T17:25:52Z',
      '2024-02-30T10:00:00+00:00',
      '2024-03-12T24:00:00+00:00',
      '2024-03-12T23:59:60+00:00',
      '2024-03-12T17:25:52+01:00',
      '0099-01-01T00:00:00Z',
      '2024-03-12 17:25:52',
      ' 2024-03-12T17:25:52+00:00 ',
      '1712345678',
    ];
    for (let index = 0; index < 5_000; index++) {
      const time = Math.floor(next() * 8_000_000_000_000) - 1_000_000_000_000;
      const iso = new Date(time).toISOString().slice(0, 19);
      samples.push(`${iso}+00:00`, `${iso}Z`);
    }
    for (const sample of samples) {
      const fast = utcSeconds(sample.trim());
      if (fast !== null) expect(fast, sample).toBe(readInstant(sample.trim(), { assumeZone: 'UTC' }));
      expect(instant(sample), sample).toBe(referenceInstant(sample));
    }
  });
});

/** The former `instant` (values.ts) without the fast form: the reference. */
function referenceInstant(value: string): string | null {
  const raw = value.trim();
  if (!raw) return null;
  if (/^\d{9,13}$/.test(raw)) {
    const ms = Number(raw) > 1e12 ? Number(raw) : Number(raw) * 1000;
    return Math.abs(ms) > 8.64e15 ? null : new Date(ms).toISOString();
  }
  if (readDate(raw)) return null;
  return readInstant(raw, { assumeZone: 'UTC' });
}
