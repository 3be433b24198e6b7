import { describe, expect, it } from 'vitest';
import {
  abaRoutingFrom,
  type BankAccount,
  ConfigurationError,
  Connection,
  countryCode,
  declareCapabilities,
  Employee,
  type HrConnectorV1,
  ibanFrom,
  isValidAbaRouting,
  isValidIban,
  maskValue,
  Redactor,
  rehireEligibilityOf,
  revealOrMask,
  terminationTypeOf,
} from '../src/index.js';
import { sampleEmployee } from './fixtures.js';

const IBAN = 'DE89370400440532013000';

function account(iban: string): BankAccount {
  return {
    holder: 'Ada Lovelace',
    bankName: 'Commerzbank',
    iban,
    accountNumber: null,
    bic: 'COBADEFFXXX',
    routingNumber: null,
    country: 'DE',
    currency: 'EUR',
    accountType: { value: 'checking', source: null },
    masked: false,
    category: 'financial',
  };
}

function connectionEmitting(employee: unknown, options: { includeFinancial?: boolean } = {}) {
  const seen: unknown[] = [];
  const connector: HrConnectorV1 = {
    specificationVersion: 'v1',
    provider: 'fake',
    capabilities: declareCapabilities({ 'employees.list': true }),
    async *listEmployees(read) {
      seen.push(read);
      yield employee as Employee;
    },
    check: async () => ({ provider: 'fake', checkedAt: new Date().toISOString(), ok: true, checks: [] }),
  };
  return { connection: new Connection(connector, options, new Redactor()), seen };
}

describe('model additions for payment and EOR products', () => {
  it('reads ISO country codes from codes and English names, and nothing from guesses', () => {
    expect(['gb', 'GB', 'United Kingdom', 'Germany', 'USA', 'United States'].map(countryCode)).toEqual([
      'GB',
      'GB',
      'GB',
      'DE',
      'US',
      'US',
    ]);
    expect(['XX', 'Atlantis', '', null, 42].map(countryCode)).toEqual([null, null, null, null, null]);
  });

  it('masks to the last four characters and reveals only the field named', () => {
    expect(maskValue('DE89 3704 0044 0532 0130 00')).toBe('••••3000');
    expect(maskValue('123')).toBe('••••');
    expect(revealOrMask(IBAN, 'bankAccounts.iban')).toBe('••••3000');
    expect(revealOrMask(IBAN, 'bankAccounts.iban', ['bankAccounts.accountNumber'])).toBe('••••3000');
    expect(revealOrMask(IBAN, 'bankAccounts.iban', ['bankAccounts.iban'])).toBe(IBAN);
  });

  it('computes and checks IBAN and ABA check digits', () => {
    expect(isValidIban(IBAN)).toBe(true);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
    expect(ibanFrom('DE', '370400440532013000')).toBe(IBAN);
    expect(isValidIban(ibanFrom('GB', 'NWBK60161331926819'))).toBe(true);
    expect(isValidAbaRouting('021000021')).toBe(true);
    expect(isValidAbaRouting('021000022')).toBe(false);
    expect(isValidAbaRouting(abaRoutingFrom('12100035'))).toBe(true);
  });

  it('classifies termination types and rehire answers only from clear words', () => {
    expect(
      ['Resignation (Voluntary)', 'Involuntary', 'Dismissal', 'End of contract', null].map(terminationTypeOf),
    ).toEqual(['voluntary', 'involuntary', 'involuntary', 'other', 'unknown']);
    expect(['Yes', 'No', 'Not eligible', true, 'Maybe'].map(rehireEligibilityOf)).toEqual([
      'eligible',
      'not_eligible',
      'not_eligible',
      'eligible',
      'unknown',
    ]);
  });

  it('keeps v1 records valid: every addition is optional', () => {
    expect(Employee.safeParse(sampleEmployee('fake')).success).toBe(true);
  });

  it('passes includeFinancial from connect to the read, refuses unmask without it or with an unknown name', () => {
    const off = connectionEmitting(sampleEmployee('fake'));
    expect(() => off.connection.employees.list({ unmask: ['bankAccounts.iban'] })).toThrow(ConfigurationError);
    expect(() =>
      off.connection.employees.list({ includeFinancial: true, unmask: ['iban' as 'bankAccounts.iban'] }),
    ).toThrow(/unknown field "iban"/);
    const on = connectionEmitting(sampleEmployee('fake'), { includeFinancial: true });
    on.connection.employees.list({ unmask: ['bankAccounts.iban'] });
    // The adapter sees the resolved opt-ins.
    return (async () => {
      for await (const _ of on.connection.employees.list({ includeSensitive: true })) void _;
      expect(on.seen[0]).toMatchObject({ includeFinancial: true, unmask: [] });
    })();
  });

  it('redacts an unmasked bank value from the error of a record that fails validation', async () => {
    const broken = { ...sampleEmployee('fake'), bankAccounts: [account(IBAN)], jobTitle: 42 };
    const { connection } = connectionEmitting(broken, { includeFinancial: true });
    let error: unknown;
    try {
      for await (const _ of connection.employees.list({ includeSensitive: true, unmask: ['bankAccounts.iban'] }))
        void _;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    const text = `${(error as Error).message}\n${JSON.stringify(error)}`;
    expect(text).toContain('jobTitle');
    expect(text).not.toContain(IBAN);
  });
});
