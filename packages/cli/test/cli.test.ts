import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermissionError, ProviderError } from '@hrkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/index.js';
import { cliHarness } from './cli-harness.js';
import { HIBOB_LIKE, signedDelivery, WEBHOOK_SECRET } from '@hrkit/sync/testing';

const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('hrkit (in-process, fake provider)', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it('syncs into the store and prints exactly the new events as JSON Lines', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    const first = await h.run(['sync', 'fake', '--events', '-']);
    expect(first.code).toBe(EXIT.OK);
    expect(jsonl(first.stdout).map((e) => `${e.remoteId} ${e.action}`)).toEqual(['1 created', '2 created']);
    expect(first.stderr).toMatch(/full sync finished/);
    expect(first.stderr).toMatch(/headcount 2 \(terminated 0, deleted 0\)/);
    expect(first.stderr).toMatch(/by category +Direct Employee 2/);

    const again = await h.run(['sync', 'fake', '--events', '-']);
    expect(again.stdout).toBe('');
    h.company.terminate('2', '2026-06-01');
    const third = await h.run(['sync', 'fake', '--events', 'events.jsonl', '--format', 'json']);
    const report = JSON.parse(third.stdout) as {
      result: { mode: string; counts: { employees: Record<string, number> } };
    };
    expect(report.result.mode).toBe('incremental');
    expect(report.result.counts.employees.terminated).toBe(1);
    const { readFileSync } = await import('node:fs');
    expect(jsonl(readFileSync(join(h.cwd, 'events.jsonl'), 'utf8')).map((e) => `${e.remoteId} ${e.action}`)).toEqual([
      '2 terminated',
    ]);
  });

  it('prints records as table, csv, json and jsonl', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1', { jobTitle: 'Engineer, "Platform"' });
    h.company.addEmployee('2');
    const csv = await h.run(['employees', 'fake', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'id,name,email,status,worker kind,category,title,department,manager,start,termination',
    );
    expect(csv.stdout).toContain('"Engineer, ""Platform"""');
    const table = await h.run(['employees', 'fake']);
    expect(table.stdout.split('\n')[0]).toMatch(/^id +name +email +status/);
    expect(table.stdout).toContain('Person 2');
    expect((JSON.parse((await h.run(['employees', 'fake', '--format', 'json'])).stdout) as unknown[]).length).toBe(2);
    expect(jsonl((await h.run(['employees', 'fake', '--format', 'jsonl'])).stdout).map((e) => e.remoteId)).toEqual([
      '1',
      '2',
    ]);
  });

  it('maps failures to documented exit codes with a clear message and no stack trace', async () => {
    h = cliHarness(HIBOB_LIKE);
    const unknown = await h.run(['employees', 'nope']);
    expect([unknown.code, unknown.stderr]).toEqual([
      EXIT.USAGE,
      'error: unknown provider "nope": use one of hibob, bamboohr, fake, personio\n',
    ]);
    expect((await h.run(['employees'])).code).toBe(EXIT.USAGE);
    expect((await h.run(['employees', 'fake', '--format', 'xml'])).code).toBe(EXIT.USAGE);

    const badDate = await h.run(['attendance', 'fake', '--from', '2026-13-01']);
    expect([badDate.code, badDate.stderr]).toEqual([
      EXIT.USAGE,
      'error: --from must be a date YYYY-MM-DD (got "2026-13-01")\n',
    ]);

    const missing = await h.run(['employees', 'fake'], { FAKE_TOKEN: '' });
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.stderr).toMatch(/field: token/);

    const unsupported = await h.run(['compensation', 'fake']);
    expect([unsupported.code, unsupported.stderr.trim()]).toEqual([
      EXIT.NOT_SUPPORTED,
      'error (NOT_SUPPORTED): fake does not support compensation',
    ]);

    h.company.failWith = new PermissionError('fake refused to list people', {
      provider: 'fake',
      permission: "People's Data › Work › View",
    });
    const denied = await h.run(['employees', 'fake']);
    expect(denied.code).toBe(EXIT.PERMISSION);
    expect(denied.stderr).toContain(
      `fix: ask the fake admin to grant "People's Data › Work › View" to this integration`,
    );
    expect(denied.stderr).not.toMatch(/\n\s+at /);
  });

  it('never prints a secret, even when an error message carries one', async () => {
    h = cliHarness(HIBOB_LIKE);
    const secret = 'leaky-secret-token-9876';
    h.company.failWith = new ProviderError(`upstream echoed the credential ${secret}`, { provider: 'fake' });
    for (const args of [
      ['employees', 'fake', '--token', secret],
      ['sync', 'fake', '--token', secret],
    ]) {
      const result = await h.run(args, { FAKE_TOKEN: '' });
      expect(result.code).toBe(EXIT.PROVIDER);
      expect(result.stderr).toContain('[REDACTED]');
      expect(result.stdout + result.stderr).not.toContain(secret);
    }
    const fromEnv = await h.run(['employees', 'fake'], { FAKE_TOKEN: secret });
    expect(fromEnv.stdout + fromEnv.stderr).not.toContain(secret);
  });

  it('reads credentials and the store path from --config, and never echoes a broken config file', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    writeFileSync(
      join(h.cwd, 'hrkit.json'),
      JSON.stringify({ store: 'from-config.sqlite', fake: { token: 'config-token-456' } }),
    );
    const synced = await h.run(['sync', 'fake', '--config', 'hrkit.json', '--format', 'json'], { FAKE_TOKEN: '' });
    expect(synced.code).toBe(EXIT.OK);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(h.cwd, 'from-config.sqlite'))).toBe(true);

    writeFileSync(join(h.cwd, 'broken.json'), '{"fake": {"token": "config-token-789"');
    const broken = await h.run(['employees', 'fake', '--config', 'broken.json']);
    expect(broken.code).toBe(EXIT.USAGE);
    expect(broken.stderr).toMatch(/^error: the config file broken.json is not valid JSON/);
    expect(broken.stderr).not.toContain('config-token-789');
    expect((await h.run(['employees', 'fake', '--config', 'missing.json'])).stderr).toBe(
      'error: cannot read the config file missing.json\n',
    );
  });

  it('check prints the report with the fix and exits 4 when something required is missing', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.checks = [
      {
        id: 'employees.list',
        title: 'List people',
        status: 'ok',
        severity: 'required',
        capabilities: ['employees.list'],
        summary: 'works',
        missingFields: [],
        fix: null,
      },
      {
        id: 'fields.work',
        title: 'Work fields',
        status: 'missing',
        severity: 'required',
        capabilities: ['employees.list'],
        summary: 'work fields are hidden',
        missingFields: ['work.title'],
        fix: { permission: "People's Data › Work › View", steps: ['Open Settings › Permission groups'] },
      },
    ];
    const result = await h.run(['check', 'fake']);
    expect(result.code).toBe(EXIT.PERMISSION);
    expect(result.stdout).toMatch(/NOT OK/);
    expect(result.stdout).toMatch(/MISSING +required +fields\.work/);
    expect(result.stdout).toContain(`grant: People's Data › Work › View`);
    expect(result.stdout).toContain('missing fields: work.title');
    h.company.checks = h.company.checks.slice(0, 1);
    expect((await h.run(['check', 'fake'])).code).toBe(EXIT.OK);
  });

  it('webhooks verify accepts a correctly signed saved delivery and exits 7 on a bad signature', async () => {
    h = cliHarness(HIBOB_LIKE);
    const delivery = signedDelivery({ type: 'employee.updated', employeeId: '1' });
    writeFileSync(join(h.cwd, 'body.json'), delivery.body);
    writeFileSync(join(h.cwd, 'headers.json'), JSON.stringify(delivery.headers));
    const ok = await h.run(['webhooks', 'verify', 'fake', '--body', 'body.json', '--headers', 'headers.json'], {
      FAKE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    expect(ok.code).toBe(EXIT.OK);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verified: true, kind: 'events' });
    const bad = await h.run([
      'webhooks',
      'verify',
      'fake',
      '--body',
      'body.json',
      '--signature',
      'deadbeef',
      '--secret',
      WEBHOOK_SECRET,
    ]);
    expect(bad.code).toBe(EXIT.WEBHOOK_VERIFICATION);
    expect(bad.stdout + bad.stderr).not.toContain(WEBHOOK_SECRET);
  });
});
