/** One jobInfo row: job title, department, location, division and manager from `date` on. */
export interface JobInfoRow {
  id: string;
  date: string;
  jobTitle: string;
  department: string;
  location: string;
  division: string;
  /** The manager's employee id (BambooHR shows the name; the sandbox keeps the id to render every form). */
  reportsToId: string | null;
}

/** One employmentStatus row: the employment type label ("Full-Time", …, "Terminated") from `date` on. */
export interface EmploymentStatusRow {
  id: string;
  date: string;
  employmentStatus: string;
  comment: string | null;
  terminationReasonId: string | null;
}

export interface CompensationRow {
  id: string;
  startDate: string;
  rate: { value: string; currency: string };
  type: 'Salary' | 'Hourly';
  paidPer: 'Year' | 'Hour';
  reason: string | null;
}

export interface SandboxEmployee {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  preferredName: string | null;
  workEmail: string | null;
  homeEmail: string | null;
  workPhone: string | null;
  mobilePhone: string | null;
  homePhone: string | null;
  hireDate: string;
  originalHireDate: string | null;
  terminationDate: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  maritalStatus: string | null;
  address1: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  jobInfo: JobInfoRow[];
  employmentStatus: EmploymentStatusRow[];
  compensation: CompensationRow[];
  /** Epoch ms of creation and of the last change (the `employees/changed` feed). */
  createdAt: number;
  lastChanged: number;
}

export type TimeOffStatus = 'approved' | 'requested' | 'denied' | 'canceled' | 'superceded';

export interface TimeOffType {
  id: string;
  name: string;
  units: 'hours' | 'days';
  color: string | null;
  icon: string;
  policyType: 'accruing' | 'discretionary' | 'manual';
  /** Accrued per month by accruing policies, in `units`. */
  monthlyAccrual: number;
}

export interface SandboxTimeOffRequest {
  id: string;
  employeeId: string;
  typeId: string;
  start: string;
  end: string;
  created: string;
  status: TimeOffStatus;
  /** Date (company time zone) of the last status change. */
  lastChanged: string;
  lastChangedByUserId: string;
  unit: 'hours' | 'days';
  /** Amount per day, as BambooHR stores it (weekends "0"). */
  dates: Record<string, number>;
  notes: { employee?: string; manager?: string };
  previousRequest: string | null;
}

export interface Holiday {
  id: number;
  name: string;
  start: string;
  end: string;
}

export interface SandboxWebhook {
  id: string;
  name: string;
  url: string;
  created: string;
  lastSent: string | null;
  events: string[];
  monitorFields: string[];
  postFields: Record<string, string>;
  format: 'json' | 'form-encoded';
  includeCompanyDomain: boolean;
  privateKey: string;
  /** Id of the endpoint in the kit's WebhookSender. */
  senderId: string;
}

/** What an API key may see. BambooHR keys act with their owner's access level. */
export interface KeyProfile {
  apiKey: string;
  /** The employee linked to the key's user (`/employees/0`). */
  employeeId: string;
  /** Fields this user cannot see: dropped from reports, omitted from get-employee. */
  hiddenFields: ReadonlySet<string>;
  /** History tables this user cannot read (403). */
  hiddenTables: ReadonlySet<string>;
  /** The company directory is off for this user (403). */
  directory: boolean;
  webhooks: boolean;
}
