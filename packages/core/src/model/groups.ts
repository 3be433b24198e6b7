import { z } from 'zod';
import { classified } from './common.js';

/** Typed groups, like Merge's Group types and StackOne's group kinds. */
export const GroupType = z.enum(['department', 'team', 'division', 'cost_center', 'business_unit', 'other']);
export type GroupType = z.infer<typeof GroupType>;

/**
 * One organisational group the person belongs to, with its parent when the provider keeps a hierarchy (HiBob's
 * department tree). `type.source` names the provider field it came from.
 */
export const Group = z.strictObject({
  id: z
    .string()
    .nullable()
    .describe("The provider's id, e.g. a list item id; null when the provider stores only names"),
  name: z.string(),
  type: classified(GroupType),
  parentId: z.string().nullable().describe('The parent group id (same type), when the provider keeps a hierarchy'),
});
export type Group = z.infer<typeof Group>;
