import { ConfigurationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { resolveConformanceOptions } from '../src/conformance/index.js';
import { fakeHr } from './fake/fake-provider.js';
import { startFakeSandbox } from './fake/fake-sandbox.js';

describe('resolveConformanceOptions', () => {
  const startSandbox = (options: object) => startFakeSandbox(options);

  it('fills defaults: a time-off window around the fixed now, provider rate limits off, all faults', () => {
    const resolved = resolveConformanceOptions({ plugin: fakeHr, startSandbox, now: '2026-06-15T12:00:00Z' });
    expect(resolved.plugin.key).toBe('fakehr'); // a plugin factory is called
    expect(resolved.timeOffWindow).toEqual({ from: '2026-05-01', to: '2026-07-30' });
    expect(resolved.connectOptions).toEqual({ rateLimits: false });
    expect(resolved.faults).toMatchObject({ seeds: [1, 2, 3, 4], rate: 0.2, retryLimit: 8 });
    expect(resolved.faults.faults).toHaveLength(5);
  });

  it('keeps what the adapter says about itself', () => {
    const resolved = resolveConformanceOptions({
      plugin: fakeHr(),
      startSandbox,
      employees: 230,
      timeOffWindow: { from: '2026-01-01', to: '2026-12-31' },
      connectOptions: { timeoutMs: 5_000 },
      faults: { seeds: [9], faults: ['429'] },
    });
    expect(resolved.employees).toBe(230);
    expect(resolved.connectOptions).toEqual({ rateLimits: false, timeoutMs: 5_000 });
    expect(resolved.faults).toMatchObject({ seeds: [9], faults: ['429'], rate: 0.2 });
  });

  it('refuses missing parts and a bad now with a ConfigurationError naming the field', () => {
    expect(() => resolveConformanceOptions({ plugin: fakeHr() } as never)).toThrow(ConfigurationError);
    try {
      resolveConformanceOptions({ plugin: fakeHr(), startSandbox, now: 'yesterday' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIGURATION', field: 'now' });
    }
  });
});
