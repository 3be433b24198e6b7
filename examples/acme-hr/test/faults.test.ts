import { createHrKit } from '@hrkit/core';
import { SkippingClock, startFaultProxy, throughProxy } from '@hrkit/testkit/faults';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acme } from '../src/index.js';
import { startAcmeSandbox } from '../src/sandbox/index.js';

type Sandbox = Awaited<ReturnType<typeof startAcmeSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startAcmeSandbox({ seed: 5, employees: 100, rateLimits: false });
});
afterAll(() => sandbox.close());

it('reads every employee exactly once through rate limits and dropped connections', async () => {
  // #region fault-proxy
  const proxy = await startFaultProxy({ target: sandbox.url, seed: 7, rate: 0.5, faults: ['429', 'drop'] });
  const kit = createHrKit({ providers: [acme()] });
  const connection = kit.connect(
    'acme',
    throughProxy(sandbox.connectionConfig(), sandbox.url, proxy.url), // same base path, the proxy's port
    // Skip backoff waits in tests; time-outs still fire for real.
    { clock: new SkippingClock(), retryLimit: 8 },
  );
  const ids: string[] = [];
  for await (const employee of connection.employees.list({ includeInactive: true })) ids.push(employee.remoteId);
  await proxy.close();
  // #endregion fault-proxy
  expect(proxy.injectedCount()).toBeGreaterThan(0);
  expect(ids.sort()).toEqual(sandbox.expected.employeeRemoteIds({ includeInactive: true }).sort());
});
