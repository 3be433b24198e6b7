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
}

/**
 * Runs an adapter's probe table in order. An AuthenticationError is an `error` and stops the run (every later
 * probe is `skipped`: nothing can be learned with refused credentials); a PermissionError is `missing` with the
 * probe's fix (the error's own permission name wins when the provider said it); a NotFoundError is `skipped` with
 * the probe's reason; any other failure is an `error` on that row only. Never throws for a gap.
 */
export async function runProbes(probes: readonly Probe<never>[] | readonly Probe[]): Promise<DiagnosticCheck[]> {
  const checks: DiagnosticCheck[] = [];
  let refused: string | null = null;
  for (const probe of probes as readonly Probe[]) {
    const entry: CheckEntry = {
      id: probe.id,
      title: probe.title,
      severity: probe.severity,
      capabilities: probe.capabilities,
    };
    const row = (status: DiagnosticCheck['status'], summary: string, fix: DiagnosticCheck['fix'] = null) => ({
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
      const finding = probe.inspect?.(result) ?? {};
      checks.push({ ...row('ok', probe.permission ? `Granted: ${probe.permission}` : 'Works'), ...finding });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof AuthenticationError) {
        refused = 'the credentials were refused';
        checks.push(row('error', message));
      } else if (error instanceof PermissionError) {
        const permission = error.permission ?? probe.permission;
        checks.push(row('missing', message, { permission, steps: [...probe.steps] }));
      } else if (error instanceof NotFoundError) {
        checks.push(row('skipped', probe.notFound ?? `Nothing to probe: ${message}`));
      } else checks.push(row('error', message));
    }
  }
  return checks;
}
