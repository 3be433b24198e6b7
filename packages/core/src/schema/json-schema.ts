import { z } from 'zod';
import * as model from '../model/index.js';

/** A JSON Schema node, loosely typed: the renderer only reads the keywords z.toJSONSchema emits. */
export type JsonSchema = { [keyword: string]: unknown };

export interface ModelJsonSchema extends JsonSchema {
  $schema: string;
  title: string;
  description: string;
  /** Names of the top-level records (the entries of `modelSchemas`), in registry order. */
  'x-hrkit-records': string[];
  $defs: Record<string, JsonSchema>;
}

export const DEFS_PREFIX = '#/$defs/';

/**
 * Every exported object and enum schema of the model, by export name. They become named `$defs` (and named
 * sections of docs/model.md) so that a shape used in ten places, like `SourceValue`, is described once.
 * Scanning the exports means a new shared type is picked up without touching this file.
 */
export function namedModelSchemas(): Map<string, z.ZodType> {
  const named = new Map<string, z.ZodType>(Object.entries(model.modelSchemas));
  const seen = new Set<z.ZodType>(named.values());
  for (const [name, value] of Object.entries(model)) {
    if (!(value instanceof z.ZodObject || value instanceof z.ZodEnum) || seen.has(value)) continue;
    named.set(name, value);
    seen.add(value);
  }
  return named;
}

/** The JSON Schema (draft 2020-12) of the whole normalized model: one `$defs` entry per named schema. */
export function buildModelJsonSchema(): ModelJsonSchema {
  const named = namedModelSchemas();
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `${DEFS_PREFIX}${id}`,
    io: 'output',
    unrepresentable: 'any',
  });
  const records = Object.keys(model.modelSchemas);
  // Records first, in registry order; then shared types and enums by name, so the file diffs cleanly.
  const order = [...records, ...[...named.keys()].filter((name) => !records.includes(name)).sort()];
  const defs: Record<string, JsonSchema> = {};
  for (const name of order) {
    const { $schema: _schema, $id: _id, ...body } = (schemas[name] ?? {}) as JsonSchema;
    defs[name] = body;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'hrkit normalized model',
    description: 'Generated from the zod schemas of @hrkit/core by `npm run generate:model-doc`. Do not edit by hand.',
    'x-hrkit-records': records,
    $defs: defs,
  };
}
