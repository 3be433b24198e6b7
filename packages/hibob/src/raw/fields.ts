import { z } from 'zod';

/** Ids and list ids come as strings or numbers depending on the tenant: always read them as strings. */
export const RawId = z.union([z.string(), z.number()]).transform((value) => String(value));

/** One entry of `GET /v1/company/people/fields`. */
export const RawFieldMetadata = z.looseObject({
  id: z.string().min(1),
  category: RawId.nullish(),
  categoryId: RawId.nullish(),
  categoryDisplayName: z.string().nullish(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  jsonPath: z.string().nullish(),
  type: z.string().nullish(),
  typeData: z.looseObject({ listId: RawId.nullish() }).nullish(),
  historical: z.boolean().nullish(),
});
export type RawFieldMetadata = z.output<typeof RawFieldMetadata>;

/** HiBob answers a bare array; older notes say `{fields: [...]}`: both are read. */
export const RawFieldsResponse = z
  .union([z.array(RawFieldMetadata), z.looseObject({ fields: z.array(RawFieldMetadata) })])
  .transform((value) => (Array.isArray(value) ? value : value.fields));
