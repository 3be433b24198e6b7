import { createHrKit, NotSupportedError } from '@hrkit/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acme } from '../src/index.js';
import { startAcmeSandbox } from '../src/sandbox/index.js';

type Sandbox = Awaited<ReturnType<typeof startAcmeSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  // #region start-sandbox
  // Same seed, same company; a fixed "now" makes dates deterministic; rate limits on, as Acme documents them.
  sandbox = await startAcmeSandbox({ seed: 3, employees: 30, now: '2026-03-02T09:00:00Z' });
  // sandbox.connectionConfig() → { apiKey, baseUrl } for kit.connect('acme', …); sandbox.close() stops it.
  // #endregion start-sandbox
});
afterAll(() => sandbox.close());

it('is used like any other hrkit provider', async () => {
  const { apiKey, baseUrl } = sandbox.connectionConfig() as { apiKey: string; baseUrl: string };
  // #region usage
  const kit = createHrKit({ providers: [acme()] });
  const connection = kit.connect('acme', { apiKey, baseUrl });

  const people: string[] = [];
  for await (const employee of connection.employees.list({ includeInactive: true })) {
    people.push(`${employee.id} ${employee.name.display} (${employee.employmentStatus.value})`);
  }
  const leave = connection.timeOff.requests({ from: '2026-03-01', to: '2026-03-31' });
  // #endregion usage
  expect(people).toHaveLength(30);
  let count = 0;
  for await (const request of leave) {
    expect(request.provider).toBe('acme');
    count++;
  }
  expect(count).toBeGreaterThan(0);
  expect(() => connection.timeOff.balances()).toThrow(NotSupportedError);
});
