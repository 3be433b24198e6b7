import type { SeededGenerator } from '@hrkit/sandbox-kit';
import { BOB_FEATURES, categoryPermission, inAudience, type ServiceUser } from '../access/service-users.js';
import type { HiBobSandboxExtension } from '../extension.js';
import type { CompanyState } from '../state/company-state.js';
import type { HiBobCompanyData } from '../state/types.js';
import { generatePayData, type PaySandboxData } from './pay-data.js';
import type { PayAccess } from './pay-route-types.js';
import { type PayRouteOptions, payRoutes } from './pay-routes.js';

export const PAY_EXTENSION_NAME = 'pay';

/** The sandbox permission that grants attendance (People's Data › Time attendance › Manage time attendance sheets). */
export const ATTENDANCE_PERMISSION = 'feature:attendance';

/** What the extension stores in `company.ext.pay`. */
export interface PayExtensionData {
  seed: number;
  /** Employees whose Payroll section no service user may read (e.g. executives). */
  payrollHiddenIds: string[];
}

export interface PayExtensionOptions extends PayRouteOptions {
  /** How many employees hide their Payroll section. Default 0, so a full-access reader sees every salary. */
  payrollHidden?: number;
}

/** Documented allowance: attendance entries search 200/min. The salary endpoints' limits are unknown (not limited). */
const LIMITS: Record<string, number | null> = { 'hibob.attendance.entries.search': 200 };

/**
 * Salaries, payroll history and attendance for the HiBob sandbox, registered through its extension point. Access is
 * the caller's: Payroll needs View on the `payroll` category; attendance needs `feature:attendance` once the sandbox
 * knows that feature (until then every authenticated caller may read attendance); outsiders of the caller's audience
 * are handled as HiBob documents for bulk tables.
 */
export function payExtension(options: PayExtensionOptions = {}): HiBobSandboxExtension {
  return {
    name: PAY_EXTENSION_NAME,
    seed(company: HiBobCompanyData, random: SeededGenerator) {
      const count = Math.min(options.payrollHidden ?? 0, company.employees.length);
      const data: PayExtensionData = {
        seed: random.int(1, 2_000_000_000),
        payrollHiddenIds: company.employees.slice(company.employees.length - count).map((employee) => employee.id),
      };
      company.ext[PAY_EXTENSION_NAME] = data;
    },
    routes(api) {
      const dataOf = payDataCache(api.state);
      const accessOf = accessCache(api.state);
      for (const route of payRoutes(dataOf.proxy, options))
        api.route({
          method: route.method,
          pattern: route.pattern,
          endpoint: route.name,
          limit: LIMITS[route.name] ?? null,
          handler: (request, caller) => {
            dataOf.refresh();
            return route.handler(request, accessOf(caller));
          },
        });
    },
  };
}

/**
 * The caller's access, with its audience cached per service user until the company or the day changes: a 100k-person
 * bulk read asks for it on every page.
 */
function accessCache(state: CompanyState): (caller: ServiceUser) => PayAccess {
  const knowsAttendance = (BOB_FEATURES as readonly string[]).includes('attendance');
  // Keyed by the credential object (a re-added service user is a new object); any company change starts afresh.
  const audiences = new WeakMap<ServiceUser, { key: string; ids: ReadonlySet<string> }>();
  let generation = 0;
  state.onEvent(() => {
    generation++;
  });
  return (caller) => {
    const today = state.today();
    const key = `${generation}|${state.employees.length}|${today}`;
    let cached = audiences.get(caller);
    if (!cached || cached.key !== key) {
      const ids = new Set(state.employees.filter((employee) => inAudience(caller, employee, today)).map((e) => e.id));
      cached = { key, ids };
      audiences.set(caller, cached);
    }
    return {
      payroll: caller.permissions.has(categoryPermission('payroll')),
      attendance: knowsAttendance ? caller.permissions.has(ATTENDANCE_PERMISSION) : true,
      audience: cached.ids,
    };
  };
}

/**
 * Pay data follows the live company: regenerated (deterministically) when employees are added or the sandbox clock
 * moves to another day; each employee's rows depend only on the seed and its position, so they never change.
 */
function payDataCache(state: CompanyState): { proxy: PaySandboxData; refresh(): void } {
  let current: PaySandboxData | null = null;
  let key = '';
  const refresh = () => {
    const stored = state.data.ext[PAY_EXTENSION_NAME] as PayExtensionData | undefined;
    const ids = state.employees.map((employee) => employee.id);
    const next = `${ids.length}|${state.today()}`;
    if (current && next === key) return;
    key = next;
    current = generatePayData({
      seed: stored?.seed ?? state.data.seed,
      employeeIds: ids,
      payrollHiddenIds: stored?.payrollHiddenIds ?? [],
      today: state.today(),
      startDateOf: (id) => state.employee(id)?.startDate,
    });
  };
  const get = (): PaySandboxData => {
    if (!current) refresh();
    return current as PaySandboxData;
  };
  const proxy: PaySandboxData = {
    get employeeIds() {
      return get().employeeIds;
    },
    get payrollHidden() {
      return get().payrollHidden;
    },
    get today() {
      return get().today;
    },
    salaryRows: (id) => get().salaryRows(id),
    attendanceOn: (id, date) => get().attendanceOn(id, date),
    readableSalaryRowIds: () => get().readableSalaryRowIds(),
  };
  return { proxy, refresh };
}
