/**
 * The form-encoded reading of a BambooHR webhook body (`type=employee.updated&data[employeeId]=5&
 * data[changedFields][0]=firstName`). It runs on bytes an attacker may have written (a delivery is parsed only after
 * its signature verified, but the parser must also survive whatever a fuzzer or a misconfigured relay sends), so it is
 * bounded everywhere: containers are null-prototype objects (a `__proto__[x]` key cannot reach `Object.prototype`),
 * the names that mean something to JavaScript objects are refused, bracket indices, nesting depth and the number of
 * pairs are capped, and a list index becomes a position in a dense array, never an array length. Anything outside
 * those bounds is a `FormBodyError` naming the key, never a crash or a giant allocation. See docs/security.md.
 */

export interface FormLimits {
  /** Highest bracket index accepted (`data[changedFields][1000]`). */
  maxIndex: number;
  /** Deepest bracket nesting accepted (`a[b][c]` is depth 2). */
  maxDepth: number;
  /** Most `key=value` pairs accepted. */
  maxPairs: number;
}

export const DEFAULT_FORM_LIMITS: FormLimits = { maxIndex: 10_000, maxDepth: 8, maxPairs: 20_000 };

/** A form body hrkit refuses to read; the message names the key (cut short), never a value. */
export class FormBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormBodyError';
  }
}

/** Keys that would touch an object's prototype chain if any consumer copied them onto a plain object. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const INDEX = /^(0|[1-9][0-9]*)$/;

type FormNode = { [key: string]: FormNode | string };

/** Parse a form-encoded body into nested null-prototype objects and dense arrays, within `limits`. */
export function parseForm(text: string, limits: FormLimits = DEFAULT_FORM_LIMITS): unknown {
  const root: FormNode = Object.create(null);
  let pairs = 0;
  for (const [key, value] of new URLSearchParams(text)) {
    if (++pairs > limits.maxPairs) throw new FormBodyError(`more than ${limits.maxPairs} fields`);
    assign(root, segmentsOf(key, limits), value, key, limits);
  }
  return densify(root);
}

function segmentsOf(key: string, limits: FormLimits): string[] {
  const match = KEY.exec(key);
  if (!match) throw new FormBodyError(`field name ${describe(key)} is not name[key]… form`);
  const segments = [match[1] as string, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
  if (segments.length - 1 > limits.maxDepth)
    throw new FormBodyError(`field ${describe(key)} is nested deeper than ${limits.maxDepth} levels`);
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new FormBodyError(`field ${describe(key)} uses the reserved name`);
    if (/^[0-9]+$/.test(segment) && !(INDEX.test(segment) && Number(segment) <= limits.maxIndex))
      throw new FormBodyError(`field ${describe(key)} has an index above ${limits.maxIndex} (or with leading zeros)`);
  }
  return segments;
}

function assign(root: FormNode, segments: string[], value: string, key: string, limits: FormLimits): void {
  let target = root;
  for (const [position, raw] of segments.entries()) {
    // `a[]=x` appends: the next free index of that container.
    const segment = raw === '' ? String(Object.keys(target).length) : raw;
    if (raw === '' && Number(segment) > limits.maxIndex)
      throw new FormBodyError(`field ${describe(key)} has more than ${limits.maxIndex} items`);
    const existing = Object.hasOwn(target, segment) ? target[segment] : undefined;
    if (position === segments.length - 1) {
      if (typeof existing === 'object') throw new FormBodyError(`field ${describe(key)} is both a value and a group`);
      target[segment] = value;
      return;
    }
    if (typeof existing === 'string') throw new FormBodyError(`field ${describe(key)} is both a value and a group`);
    const next: FormNode = existing ?? Object.create(null);
    target[segment] = next;
    target = next;
  }
}

/** Groups whose keys are all indices become arrays ordered by index (dense: a gap does not leave a hole). */
function densify(node: FormNode | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => INDEX.test(key)))
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => densify(node[String(index)] as FormNode | string));
  const result: Record<string, unknown> = Object.create(null);
  for (const key of keys) result[key] = densify(node[key] as FormNode | string);
  return result;
}

/** A key as it may appear in an error: quoted, control characters escaped, cut at 40 characters. */
function describe(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}
