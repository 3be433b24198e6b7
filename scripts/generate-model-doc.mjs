#!/usr/bin/env node
// Regenerates docs/model.md and docs/model.schema.json from the zod model in packages/core/src/model.
// It builds @hrkit/core first, so the output always reflects the current source: one command, no stale dist.
//   npm run generate:model-doc            write the files
//   npm run generate:model-doc -- --check exit 1 if they are out of date (what the core test also asserts)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-b', 'packages/core'], { cwd: root, stdio: 'inherit' });

const { modelDocFiles } = await import(pathToFileURL(join(root, 'packages/core/dist/schema/index.js')).href);
let stale = 0;
for (const [path, content] of Object.entries(modelDocFiles())) {
  const target = join(root, path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === content) {
    console.log(`${path}: up to date`);
    continue;
  }
  stale++;
  if (check) {
    console.error(`${path}: out of date — run \`npm run generate:model-doc\``);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`${path}: written`);
}
if (check && stale > 0) process.exit(1);
