import { z } from 'zod';
import { RawId } from './fields.js';

export interface RawListItem {
  id: string;
  value?: string | null | undefined;
  name?: string | null | undefined;
  archived?: boolean | null | undefined;
  children?: RawListItem[] | null | undefined;
}

export const RawListItem: z.ZodType<RawListItem> = z.lazy(() =>
  z.looseObject({
    id: RawId,
    value: z.string().nullish(),
    name: z.string().nullish(),
    archived: z.boolean().nullish(),
    children: z.array(RawListItem).nullish(),
  }),
) as unknown as z.ZodType<RawListItem>;

/** `GET /v1/company/named-lists/{name}`: `{name, values, items}`, items often repeated under both keys. */
export const RawNamedList = z.looseObject({
  name: z.string().nullish(),
  values: z.array(RawListItem).nullish(),
  items: z.array(RawListItem).nullish(),
});
export type RawNamedList = z.output<typeof RawNamedList>;

/**
 * `GET /v1/company/named-lists`: an object keyed by list name (what HiBob serves); an array of lists and a
 * `{lists: [...]}` wrapper (what third-party notes describe) are read too. Returns name → list.
 */
export const RawNamedListsIndex = z
  .union([z.array(RawNamedList), z.looseObject({ lists: z.array(RawNamedList) }), z.record(z.string(), RawNamedList)])
  .transform((value) => {
    const entries: [string, RawNamedList][] = [];
    const array = Array.isArray(value) ? value : Array.isArray(value.lists) ? (value.lists as RawNamedList[]) : null;
    if (array) for (const list of array) if (list.name) entries.push([list.name, list]);
    if (!array)
      for (const [key, list] of Object.entries(value as Record<string, RawNamedList>))
        entries.push([list.name ?? key, list]);
    return new Map(entries);
  });
