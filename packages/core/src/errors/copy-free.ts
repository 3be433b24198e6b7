import { z } from 'zod';

type Def = { type: string; coerce?: boolean; checks?: readonly { _zod: { def: { check?: string } } }[] } & Record<
  string,
  unknown
>;

const verdicts = new WeakMap<object, boolean>();

/**
 * True when a successful parse of `schema` returns a value deep-equal to its input: no transforms, pipes, defaults,
 * catches, overwriting checks (`.trim()`…), coercion, readonly freezing, intersections, or objects that strip unknown keys
 * (every object is strict or loose). For such a schema, checking is enough: the input is the output (docs/performance.md
 * › Mapping and listing). Anything not known to be copy-free is not.
 */
export function isCopyFree(schema: z.ZodType): boolean {
  const known = verdicts.get(schema);
  if (known !== undefined) return known;
  // A schema being walked (a lazy cycle) counts as copy-free until the walk finishes: the cycle adds no new kind.
  verdicts.set(schema, true);
  const verdict = walk(schema);
  verdicts.set(schema, verdict);
  return verdict;
}

function walk(schema: z.ZodType): boolean {
  const def = schema._zod.def as unknown as Def;
  if (def.checks?.some((check) => check._zod.def.check === 'overwrite')) return false;
  // `z.coerce.*` turns the input into another value (a string into a number).
  if (def.coerce === true) return false;
  const child = (value: unknown) => isCopyFree(value as z.ZodType);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'bigint':
    case 'null':
    case 'undefined':
    case 'unknown':
    case 'any':
    case 'never':
    case 'literal':
    case 'enum':
    case 'template_literal':
    case 'custom':
      return true;
    case 'optional':
    case 'nullable':
    case 'nonoptional':
      return child(def.innerType);
    case 'array':
      return child(def.element);
    case 'record':
      return child(def.keyType) && child(def.valueType);
    case 'union':
      return (def.options as z.ZodType[]).every(child);
    case 'tuple':
      return (
        (def.items as z.ZodType[]).every(child) && (def.rest === null || def.rest === undefined || child(def.rest))
      );
    case 'lazy':
      return child((def.getter as () => z.ZodType)());
    case 'object':
      // No catchall means "strip unknown keys": the output would lose what the input has.
      return def.catchall !== undefined && child(def.catchall) && Object.values(def.shape as object).every(child);
    default:
      return false;
  }
}

/** Copy-free schemas compiled once per process (zod 4.6 `z.compile`), after a few uses so one-off schemas are not. */
const compiled = new WeakMap<object, z.ZodType | number>();
const COMPILE_AFTER_USES = 2;

/**
 * The compiled schema whose `validate()` may stand in for a parse of `schema`, or null (not copy-free, or not used
 * often enough yet to be worth compiling).
 */
export function checkerFor(schema: z.ZodType): z.ZodType | null {
  const entry = compiled.get(schema);
  if (typeof entry === 'object') return entry;
  const uses = (entry ?? 0) + 1;
  if (uses < COMPILE_AFTER_USES || !isCopyFree(schema)) {
    compiled.set(schema, uses);
    return null;
  }
  const checker = z.compile(schema);
  compiled.set(schema, checker);
  return checker;
}
