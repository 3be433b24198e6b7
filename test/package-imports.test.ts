import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What importing a BUILT entry point pulls in, seen by a resolution hook in a fresh Node process (no vitest, no
 * `@hrkit/source` condition): apps that use the engine with their own store must not load a native SQLite build
 * or the CLI's argument parser, and production adapters must not load the testkit or a test runner.
 */

const root = join(import.meta.dirname, '..');
const hook = pathToFileURL(join(import.meta.dirname, 'fixtures', 'record-resolutions.mjs')).href;
const workdir = mkdtempSync(join(tmpdir(), 'hrkit-imports-'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** Workspace packages resolve to their real directory (npm links them), so map directories back to names. */
const workspaceNames = new Map(
  ['packages', 'examples'].flatMap((parent) =>
    readdirSync(join(root, parent)).map((dir): [string, string] => {
      const manifest = JSON.parse(readFileSync(join(root, parent, dir, 'package.json'), 'utf8')) as { name: string };
      return [`${parent}/${dir}`, manifest.name];
    }),
  ),
);

/** Every package (third-party or workspace) that importing `specifier` resolved a module from. */
function packagesLoadedBy(specifier: string): string[] {
  const out = join(workdir, `${specifier.replaceAll('/', '_')}.txt`);
  const script = [
    "import { register } from 'node:module';",
    `register(${JSON.stringify(hook)}, { data: { out: ${JSON.stringify(out)} } });`,
    `await import(${JSON.stringify(specifier)});`,
  ].join('\n');
  execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, stdio: 'pipe' });
  const names = new Set<string>();
  for (const url of readFileSync(out, 'utf8').split('\n')) {
    const dependency = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    const workspace = /\/((?:packages|examples)\/[^/]+)\//.exec(url)?.[1];
    const name = dependency ?? (workspace ? workspaceNames.get(workspace) : undefined);
    if (name) names.add(name);
  }
  return [...names].sort();
}

const NATIVE_AND_CLI = ['better-sqlite3', 'commander', '@hrkit/cli'];
const TEST_ONLY = ['vitest', '@hrkit/testkit', '@vitest/runner', '@vitest/expect'];

describe('importing a built entry point loads only what it needs', () => {
  it.each([
    ['@hrkit/sync', [...NATIVE_AND_CLI, ...TEST_ONLY, '@hrkit/hibob', '@hrkit/bamboohr']],
    // The SQLite store loads better-sqlite3 when a store is opened, not on import.
    ['@hrkit/sync/sqlite', [...NATIVE_AND_CLI, ...TEST_ONLY]],
    ['@hrkit/core', [...NATIVE_AND_CLI, ...TEST_ONLY, '@hrkit/sync', '@hrkit/sandbox-kit']],
    ['@hrkit/hibob', [...NATIVE_AND_CLI, ...TEST_ONLY, '@hrkit/sandbox-kit']],
    ['@hrkit/hibob/sandbox', [...NATIVE_AND_CLI, ...TEST_ONLY]],
    ['@hrkit/bamboohr', [...NATIVE_AND_CLI, ...TEST_ONLY, '@hrkit/sandbox-kit']],
    ['@hrkit/bamboohr/sandbox', [...NATIVE_AND_CLI, ...TEST_ONLY]],
    ['@hrkit/sandbox-kit', [...NATIVE_AND_CLI, ...TEST_ONLY]],
  ])('%s', (specifier, forbidden) => {
    const loaded = packagesLoadedBy(specifier);
    expect(loaded).toContain(specifier.split('/').slice(0, 2).join('/'));
    expect(loaded.filter((name) => forbidden.includes(name))).toEqual([]);
  });

  it('sees what it is looking for: the CLI entry does load commander', () => {
    expect(packagesLoadedBy('@hrkit/cli')).toContain('commander');
  });
});
