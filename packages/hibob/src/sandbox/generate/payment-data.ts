import { abaRoutingFrom, ibanFrom } from '@hrkit/core';
import type { SeededGenerator } from '@hrkit/sandbox-kit';
import { BANKS, CURRENCY_BY_COUNTRY, SITE_DETAILS } from '../data/payment-data.js';
import type { BobEmployee } from '../state/types.js';

/** Share of people whose Financial category holds an account (new hires often have none yet). */
const WITH_BANK_ACCOUNT = 0.85;
const WITH_PASSPORT = 0.3;

function digits(random: SeededGenerator, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) text += String(random.int(0, 9));
  return text;
}

/** The national part of an IBAN (BBAN) in each country's format. */
function bban(country: string, bankCode: string, random: SeededGenerator): string | null {
  switch (country) {
    case 'GB':
      return `${bankCode}${digits(random, 6)}${digits(random, 8)}`;
    case 'DE':
      return `${bankCode}${digits(random, 10)}`;
    case 'IL':
      return `${bankCode}${digits(random, 3)}${digits(random, 13)}`;
    case 'PT':
      return `${bankCode}${digits(random, 4)}${digits(random, 11)}${digits(random, 2)}`;
    default:
      return null;
  }
}

/** Israeli ID number: eight digits and a Luhn-style check digit. */
function israeliId(random: SeededGenerator): string {
  const body = digits(random, 8);
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const product = Number(body[index]) * (index % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Portuguese NIF: eight digits (first 2 = a person) and a mod-11 check digit. */
function portugueseNif(random: SeededGenerator): string {
  const body = `2${digits(random, 7)}`;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(body[index]) * (9 - index);
  const check = 11 - (sum % 11);
  return `${body}${check >= 10 ? 0 : check}`;
}

/** The identifier each country's staff have in the Identification category, in that country's format. */
function identifiers(country: string, random: SeededGenerator): Record<string, string> {
  switch (country) {
    // 9xx area numbers are never issued as SSNs: realistic in shape, never a real person's.
    case 'US':
      return { 'identification.ssn': `9${digits(random, 2)}-${digits(random, 2)}-${digits(random, 4)}` };
    // QQ is the prefix HMRC reserves for examples.
    case 'GB':
      return { 'identification.taxId': `QQ${digits(random, 6)}${'ABCD'[random.int(0, 3)]}` };
    case 'IL':
      return { 'identification.nationalId': israeliId(random) };
    case 'DE':
      return { 'identification.taxId': `${random.int(1, 9)}${digits(random, 10)}` };
    case 'PT':
      return { 'identification.taxId': portugueseNif(random) };
    default:
      return {};
  }
}

/**
 * Financial and Identification data per person, in the formats of the person's site country: IBANs with valid check
 * digits (GB, DE, IL, PT), US account and ABA routing numbers with a valid check digit, and national identifiers.
 * A separate seeded stream, so the rest of the generated company is the same as before it existed.
 */
export function seedPaymentData(random: SeededGenerator, employees: BobEmployee[]): void {
  for (const employee of employees) {
    const site = employee.siteId === null ? undefined : SITE_DETAILS[employee.siteId];
    if (!site) continue;
    const country = site.country;
    if (random.chance(WITH_BANK_ACCOUNT)) {
      const banks = BANKS[country] ?? [];
      const bank = banks[random.int(0, banks.length - 1)];
      if (bank) {
        const extra = employee.extra;
        extra['financial.accountHolderName'] = `${employee.firstName} ${employee.surname}`;
        extra['financial.bankName'] = bank.name;
        extra['financial.swift'] = bank.bic;
        extra['financial.currency'] = CURRENCY_BY_COUNTRY[country] ?? null;
        const national = bban(country, bank.code, random);
        if (national) {
          extra['financial.iban'] = ibanFrom(country, national);
          extra['financial.accountType'] = 'Current';
        } else {
          extra['financial.accountNumber'] = digits(random, random.int(8, 12));
          extra['financial.routingNumber'] = abaRoutingFrom(`${bank.code}${digits(random, 4)}`);
          extra['financial.accountType'] = random.chance(0.8) ? 'Checking' : 'Savings';
        }
      }
    }
    Object.assign(employee.extra, identifiers(country, random));
    if (random.chance(WITH_PASSPORT)) {
      employee.extra['identification.passportNumber'] = `${random.int(1, 9)}${digits(random, 8)}`;
      employee.extra['identification.passportExpiry'] =
        `20${random.int(27, 35)}-${String(random.int(1, 12)).padStart(2, '0')}-15`;
    }
  }
}
