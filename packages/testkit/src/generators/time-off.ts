import {
  type Absence,
  type Employee,
  hrkitId,
  type TimeOffBalance,
  type TimeOffPolicy,
  type TimeOffRequest,
  type TimeOffStatusValue,
  type TimeOffTypeValue,
} from '@hrkit/core';
import { addDays, SeededGenerator } from '@hrkit/sandbox-kit';
import { employeeRef } from './employees.js';
import { DEFAULT_AS_OF, type FixtureOptions } from './options.js';

const POLICIES: readonly { name: string; type: TimeOffTypeValue; allowance: number | null }[] = [
  { name: 'Holiday', type: 'vacation', allowance: 25 },
  { name: 'Sick leave', type: 'sick', allowance: null },
  { name: 'Parental leave', type: 'parental', allowance: null },
];

/** The company's policies, one per type above. */
export function generateTimeOffPolicies(options: FixtureOptions = {}): TimeOffPolicy[] {
  const provider = options.provider ?? 'acme';
  return POLICIES.map((policy, index) => ({
    id: hrkitId(provider, `policy-${index}`),
    provider,
    remoteId: `policy-${index}`,
    name: policy.name,
    typeName: policy.name,
    type: { value: policy.type, source: { field: 'type', value: policy.name, label: null } },
    unit: 'days',
    paid: policy.type !== 'parental',
    allowance: policy.allowance,
    approvalRequired: true,
    halfDaysSupported: true,
    hoursSupported: false,
    description: null,
  }));
}

export interface TimeOffFixtureOptions extends FixtureOptions {
  /** Whose leave; generate them with `generateEmployees`. */
  employees: readonly Employee[];
  /** Requests start within [from, to]. Default 2026-01-01 … 2026-06-30. */
  from?: string;
  to?: string;
  /** Requests per employee, on average. Default 2. */
  perEmployee?: number;
}

/** Valid time-off requests spread over [from, to], each 1–5 days, with a mix of statuses. */
export function generateTimeOffRequests(options: TimeOffFixtureOptions): TimeOffRequest[] {
  const provider = options.provider ?? options.employees[0]?.provider ?? 'acme';
  const from = options.from ?? '2026-01-01';
  const to = options.to ?? '2026-06-30';
  const random = new SeededGenerator(options.seed ?? 1).fork('time-off');
  const policies = generateTimeOffPolicies({ provider });
  const requests: TimeOffRequest[] = [];
  for (const employee of options.employees) {
    const count = random.int(0, Math.max(0, Math.round((options.perEmployee ?? 2) * 2)));
    for (let index = 0; index < count; index++) {
      const remoteId = `${employee.remoteId}-${index}`;
      const start = random.date(from, to);
      const days = random.int(1, 5);
      const policy = random.pick(policies);
      const status = random.weightedPick<TimeOffStatusValue>([
        ['approved', 6],
        ['requested', 2],
        ['declined', 1],
        ['cancelled', 1],
      ]);
      requests.push({
        id: hrkitId(provider, remoteId),
        provider,
        remoteId,
        employee: employeeRef(employee),
        policy: { id: policy.remoteId, name: policy.name, typeName: policy.typeName },
        type: policy.type,
        status: { value: status, source: { field: 'status', value: status, label: null } },
        unit: 'days',
        amount: days,
        cost: days,
        rangeType: null,
        start: { date: start, portion: 'all_day', time: null },
        end: { date: addDays(start, days - 1), portion: 'all_day', time: null },
        days: [],
        approver: employee.manager,
        note: null,
        editChain: { originalRequestId: null, previousRequestId: null },
        requestedAt: `${addDays(start, -14)}T09:00:00.000Z`,
        updatedAt: `${addDays(start, -13)}T09:00:00.000Z`,
      });
    }
  }
  return requests;
}

/** "Who's out" entries for the approved requests among `requests`. */
export function absencesOf(requests: readonly TimeOffRequest[]): Absence[] {
  return requests
    .filter((request) => request.status.value === 'approved')
    .map((request) => ({
      id: `${request.id}:absence`,
      provider: request.provider,
      employee: request.employee,
      requestId: request.id,
      policy: request.policy,
      type: request.type,
      status: request.status,
      start: request.start,
      end: request.end,
      unit: request.unit,
      amount: request.amount,
      visibility: 'public',
    }));
}

/** One balance per employee and policy with an allowance, on `asOf`. */
export function generateTimeOffBalances(
  options: FixtureOptions & { employees: readonly Employee[]; asOf?: string },
): TimeOffBalance[] {
  const provider = options.provider ?? options.employees[0]?.provider ?? 'acme';
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const random = new SeededGenerator(options.seed ?? 1).fork('balances');
  return options.employees.flatMap((employee) =>
    generateTimeOffPolicies({ provider })
      .filter((policy) => policy.allowance !== null)
      .map((policy) => {
        const allowance = policy.allowance ?? 0;
        const used = random.int(0, allowance);
        const scheduled = random.int(0, allowance - used);
        return {
          id: `${provider}:${employee.remoteId}:${policy.remoteId}:${asOf}`,
          provider,
          employee: employeeRef(employee),
          policy: { id: policy.remoteId, name: policy.name, typeName: policy.typeName },
          unit: 'days' as const,
          asOf,
          balance: allowance - used - scheduled,
          used,
          scheduled,
          accrued: allowance,
          allowance,
          adjustments: 0,
        };
      }),
  );
}
