// Packs every published workspace package (what `npm publish` would upload) into a folder, with one `npm pack` call.
// Shared by `npm run lint:packages` (publint, attw) and the install-from-tarballs test in test/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Every workspace package that is not private: `{ name, dir }`, in the root package.json's order. */
export function publishedWorkspaces(root = repoRoot) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern],
  );
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir }));
}

/**
 * `npm pack`s the published workspaces into `destination` and returns `{ name, dir, tarball }` for each. Packs the
 * built `dist` as it is: run `tsc -b` first (`npm test` and `npm run lint:packages` do).
 */
export function packWorkspaces(destination, root = repoRoot) {
  const packages = publishedWorkspaces(root);
  const output = execFileSync(
    'npm',
    ['pack', '--json', '--pack-destination', destination, ...packages.map(({ name }) => `--workspace=${name}`)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const packed = new Map(JSON.parse(output).map((entry) => [entry.name, join(destination, entry.filename)]));
  return packages.map((entry) => {
    const tarball = packed.get(entry.name);
    if (!tarball) throw new Error(`npm pack did not pack ${entry.name}`);
    return { ...entry, tarball };
  });
}
