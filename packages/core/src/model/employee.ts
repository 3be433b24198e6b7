import { z } from 'zod';
import { DataIssue } from './data-issue.js';
import { EmployeeRef, IsoDate, IsoDateTime, RawData, recordIdentity } from './common.js';
import { CustomFieldValue } from './custom-field.js';
import { EmploymentStatus, EmploymentType } from './employment.js';
import { EmploymentHistoryEntry } from './employment-history.js';
import { Address, Department, PhoneNumber, WorkLocation } from './organization.js';

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
  legalEntity: z.string().nullable(),
  manager: EmployeeRef.nullable(),
  hireDate: IsoDate.nullable().describe('Original hire date'),
  startDate: IsoDate.nullable().describe('Start of the current employment'),
  terminationDate: IsoDate.nullable(),
  employmentStatus: EmploymentStatus,
  employmentType: EmploymentType,
  weeklyHours: z.number().nullable(),
  personal: PersonalDetails,
  customFields: z.record(z.string(), CustomFieldValue),
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
