import { type ConnectOptions, createHrKit } from '@hrkit/core';
import { MemoryLogger, VirtualClock } from '@hrkit/core/testing';
import { afterAll } from 'vitest';
import { type HiBobConnector, type HiBobOptions, hibob } from '../../src/index.js';
import { type HiBobSandbox, type HiBobSandboxOptions, startHiBobSandbox } from '../../src/sandbox/index.js';

export const NOW = '2026-03-02T09:00:00.000Z';

/** One sandbox per test file, closed after it. */
export function useSandbox(options: HiBobSandboxOptions = {}) {
  let sandbox: HiBobSandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
  });
  return async (): Promise<HiBobSandbox> => {
    sandbox ??= await startHiBobSandbox({ seed: 11, employees: 40, now: NOW, rateLimits: false, ...options });
    return sandbox;
  };
}

/** A connection with a memory logger and a virtual clock starting at the sandbox's "now". */
export function connect(
  config: Record<string, unknown>,
  options: { plugin?: HiBobOptions; connect?: ConnectOptions } = {},
) {
  const logger = new MemoryLogger();
  const clock = new VirtualClock(Date.parse(NOW));
  const kit = createHrKit({ providers: [hibob(options.plugin)] });
  const bob = kit.connect('hibob', config, { logger, clock, rateLimits: false, ...options.connect });
  return { bob, logger, clock, connector: bob.connector as HiBobConnector };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
