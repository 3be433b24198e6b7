import { createHrKit } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceChecks } from './checks/index.js';
import { type FaultRunOutcome, fullRead, readUnderFaults } from './checks/fault-tolerance.js';
import { type ConformanceContext, startConformanceContext } from './context.js';
import { type ConformanceOptions, resolveConformanceOptions } from './options.js';

/**
 * The whole conformance suite in one call, from an adapter's test file:
 *
 *   describeConformance({ plugin: acme(), startSandbox: (options) => startAcmeSandbox(options) });
 *
 * Starts the sandbox once, runs every check that applies (checks bound to an undeclared capability are covered by
 * the "undeclared capabilities fail with NotSupportedError" check instead), then the fault-tolerance runs, and
 * closes the sandbox.
 */
export function describeConformance(options: ConformanceOptions): void {
  const resolved = resolveConformanceOptions(options);
  // Known before any sandbox starts, so checks of undeclared capabilities are not even registered.
  const declared = createHrKit({ providers: [resolved.plugin] }).definition(resolved.plugin.key).capabilities;
  describe(options.name ?? `conformance: ${resolved.plugin.key}`, () => {
    let context: ConformanceContext | undefined;
    beforeAll(async () => {
      context = await startConformanceContext(resolved);
    });
    afterAll(async () => {
      await context?.sandbox.close();
    });
    const current = () => {
      if (!context) throw new Error('the sandbox did not start (see the beforeAll error)');
      return context;
    };

    for (const check of conformanceChecks) {
      if (check.capability && !declared[check.capability]) continue;
      it(check.capability ? `${check.title} [${check.capability}]` : check.title, (test) => {
        const skipped = check.skipWhen?.(current()) ?? null;
        if (skipped !== null) return test.skip(skipped);
        return check.run(current());
      });
    }

    describeFaultRuns(resolved.faults.seeds, current);
  });
}

/**
 * Only the fault-tolerance part, for an adapter that wants it on its own (e.g. with more seeds in a nightly job).
 */
export function describeFaultTolerance(options: ConformanceOptions): void {
  const resolved = resolveConformanceOptions(options);
  describe(options.name ?? `fault tolerance: ${resolved.plugin.key}`, () => {
    let context: ConformanceContext | undefined;
    beforeAll(async () => {
      context = await startConformanceContext(resolved);
    });
    afterAll(async () => {
      await context?.sandbox.close();
    });
    describeFaultRuns(resolved.faults.seeds, () => {
      if (!context) throw new Error('the sandbox did not start (see the beforeAll error)');
      return context;
    });
  });
}

function describeFaultRuns(seeds: readonly number[], current: () => ConformanceContext): void {
  describe('under injected faults (429, 5xx, slow, dropped, truncated)', () => {
    let baseline: Record<string, unknown[]> | undefined;
    const outcomes: FaultRunOutcome[] = [];
    const baselineOf = async (context: ConformanceContext) => {
      baseline ??= await fullRead(context, context.connect());
      return baseline;
    };
    for (const seed of seeds) {
      it(`seed ${seed}: a full read returns exactly the fault-free records, or a typed retryable error`, async () => {
        const context = current();
        outcomes.push(await readUnderFaults(context, seed, await baselineOf(context)));
      });
    }
    it('faults were injected and at least one faulty read completed', () => {
      expect(outcomes.length, 'no fault run finished').toBe(seeds.length);
      expect(
        outcomes.reduce((sum, outcome) => sum + outcome.injected, 0),
        'the proxy injected nothing',
      ).toBeGreaterThan(0);
      expect(
        outcomes.some((outcome) => outcome.kind === 'complete'),
        `every faulty read failed: ${outcomes.map((o) => (o.kind === 'failed' ? o.error.message : 'ok')).join('; ')}`,
      ).toBe(true);
    });
  });
}
