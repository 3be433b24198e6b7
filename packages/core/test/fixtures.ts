import type { Employee } from '../src/index.js';

/** A realistic, valid normalized employee. */
export function sampleEmployee(provider = 'hibob', remoteId = '3332883884017713238'): Employee {
  return {
    id: `${provider}:${remoteId}`,
    provider,
    remoteId,
    employeeNumber: '1042',
    name: { first: 'Ada', middle: null, last: 'Lovelace', display: 'Ada Lovelace', preferred: 'Ada' },
    emails: { work: 'ada@example.com', personal: null },
    phones: [{ kind: 'mobile', number: '+44 20 7946 0000', field: 'about.mobilePhone' }],
    jobTitle: 'Engineer',
    department: { id: '12', name: 'R&D' },
    workLocation: { id: '3', name: 'London', arrangement: 'office', address: null, timeZone: 'Europe/London' },
    legalEntity: null,
    manager: { id: `${provider}:3332883884017713000`, remoteId: '3332883884017713000', displayName: 'Charles Babbage' },
    hireDate: '2021-03-01',
    startDate: '2021-03-01',
    terminationDate: null,
    employmentStatus: {
      value: 'active',
      source: { field: 'internal.lifecycleStatus', value: 'employed', label: 'Employed' },
      effectiveDate: '2021-03-01',
    },
    employmentType: {
      workerKind: {
        value: 'contractor',
        source: { field: 'work.custom.field_1', value: '81928', label: 'Contractor' },
      },
      schedule: { value: 'unknown', source: null },
      customerCategory: {
        label: 'Contractor',
        value: '81928',
        field: { id: 'work.custom.field_1', name: 'Remotepass Employment Type' },
      },
      unmapped: [],
    },
    weeklyHours: null,
    personal: { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null },
    customFields: {},
    updatedAt: null,
  };
}
