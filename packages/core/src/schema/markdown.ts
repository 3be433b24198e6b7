import { DEFS_PREFIX, type JsonSchema, type ModelJsonSchema } from './json-schema.js';

/** One row of a record's field table. */
interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  nullable: boolean;
  values: string;
  description: string;
}

/** A node with `null` split off: `anyOf [X, null]` and `type: [X, "null"]` both become X + nullable. */
function splitNullable(node: JsonSchema): { node: JsonSchema; nullable: boolean } {
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const rest = anyOf.filter((option) => option.type !== 'null');
    if (rest.length < anyOf.length && rest.length === 1) {
      const { anyOf: _anyOf, ...outer } = node;
      return { node: { ...outer, ...rest[0] }, nullable: true };
    }
  }
  if (Array.isArray(node.type) && node.type.includes('null')) {
    const types = node.type.filter((type) => type !== 'null');
    return { node: { ...node, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { node, nullable: false };
}

function refName(node: JsonSchema): string | null {
  return typeof node.$ref === 'string' && node.$ref.startsWith(DEFS_PREFIX)
    ? node.$ref.slice(DEFS_PREFIX.length)
    : null;
}

function anchor(name: string): string {
  return `[${name}](#${name.toLowerCase()})`;
}

function code(values: readonly unknown[]): string {
  return values.map((value) => `\`${String(value)}\``).join(', ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The type column: a named type links to its section; formats and short patterns are shown, long regexes not. */
function typeOf(node: JsonSchema, defs: ModelJsonSchema['$defs']): string {
  const ref = refName(node);
  if (ref) return defs[ref]?.enum ? `enum ${anchor(ref)}` : anchor(ref);
  if (Array.isArray(node.enum)) return 'enum';
  if (node.anyOf) return (node.anyOf as JsonSchema[]).map((option) => typeOf(option, defs)).join(' or ');
  if (Array.isArray(node.type)) return node.type.join(' or ');
  if (node.type === 'array') return `array of ${typeOf(splitNullable((node.items ?? {}) as JsonSchema).node, defs)}`;
  if (node.type === 'object' && !node.properties && node.additionalProperties !== undefined) {
    const value = node.additionalProperties === true ? {} : (node.additionalProperties as JsonSchema);
    return `record of ${typeOf(value, defs)}`;
  }
  if (node.type === 'string' && typeof node.format === 'string') return `string (${node.format})`;
  if (node.type === 'string' && typeof node.pattern === 'string' && node.pattern.length <= 40)
    return `string matching \`${node.pattern}\``;
  if (typeof node.type === 'string') return node.type;
  return 'any';
}

function valuesOf(node: JsonSchema, defs: ModelJsonSchema['$defs']): string {
  const ref = refName(node);
  const enumValues = ref ? defs[ref]?.enum : node.enum;
  return Array.isArray(enumValues) ? code(enumValues) : '';
}

/** Walk an object schema into rows; inline objects, arrays and records are expanded, named types are linked. */
function collectRows(
  object: JsonSchema,
  prefix: string,
  defs: ModelJsonSchema['$defs'],
  rows: FieldRow[] = [],
): FieldRow[] {
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  for (const [key, raw] of Object.entries(properties)) {
    const { node, nullable } = splitNullable(raw);
    const path = `${prefix}${key}`;
    rows.push({
      path,
      type: typeOf(node, defs),
      required: required.has(key),
      nullable,
      values: valuesOf(node, defs),
      description: typeof raw.description === 'string' ? raw.description : '',
    });
    expandChildren(node, path, defs, rows);
  }
  return rows;
}

function expandChildren(node: JsonSchema, path: string, defs: ModelJsonSchema['$defs'], rows: FieldRow[]): void {
  if (refName(node)) return;
  if (node.type === 'object' && node.properties) collectRows(node, `${path}.`, defs, rows);
  else if (node.type === 'array' && node.items) {
    const items = splitNullable(node.items as JsonSchema).node;
    if (items.type === 'object' && items.properties) collectRows(items, `${path}[].`, defs, rows);
  } else if (node.type === 'object' && typeof node.additionalProperties === 'object') {
    const value = splitNullable(node.additionalProperties as JsonSchema).node;
    if (value.type === 'object' && value.properties) collectRows(value, `${path}.<key>.`, defs, rows);
  }
}

function fieldTable(rows: readonly FieldRow[]): string[] {
  const lines = [
    '| field | type | required | nullable | values | description |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows)
    lines.push(
      `| \`${row.path}\` | ${escapeCell(row.type)} | ${row.required ? 'yes' : 'no'} | ${row.nullable ? 'yes' : 'no'} | ${escapeCell(row.values)} | ${escapeCell(row.description)} |`,
    );
  return lines;
}

function objectSection(name: string, schema: JsonSchema, defs: ModelJsonSchema['$defs']): string[] {
  const lines = [`### ${name}`, ''];
  if (typeof schema.description === 'string') lines.push(schema.description, '');
  const strict = schema.additionalProperties === false ? 'Strict: unknown keys are rejected.' : '';
  if (schema.type === 'object' && schema.properties) {
    if (strict) lines.push(strict, '');
    lines.push(...fieldTable(collectRows(schema, '', defs)));
  } else lines.push(`Type: ${typeOf(schema, defs)}`);
  lines.push('');
  return lines;
}

/** docs/model.md: one section per record with its field table, then the shared types, then every enum. */
export function renderModelMarkdown(schema: ModelJsonSchema): string {
  const defs = schema.$defs;
  const records = schema['x-hrkit-records'];
  const shared = Object.keys(defs).filter((name) => !records.includes(name) && !defs[name]?.enum);
  const enums = Object.keys(defs).filter((name) => !records.includes(name) && defs[name]?.enum);
  const lines = [
    '# hrkit normalized model',
    '',
    '<!-- Generated from packages/core/src/model by `npm run generate:model-doc`. Do not edit by hand. -->',
    '',
    'Every record an adapter emits is validated against these schemas (strict: unknown keys are rejected) before it',
    'reaches the consumer. Ids are strings; hrkit ids are `<provider>:<remote id>`. Every normalized enum value comes',
    'with `source`, the provider field and value it was derived from. `raw` is present only with `includeRaw`.',
    'The machine-readable form is [model.schema.json](model.schema.json) (JSON Schema 2020-12).',
    'How the model compares with Merge, Kombo and Finch, and how bank and identifier values are masked and unmasked:',
    '[model-comparison.md](model-comparison.md).',
    '',
    'Columns: **required** — the key must be present; **nullable** — its value may be `null`.',
    'Paths: `a.b` nested object, `a[].b` item of a list, `a.<key>.b` value of a map.',
    '',
    '## Contents',
    '',
    `- Records: ${records.map(anchor).join(', ')}`,
    `- Shared types: ${shared.map(anchor).join(', ')}`,
    `- Enums: ${enums.map(anchor).join(', ')}`,
    '',
    '## Records',
    '',
  ];
  for (const name of records) lines.push(...objectSection(name, defs[name] ?? {}, defs));
  lines.push('## Shared types', '');
  for (const name of shared) lines.push(...objectSection(name, defs[name] ?? {}, defs));
  lines.push('## Enums', '');
  for (const name of enums) {
    const node = defs[name] ?? {};
    lines.push(`### ${name}`, '');
    if (typeof node.description === 'string') lines.push(node.description, '');
    lines.push(code(node.enum as unknown[]), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
