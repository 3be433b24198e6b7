import type { EmployeeRecordsTruth } from '@hrkit/sandbox-kit';
import { COST_CENTER_FIELD_ID } from './data/custom-fields.js';
import { DEPARTMENTS } from './data/named-lists.js';
import { ENTITIES, SITE_DETAILS } from './data/payment-data.js';
import type { BobEmployee, NamedListItem } from './state/types.js';

function departmentName(id: string | null, items: readonly NamedListItem[] = DEPARTMENTS): string | null {
  for (const item of items) {
    if (item.id === id) return item.name;
    const child = departmentName(id, item.children);
    if (child) return child;
  }
  return null;
}

/** What the HiBob sandbox holds for one person, as the conformance suite's `expected.employeeRecords`. */
export function expectedEmployeeRecords(employee: BobEmployee | undefined): EmployeeRecordsTruth {
  if (!employee) return {};
  const site = employee.siteId === null ? undefined : SITE_DETAILS[employee.siteId];
  const department = departmentName(employee.department);
  const costCentre = employee.custom[COST_CENTER_FIELD_ID] ?? employee.extra[COST_CENTER_FIELD_ID];
  const account = employee.extra['financial.iban'] ?? employee.extra['financial.accountNumber'];
  const left =
    employee.terminationDate !== null || employee.terminationReason !== null || employee.terminationType !== null;
  return {
    workCountry: site?.country ?? null,
    legalEntity: ENTITIES.find((entity) => entity.id === site?.entityId)?.name ?? null,
    terminationType: !left
      ? null
      : employee.terminationType === '4002'
        ? 'involuntary'
        : employee.terminationType === '4001'
          ? 'voluntary'
          : 'unknown',
    groups: [
      ...(department ? [`department:${department}`] : []),
      ...(typeof costCentre === 'string' && costCentre ? [`cost_center:${costCentre}`] : []),
    ],
    bankAccounts: typeof account === 'string' ? [account] : [],
  };
}
