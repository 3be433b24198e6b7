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
  return null;
}
