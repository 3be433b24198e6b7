import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidProviderDataError, isCopyFree, modelSchemas, parseProviderData } from '../src/index.js';
import {
  sampleAbsence,
  sampleBalance,
  sampleChangeEvent,
  sampleEmployee,
  samplePolicy,
  sampleTimeOffRequest,
} from './model-fixtures.js';

// parseProviderData checks copy-free schemas in place with zod's compiled validate() and returns the input
// (docs/performance.md › Mapping and listing). These tests hold the two claims that makes safe: the walk calls nothing
// copy-free that would change a value, and the compiled check accepts exactly what the full parse accepts.

const context = { provider: 'test', what: 'record' };

describe('isCopyFree', () => {
  it('holds for every top-level model record (the Connection checks them in place)', () => {
    for (const [name, schema] of Object.entries(modelSchemas)) expect(isCopyFree(schema), name).toBe(true);
  });

  it('refuses what a parse would change: transforms, defaults, catches, trims, stripping objects, readonly', () => {
    const refused: z.ZodType[] = [
      z.string().transform((value) => value.length),
      z.strictObject({ a: z.string().default('x') }),
      z.strictObject({ a: z.string().catch('x') }),
      z.string().trim(),
      z.string().toLowerCase(),
      z.object({ a: z.string() }),
      z.strictObject({ a: z.array(z.object({ b: z.number() })) }),
      z.strictObject({ a: z.string() }).readonly(),
      z.string().pipe(z.string()),
      z.intersection(z.strictObject({ a: z.string() }), z.strictObject({ b: z.string() })),
      z.coerce.number(),
    ];
    for (const schema of refused) expect(isCopyFree(schema), schema._zod.def.type).toBe(false);
  });

  it('accepts strict and loose objects, records, unions, arrays and lazy cycles', () => {
    type Tree = { name: string; children: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.strictObject({ name: z.string(), children: z.array(tree) }));
    const accepted: z.ZodType[] = [
      z.strictObject({ a: z.string().nullable(), b: z.number().optional() }),
      z.looseObject({ employees: z.array(z.record(z.string(), z.unknown())) }),
      z.union([z.literal('a'), z.strictObject({ kind: z.enum(['x', 'y']) })]),
      tree,
    ];
    for (const schema of accepted) expect(isCopyFree(schema), schema._zod.def.type).toBe(true);
  });
});

describe('parseProviderData on a schema that changes values', () => {
  it('still returns the parse output (coerced, trimmed), never the input, however often it is used', () => {
    const coerced = z.looseObject({ count: z.coerce.number() });
    const trimmed = z.looseObject({ name: z.string().trim() });
    for (let use = 0; use < 4; use++) {
      expect(parseProviderData(coerced, { count: '5' }, context)).toEqual({ count: 5 });
      expect(parseProviderData(trimmed, { name: ' Ada ' }, context)).toEqual({ name: 'Ada' });
    }
  });
});

describe('parseProviderData on a copy-free schema', () => {
  const samples: [string, () => unknown][] = [
    ['Employee', sampleEmployee],
    ['TimeOffRequest', sampleTimeOffRequest],
    ['TimeOffBalance', sampleBalance],
    ['TimeOffPolicy', samplePolicy],
    ['Absence', sampleAbsence],
    ['ChangeEvent', sampleChangeEvent],
  ];

  it('returns the input itself once the schema is compiled, and what the full parse returns', () => {
    for (const [name, sample] of samples) {
      const schema = modelSchemas[name]!;
      for (let use = 0; use < 3; use++) {
        const record = sample();
        const result = parseProviderData(schema, record, context);
        expect(result, name).toStrictEqual(schema.parse(record));
        if (use > 1) expect(result, name).toBe(record);
      }
    }
  });

  it('accepts and refuses exactly what the full parse does, with the same typed error', () => {
    const next = seeded(17);
    const odd: unknown[] = [undefined, null, '', 'x', 42, -1.5, true, [], {}, ['a'], { unexpected: 1 }, '2024-13-45'];
    let refused = 0;
    for (const [name, sample] of samples) {
      const schema = modelSchemas[name]!;
      parseProviderData(schema, sample(), context); // compiled from here on
      parseProviderData(schema, sample(), context);
      for (let round = 0; round < 300; round++) {
        // A deep copy: the fixtures share objects (EmployeeRefs), and damage must not leak into the next sample.
        const record = structuredClone(sample()) as Record<string, unknown>;
        damage(record, next, odd);
        const full = schema.safeParse(record);
        if (full.success) {
          expect(parseProviderData(schema, record, context), name).toStrictEqual(full.data);
          continue;
        }
        refused++;
        let thrown: unknown;
        try {
          parseProviderData(schema, record, context);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${name}: ${JSON.stringify(record).slice(0, 200)}`).toBeInstanceOf(InvalidProviderDataError);
        expect((thrown as InvalidProviderDataError).path).toBe(pathOf(full.error.issues[0]!));
      }
    }
    expect(refused).toBeGreaterThan(500);
  });
});

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

/** Replace, remove or add one value somewhere in the record (nested objects included). */
function damage(record: Record<string, unknown>, next: () => number, odd: unknown[]): void {
  let target: Record<string, unknown> = record;
  for (let depth = 0; depth < 3; depth++) {
    const nested = Object.keys(target).filter((key) => {
      const value = target[key];
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    });
    if (nested.length === 0 || next() < 0.4) break;
    target = target[nested[Math.floor(next() * nested.length)]!] as Record<string, unknown>;
  }
  const keys = Object.keys(target);
  const roll = next();
  if (roll < 0.15) target[`extra${Math.floor(next() * 10)}`] = 'x';
  else if (roll < 0.3 && keys.length > 0) delete target[keys[Math.floor(next() * keys.length)]!];
  else if (keys.length > 0) target[keys[Math.floor(next() * keys.length)]!] = odd[Math.floor(next() * odd.length)];
}

function pathOf(issue: z.core.$ZodIssue): string {
  const path =
    issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path;
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}
