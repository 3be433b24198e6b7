import { type Logger, PermissionError } from '@hrkit/core';
import { PAY_PERMISSIONS, PAY_PROVIDER } from './provider.js';

/** One employee whose pay rows the service user may not read. Carries ids and codes only, never amounts. */
export interface PayPermissionIssue {
  employeeRemoteId: string;
  /** HiBob's code when it gave one (e.g. `MISSING_PERMISSION`), else the HTTP status as text. */
  code: string;
  /** HiBob's message, when it gave one. */
  message: string | null;
  /** Where it was reported: `bulk salaries`, `employee salaries`. */
  source: string;
}

/** How a read handles unreadable employees (extra options of the HiBob pay reads). */
export interface PayIssueHandling {
  /**
   * Called once per employee whose pay the service user may not read. Giving a handler means the consumer handles
   * the gaps: the read then completes without throwing (unless `failOnPermissionIssues` is true).
   */
  onPermissionIssue?: (issue: PayPermissionIssue) => void;
  /**
   * Throw a PayPermissionError at the END of the read (after every readable row was yielded) when any employee was
   * unreadable. Default: true without `onPermissionIssue`, false with it. Gaps in pay data are never silent.
   */
  failOnPermissionIssues?: boolean;
}

/** Some employees' pay could not be read; `issues` names them. Thrown after every readable row was delivered. */
export class PayPermissionError extends PermissionError {
  readonly issues: readonly PayPermissionIssue[];
  constructor(issues: readonly PayPermissionIssue[]) {
    const ids = issues.map((issue) => issue.employeeRemoteId);
    const codes = [...new Set(issues.map((issue) => issue.code))].join(', ');
    const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? `, … (${ids.length - 10} more)` : '');
    super(
      `${PAY_PROVIDER}: the service user may not read the salary rows of ${ids.length} employee(s) (${codes}): ${shown}. ` +
        `Every other row was delivered. Grant ${PAY_PERMISSIONS.payroll} for them, or widen ${PAY_PERMISSIONS.audience}`,
      { provider: PAY_PROVIDER, permission: PAY_PERMISSIONS.payroll },
    );
    this.issues = issues;
  }
}

/**
 * HiBob's bulk `errors` key has no documented layout. Accept a list of objects (`{employeeId, code|key|error,
 * message}`), a map keyed by employee id, or a list of ids; anything else is reported under the id `unknown`.
 */
export function readBulkErrors(errors: unknown, source: string): PayPermissionIssue[] {
  if (errors === undefined || errors === null) return [];
  if (Array.isArray(errors)) return errors.map((entry) => issueFrom(entry, null, source));
  if (typeof errors === 'object')
    return Object.entries(errors as Record<string, unknown>).map(([id, entry]) => issueFrom(entry, id, source));
  return [issueFrom(errors, null, source)];
}

function issueFrom(entry: unknown, keyId: string | null, source: string): PayPermissionIssue {
  if (typeof entry === 'string' || typeof entry === 'number')
    return { employeeRemoteId: keyId ?? String(entry), code: 'MISSING_PERMISSION', message: null, source };
  const record = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const id = record.employeeId ?? record.id ?? keyId ?? 'unknown';
  const code = record.code ?? record.key ?? record.error ?? record.errorCode ?? 'MISSING_PERMISSION';
  const message = record.message ?? record.errorMessage ?? null;
  return {
    employeeRemoteId: String(id),
    code: String(code),
    message: typeof message === 'string' ? message : null,
    source,
  };
}

/** Collects issues during a read: logs each (ids and codes only), forwards it, and decides at the end. */
export class PayIssueCollector {
  private readonly issues: PayPermissionIssue[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly logger: Logger,
    private readonly handling: PayIssueHandling,
  ) {}

  report(issue: PayPermissionIssue): void {
    // Bulk pages may repeat an employee's error; report each employee once.
    if (this.seen.has(issue.employeeRemoteId)) return;
    this.seen.add(issue.employeeRemoteId);
    this.issues.push(issue);
    this.logger.warn('hibob.compensation.unreadable_employee', {
      provider: PAY_PROVIDER,
      employeeRemoteId: issue.employeeRemoteId,
      code: issue.code,
      source: issue.source,
      permission: PAY_PERMISSIONS.payroll,
    });
    this.handling.onPermissionIssue?.(issue);
  }

  get count(): number {
    return this.issues.length;
  }

  /** Throw if the consumer wants gaps to fail the read. Called after the last row was yielded. */
  finish(): void {
    const fail = this.handling.failOnPermissionIssues ?? this.handling.onPermissionIssue === undefined;
    if (fail && this.issues.length > 0) throw new PayPermissionError(this.issues);
  }
}
