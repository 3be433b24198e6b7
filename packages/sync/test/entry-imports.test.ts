import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every module specifier reachable from `entry` through relative imports, with the file that imports it. */
function reachableImports(entry: string): { from: string; specifier: string }[] {
  const seen = new Set<string>();
  const found: { from: string; specifier: string }[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g)) {
      const specifier = match[1] ?? match[2] ?? '';
      found.push({ from: file.slice(SRC.length + 1), specifier });
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(join(SRC, entry));
  return found;
}

describe('@hrkit/sync entry points', () => {
  it('the main entry and ./sqlite never load vitest (an optional peer, for ./testing only)', () => {
    for (const entry of ['index.ts', 'sqlite/index.ts'])
      expect(
        reachableImports(entry).filter((i) => i.specifier === 'vitest' || i.specifier.startsWith('vitest/')),
      ).toEqual([]);
    // The check sees imports at all: ./testing does load vitest.
    expect(reachableImports('testing/index.ts').some((i) => i.specifier === 'vitest')).toBe(true);
  });
});
