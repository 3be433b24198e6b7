import type { RawListItem, RawNamedList } from '../raw/named-lists.js';

/** Item id → label for one named list, children of hierarchy lists included. */
export type ListLabels = ReadonlyMap<string, string>;

function collect(items: readonly RawListItem[] | null | undefined, into: Map<string, string>): void {
  for (const item of items ?? []) {
    const label = item.value ?? item.name;
    if (label && !into.has(item.id)) into.set(item.id, label);
    collect(item.children, into);
  }
}

/** Flatten a named list (`values` and `items`, which HiBob often repeats) into id → label. */
export function listLabels(list: RawNamedList): ListLabels {
  const labels = new Map<string, string>();
  collect(list.items, labels);
  collect(list.values, labels);
  return labels;
}

function collectParents(
  items: readonly RawListItem[] | null | undefined,
  parent: string | null,
  into: Map<string, string>,
) {
  for (const item of items ?? []) {
    if (parent !== null && !into.has(item.id)) into.set(item.id, parent);
    collectParents(item.children, item.id, into);
  }
}

/** Item id → parent item id, for hierarchy lists (departments in a tree). */
export function listParents(list: RawNamedList): ReadonlyMap<string, string> {
  const parents = new Map<string, string>();
  collectParents(list.items, null, parents);
  collectParents(list.values, null, parents);
  return parents;
}

/** Labels of every list the mapping may need, by case-sensitive list name (pitfall 5). */
export class ListDirectory {
  constructor(
    private readonly lists: ReadonlyMap<string, ListLabels>,
    private readonly parents: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
  ) {}

  /** The parent item id of `value` in a hierarchy list; null at the top or when unknown. */
  parent(listId: string | null | undefined, value: unknown): string | null {
    if (!listId || (typeof value !== 'string' && typeof value !== 'number')) return null;
    return this.parents.get(listId)?.get(String(value)) ?? null;
  }

  static empty(): ListDirectory {
    return new ListDirectory(new Map());
  }

  has(listId: string): boolean {
    return this.lists.has(listId);
  }

  list(listId: string): ListLabels | undefined {
    return this.lists.get(listId);
  }

  /** The label of `value` in `listId`; null when the list or item is unknown. */
  label(listId: string | null | undefined, value: unknown): string | null {
    if (!listId || (typeof value !== 'string' && typeof value !== 'number')) return null;
    return this.lists.get(listId)?.get(String(value)) ?? null;
  }
}
