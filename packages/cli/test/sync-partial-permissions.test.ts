import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, EXIT, main } from '../src/index.js';

/**
 * Partial permissions never break the main job: a HiBob credential without "See who's out" still syncs employees,
 * prints the summary (who's out from the store, with a warning naming the permission), delivers the events, and
 * exits "done with warnings" (8) — not "permission" (4) with nothing printed and no events file.
 */
describe('hrkit sync with a credential lacking "See who\'s out"', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  let cwd: string;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 31, employees: 10, rateLimits: false });
    cwd = mkdtempSync(join(tmpdir(), 'hrkit-partial-'));
  });
  afterAll(async () => {
    await sandbox?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('commits, prints the summary with a warning naming the permission, writes --events, exits 8', async () => {
    const { config } = sandbox.control.restrictedConnectionFor('timeOff.whosOut');
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: {
        write: (text: string, done?: (error?: Error | null) => void) => {
          stdout += text;
          done?.();
          return true;
        },
      },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      env: { HIBOB_SERVICE_USER_ID: config.serviceUserId, HIBOB_TOKEN: config.token },
      cwd,
      interrupted: () => Promise.resolve(),
    };
    const code = await main(
      ['node', 'hrkit', 'sync', 'hibob', '--base-url', sandbox.url, '--store', 's.sqlite', '--events', 'events.jsonl'],
      io,
    );
    expect(stderr).not.toMatch(/^error/m);
    expect(code).toBe(EXIT.DONE_WITH_WARNINGS);
    expect(stdout).toMatch(/headcount \d+/);
    expect(stdout).toMatch(/who's out today \(.*from the store\)/);
    expect(stdout).toMatch(/warning: .*See who's out/);
    const events = readFileSync(join(cwd, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(events.length).toBe(sandbox.expected.employeeRemoteIds({ includeInactive: true }).length);
  });
});
