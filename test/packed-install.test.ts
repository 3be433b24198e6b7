import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packWorkspaces } from '../scripts/pack-workspaces.mjs';

/**
 * What a user gets from the registry, not the workspace: every published package is `npm pack`ed, the tarballs are
 * installed into an empty project outside the repository, and a consumer script runs there (HiBob sandbox, connect,
 * list employees, sync into SQLite) with Node's own resolution: no workspace links, no `@hrkit/source` condition.
 * Third-party dependencies come from the registry, preferring npm's cache.
 */

const workdir = mkdtempSync(join(tmpdir(), 'hrkit-packed-'));
const app = join(workdir, 'app');
let packed: ReturnType<typeof packWorkspaces>;

/**
 * better-sqlite3 compiles its native module at install time (no prebuilt download here), which takes minutes.
 * The workspace already holds that build for the same version and the same Node, so the app gets a copy of it;
 * everything else about the install is what a user's `npm install` does.
 */
function reuseSqliteBuild(): void {
  const workspaceSqlite = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const binary = join('build', 'Release', 'better_sqlite3.node');
  mkdirSync(join(app, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(join(workspaceSqlite, binary), join(app, 'node_modules/better-sqlite3', binary));
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const tarballs = join(workdir, 'tarballs');
  mkdirSync(tarballs);
  packed = packWorkspaces(tarballs);
  mkdirSync(app);
  const sqliteVersion = (
    JSON.parse(readFileSync(join(import.meta.dirname, '../packages/cli/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies['better-sqlite3'];
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'hrkit-consumer', private: true, type: 'module' }, null, 2),
  );
  npm(
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      ...packed.map((entry) => entry.tarball),
      `better-sqlite3@${sqliteVersion}`,
    ],
    app,
  );
  reuseSqliteBuild();
  copyFileSync(join(import.meta.dirname, 'fixtures/consumer-app.mjs'), join(app, 'consumer-app.mjs'));
}, 180_000);

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe('the packed packages, installed into an empty project', () => {
  it('packs every published package', () => {
    expect(packed.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['@hrkit/core', '@hrkit/sync', '@hrkit/sandbox-kit', '@hrkit/hibob', '@hrkit/cli']),
    );
  });

  it('installs from the tarballs, not from the workspace, and without a test runner', () => {
    for (const { name } of packed) {
      const installed = join(app, 'node_modules', name);
      expect(existsSync(join(installed, 'package.json')), name).toBe(true);
      expect(existsSync(join(installed, 'dist')), `${name} ships dist`).toBe(true);
    }
    expect(existsSync(join(app, 'node_modules/vitest'))).toBe(false);
  });

  it('runs a consumer script: HiBob sandbox, list employees, sync into SQLite', () => {
    const output = execFileSync(process.execPath, ['consumer-app.mjs'], { cwd: app, encoding: 'utf8' });
    const seen = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
      expected: string[];
      listed: string[];
      created: number;
      eventsOnResync: number;
      stored: string[];
    };
    expect(seen.expected.length).toBeGreaterThan(0);
    expect(seen.listed).toEqual(seen.expected);
    expect(seen.stored).toEqual(seen.expected);
    expect(seen.created).toBe(seen.expected.length);
    expect(seen.eventsOnResync).toBe(0);
  });

  it('runs the installed hrkit command', () => {
    const help = execFileSync(join(app, 'node_modules/.bin/hrkit'), ['--help'], { cwd: app, encoding: 'utf8' });
    expect(help).toMatch(/sync/);
  });
});
