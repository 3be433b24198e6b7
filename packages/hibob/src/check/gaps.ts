import { type DiagnosticCheck, PermissionError } from '@hrkit/core';
import type { HiBobClient } from '../client.js';
import { categoryPermission, HIBOB_PERMISSIONS } from '../errors.js';
import { asIsoDate, asNumber, asText, isRecord } from '../mapping/normalize.js';
import { readField } from '../mapping/read-field.js';
import type { RawTimeOffRequest } from '../raw/time-off.js';
import { employeeIdOf } from '../readers/employees.js';
import type { Session } from '../readers/session.js';

/**
 * The probes of `check()` that find what HiBob hides without an error: people outside the audience, past rows of a
 * history table, pending and private-policy requests. Each returns what it saw as a check result; none throws for
 * a gap (a 403 still propagates, and `check()` turns it into `missing`).
 */
export interface GapResult {
  status: DiagnosticCheck['status'];
  summary: string;
  missingFields?: string[];
  /** Overrides the probe's default fix when the gap names a different permission. */
  fix?: DiagnosticCheck['fix'];
}

/** The visible population, as the audience probe read it; later probes sample from it. */
export interface Population {
  /** Employee id → start date (`YYYY-MM-DD`), for everyone whose start date was readable. */
  startDates: Map<string, string>;
}

/** Below this many visible people, "no leaver at all" is not yet suspicious. */
const LEAVER_EVIDENCE_MIN = 20;
/** One bulk page: HiBob accepts at most 200 employee ids per bulk table request. */
const HISTORY_SAMPLE = 200;

function managerIdOf(value: unknown): string | null {
  return isRecord(value) ? asText(value.id) : asText(value);
}

/**
 * "Access data for" hides people silently. Two signals: HiBob's calculated `work.directReports` counts reports the
 * service user cannot see (INFERRED: the count is company-wide), and a sizeable population without a single
 * leaver (HiBob's default condition "Lifecycle status equals Employed").
 */
export async function probeAudience(
  client: HiBobClient,
  session: Session,
  today: string,
): Promise<{ result: GapResult; population: Population }> {
  const { catalog } = session;
  const startDate = catalog.role('startDate');
  const terminationDate = catalog.role('terminationDate');
  const manager = catalog.role('manager') ?? catalog.role('reportsTo');
  const directReports = catalog.get('work.directReports');
  const population: Population = { startDates: new Map() };
  if (!startDate || !terminationDate)
    return {
      population,
      result: { status: 'skipped', summary: 'Not probed: the fields metadata has no start or termination date' },
    };
  const fields = [startDate, terminationDate, manager, directReports].filter((field) => field !== undefined);
  const employees = await client.search({
    fields: ['root.id', ...fields.map((field) => field.id)],
    showInactive: true,
  });
  let leavers = 0;
  let futureHires = 0;
  const reportsSeen = new Map<string, number>();
  const reportsCounted = new Map<string, number>();
  for (const employee of employees) {
    const id = employeeIdOf(employee);
    if (!id) continue;
    const start = asIsoDate(readField(employee, startDate).value);
    const end = asIsoDate(readField(employee, terminationDate).value);
    if (start) population.startDates.set(id, start);
    if (end && end <= today) leavers++;
    if (start && start > today) futureHires++;
    const managerId = manager ? managerIdOf(readField(employee, manager).value) : null;
    if (managerId) reportsSeen.set(managerId, (reportsSeen.get(managerId) ?? 0) + 1);
    const counted = directReports ? asNumber(readField(employee, directReports).value) : null;
    if (counted !== null) reportsCounted.set(id, counted);
  }
  let hidden = 0;
  for (const [id, counted] of reportsCounted) hidden += Math.max(0, counted - (reportsSeen.get(id) ?? 0));
  const absent = [leavers === 0 ? 'no leavers' : null, futureHires === 0 ? 'no future hires' : null].filter(Boolean);
  const seen = `${employees.length} employees visible (${leavers} leavers, ${futureHires} future hires)`;
  if (hidden > 0)
    return {
      population,
      result: {
        status: 'degraded',
        summary: `HiBob counts ${hidden} direct reports of visible managers that the service user cannot see: its "Access data for" audience leaves people out${absent.length ? ` (${absent.join(', ')} visible)` : ''}, and every listing silently lacks them. ${seen}`,
      },
    };
  if (leavers === 0 && employees.length >= LEAVER_EVIDENCE_MIN)
    return {
      population,
      result: {
        status: 'degraded',
        summary: `No leaver among ${employees.length} visible employees: the "Access data for" audience most likely keeps HiBob's default condition "Lifecycle status equals Employed", so terminations and includeInactive reads miss them`,
      },
    };
  return { population, result: { status: 'ok', summary: `${seen}; no sign of people outside the audience` } };
}

const HISTORY_TABLES = [
  ['work', 'Work'],
  ['employment', 'Employment'],
  ['lifecycle', 'Lifecycle'],
] as const;

/**
 * Each history table for a sample of employees (one bulk page per table). A 403 means no View on the category; with
 * View but not View history HiBob answers only the current row, which shows when an employee's only row starts
 * after the employee did (every history begins at the start date or before).
 */
export async function probeHistory(
  client: HiBobClient,
  population: Population | null,
  fallbackId: string | undefined,
  today: string,
): Promise<GapResult> {
  const sample = population
    ? [...population.startDates]
        .filter(([, start]) => start <= today)
        .slice(0, HISTORY_SAMPLE)
        .map(([id]) => id)
    : fallbackId
      ? [fallbackId]
      : [];
  const startDates = population?.startDates ?? new Map<string, string>();
  if (sample.length === 0) return { status: 'skipped', summary: 'No started employee visible to read history of' };
  const gaps: Array<{ table: string; permission: string; why: string }> = [];
  for (const [table, category] of HISTORY_TABLES) {
    const permission = categoryPermission(category, true);
    let page: Awaited<ReturnType<HiBobClient['bulkTable']>>;
    try {
      page = await client.bulkTable(table, sample, undefined);
    } catch (error) {
      if (!(error instanceof PermissionError)) throw error;
      gaps.push({ table, permission, why: `${category}: not readable (403)` });
      continue;
    }
    const truncated = page.results.filter((result) => {
      const rows = result.values ?? [];
      const start = startDates.get(result.employeeId);
      const only = rows.length === 1 ? asIsoDate(rows[0]?.effectiveDate) : null;
      return start !== undefined && only !== null && only > start;
    });
    if (truncated.length > 0)
      gaps.push({
        table,
        permission,
        why: `${category}: only the current row comes back (${truncated.length} of ${page.results.length} sampled employees have a single row that starts after they did): the service user can View but not View history`,
      });
  }
  if (gaps.length === 0)
    return {
      status: 'ok',
      summary: `Work, employment and lifecycle history readable (${sample.length} employees sampled)`,
    };
  const first = gaps[0]!;
  const allRefused = gaps.length === HISTORY_TABLES.length && gaps.every((gap) => gap.why.endsWith('(403)'));
  return {
    status: allRefused ? 'missing' : 'degraded',
    summary: `History incomplete — ${gaps.map((gap) => gap.why).join('; ')}`,
    missingFields: gaps.map((gap) => gap.table),
    fix: {
      permission: first.permission,
      steps: [
        'In Bob: Settings › Integrations › Automation › Service users: open the service user’s permission group',
        ...gaps.map((gap) => `Grant: ${gap.permission}`),
      ],
    },
  };
}

function changeTypeOf(change: RawTimeOffRequest): string {
  return (change.changeType ?? '').toLowerCase();
}

/** Reads policies until one needs approval; null when the settings cannot be read. */
async function approvalPolicy(client: HiBobClient, policyTypes: readonly string[]): Promise<string | null | false> {
  if (policyTypes.length === 0) return null;
  for (const type of policyTypes) {
    for (const name of await client.policyNames(type)) {
      if ((await client.policy(name)).approvalRequired === true) return name;
    }
  }
  return false;
}

/**
 * Pending requests: HiBob leaves them out of the feed (even with `includePending=true`) without the pending
 * permission. Any `Pending` change proves access; none while a policy needs approval proves the gap.
 */
export async function probePending(
  client: HiBobClient,
  window: { since: string; to: string },
  policyTypes: readonly string[] | null,
): Promise<{ result: GapResult; changes: RawTimeOffRequest[] }> {
  const changes = await client.changes({ ...window, includePending: true });
  const pending = changes.filter((change) => changeTypeOf(change) === 'pending').length;
  if (pending > 0)
    return { changes, result: { status: 'ok', summary: `${pending} pending-request changes visible in 180 days` } };
  if (changes.length === 0)
    return {
      changes,
      result: { status: 'skipped', summary: 'No time-off request changed in the last 180 days: nothing to judge by' },
    };
  const needsApproval = policyTypes ? await approvalPolicy(client, policyTypes) : null;
  if (needsApproval === false)
    return { changes, result: { status: 'ok', summary: 'No policy needs approval: no request is ever pending' } };
  return {
    changes,
    result: {
      status: 'degraded',
      summary:
        needsApproval === null
          ? `No pending request in the feed of the last 180 days, and the policies are unreadable (see timeOff.policies): if any policy needs approval, HiBob is leaving pending requests out (${HIBOB_PERMISSIONS.pendingRequests})`
          : `Policy "${needsApproval}" needs approval, yet the feed of the last 180 days holds no pending request: HiBob leaves them out without the pending-requests permission, so includePending reads miss them`,
    },
  };
}

/**
 * Private-policy requests are hidden entirely without the private-policy permission (and `includePrivate=true`,
 * which hrkit always sends). A `Private` item proves access; none in six months around today is reported as a
 * likely gap, since HiBob offers no other way to tell that private policies exist.
 */
export async function probePrivate(
  client: HiBobClient,
  window: { from: string; to: string },
  feed: readonly RawTimeOffRequest[],
): Promise<GapResult> {
  const outs = await client.whosOut({ ...window, includePending: false });
  const isPrivate = (item: RawTimeOffRequest) => (item.visibility ?? '').toLowerCase() === 'private';
  const seen = outs.filter(isPrivate).length + feed.filter(isPrivate).length;
  if (seen > 0) return { status: 'ok', summary: `${seen} private-policy requests and absences visible` };
  if (outs.length === 0 && feed.length === 0)
    return {
      status: 'skipped',
      summary: `No request or absence between ${window.from} and ${window.to}: nothing to judge by`,
    };
  return {
    status: 'degraded',
    summary: `No private-policy request or absence visible between ${window.from} and ${window.to}: HiBob hides them entirely without the private-policy permission — grant it if the company has private policies (e.g. sick leave)`,
  };
}
