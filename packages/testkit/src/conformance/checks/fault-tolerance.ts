import { type Connection, type HrKitError, ProviderError, RateLimitedError, TransportError } from '@hrkit/core';
import { expect } from 'vitest';
import { startFaultProxy } from '../../faults/fault-proxy.js';
import { throughProxy } from '../../faults/through-proxy.js';
import { SkippingClock } from '../../faults/skipping-clock.js';
import { type ConformanceContext, drain } from '../context.js';
import { describeError } from './assertions.js';

/** A full read: every employee (leavers included) and, when declared, every time-off request in the window. */
export async function fullRead(
  context: ConformanceContext,
  connection: Connection,
): Promise<Record<string, unknown[]>> {
  const byId = <T extends { id: string }>(records: T[]) => records.sort((a, b) => (a.id < b.id ? -1 : 1));
  const read: Record<string, unknown[]> = {
    employees: byId(await drain(connection.employees.list({ includeInactive: true }))),
  };
  if (connection.supports('timeOff.requests'))
    read.timeOffRequests = byId(
      await drain(connection.timeOff.requests({ ...context.options.timeOffWindow, includePending: true })),
    );
  return read;
}

export type FaultRunOutcome =
  | { kind: 'complete'; injected: number }
  | { kind: 'failed'; injected: number; error: HrKitError };

/**
 * One full read through a seeded fault proxy. It must return exactly the fault-free read — nothing lost, nothing
 * duplicated — or fail with a typed, retryable error that says what to retry. A partial result that looks complete
 * fails this check.
 */
export async function readUnderFaults(
  context: ConformanceContext,
  seed: number,
  baseline: Record<string, unknown[]>,
): Promise<FaultRunOutcome> {
  const settings = context.options.faults;
  const proxy = await startFaultProxy({
    target: context.sandbox.url,
    seed,
    rate: settings.rate,
    faults: settings.faults,
    slowMs: settings.slowMs,
  });
  try {
    const config = throughProxy(context.sandbox.connectionConfig(), context.sandbox.url, proxy.url);
    const connection = context.connect(config, {
      timeoutMs: settings.timeoutMs,
      retryLimit: settings.retryLimit,
      clock: new SkippingClock(),
    });
    let read: Record<string, unknown[]>;
    try {
      read = await fullRead(context, connection);
    } catch (error) {
      context.errors.push(error);
      const typed =
        error instanceof TransportError || error instanceof RateLimitedError || error instanceof ProviderError;
      expect(typed, `seed ${seed}: a failed read must throw a typed error (${describeError(error)})`).toBe(true);
      expect((error as HrKitError).retryable, `seed ${seed}: the error must say the call can be retried`).toBe(true);
      expect((error as HrKitError).request, `seed ${seed}: the error must name the request to retry`).toBeTruthy();
      return { kind: 'failed', injected: proxy.injectedCount(), error: error as HrKitError };
    }
    for (const [what, records] of Object.entries(baseline))
      expect(read[what], `seed ${seed}: ${what} under faults differs from the fault-free read`).toEqual(records);
    return { kind: 'complete', injected: proxy.injectedCount() };
  } finally {
    await proxy.close();
  }
}

export { throughProxy };
