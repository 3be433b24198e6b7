import { afterEach, describe, expect, it } from 'vitest';
import {
  abortedReadFails,
  badCredentialsAreAuthenticationErrors,
  type ConformanceContext,
  checkNamesTheMissingPermission,
  conformanceChecks,
  declaredCapabilitiesAnswer,
  employeeIdsAreStable,
  employeesMatchGroundTruth,
  fullRead,
  getAgreesWithList,
  rawOnlyWhenAsked,
  refusedTokenIsRenewed,
  readUnderFaults,
  secretsNeverLeak,
  startConformanceContext,
  timeOffRequestsInRange,
  timeOffRequestsMatchGroundTruth,
  tokenExchangeIsRetried,
  webhooksVerify,
} from '../src/conformance/index.js';
import { type FakeBug, fakeHr } from './fake/fake-provider.js';
import { startFakeSandbox } from './fake/fake-sandbox.js';

// The suite is only worth something if it fails on broken adapters: each deliberate defect must be caught.
let context: ConformanceContext | undefined;
afterEach(async () => {
  await context?.sandbox.close();
  context = undefined;
});

const start = async (bugs: FakeBug[], faults = {}, tokenAuth = false) => {
  context = await startConformanceContext({
    plugin: fakeHr(bugs, { tokenAuth }),
    startSandbox: (options) => startFakeSandbox(options, { tokenAuth }),
    employees: 34,
    faults,
  });
  return context;
};

const cases: [FakeBug, (context: ConformanceContext) => Promise<void>][] = [
  ['duplicates-page-boundary', employeesMatchGroundTruth],
  ['ignores-include-inactive', employeesMatchGroundTruth],
  ['unstable-ids', employeeIdsAreStable],
  ['get-differs-from-list', getAgreesWithList],
  ['no-range-filter', timeOffRequestsInRange],
  ['webhook-accepts-anything', webhooksVerify],
  ['auth-as-provider-error', badCredentialsAreAuthenticationErrors],
  ['check-always-ok', checkNamesTheMissingPermission],
  ['leaks-secret-in-logs', secretsNeverLeak],
  ['declares-whos-out-without-implementing', declaredCapabilitiesAnswer],
  ['always-raw', rawOnlyWhenAsked],
  ['ignores-include-pending', timeOffRequestsInRange],
  ['ignores-abort', abortedReadFails],
  ['first-time-off-page-only', timeOffRequestsMatchGroundTruth],
];

/** Bugs of adapters with token auth: run against the token-auth variant of the fake provider and sandbox. */
const tokenCases: [FakeBug, (context: ConformanceContext) => Promise<void>][] = [
  ['token-never-retried', tokenExchangeIsRetried],
];

describe('the conformance checks catch broken adapters', () => {
  it.each(cases)('%s is caught', async (bug, check) => {
    const correct = await start([]);
    await check(correct); // the same check passes on the correct adapter…
    await correct.sandbox.close();
    context = undefined;
    await expect(check(await start([bug]))).rejects.toThrow(); // …and fails on the broken one
  });

  it.each(tokenCases)('%s is caught (token auth)', async (bug, check) => {
    const correct = await start([], {}, true);
    await check(correct);
    await refusedTokenIsRenewed(correct); // the correct adapter renews a revoked token through the kit
    await secretsNeverLeak(correct); // the runtime tokens the sandbox issued are audited too
    expect(correct.sandbox.tokenAuth?.issuedTokens().length).toBeGreaterThan(0);
    await correct.sandbox.close();
    context = undefined;
    await expect(check(await start([bug], {}, true))).rejects.toThrow(/not retried/);
  });

  it('every check exercised here is registered in describeConformance', () => {
    const registered = new Set(conformanceChecks.map((check) => check.run));
    for (const [bug, check] of [...cases, ...tokenCases])
      expect(registered.has(check), `${check.name} (catches ${bug})`).toBe(true);
  });

  it('every check runs in order and the secrets check comes last (it audits what the others provoked)', () => {
    expect(conformanceChecks.at(-1)?.run).toBe(secretsNeverLeak);
    expect(new Set(conformanceChecks.map((check) => check.title)).size).toBe(conformanceChecks.length);
  });
});

describe('fault tolerance', () => {
  it('a correct adapter without retries fails with a typed retryable error, never a short list', async () => {
    const current = await start([], { retryLimit: 0, rate: 0.5 });
    const baseline = await fullRead(current, current.connect());
    const outcomes = [];
    for (const seed of [1, 2, 3]) outcomes.push(await readUnderFaults(current, seed, baseline));
    const failures = outcomes.filter((outcome) => outcome.kind === 'failed');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.error.retryable).toBe(true);
      expect(failure.error.request).toMatch(/^GET \//);
    }
  });

  it('an adapter that swallows a failed page is caught (partial result that looks complete)', async () => {
    const current = await start(['swallows-errors'], { retryLimit: 0, rate: 0.5 });
    const baseline = await fullRead(current, current.connect());
    await expect(
      (async () => {
        for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) await readUnderFaults(current, seed, baseline);
      })(),
    ).rejects.toThrow(/differs from the fault-free read/);
  });

  it('with retries, every seed returns exactly the fault-free records', async () => {
    const current = await start([], { rate: 0.5 });
    const baseline = await fullRead(current, current.connect());
    expect(baseline.employees?.length).toBe(34);
    let injected = 0;
    for (const seed of [11, 12, 13]) {
      const outcome = await readUnderFaults(current, seed, baseline);
      expect(outcome).toMatchObject({ kind: 'complete' });
      injected += outcome.injected;
    }
    expect(injected).toBeGreaterThan(3);
  });
});
