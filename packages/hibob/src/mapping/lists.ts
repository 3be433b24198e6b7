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

/** Labels of every list the mapping may need, by case-sensitive list name (pitfall 5). */
export class ListDirectory {
  constructor(private readonly lists: ReadonlyMap<string, ListLabels>) {}

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
