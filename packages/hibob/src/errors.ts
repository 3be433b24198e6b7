import {
  AuthenticationError,
  type ErrorMapper,
  type HrKitError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  ProviderError,
} from '@hrkit/core';
import { HIBOB } from './config.js';

/**
 * The permission a HiBob request needs, in the words of Bob's permission-group screens, so that an error or a
 * `check()` entry tells the customer's admin exactly what to grant.
 */
export const HIBOB_PERMISSIONS = {
  directory: 'Features › People › Directory',
  permissionGroup: 'Settings › Integrations › Automation › Service users › add the service user to a permission group',
  whosOut: "People's Data › Time off › See who's out",
  balances: "People's Data › Time off › Balance › See selected people's balances",
  timeOffSettings: "Features › Time off › Settings › Manage company's time off settings",
  pendingRequests:
    "People's Data › Time off › Requests › Create, edit and cancel people's requests that haven't been approved yet",
  privatePolicies: "People's Data › Time off › See who's out › See who's out because of private policy",
  /** Salary table: current row with View, past rows with View history (salaries, payroll history). */
  payroll: "People's Data › Payroll › View selected employees' Payroll sections (and View history for past rows)",
  /** Attendance entries search, summaries and daily breakdowns. */
  attendance: "People's Data › Time attendance › Manage time attendance sheets",
  /** Not a permission but the group's population: HiBob's default condition hides leavers and future hires. */
  audience:
    'Permission group › Access data for: everyone you sync (remove the condition "Lifecycle status equals Employed")',
} as const;

/** `People's Data › <category> › View` (or `View history` for table history). */
export function categoryPermission(categoryName: string, history = false): string {
  return `People's Data › ${categoryName} › ${history ? 'View history' : 'View'}`;
}

const TABLE_CATEGORY: Record<string, string> = {
  work: 'Work',
  employment: 'Employment',
  lifecycle: 'Lifecycle',
  salaries: 'Payroll',
  variable: 'Payroll',
  equities: 'Equity',
};

/** The permission a request path needs; null when the path needs none in particular. */
export function permissionForPath(path: string): string | null {
  const table = /^\/v1\/(?:bulk\/)?people\/(?:[^/]+\/)?(work|employment|lifecycle|salaries|variable|equities)$/.exec(
    path,
  );
  if (table?.[1]) return categoryPermission(TABLE_CATEGORY[table[1]] ?? table[1], true);
  if (/^\/v1\/people(\/|$)/.test(path)) return HIBOB_PERMISSIONS.directory;
  if (/^\/v1\/timeoff\/employees\/[^/]+\/balance/.test(path)) return HIBOB_PERMISSIONS.balances;
  if (/^\/v1\/timeoff\/(policy-types|policies)/.test(path)) return HIBOB_PERMISSIONS.timeOffSettings;
  if (/^\/v1\/timeoff\//.test(path)) return HIBOB_PERMISSIONS.whosOut;
  if (/^\/v1\/company\//.test(path)) return HIBOB_PERMISSIONS.permissionGroup;
  if (/^\/v1\/payroll\//.test(path)) return HIBOB_PERMISSIONS.payroll;
  if (/^\/v1\/attendance\//.test(path)) return HIBOB_PERMISSIONS.attendance;
  return null;
}

/** HiBob's error text, from `{key, error}` (most APIs), `{errorMessage}`, `{message}` or field-level `{errors}`. */
export function hibobErrorText(body: unknown): { key: string | null; message: string | null } {
  if (!body || typeof body !== 'object') return { key: null, message: null };
  const record = body as Record<string, unknown>;
  const key = typeof record.key === 'string' || typeof record.key === 'number' ? String(record.key) : null;
  for (const name of ['error', 'errorMessage', 'message']) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return { key, message: value };
  }
  if (record.errors && typeof record.errors === 'object') {
    const parts = Object.entries(record.errors as Record<string, unknown>).map(([field, detail]) => {
      const text = detail && typeof detail === 'object' ? (detail as Record<string, unknown>).message : detail;
      return `${field}: ${typeof text === 'string' ? text : JSON.stringify(text)}`;
    });
    if (parts.length > 0) return { key, message: parts.slice(0, 5).join('; ') };
  }
  return { key, message: null };
}

function notFound(path: string, options: { provider: string; request: string; status: number }): HrKitError {
  const decode = (value: string | undefined) => decodeURIComponent(value ?? '');
  const request = /^\/v1\/timeoff\/employees\/([^/]+)\/requests\/([^/]+)$/.exec(path);
  if (request) return new NotFoundError('time-off request', `${decode(request[1])}/${decode(request[2])}`, options);
  const person = /^\/v1\/people\/([^/]+)$/.exec(path);
  if (person && person[1] !== 'search') return new NotFoundError('employee', decode(person[1]), options);
  const list = /^\/v1\/company\/named-lists\/([^/]+)$/.exec(path);
  if (list) return new NotFoundError('named list', decode(list[1]), options);
  const policyType = /^\/v1\/timeoff\/policy-types\/([^/]+)$/.exec(path);
  if (policyType) return new NotFoundError('time-off policy type', decode(policyType[1]), options);
  // HiBob answers 404 for modules the company has not bought: Time and Attendance is sold separately.
  if (path.startsWith('/v1/attendance/')) {
    const unsupported = new NotSupportedError('attendance', options);
    unsupported.message = `${HIBOB} answered 404 on ${path}: the company's Bob account has no Time and Attendance module`;
    return unsupported;
  }
  return new NotFoundError('HiBob resource', path, options);
}

/**
 * HiBob-specific error mapping: 401 never retried (HiBob's WAF blocks callers that repeat failed logins),
 * 403 names the permission to grant in Bob's own words, `{key, error}` bodies become the message.
 */
export const mapHiBobError: ErrorMapper = ({ status, body, request }) => {
  const path = request.split(' ')[1] ?? '';
  const { key, message } = hibobErrorText(body);
  const said = message ? ` HiBob said: "${message}".` : '';
  const options = { provider: HIBOB, request, status };
  const permission = permissionForPath(path);
  // Some HiBob endpoints answer 401 (not 403) for a missing permission, with "No permissions to …".
  if (status === 401 && !(message && /no permission/i.test(message)))
    return new AuthenticationError(
      `HiBob refused the service user credentials (401) on ${request}. Check the service user ID and token ` +
        '(Settings › Integrations › Automation › Service users; legacy API tokens stopped working on 31 Oct 2024). ' +
        `hrkit does not retry a 401: HiBob blocks callers that repeat failed logins.${said}`,
      options,
    );
  if (status === 401 || status === 403)
    return new PermissionError(
      `HiBob denied ${request} (${status}): the service user lacks a permission${
        permission ? `; grant "${permission}" to its permission group` : ''
      }.${said}`,
      { ...options, permission },
    );
  if (status === 404) return notFound(path, options);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return new ProviderError(`HiBob rejected ${request} (${status}).${said || ' No error text.'}`, {
      ...options,
      retryable: false,
      providerCode: key,
    });
  return undefined;
};

/** One employee whose pay rows the service user may not read. Carries ids and codes only, never amounts. */
export interface PayPermissionIssue {
  employeeRemoteId: string;
  /** HiBob's code when it gave one (e.g. `MISSING_PERMISSION`), else the HTTP status as text. */
  code: string;
  /** HiBob's message, when it gave one. */
  message: string | null;
  /** Where it was reported: `bulk salaries`, `employee salaries`, `payroll history`. */
  source: string;
}

/** Some employees' pay could not be read; `issues` names them. Thrown after every readable row was delivered. */
export class PayPermissionError extends PermissionError {
  readonly issues: readonly PayPermissionIssue[];
  constructor(issues: readonly PayPermissionIssue[]) {
    const ids = issues.map((issue) => issue.employeeRemoteId);
    const codes = [...new Set(issues.map((issue) => issue.code))].join(', ');
    const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? `, … (${ids.length - 10} more)` : '');
    super(
      `${HIBOB}: the service user may not read the salary rows of ${ids.length} employee(s) (${codes}): ${shown}. ` +
        `Every other row was delivered. Grant ${HIBOB_PERMISSIONS.payroll} for them, or widen ${HIBOB_PERMISSIONS.audience}`,
      { provider: HIBOB, permission: HIBOB_PERMISSIONS.payroll },
    );
    this.issues = issues;
  }
}
