import { type AttendanceRouteOptions, attendanceRoutes } from './attendance-routes.js';
import type { PaySandboxData } from './pay-data.js';
import type { PayRoute } from './pay-route-types.js';
import { type SalaryRouteOptions, salaryRoutes } from './salary-routes.js';

export type PayRouteOptions = SalaryRouteOptions & AttendanceRouteOptions;

/** Every pay and attendance route of the HiBob sandbox, for the host sandbox to register. */
export function payRoutes(data: PaySandboxData, options: PayRouteOptions = {}): PayRoute[] {
  return [...salaryRoutes(data, options), ...attendanceRoutes(data, options)];
}

/** Route names that serve sensitive data: a test asserting "nothing sensitive was requested" counts these. */
export const SENSITIVE_PAY_ROUTE_NAMES: ReadonlySet<string> = new Set([
  'hibob.salaries.employee',
  'hibob.salaries.bulk',
  'hibob.payroll.history',
  'hibob.attendance.entries.search',
]);
