/** The provider key every pay record carries (kept here so the pay module stands on its own). */
export const PAY_PROVIDER = 'hibob';

/** The permissions an admin grants in Bob, in Bob's own words, for each pay read. */
export const PAY_PERMISSIONS = {
  /** Salary table: current row with View, past rows with View history. */
  payroll: "People's Data › Payroll › View selected employees' Payroll sections (and View history for past rows)",
  /** Attendance entries search, summaries and daily breakdowns. */
  attendance: "People's Data › Time attendance › Manage time attendance sheets",
  /** Who the service user can read at all. */
  audience: 'Permission group › Access data for: include the employees (and leavers) whose data you need',
} as const;
