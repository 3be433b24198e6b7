import { z } from 'zod';
import { DataIssue } from './data-issue.js';
import { EmployeeRef, IsoDate, IsoDateTime, RawData, recordIdentity } from './common.js';
import { CustomFieldValue } from './custom-field.js';
import { EmploymentStatus, EmploymentType } from './employment.js';
import { EmploymentHistoryEntry } from './employment-history.js';
import { BankAccount } from './bank-account.js';
import { CountryCode } from './country.js';
import { Group } from './groups.js';
import { NationalIdentifier } from './identifiers.js';
import { LegalEntity } from './legal-entity.js';
import { Address, Department, PhoneNumber, WorkLocation } from './organization.js';
import { Termination } from './termination.js';

export const PersonName = z.strictObject({
  first: z.string().nullable(),
  middle: z.string().nullable(),
  last: z.string().nullable(),
  display: z.string().nullable(),
  preferred: z.string().nullable(),
});

/**
 * Personal data that most consumers do not need. Read only when the consumer asks for it
 * (`includeSensitive`) and the provider grants it; otherwise every field is null.
 */
export const PersonalDetails = z.strictObject({
  dateOfBirth: IsoDate.nullable(),
  gender: z.string().nullable().describe('As the provider gives it'),
  nationalities: z.array(z.string()),
  maritalStatus: z.string().nullable(),
  homeAddress: Address.nullable(),
  homeCountry: CountryCode.nullable().optional().describe('ISO alpha-2 of the home address, where granted'),
});

export const Employee = z.strictObject({
  ...recordIdentity,
  employeeNumber: z.string().nullable().describe('The company-facing employee number, if any'),
  name: PersonName,
  emails: z.strictObject({ work: z.string().nullable(), personal: z.string().nullable() }),
  phones: z.array(PhoneNumber),
  jobTitle: z.string().nullable(),
  department: Department.nullable(),
  workLocation: WorkLocation.nullable(),
  legalEntity: z.string().nullable().describe('The entity name (kept for v1 consumers); see `company`'),
  company: LegalEntity.nullable().optional().describe('The employing legal entity as a record'),
  groups: z.array(Group).optional().describe('Department, team, division, cost centre, business unit'),
  manager: EmployeeRef.nullable(),
  hireDate: IsoDate.nullable().describe('Original hire date'),
  startDate: IsoDate.nullable().describe('Start of the current employment'),
  terminationDate: IsoDate.nullable(),
  termination: Termination.nullable()
    .optional()
    .describe('How the employment ended; null for people who have not left'),
  employmentStatus: EmploymentStatus,
  employmentType: EmploymentType,
  weeklyHours: z.number().nullable(),
  personal: PersonalDetails,
  customFields: z.record(z.string(), CustomFieldValue),
  /** Present only with `includeSensitive` and `includeFinancial`; masked unless `unmask` names the field. */
  bankAccounts: z.array(BankAccount).optional(),
  /** Present only with `includeSensitive` and `includeFinancial`; masked unless `unmask` names the field. */
  identifiers: z.array(NationalIdentifier).optional(),
  /** Present only when the consumer asks for history on the read. */
  employmentHistory: z.array(EmploymentHistoryEntry).optional(),
  updatedAt: IsoDateTime.nullable().describe('When the provider says the record last changed, if it says'),
  raw: RawData.optional(),
  /** Values the adapter could not read (left null rather than guessed); absent when everything was read. */
  dataIssues: z.array(DataIssue).optional(),
});
export type Employee = z.infer<typeof Employee>;

export function emptyPersonalDetails(): z.infer<typeof PersonalDetails> {
  return { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null };
}
