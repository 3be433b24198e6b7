import type { EmployeeRecordsTruth } from '@hrkit/sandbox-kit';
import type { SandboxEmployee } from './state/types.js';

/**
 * What the BambooHR sandbox holds for one person, as the conformance suite's `expected.employeeRecords`. Only what a
 * default connection reads is declared: no work country (BambooHR's location is a label), no entity (that needs
 * `legalEntityField`), no bank account (no such field in BambooHR's API as documented).
 */
export function expectedEmployeeRecords(employee: SandboxEmployee | undefined, today: string): EmployeeRecordsTruth {
  if (!employee) return {};
  const job = employee.jobInfo.filter((row) => row.date <= today).at(-1) ?? employee.jobInfo[0];
  const terminated = employee.employmentStatus.filter((row) => row.employmentStatus === 'Terminated').at(-1);
  const reason = terminated?.terminationReasonId ?? null;
  return {
    terminationType: !employee.terminationDate
      ? null
      : reason === null
        ? 'unknown'
        : /involuntary/i.test(reason)
          ? 'involuntary'
          : /voluntary/i.test(reason)
            ? 'voluntary'
            : 'other',
    groups: [
      ...(job?.department ? [`department:${job.department}`] : []),
      ...(job?.division ? [`division:${job.division}`] : []),
    ],
  };
}
