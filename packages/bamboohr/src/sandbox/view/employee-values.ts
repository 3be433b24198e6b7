import type { Company } from '../state/company.js';
import type { JobInfoRow, SandboxEmployee } from '../state/types.js';
import { LEGAL_ENTITY_FIELD_ID, legalEntityOf } from '../state/entities.js';
import { timestamp } from './http.js';

const EMPTY_DATE = '0000-00-00';
const DATE_FIELDS = new Set(['hireDate', 'originalHireDate', 'terminationDate', 'dateOfBirth']);

/** What one employee's row needs, worked out once per employee (not once per cell). */
export interface EmployeeView {
  employee: SandboxEmployee;
  job: JobInfoRow | undefined;
  manager: SandboxEmployee | undefined;
  employmentStatus: string | null;
  status: 'Active' | 'Inactive';
}

export function viewOf(company: Company, employee: SandboxEmployee, onlyCurrent = true): EmployeeView {
  const job = company.job(employee, onlyCurrent);
  return {
    employee,
    job,
    manager: job?.reportsToId ? company.employees.get(job.reportsToId) : undefined,
    employmentStatus: company.employment(employee, onlyCurrent)?.employmentStatus ?? null,
    status: company.statusOf(employee),
  };
}

/**
 * One field as reports and get-employee render it: strings everywhere, empty dates as `0000-00-00`,
 * `supervisorId` = the manager's EMPLOYEE NUMBER, `supervisor` = "Last, First".
 */
export function fieldValue(view: EmployeeView, alias: string): string | null {
  const { employee, job, manager } = view;
  switch (alias) {
    case 'id':
      return employee.id;
    case 'displayName':
      return `${employee.preferredName ?? employee.firstName} ${employee.lastName}`;
    case 'status':
      return view.status;
    case 'employmentHistoryStatus':
      return view.employmentStatus;
    case 'jobTitle':
    case 'department':
    case 'location':
    case 'division':
      return job?.[alias] ?? null;
    case LEGAL_ENTITY_FIELD_ID:
      return legalEntityOf(job?.location);
    case 'supervisorEId':
      return manager?.id ?? null;
    case 'supervisorId':
      return manager?.employeeNumber ?? null;
    case 'supervisor':
      return manager ? `${manager.lastName}, ${manager.firstName}` : null;
    case 'reportsTo':
      return manager ? `${manager.firstName} ${manager.lastName}` : null;
    case 'lastChanged':
      return timestamp(employee.lastChanged);
    case 'payRate': {
      const pay = employee.compensation.at(-1);
      return pay ? `${pay.rate.value} ${pay.rate.currency}` : null;
    }
    case 'payType':
      return employee.compensation.at(-1)?.type ?? null;
    case 'payPer':
      return employee.compensation.at(-1)?.paidPer ?? null;
    case 'address2':
      return employee.address1 && Number(employee.id) % 4 === 0 ? 'Suite 100' : null;
    default: {
      if (!(alias in employee)) return null;
      const value = employee[alias as keyof SandboxEmployee];
      if (DATE_FIELDS.has(alias)) return typeof value === 'string' ? value : EMPTY_DATE;
      return typeof value === 'string' ? value : null;
    }
  }
}

export function employeeValue(
  company: Company,
  employee: SandboxEmployee,
  alias: string,
  onlyCurrent = true,
): string | null {
  return fieldValue(viewOf(company, employee, onlyCurrent), alias);
}
