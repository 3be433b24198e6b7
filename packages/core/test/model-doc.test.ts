import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelSchemas } from '../src/index.js';
import { buildModelJsonSchema, MODEL_DOC_PATHS, modelDocFiles, renderModelMarkdown } from '../src/schema/index.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const REGENERATE = 'Regenerate with `npm run generate:model-doc` and commit the result.';

/** Null when `committed` matches `generated`, else a message naming the first differing line. */
function staleness(path: string, committed: string | null, generated: string): string | null {
  if (committed === generated) return null;
  if (committed === null) return `${path} is missing. ${REGENERATE}`;
  const left = committed.split('\n');
  const right = generated.split('\n');
  const line = right.findIndex((text, index) => left[index] !== text);
  const at = line === -1 ? right.length : line;
  return (
    `${path} is out of date with the model (first difference at line ${at + 1}: ` +
    `committed ${JSON.stringify(left[at] ?? '<end of file>')}, generated ${JSON.stringify(right[at] ?? '<end of file>')}). ${REGENERATE}`
  );
}

describe('generated model reference', () => {
  it.each(Object.entries(modelDocFiles()))('%s matches the current model', (path, generated) => {
    const file = join(repositoryRoot, path);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const problem = staleness(path, committed, generated);
    if (problem) expect.fail(problem);
  });

  it('reports a stale file with the line and the command that fixes it', () => {
    const generated = modelDocFiles()[MODEL_DOC_PATHS.markdown]!;
    const edited = generated.replace('| `startDate` | string (date) |', '| `startDate` | string |');
    const problem = staleness(MODEL_DOC_PATHS.markdown, edited, generated);
    expect(problem).toMatch(/docs\/model\.md is out of date .* line \d+: .*startDate.*npm run generate:model-doc/);
    expect(staleness(MODEL_DOC_PATHS.markdown, null, generated)).toContain('is missing');
    expect(staleness(MODEL_DOC_PATHS.markdown, generated, generated)).toBeNull();
  });

  it('has one JSON Schema definition and one Markdown section per record', () => {
    const schema = buildModelJsonSchema();
    const markdown = renderModelMarkdown(schema);
    expect(schema['x-hrkit-records']).toEqual(Object.keys(modelSchemas));
    for (const name of Object.keys(modelSchemas)) {
      expect(schema.$defs[name]?.type).toBe('object');
      expect(markdown).toContain(`\n### ${name}\n`);
    }
  });

  it('describes fields with type, required, nullable, enum values and description', () => {
    const markdown = renderModelMarkdown(buildModelJsonSchema());
    expect(markdown).toContain('| `startDate` | string (date) | yes | yes |  | Start of the current employment |');
    expect(markdown).toContain(
      '| `employmentHistory` | array of [EmploymentHistoryEntry](#employmenthistoryentry) | no | no |',
    );
    expect(markdown).toMatch(
      /\| `status\.value` \| enum \[TimeOffStatusValue\]\(#timeoffstatusvalue\) \| yes \| no \| `requested`, `approved`/,
    );
    expect(markdown).toContain('\n### WorkerKind\n\n`employee`, `contractor`, `eor_worker`');
  });

  it('keeps strictness and shared types in the JSON Schema', () => {
    const { $defs } = buildModelJsonSchema();
    expect($defs.Employee?.additionalProperties).toBe(false);
    const properties = $defs.Employee?.properties as Record<string, { anyOf?: unknown[] }> | undefined;
    const manager = properties?.manager;
    expect(manager?.anyOf).toEqual([{ $ref: '#/$defs/EmployeeRef' }, { type: 'null' }]);
    expect($defs.EmploymentStatusValue?.enum).toContain('on_leave');
  });
});
