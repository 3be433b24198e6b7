import { z } from 'zod';

export const Department = z.strictObject({
  id: z.string().nullable(),
  name: z.string(),
});
export type Department = z.infer<typeof Department>;

export const Address = z.strictObject({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable().describe('As given; ISO 3166 alpha-2 where the provider uses it'),
});
export type Address = z.infer<typeof Address>;

export const WorkLocation = z.strictObject({
  id: z.string().nullable(),
  name: z.string(),
  arrangement: z.enum(['office', 'remote', 'hybrid', 'unknown']),
  address: Address.nullable(),
  timeZone: z.string().nullable(),
});
export type WorkLocation = z.infer<typeof WorkLocation>;

export const PhoneNumber = z.strictObject({
  kind: z.enum(['work', 'mobile', 'home', 'other']),
  number: z.string(),
  field: z.string(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;
