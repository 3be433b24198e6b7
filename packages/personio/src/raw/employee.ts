import { z } from 'zod';

/**
 * Every v1 employee attribute is a typed object `{ label, value, type, universal_id }`; older answers carry only
 * `{ label, value }`, so everything but `value` is optional. Attributes outside the credential's whitelist are
 * simply absent (docs/providers/personio.md › Attribute whitelist).
 */
export const RawPersonioAttribute = z.looseObject({
  label: z.string().nullish(),
  value: z.unknown(),
  type: z.string().nullish(),
});
export type RawPersonioAttribute = z.infer<typeof RawPersonioAttribute>;

/** `{ type: "Employee", attributes: { id, first_name, status, dynamic_24407, … } }`; `id` is always there. */
export const RawPersonioEmployee = z.looseObject({
  attributes: z.looseObject({ id: RawPersonioAttribute }).catchall(RawPersonioAttribute),
});
export type RawPersonioEmployee = z.infer<typeof RawPersonioEmployee>;

/** `GET /company/employees/attributes`: what this credential may read, custom attributes with their labels. */
export const RawPersonioAttributeSpec = z.looseObject({
  key: z.string(),
  label: z.string().nullish(),
  type: z.string().nullish(),
});
export type RawPersonioAttributeSpec = z.infer<typeof RawPersonioAttributeSpec>;
