import { type ConnectOptions, createHrKit } from '@hrkit/core';
import { MemoryLogger, VirtualClock } from '@hrkit/core/testing';
import { type BambooHrOptions, bamboohr } from '../src/internal.js';
import { type BambooHrSandboxOptions, startBambooHrSandbox } from '../src/sandbox/index.js';

export const NOW = '2026-03-02T09:00:00.000Z';
export const TODAY = '2026-03-02';

export async function sandboxFixture(options: BambooHrSandboxOptions = {}) {
  // Deliveries are stamped on the same virtual time the connections below run on (their freshness window).
  const deliveryClock = () => Date.parse(NOW);
  const sandbox = await startBambooHrSandbox({
    seed: 3,
    employees: 40,
    now: NOW,
    rateLimits: false,
    deliveryClock,
    ...options,
  });
  const logger = new MemoryLogger();
  const connect = (
    config: Record<string, unknown> = sandbox.connectionConfig(),
    connectOptions: ConnectOptions = {},
    pluginOptions: BambooHrOptions = {},
  ) =>
    createHrKit({ providers: [bamboohr(pluginOptions)] }).connect('bamboohr', config, {
      logger,
      rateLimits: false,
      // The adapter's "today" must be the sandbox's fixed now; sleeps (retries) pass instantly.
      clock: new VirtualClock(Date.parse(NOW)),
      ...connectOptions,
    });
  return { sandbox, logger, connect };
}

export async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A raw call to the sandbox with a given key (the adapter always asks for JSON; these tests check the wire). */
export async function raw(
  url: string,
  path: string,
  options: { key?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.key}:x`).toString('base64')}`;
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
