import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIBOB_LIKE } from '@hrkit/sync/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/index.js';
import { csvField } from '../src/cli/output/csv.js';
import { cliHarness } from './cli-harness.js';

// docs/security.md › Files: what hrkit writes is private to its user, and what it reads is never echoed.

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe('hrkit files and config (hostile or careless input)', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it.runIf(posix)('creates the store 0600 in a 0700 .hrkit directory, and the events file 0600', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    const synced = await h.run(['sync', 'fake', '--events', 'events.ndjson']);
    expect(synced.code).toBe(EXIT.OK);
    expect(modeOf(join(h.cwd, '.hrkit'))).toBe(0o700);
    expect(modeOf(join(h.cwd, '.hrkit', 'hrkit.sqlite'))).toBe(0o600);
    for (const side of ['-wal', '-shm'])
      if (existsSync(join(h.cwd, '.hrkit', `hrkit.sqlite${side}`)))
        expect(modeOf(join(h.cwd, '.hrkit', `hrkit.sqlite${side}`))).toBe(0o600);
    expect(modeOf(join(h.cwd, 'events.ndjson'))).toBe(0o600);
  });

  it.runIf(posix)('takes group and other permissions away from a store an older hrkit wrote 0644', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    mkdirSync(join(h.cwd, 'old'), { mode: 0o755 });
    writeFileSync(join(h.cwd, 'old', 'store.sqlite'), '', { mode: 0o644 });
    chmodSync(join(h.cwd, 'old', 'store.sqlite'), 0o644);
    expect((await h.run(['sync', 'fake', '--store', 'old/store.sqlite'])).code).toBe(EXIT.OK);
    expect(modeOf(join(h.cwd, 'old', 'store.sqlite'))).toBe(0o600);
    // A directory the user made is theirs: hrkit only sets the mode of directories it creates.
    expect(modeOf(join(h.cwd, 'old'))).toBe(0o755);
  });

  it.runIf(existsSync('/proc/self'))(
    'fails fast with a usage error when the store directory cannot be created',
    async () => {
      h = cliHarness(HIBOB_LIKE);
      const proc = await h.run(['sync', 'fake', '--store', '/proc/x/y.sqlite']);
      expect(proc.code).toBe(EXIT.USAGE);
      expect(proc.stderr).toMatch(/cannot open the store \/proc\/x\/y.sqlite: cannot create the directory \/proc\/x/);
      writeFileSync(join(h.cwd, 'plain-file'), 'x');
      const underFile = await h.run(['sync', 'fake', '--store', 'plain-file/y.sqlite']);
      expect(underFile.code).toBe(EXIT.USAGE);
      expect(underFile.stderr).toMatch(/is not a directory/);
    },
  );

  it('names the line and key of a config-file syntax error, never its content', async () => {
    h = cliHarness(HIBOB_LIKE);
    const cases: [string, RegExp][] = [
      ['{\n  "fake": {\n    "token": hunter2secret\n  }\n}\n', /line 3, key "fake.token": a value was expected/],
      ['{\n  "fake": {\n    "token": "hunter2secret\n  }\n}\n', /line 3, key "fake.token": a line break/],
      ['{\n  "fake": { "token": "hunter2secret" "x": 1 }\n}', /line 2, key "fake.token": ',' or '}' was expected/],
      ["{ 'fake': 'hunter2secret' }", /line 1: a key in double quotes was expected/],
      ['{"fake": {"token": "hunter2secret"', /line 1, key "fake.token": ',' or '}' was expected/],
    ];
    for (const [text, where] of cases) {
      writeFileSync(join(h.cwd, 'broken.json'), text);
      const broken = await h.run(['employees', 'fake', '--config', 'broken.json']);
      expect(broken.code).toBe(EXIT.USAGE);
      expect(broken.stderr).toMatch(where);
      expect(broken.stderr).not.toMatch(/hunter|'h'|secret/);
    }
  });

  it.runIf(posix)('warns, without content, when a config file holding credentials is readable by others', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    const path = join(h.cwd, 'hrkit.json');
    writeFileSync(path, JSON.stringify({ fake: { token: 'config-token-456' } }));
    chmodSync(path, 0o644);
    const open = await h.run(['employees', 'fake', '--config', 'hrkit.json'], { FAKE_TOKEN: '' });
    expect(open.code).toBe(EXIT.OK);
    expect(open.stderr).toMatch(/warning: the config file hrkit.json holds credentials and is readable by other users/);
    expect(open.stderr).toMatch(/chmod 600 hrkit.json/);
    expect(open.stderr).not.toContain('config-token-456');
    chmodSync(path, 0o600);
    expect((await h.run(['employees', 'fake', '--config', 'hrkit.json'], { FAKE_TOKEN: '' })).stderr).not.toMatch(
      /warning/,
    );
    writeFileSync(path, JSON.stringify({ store: 'x.sqlite' }));
    chmodSync(path, 0o644);
    expect((await h.run(['employees', 'fake', '--config', 'hrkit.json'])).stderr).not.toMatch(/warning/);
  });
});

describe('CSV export neutralises every OWASP formula-injection prefix', () => {
  it.each([
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['=1+1', "'=1+1"],
    ['+1-1', "'+1-1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['-1+1', "'-1+1"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('%j becomes %j', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it('keeps plain numbers and ordinary text as they are', () => {
    for (const cell of ['-12.5', '-3', '42', 'Smith', 'a=b', 'O-Neil']) expect(csvField(cell)).toBe(cell);
  });
});

describe('hrkit --base-url follows the base URL policy', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it('refuses metadata and private addresses with a usage error unless --allow-private-network', async () => {
    h = cliHarness(HIBOB_LIKE);
    const metadata = await h.run([
      'employees',
      'hibob',
      '--base-url',
      'http://169.254.169.254',
      '--token',
      'tok-12345678',
      '--service-user-id',
      'svc',
    ]);
    expect(metadata.code).toBe(EXIT.USAGE);
    expect(metadata.stderr).toMatch(/baseUrl/);
    expect(metadata.stderr).not.toContain('tok-12345678');
    const privateHost = await h.run([
      'employees',
      'hibob',
      '--base-url',
      'https://10.0.0.9',
      '--token',
      'tok-12345678',
      '--service-user-id',
      'svc',
    ]);
    expect(privateHost.code).toBe(EXIT.USAGE);
    expect(privateHost.stderr).toMatch(/private address/);
  });
});
