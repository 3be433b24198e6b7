import { readFileSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BlockSource, extractRegions, parseGuide, renderGuide } from './guide/regions.js';

// docs/writing-an-adapter.md may only show code that compiles and passes here: each TypeScript block is a copy
// of a `// #region` of this example. Drift fails this test; `UPDATE_GUIDE=1 npx vitest run --project
// @hrkit/example-acme-hr test/guide.test.ts` rewrites the guide from the code.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const guidePath = join(root, 'docs/writing-an-adapter.md');
const example = join(root, 'examples/acme-hr');

function expectedFor(source: BlockSource): string {
  const text = readFileSync(join(root, source.file), 'utf8');
  if (source.kind === 'json') {
    const json = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(source.keys.map((key) => [key, json[key]])), null, 2);
  }
  const region = extractRegions(text, source.file).get(source.region);
  if (region === undefined) throw new Error(`${source.file} has no region "${source.region}"`);
  return region;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'guide' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/writing-an-adapter.md', () => {
  if (process.env.UPDATE_GUIDE) writeFileSync(guidePath, renderGuide(readFileSync(guidePath, 'utf8'), expectedFor));
  const blocks = parseGuide(readFileSync(guidePath, 'utf8'));

  it('shows only TypeScript and JSON that come from the compiled example', () => {
    const unsourced = blocks
      .filter((block) => ['ts', 'typescript', 'json'].includes(block.lang) && !block.source)
      .map((block) => `line ${block.line}`);
    expect(unsourced, 'code blocks without a <!-- source: … --> marker').toEqual([]);
    expect(blocks.filter((block) => block.source).length).toBeGreaterThan(10);
  });

  it.each(blocks.filter((block) => block.source).map((block) => [block.line, block] as const))(
    'the block at line %i equals its source',
    (_line, block) => {
      expect(block.content).toBe(expectedFor(block.source!));
    },
  );

  it('shows every region of the example (none written for the guide and then forgotten)', () => {
    const shown = new Set(
      blocks.flatMap((block) =>
        block.source?.kind === 'region' ? [`${block.source.file}#${block.source.region}`] : [],
      ),
    );
    const regions = [join(example, 'src'), join(example, 'test')].flatMap(sourceFiles).flatMap((file) => {
      const name = relative(root, file);
      return [...extractRegions(readFileSync(file, 'utf8'), name).keys()].map((region) => `${name}#${region}`);
    });
    expect(regions.length).toBeGreaterThan(10);
    expect(regions.filter((region) => !shown.has(region))).toEqual([]);
  });
});

describe('region extraction', () => {
  it('dedents, drops nested markers and rejects unbalanced ones', () => {
    const source = [
      'x',
      '  // #region a',
      '  const a = 1;',
      '  // #region b',
      '    b();',
      '  // #endregion b',
      '  // #endregion a',
    ];
    const regions = extractRegions(source.join('\n'), 'f.ts');
    expect(regions.get('a')).toBe('const a = 1;\n  b();');
    expect(regions.get('b')).toBe('b();');
    expect(() => extractRegions('// #region a\n', 'f.ts')).toThrow(/never closed/);
    expect(() => extractRegions('// #region a\n// #endregion b\n', 'f.ts')).toThrow(/closes "a"/);
  });

  it('renders sourced blocks and leaves the others alone', () => {
    const guide = ['<!-- source: f.ts#a -->', '```ts', 'old', '```', '```sh', 'npm test', '```'].join('\n');
    const rendered = renderGuide(guide, () => 'new();\nmore();');
    expect(parseGuide(rendered).map((block) => block.content)).toEqual(['new();\nmore();', 'npm test']);
  });
});
