import { z } from 'zod';
import { classified } from './common.js';
import { CountryCode } from './country.js';

export const BankAccountType = z.enum(['checking', 'savings', 'other', 'unknown']);
export type BankAccountType = z.infer<typeof BankAccountType>;

/**
 * Where the person is paid. Read only with `includeSensitive` and `includeFinancial`, and only from the provider's
 * bank category (HiBob Financial). `iban` and `accountNumber` are masked (`••••3000`) unless the read names them in
 * `unmask`; `masked` says which form the record holds. Never logged, redacted from errors (docs/model.md ›
 * Financial data).
 */
export const BankAccount = z.strictObject({
  holder: z.string().nullable(),
  bankName: z.string().nullable(),
  iban: z.string().nullable(),
  accountNumber: z.string().nullable(),
  bic: z.string().nullable().describe('BIC / SWIFT code'),
  routingNumber: z.string().nullable().describe('US ABA routing number, UK sort code and the like'),
  country: CountryCode.nullable(),
  currency: z.string().nullable().describe('ISO 4217 as given'),
  accountType: classified(BankAccountType),
  masked: z.boolean().describe('True when `iban` and `accountNumber` hold the masked form'),
  category: z.string().describe("The provider category the account was read from, e.g. HiBob's `financial`"),
});
export type BankAccount = z.infer<typeof BankAccount>;
