import { buildModelJsonSchema } from './json-schema.js';
import { renderModelMarkdown } from './markdown.js';

export * from './json-schema.js';
export * from './markdown.js';

/** Where the generated model reference lives, relative to the repository root. */
export const MODEL_DOC_PATHS = { markdown: 'docs/model.md', jsonSchema: 'docs/model.schema.json' } as const;

/** The generated files, by path relative to the repository root: what the script writes and the test compares. */
export function modelDocFiles(): Record<string, string> {
  const schema = buildModelJsonSchema();
  return {
    [MODEL_DOC_PATHS.jsonSchema]: `${JSON.stringify(schema, null, 2)}\n`,
    [MODEL_DOC_PATHS.markdown]: renderModelMarkdown(schema),
  };
}
