import { type BankAccount, type BankAccountType, countryCode, revealOrMask } from '@hrkit/core';
import { type MappingContext, type ResolvedValue, sourceScalar } from './context.js';
import type { FieldRole } from './field-catalog.js';
import { asText } from './normalize.js';

type Role = (name: FieldRole) => ResolvedValue | null;

function text(role: Role, name: FieldRole): string | null {
  const resolved = role(name);
  return resolved ? (resolved.label ?? asText(resolved.value)) : null;
}

function accountTypeOf(label: string): BankAccountType {
  const key = label.toLowerCase();
  if (key.includes('checking') || key.includes('current')) return 'checking';
  if (key.includes('saving')) return 'savings';
  return 'other';
}

/**
 * The bank account of the Financial category, masked unless the read names the field in `unmask`. The country is
 * the IBAN's own country code (its first two letters are that by definition), else null. Empty when the category
 * holds no account or was not read (docs/model-comparison.md › Financial data).
 */
export function mapBankAccounts(role: Role, context: Pick<MappingContext, 'unmask'>): BankAccount[] {
  const unmask = context.unmask ?? [];
  const iban = text(role, 'iban')?.replace(/\s+/g, '').toUpperCase() ?? null;
  const accountNumber = text(role, 'accountNumber');
  if (!iban && !accountNumber) return [];
  const type = role('bankAccountType');
  const typeLabel = type ? (type.label ?? asText(type.value)) : null;
  return [
    {
      holder: text(role, 'bankHolder'),
      bankName: text(role, 'bankName'),
      iban: revealOrMask(iban, 'bankAccounts.iban', unmask),
      accountNumber: revealOrMask(accountNumber, 'bankAccounts.accountNumber', unmask),
      bic: text(role, 'bic'),
      routingNumber: text(role, 'routingNumber'),
      country: iban ? countryCode(iban.slice(0, 2)) : null,
      currency: text(role, 'bankCurrency'),
      accountType:
        type && typeLabel
          ? {
              value: accountTypeOf(typeLabel),
              source: { field: type.field.id, value: sourceScalar(type.value), label: type.label },
            }
          : { value: 'unknown', source: null },
      masked: !(unmask.includes('bankAccounts.iban') && unmask.includes('bankAccounts.accountNumber')),
      category: 'financial',
    },
  ];
}
