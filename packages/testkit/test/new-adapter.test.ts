import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run new-adapter -- <name>` must produce a package that type-checks, lints clean and passes the conformance
// suite as generated. It is generated into a scratch folder inside the repository (so `@hrkit/*` resolve through
// the root node_modules), outside every workspace and vitest glob, and removed afterwards.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = join(root, `.tmp-new-adapter-${randomBytes(4).toString('hex')}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[]) {
  // A child vitest must not think it is a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
const node = (script: string, ...args: string[]) => run(process.execPath, [join(root, script), ...args]);

interface Scaffolder {
  namesFor(name: string, display?: string, scope?: string): Record<string, string>;
  main(argv: string[]): number;
}
const scaffolder = async () => (await import(pathToFileURL(join(root, 'scripts/new-adapter.mjs')).href)) as Scaffolder;

describe('scripts/new-adapter.mjs', () => {
  it('derives every name form from the kebab-case name', async () => {
    const { namesFor } = await scaffolder();
    expect(namesFor('sage-hr', undefined, '@acme-corp')).toEqual({
      key: 'sage-hr',
      pascal: 'SageHr',
      camel: 'sageHr',
      upper: 'SAGE_HR',
      display: 'Sage Hr',
      packageName: '@acme-corp/sage-hr',
    });
  });

  it('refuses bad names and non-empty targets, naming the problem', () => {
    expect(node('scripts/new-adapter.mjs', 'Personio')).toMatchObject({
      status: 1,
      output: expect.stringMatching(/lower-case/),
    });
    expect(node('scripts/new-adapter.mjs', 'acme')).toMatchObject({ status: 1 });
    const occupied = join(scratch, 'occupied');
    mkdirSync(occupied, { recursive: true });
    writeFileSync(join(occupied, 'keep.txt'), 'mine');
    const result = node('scripts/new-adapter.mjs', 'personio', '--dir', occupied, '--no-register');
    expect(result).toMatchObject({ status: 1, output: expect.stringMatching(/not empty/) });
    expect(readFileSync(join(occupied, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('generates a package that type-checks, lints clean and passes the conformance suite', () => {
    const target = join(scratch, 'sage-hr');
    const generated = node(
      'scripts/new-adapter.mjs',
      'sage-hr',
      '--dir',
      target,
      '--no-register',
      '--display-name',
      'Sage HR',
    );
    expect(generated.status, generated.output).toBe(0);
    for (const file of [
      'package.json',
      'src/connector.ts',
      'src/sandbox/server.ts',
      'test/conformance.test.ts',
      'README.md',
    ])
      expect(existsSync(join(target, file)), file).toBe(true);
    const packageJson = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
    expect(packageJson.name).toBe('@hrkit/sage-hr');
    expect(packageJson.private).toBeUndefined();
    const sources = ['src/module.ts', 'src/config.ts', 'test/conformance.test.ts'].map((file) =>
      readFileSync(join(target, file), 'utf8'),
    );
    expect(sources.join('\n')).not.toMatch(/acme|#region/i);
    expect(sources.join('\n')).toContain('export const sageHr = defineProvider');
    // The example's facts arrive as TODO markers, not as claims about the new provider.
    const everything = ['src/sandbox/server.ts', 'src/config.ts', 'src/check.ts', 'src/raw/employee.ts']
      .map((file) => readFileSync(join(target, file), 'utf8'))
      .join('\n');
    expect(everything).not.toMatch(/600 requests per minute|Settings › API keys|An Sage/);
    expect(everything).toContain('TODO(sage-hr)');
    expect(readFileSync(join(target, 'src/raw/employee.ts'), 'utf8')).toMatch(
      /^\/\/ TODO\(sage-hr\): Sage HR's payload/,
    );

    const typecheck = node('node_modules/typescript/bin/tsc', '-p', join(target, 'test'));
    expect(typecheck.status, typecheck.output).toBe(0);
    const lint = run(join(root, 'node_modules/.bin/biome'), ['check', target]);
    expect(lint.status, lint.output).toBe(0);
    const tests = node('node_modules/vitest/vitest.mjs', 'run', '--root', target, '--reporter=verbose');
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(/conformance: sage-hr/);
    expect(tests.output).toMatch(/Tests\s+2\d passed/);
  }, 120_000);

  it('registers a package outside existing workspace globs, keeping the formatting of the root files', () => {
    // A copy of the repository's skeleton, so the real root package.json and tsconfig.json stay untouched.
    const fake = mkdtempSync(join(tmpdir(), 'hrkit-new-adapter-'));
    try {
      for (const path of [
        'scripts/new-adapter.mjs',
        'examples/acme-hr/src',
        'examples/acme-hr/test',
        'package.json',
        'tsconfig.json',
      ])
        cpSync(join(root, path), join(fake, path), { recursive: true });
      // A provider the repository does not ship yet (personio now has its package).
      for (const args of [['workday'], ['bob-two', '--dir', join(fake, 'examples/bob-two')]])
        expect(run(process.execPath, [join(fake, 'scripts/new-adapter.mjs'), ...args]).status).toBe(0);
      const before = {
        pkg: readFileSync(join(root, 'package.json'), 'utf8'),
        ts: readFileSync(join(root, 'tsconfig.json'), 'utf8'),
      };
      const pkg = readFileSync(join(fake, 'package.json'), 'utf8');
      const ts = readFileSync(join(fake, 'tsconfig.json'), 'utf8');
      expect(JSON.parse(pkg).workspaces).toEqual([...JSON.parse(before.pkg).workspaces, 'packages/workday']);
      expect(JSON.parse(ts).references).toEqual([
        ...JSON.parse(before.ts).references,
        { path: 'packages/workday' },
        { path: 'examples/bob-two' },
      ]);
      // Only the added lines differ.
      // A one-line workspaces array stays one line; a multi-line one gains one line.
      const multiline = /"workspaces"\s*:\s*\[\s*\n/.test(before.pkg);
      expect(pkg.split('\n').length).toBe(before.pkg.split('\n').length + (multiline ? 1 : 0));
      expect(ts.split('\n').length).toBe(before.ts.split('\n').length + 2);
      expect(existsSync(join(fake, 'packages/workday/src/connector.ts'))).toBe(true);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
