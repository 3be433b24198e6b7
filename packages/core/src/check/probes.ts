import type { DiagnosticCheck } from '../contract/v1/diagnostics.js';
import { AuthenticationError, NotFoundError, PermissionError } from '../errors/errors.js';

type CheckEntry = Pick<DiagnosticCheck, 'id' | 'title' | 'severity' | 'capabilities'>;

/** What a probe may say after its call succeeded: narrower than ok (missing fields, a degraded feature). */
export type ProbeFinding = Partial<Pick<DiagnosticCheck, 'status' | 'summary' | 'missingFields' | 'fix'>>;

/**
 * One row of an adapter's `check()` table: a cheap call that needs exactly one permission, and how an admin
 * grants it in the provider's own words.
 */
export interface Probe<Result = unknown> extends CheckEntry {
  /** The permission or scope the call needs, as the provider's admin screen names it. */
  permission: string | null;
  /** How to grant it, step by step, in the provider's words. */
  steps: readonly string[];
  /** Skip this probe with the returned reason (e.g. "no webhook secret configured"); run it when null. */
  skip?: () => string | null;
  /** Why a 404 means "nothing to check here" (e.g. "the account has no time-off policies"). */
  notFound?: string;
  call(): Promise<Result>;
  /** Look at a successful answer: report missing fields or a degraded feature. Default: ok. */
  inspect?(result: Result): ProbeFinding | undefined;
  /**
   * A probe whose one answer is judged as several rows (one per field category of a sampled read): the rows
   * returned replace this probe's own row. A failed call still gives this probe's one row.
   */
  expand?(result: Result): DiagnosticCheck[];
}

/** How a provider's check differs from the defaults, in the provider's own words. */
export interface ProbeRunOptions {
  /** The fix on the row whose credentials were refused (where to check or renew them). Default: none. */
  credentialsFix?: DiagnosticCheck['fix'];
  /** Why every later probe is skipped once the credentials were refused. Default: "the credentials were refused". */
  refusedReason?: string;
  /**
   * Whose permission name a `missing` row carries: the provider's own (`error`, the default: it said what it
   * wanted) or the probe's (`probe`: for a provider whose 403 names a broader or internal permission).
   */
  permissionFrom?: 'error' | 'probe';
  /** The summary of a `missing` row, from the provider's message. Default: the message itself. */
  missingSummary?: (message: string) => string;
  /**
   * Give a row that is not ok (a failed call, or a finding without its own fix) the probe's fix too, not only a
   * `missing` one. Default: false (an `error` row carries no fix).
   */
  fixOnEveryGap?: boolean;
}

/**
 * Runs an adapter's probe table in order. An AuthenticationError is an `error` and stops the run (every later
 * probe is `skipped`: nothing can be learned with refused credentials); a PermissionError is `missing` with the
 * probe's fix (the error's own permission name wins when the provider said it, unless `permissionFrom: 'probe'`);
 * a NotFoundError is `skipped` with the probe's reason; any other failure is an `error` on that row only. Never
 * throws for a gap. `options` adapt the wording to the provider (docs/writing-an-adapter.md, "check()").
 */
export async function runProbes(
  probes: readonly Probe<never>[] | readonly Probe[],
  options: ProbeRunOptions = {},
): Promise<DiagnosticCheck[]> {
  const checks: DiagnosticCheck[] = [];
  let refused: string | null = null;
  for (const probe of probes as readonly Probe[]) {
    const entry: CheckEntry = {
      id: probe.id,
      title: probe.title,
      severity: probe.severity,
      capabilities: probe.capabilities,
    };
    const probeFix = () => ({ permission: probe.permission, steps: [...probe.steps] });
    const row = (
      status: DiagnosticCheck['status'],
      summary: string,
      fix: DiagnosticCheck['fix'] = options.fixOnEveryGap && status !== 'ok' && status !== 'skipped'
        ? probeFix()
        : null,
    ) => ({
      ...entry,
      status,
      summary,
      missingFields: [],
      fix,
    });
    if (refused !== null) {
      checks.push(row('skipped', `Not probed: ${refused}`));
      continue;
    }
    const skipped = probe.skip?.() ?? null;
    if (skipped !== null) {
      checks.push(row('skipped', skipped));
      continue;
    }
    try {
      const result = await probe.call();
      if (probe.expand) {
        checks.push(...probe.expand(result));
        continue;
      }
      const finding = probe.inspect?.(result) ?? {};
      const found = { ...row('ok', probe.permission ? `Granted: ${probe.permission}` : 'Works'), ...finding };
      if (found.status === 'ok') found.fix = finding.fix ?? null;
      else if (finding.fix === undefined && options.fixOnEveryGap && found.status !== 'skipped') found.fix = probeFix();
      checks.push(found);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof AuthenticationError) {
        refused = options.refusedReason ?? 'the credentials were refused';
        checks.push(row('error', message, options.credentialsFix ?? null));
      } else if (error instanceof PermissionError) {
        const permission =
          options.permissionFrom === 'probe'
            ? (probe.permission ?? error.permission)
            : (error.permission ?? probe.permission);
        checks.push(
          row('missing', options.missingSummary?.(message) ?? message, { permission, steps: [...probe.steps] }),
        );
      } else if (error instanceof NotFoundError) {
        checks.push(row('skipped', probe.notFound ?? `Nothing to probe: ${message}`));
      } else checks.push(row('error', message));
    }
  }
  return checks;
}
