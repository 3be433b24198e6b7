import type { Policy, PolicyType } from '../state/types.js';

/** Days and hours policies; one private type and one with a custom public name (hibob-api.md §5). */
export function buildPolicyTypes(): PolicyType[] {
  return [
    {
      name: 'Holiday',
      activity: 'paidTimeoff',
      unit: 'days',
      bookingWorkDaysOnly: true,
      visibility: 'Public',
      customPublicName: null,
      reasonCodes: [],
    },
    {
      name: 'Sick',
      activity: 'paidTimeoff',
      unit: 'days',
      bookingWorkDaysOnly: false,
      visibility: 'Public',
      customPublicName: null,
      reasonCodes: [
        { id: 3000, displayName: 'Illness' },
        { id: 3001, displayName: 'Injury' },
      ],
    },
    {
      name: 'Parental leave',
      activity: 'unpaidTimeoff',
      unit: 'days',
      bookingWorkDaysOnly: false,
      visibility: 'Custom name',
      customPublicName: 'Family time',
      reasonCodes: [],
    },
    {
      name: 'Medical appointment',
      activity: 'paidTimeoff',
      unit: 'hours',
      bookingWorkDaysOnly: true,
      visibility: 'Private',
      customPublicName: null,
      reasonCodes: [],
    },
    {
      name: 'Personal hours',
      activity: 'paidTimeoff',
      unit: 'hours',
      bookingWorkDaysOnly: true,
      visibility: 'Public',
      customPublicName: null,
      reasonCodes: [],
    },
  ];
}

function policy(
  name: string,
  policyType: string,
  unit: 'days' | 'hours',
  allowance: number,
  approvalRequired: boolean,
): Policy {
  return {
    name,
    policyType,
    description: `${name} (sandbox)`,
    allowance,
    maxBalance: unit === 'days' ? allowance + 5 : null,
    minBalance: unit === 'days' ? -5 : 0,
    yosIncrease: policyType === 'Holiday' ? [{ yearsOfService: 5, extraDays: 2 }] : [],
    minTimeOffRequestDuration: unit === 'days' ? 'halfDay' : 'halfHour',
    approvalRequired,
    bookingWorkDaysOnly: unit === 'hours' || policyType === 'Holiday',
    unit,
  };
}

export function buildPolicies(): Policy[] {
  return [
    policy('Holiday UK', 'Holiday', 'days', 25, true),
    policy('Holiday US', 'Holiday', 'days', 20, true),
    policy('Holiday Standard', 'Holiday', 'days', 22, true),
    policy('Sick leave', 'Sick', 'days', 10, false),
    policy('Parental leave policy', 'Parental leave', 'days', 60, true),
    policy('Medical appointments', 'Medical appointment', 'hours', 16, false),
    policy('Personal hours', 'Personal hours', 'hours', 24, true),
  ];
}

/** Which policy of a type an employee is on (holiday policies depend on the site). */
export function policyNameFor(policyType: string, siteId: number | null): string {
  switch (policyType) {
    case 'Holiday':
      return siteId === 2606110 ? 'Holiday UK' : siteId === 2606111 ? 'Holiday US' : 'Holiday Standard';
    case 'Sick':
      return 'Sick leave';
    case 'Parental leave':
      return 'Parental leave policy';
    case 'Medical appointment':
      return 'Medical appointments';
    default:
      return 'Personal hours';
  }
}
