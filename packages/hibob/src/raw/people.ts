import { z } from 'zod';

/**
 * An employee as `/people/search` or `/people/{id}` returns it. Deliberately untyped beyond "an object with an
 * id somewhere": which keys exist depends on the fields requested and on permissions (silent omission), and
 * each value comes twice (slash keys and nested). `mapping/read-field.ts` reads both forms.
 */
export const RawEmployee = z.record(z.string(), z.unknown());
export type RawEmployee = z.output<typeof RawEmployee>;

export const RawSearchResponse = z.looseObject({ employees: z.array(RawEmployee) });

/** `POST /people/{id}` answers the bare employee; the published OpenAPI file wraps it in `employees`. */
export const RawReadResponse = z
  .union([z.looseObject({ employees: z.array(RawEmployee).min(1) }), RawEmployee])
  .transform((value) => (Array.isArray(value.employees) ? (value.employees[0] as RawEmployee) : value));
