import type { z } from 'zod';
import { checkerFor } from './copy-free.js';
import { ConfigurationError, InvalidProviderDataError } from './errors.js';

/** Dotted path of a zod issue: `employees[3].work.startDate`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/**
 * The path an issue is about. An unknown key is reported by zod on the object that holds it; the useful path
 * names the key itself (`name.nickname`, not `name`).
 */
function pathOf(issue: z.core.$ZodIssue): readonly PropertyKey[] {
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) return [...issue.path, issue.keys[0]!];
  return issue.path;
}

function describeIssues(error: z.ZodError, prefix: string): { path: string; text: string } {
  const first = error.issues[0];
  const path = first ? [prefix, issuePath(pathOf(first))].filter(Boolean).join('.') : prefix;
  const text = error.issues
    .slice(0, 5)
    .map((issue) => `${[prefix, issuePath(pathOf(issue))].filter(Boolean).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { path, text };
}

/** Parse consumer input; failures become ConfigurationError naming the field. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: { provider?: string; what: string },
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { path, text } = describeIssues(result.error, '');
  return throwConfig(`Invalid ${context.what}: ${text}`, path, context.provider);
}

function throwConfig(message: string, field: string, provider?: string): never {
  throw new ConfigurationError(message, { field: field || null, provider: provider ?? null });
}

/**
 * Parse a provider payload (or check a mapped record); failures become InvalidProviderDataError with the record id and
 * the field path. Where a parse would return a deep copy of its input (`isCopyFree`: the normalized models, raw
 * envelopes of loose objects and records), zod's compiled `validate()` checks the input in place and the input itself
 * is returned — no copy of every person (docs/performance.md › Mapping and listing). On failure the full parse runs
 * again, so the typed error is the same.
 */
export function parseProviderData<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: { provider: string; what: string; recordId?: string | null; request?: string | null },
): z.output<S> {
  const checker = checkerFor(schema);
  if (checker?.validate(input)) return input as z.output<S>;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { path, text } = describeIssues(result.error, '');
  const where = context.recordId ? ` (record ${context.recordId})` : '';
  throw new InvalidProviderDataError(`${context.provider} returned an unreadable ${context.what}${where}: ${text}`, {
    provider: context.provider,
    recordId: context.recordId ?? null,
    path,
    request: context.request ?? null,
  });
}
