import { type MappingContext, type ResolvedValue, resolveField, resolveRole } from './context.js';
import type { HiBobEmploymentTypes } from './employment-type.js';
import type { CatalogField, FieldRole } from './field-catalog.js';
import type { ListLabels } from './lists.js';
import { isRecord } from './normalize.js';

/**
 * How mapEmployee reads fields: the plain way (resolveField: split paths looked up per read) or compiled once per
 * connection (docs/performance.md › Mapping and listing). Both give the same ResolvedValue for every payload; the
 * equivalence test (test/mapping-equivalence.test.ts) maps generated companies of every shape through both.
 */
export interface FieldAccess {
  /**
   * The role reader for one person, asked for as that person's mapping starts. The compiled access hands out one
   * reader for every person (no closure per person): it reads the person last asked for, so a reader is only used
   * until the next person's is asked for (mapEmployee maps one person at a time, synchronously).
   */
  person(raw: Record<string, unknown>): RoleReader;
  field(raw: Record<string, unknown>, field: CatalogField): ResolvedValue;
  employmentTypes: HiBobEmploymentTypes;
}

export type RoleReader = (name: FieldRole) => ResolvedValue | null;

/** The plain reads: every field located and resolved from scratch on every read. */
export function plainAccess(context: MappingContext): FieldAccess {
  return {
    person: (raw) => (name) => resolveRole(raw, name, context),
    field: (raw, field) => resolveField(raw, field, context),
    employmentTypes: context.employmentTypes,
  };
}

const compiledByContext = new WeakMap<MappingContext, FieldAccess>();

/**
 * The reads compiled once per mapping context: each field's reader has its property path, slash key and list fixed
 * up front and role lookups go through a table built once (the employment-type rules remember their own answers). The context is read-only (docs/architecture.md), so caching on it is safe.
 */
export function compiledAccess(context: MappingContext): FieldAccess {
  let access = compiledByContext.get(context);
  if (!access) {
    access = compile(context);
    compiledByContext.set(context, access);
  }
  return access;
}

type Reader = (raw: Record<string, unknown>) => ResolvedValue;

function compile(context: MappingContext): FieldAccess {
  const readers = new Map<CatalogField, Reader>();
  const tops = new TopLevel();
  const readerOf = (field: CatalogField): Reader => {
    let reader = readers.get(field);
    if (!reader) {
      reader = compileReader(field, context, tops);
      readers.set(field, reader);
    }
    return reader;
  };
  // Each role has a slot; a person's mapping reads several roles more than once (a date, then its presence), so the
  // first read is remembered until the next person begins. The mapping only reads ResolvedValues, never changes them.
  // A plain object of one shape, not a Map: looking a role name up in it is a cached property load, cheaper than
  // Map.get on every read (docs/performance.md › Mapping and listing). Only numbers are slots (no inherited ones).
  const slots: Record<string, unknown> = {};
  const roleReaders: Reader[] = [];
  for (const [role, field] of context.catalog.roles) {
    slots[role] = roleReaders.length;
    roleReaders.push(readerOf(field));
  }
  // A slot's answer counts only when it was read for the current person (its number): no clearing of every slot
  // as each person begins.
  const remembered: (ResolvedValue | null)[] = new Array(roleReaders.length).fill(null);
  const readFor: number[] = new Array(roleReaders.length).fill(0);
  let personNumber = 0;
  let person: Record<string, unknown> = {};
  const role: RoleReader = (name) => {
    const slot = slots[name];
    if (typeof slot !== 'number') return null;
    if (readFor[slot] === personNumber) return remembered[slot] as ResolvedValue;
    const resolved = (roleReaders[slot] as Reader)(person);
    remembered[slot] = resolved;
    readFor[slot] = personNumber;
    return resolved;
  };
  return {
    person: (raw) => {
      person = raw;
      personNumber = personNumber === Number.MAX_SAFE_INTEGER ? 1 : personNumber + 1;
      return role;
    },
    field: (raw, field) => readerOf(field)(raw),
    // EmploymentTypeRules.ruleFor remembers its answers by label itself (docs/performance.md).
    employmentTypes: context.employmentTypes,
  };
}

const MISSING = Symbol('missing');

/** `object[key]` when `object` is a record holding `key` (even as undefined), else MISSING: one lookup when it is set. */
function step(object: unknown, key: string): unknown {
  if (!isRecord(object)) return MISSING;
  const value = object[key];
  return value !== undefined || key in object ? value : MISSING;
}

/**
 * A fixed nested read (`work.department` → raw.work.department): MISSING when a step is not an object or lacks the key.
 * Paths of one to three keys (all of HiBob's but custom tables) get a reader without a loop.
 */
function pathReader(path: readonly string[]): (object: unknown) => unknown {
  const [first, second, third] = path as [string, string, string];
  if (path.length === 1) return (object) => step(object, first);
  if (path.length === 2)
    return (object) => {
      const inner = step(object, first);
      return inner === MISSING ? MISSING : step(inner, second);
    };
  if (path.length === 3)
    return (object) => {
      const inner = step(object, first);
      if (inner === MISSING) return MISSING;
      const innermost = step(inner, second);
      return innermost === MISSING ? MISSING : step(innermost, third);
    };
  return (object) => {
    let current = object;
    for (const key of path) {
      current = step(current, key);
      if (current === MISSING) return MISSING;
    }
    return current;
  };
}

const UNREAD = Symbol('unread');

/**
 * A person's top-level values (`work`, `internal`, `humanReadable`…), each looked up once per person: many fields share
 * a category object, and each lookup in a person's large object is a hash probe. Reset when another person comes.
 */
class TopLevel {
  private readonly slots = new Map<string, number>();
  private readonly values: unknown[] = [];
  private person: Record<string, unknown> | null = null;

  slotOf(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.values.length;
      this.slots.set(key, slot);
      this.values.push(UNREAD);
    }
    return slot;
  }

  /** `step(raw, key)` for the key of `slot`, remembered for this person. */
  get(raw: Record<string, unknown>, slot: number, key: string): unknown {
    if (raw !== this.person) {
      this.person = raw;
      this.values.fill(UNREAD);
    }
    let value = this.values[slot];
    if (value === UNREAD) {
      value = step(raw, key);
      this.values[slot] = value;
    }
    return value;
  }
}

/** A nested read whose first key is a person's top-level value, looked up through `tops`. */
function topPathReader(path: readonly string[], tops: TopLevel): (raw: Record<string, unknown>) => unknown {
  const [first, ...rest] = path as [string, ...string[]];
  const slot = tops.slotOf(first);
  const inner = rest.length > 0 ? pathReader(rest) : null;
  return (raw) => {
    const top = tops.get(raw, slot, first);
    return inner === null || top === MISSING ? top : inner(top);
  };
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * One field's reader, with exactly resolveField's rules (read-field.ts, context.ts): the nested form along `jsonPath`
 * first (it keeps requested nulls), then the slash key's non-null `{value}`, then a category move's id path; list ids
 * resolved through the named list (looked up once), else through `humanReadable` where the value is an id.
 */
function compileReader(field: CatalogField, context: Pick<MappingContext, 'lists'>, tops: TopLevel): Reader {
  const jsonPath = field.jsonPath || (field.id.startsWith('root.') ? field.id.slice('root.'.length) : field.id);
  const isRoot = field.id.startsWith('root.') || !jsonPath.includes('.');
  const nestedPath = jsonPath.split('.');
  const nested = topPathReader(nestedPath, tops);
  const inHuman = pathReader(nestedPath);
  const humanSlot = tops.slotOf('humanReadable');
  const slashKey = `/${isRoot ? `root/${jsonPath}` : nestedPath.join('/')}`;
  const byId =
    field.jsonPath && field.jsonPath !== field.id && !field.id.startsWith('root.')
      ? topPathReader(field.id.split('.'), tops)
      : null;
  const labels: ListLabels | undefined = field.listId ? context.lists.list(field.listId) : undefined;
  const listed = (value: unknown): string | null =>
    labels && (typeof value === 'string' || typeof value === 'number') ? (labels.get(String(value)) ?? null) : null;
  const needsHuman = field.listId !== null || field.type === 'employee-reference' || field.type === 'employee';
  const human = (raw: Record<string, unknown>): string | null => {
    const value = inHuman(tops.get(raw, humanSlot, 'humanReadable'));
    return typeof value === 'string' ? value : null;
  };
  // Most of a person's fields are absent or null: one frozen answer per field for those, not one object per read (the
  // mapping reads ResolvedValues and never changes them).
  const absent: ResolvedValue = Object.freeze({ field, present: false, value: null, label: null });
  const nulled: ResolvedValue = Object.freeze({ field, present: true, value: null, label: null });
  return (raw) => {
    let value = nested(raw);
    let present = value !== MISSING;
    if (!present || value === null || value === undefined) {
      const slash = raw[slashKey];
      if (isRecord(slash) && 'value' in slash && slash.value !== null && slash.value !== undefined) {
        value = slash.value;
        present = true;
      } else if (!present && byId) {
        value = byId(raw);
        present = value !== MISSING;
      }
    }
    if (!present) return absent;
    if (value === null) return nulled;
    if (Array.isArray(value)) {
      const itemLabels = value.map((item) => listed(item) ?? String(item));
      return { field, present: true, value, label: itemLabels.length > 0 ? itemLabels.join(', ') : null };
    }
    const label = listed(value);
    if (label !== null) return { field, present: true, value, label };
    return { field, present: true, value, label: needsHuman ? human(raw) : textOf(value) };
  };
}
