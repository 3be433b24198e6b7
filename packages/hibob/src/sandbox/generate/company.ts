import { ConfigurationError } from '@hrkit/core';
import { SeededGenerator } from '@hrkit/sandbox-kit';
import { buildNamedLists, SITES } from '../data/named-lists.js';
import { buildPolicies, buildPolicyTypes } from '../data/time-off-policies.js';
import { dateOf } from '../state/time.js';
import type { HiBobCompanyData } from '../state/types.js';
import type { HiBobSandboxExtension } from '../extension.js';
import { generateEmployees } from './employees.js';
import { seedPaymentData } from './payment-data.js';
import { generateTimeOff } from './time-off.js';

export interface GenerateHiBobCompanyOptions {
  seed?: number;
  /** 10 to 100,000 (smaller numbers work too). Default 50. */
  employees?: number;
  /** The instant the data is generated for (ISO date-time). Required for determinism; default real now. */
  now?: string;
  /** Extensions whose `seed` hook adds their own data (each gets its own random stream). */
  extensions?: readonly HiBobSandboxExtension[];
}

/** Upper bound on generated people (the brief's benchmarks go to 100,000). */
export const MAX_EMPLOYEES = 200_000;

/** A deterministic HiBob company: same options, identical JSON. */
export function generateHiBobCompany(options: GenerateHiBobCompanyOptions = {}): HiBobCompanyData {
  const seed = options.seed ?? 1;
  const count = options.employees ?? 50;
  const now = options.now ?? new Date().toISOString();
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) {
    throw new ConfigurationError(`HiBob sandbox: "now" must be an ISO date-time, got "${now}"`, { field: 'now' });
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_EMPLOYEES) {
    throw new ConfigurationError(
      `HiBob sandbox: "employees" must be an integer from 1 to ${MAX_EMPLOYEES}, got ${count}`,
      {
        field: 'employees',
      },
    );
  }
  const today = dateOf(nowMs);
  const random = new SeededGenerator(seed);
  const companyId = 600_000 + random.int(0, 99_999);
  const employees = generateEmployees({
    random: random.fork('employees'),
    count,
    today,
    nowMs,
    domain: 'sandbox-company.example',
  });
  seedPaymentData(random.fork('payment-data'), employees);
  const policies = buildPolicies();
  const timeOff = generateTimeOff({
    random: random.fork('time-off'),
    employees,
    policies,
    today,
    nowMs,
    firstRequestId: 32_800_000,
  });
  const company: HiBobCompanyData = {
    seed,
    companyId,
    companyName: 'Sandbox Company',
    domain: 'sandbox-company.example',
    now,
    employees,
    namedLists: buildNamedLists(),
    sites: SITES.map((site) => ({ ...site })),
    policyTypes: buildPolicyTypes(),
    policies,
    requests: timeOff.requests,
    changes: timeOff.changes,
    counters: {
      nextSeq: count + 1,
      nextRequestId: timeOff.nextRequestId,
      nextRowId: 50_000_001,
      nextIdInCompany: count + 1,
    },
    ext: {},
  };
  for (const extension of options.extensions ?? []) {
    extension.seed?.(company, random.fork(`extension:${extension.name}`));
  }
  return company;
}
