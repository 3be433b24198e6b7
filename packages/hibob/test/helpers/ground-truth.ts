import type { WorkerKind } from '@hrkit/core';
import { DEFAULT_HIBOB_EMPLOYMENT_TYPES } from '../../src/index.js';
import { EMPLOYMENT_TYPE_FIELD_ID, EMPLOYMENT_TYPE_ITEMS, type HiBobSandbox } from '../../src/sandbox/index.js';

const KIND: Record<string, WorkerKind> = { Contractor: 'contractor', 'Direct Employee': 'employee', EOR: 'eor_worker' };
const LABEL_OF = new Map(Object.entries(EMPLOYMENT_TYPE_ITEMS).map(([label, id]) => [id as string, label]));

/** What the employment type must be, from the sandbox's stored data (not from the API). */
export function expectedEmploymentType(box: HiBobSandbox, remoteId: string) {
  const stored = box.state.employee(remoteId)!;
  const item = stored.custom[EMPLOYMENT_TYPE_FIELD_ID] as string | undefined;
  if (item) return { label: LABEL_OF.get(item)!, kind: KIND[LABEL_OF.get(item)!]! };
  const payroll = stored.payrollType ? box.state.listItemName('payrollEmploymentType', stored.payrollType) : null;
  return {
    label: null,
    kind: (payroll && DEFAULT_HIBOB_EMPLOYMENT_TYPES.payroll.ruleFor(payroll)?.workerKind) || 'unknown',
  };
}
