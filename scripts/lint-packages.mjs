#!/usr/bin/env node
// Lints what a user gets from the registry: every published package is packed once and its tarball checked by
// publint (package.json fields against the packed files) and by Are The Types Wrong (the types resolve, as ESM,
// under TypeScript's node16 and bundler resolution). The packages are ESM only, so attw's "esm-only" profile
// ignores the node10 and CommonJS-require resolutions, as `attw --profile esm-only` does.
//
//   npm run lint:packages        (after `tsc -b`; `npm test` runs it)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packWorkspaces } from './pack-workspaces.mjs';

const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

/** publint's warnings and errors (suggestions are advice), as text lines. */
async function publintFindings(tarball) {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: 'warning',
    strict: true,
  });
  return messages.map((message) => `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
}

/** attw's problems outside the ignored resolutions, as text lines; a package without types is a problem too. */
async function attwFindings(tarball) {
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
  if (!analysis.types) return ['attw: the package ships no types'];
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem) || !IGNORED_RESOLUTIONS.has(problem.resolutionKind))
    .map((problem) => `attw ${problem.kind}: ${JSON.stringify(problem)}`);
}

export async function lintPackages() {
  const destination = mkdtempSync(join(tmpdir(), 'hrkit-lint-packages-'));
  try {
    const findings = [];
    for (const { name, tarball } of packWorkspaces(destination)) {
      const found = [...(await publintFindings(tarball)), ...(await attwFindings(tarball))];
      console.log(`${found.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
      for (const line of found) console.log(`     ${line}`);
      findings.push(...found);
    }
    return findings.length === 0 ? 0 : 1;
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}

process.exitCode = await lintPackages();
