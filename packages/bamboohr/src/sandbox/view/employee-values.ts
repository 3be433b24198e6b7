import type { Company } from '../state/company.js';
import type { SandboxEmployee } from '../state/types.js';
import { timestamp } from './http.js';

const EMPTY_DATE = '0000-00-00';
const DATE_FIELDS = new Set(['hireDate', 'originalHireDate', 'terminationDate', 'dateOfBirth']);

/**
 * One field of one employee exactly as reports and get-employee render it: strings everywhere, empty dates as
 * `0000-00-00`, `supervisorId` = the manager's EMPLOYEE NUMBER, `supervisor` = "Last, First".
 */
export function employeeValue(
  company: Company,
  employee: SandboxEmployee,
  alias: string,
  onlyCurrent = true,
): string | null {
  const job = company.job(employee, onlyCurrent);
  const manager = job?.reportsToId ? company.employees.get(job.reportsToId) : undefined;
  const compensation = employee.compensation.at(-1);
  switch (alias) {
    case 'id':
      return employee.id;
    case 'displayName':
      return `${employee.preferredName ?? employee.firstName} ${employee.lastName}`;
    case 'status':
      return company.statusOf(employee);
    case 'employmentHistoryStatus':
      return company.employment(employee, onlyCurrent)?.employmentStatus ?? null;
    case 'jobTitle':
    case 'department':
    case 'location':
    case 'division':
      return job?.[alias] ?? null;
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
    case 'payRate':
      return compensation ? `${compensation.rate.value} ${compensation.rate.currency}` : null;
    case 'payType':
      return compensation?.type ?? null;
    case 'payPer':
      return compensation?.paidPer ?? null;
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
