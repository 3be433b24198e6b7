import type { DiagnosticCheck } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../src/sandbox/index.js';
import { lifecycleOn } from '../src/sandbox/state/lifecycle.js';
import { collect, connect, NOW, useSandbox } from './helpers/sandbox.js';
import { call } from './sandbox-helpers.js';

/** The gaps HiBob does not report as errors: each one modelled by the sandbox, each one named by check(). */
const sandbox = useSandbox({ employees: 60, seed: 13 });
const TODAY = NOW.slice(0, 10);

async function checkOf(config: Record<string, unknown>): Promise<Map<string, DiagnosticCheck>> {
  const report = await connect(config).bob.check();
  return new Map(report.checks.map((check) => [check.id, check]));
}

describe('check() names the gaps HiBob hides without an error', () => {
  it('the full-access service user: audience, history, pending and private all ok', async () => {
    const box = await sandbox();
    const checks = await checkOf(box.connectionConfig());
    for (const id of [
      'employees.audience',
      'employees.history',
      'timeOff.pending',
      'timeOff.private',
      'timeOff.balances',
    ])
      expect(checks.get(id)?.status, `${id}: ${checks.get(id)?.summary}`).toBe('ok');
  });

  it('an audience without leavers ("Lifecycle status equals Employed") is named, not ok', async () => {
    const box = await sandbox();
    const checks = await checkOf(box.control.createServiceUser({ audience: { includeInactive: false } }));
    const audience = checks.get('employees.audience');
    expect(audience?.status).toBe('degraded');
    expect(audience?.summary).toMatch(/no leavers/);
    expect(audience?.fix?.permission).toMatch(/Access data for.*Lifecycle status equals Employed/);
  });

  it('an audience hiding future hires is found through the managers’ direct-report counts', async () => {
    const box = await sandbox();
    const hidden = box.state.employees.filter((employee) => lifecycleOn(employee, TODAY) === 'hired');
    expect(hidden.some((employee) => employee.managerId !== null)).toBe(true);
    const config = box.control.createServiceUser({
      audience: { lifecycleStatuses: ['employed', 'leave', 'terminated'] },
    });
    const { bob } = connect(config);
    const listed = await collect(bob.employees.list({ includeInactive: true }));
    expect(listed.some((employee) => hidden.some((hire) => hire.id === employee.remoteId))).toBe(false);
    const audience = (await bob.check()).checks.find((check) => check.id === 'employees.audience');
    expect(audience?.status).toBe('degraded');
    expect(audience?.summary).toMatch(/cannot see.*no future hires visible/);
    expect(audience?.fix?.permission).toMatch(/Access data for/);
  });

  it('without the pending-requests permission, pending requests vanish from the feed and check() says so', async () => {
    const box = await sandbox();
    const { config } = box.control.restrictedConnectionFor('timeOff.pending');
    const { bob } = connect(config);
    const since = new Date(Date.parse(NOW) - 170 * 86_400_000).toISOString();
    const seen = await collect(bob.timeOff.requestChanges({ since, includePending: true }));
    expect(seen.every((request) => request.status.value !== 'requested')).toBe(true);
    const pending = (await bob.check()).checks.find((check) => check.id === 'timeOff.pending');
    expect(pending?.status).toBe('degraded');
    expect(pending?.summary).toMatch(/needs approval/);
    expect(pending?.fix?.permission).toBe(
      "People's Data › Time off › Requests › Create, edit and cancel people's requests that haven't been approved yet",
    );
  });

  it('private-policy absences are read with the permission, and their absence without it is named', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const from = new Date(Date.parse(NOW) - 60 * 86_400_000).toISOString().slice(0, 10);
    const absences = await collect(bob.timeOff.whosOut({ from, to: TODAY }));
    expect(absences.some((absence) => absence.visibility === 'private')).toBe(true);

    const { config } = box.control.restrictedConnectionFor('timeOff.private');
    const limited = connect(config).bob;
    expect((await collect(limited.timeOff.whosOut({ from, to: TODAY }))).some((a) => a.visibility === 'private')).toBe(
      false,
    );
    const check = (await limited.check()).checks.find((entry) => entry.id === 'timeOff.private');
    expect(check?.status).toBe('degraded');
    expect(check?.fix?.permission).toBe(
      "People's Data › Time off › See who's out › See who's out because of private policy",
    );
  });

  it('View without View history: the sandbox serves only the current row, and check() names the right table', async () => {
    const box = await sandbox();
    const person = box.state.employees.find(
      (employee) => lifecycleOn(employee, TODAY) === 'employed' && employee.startDate < '2026-01-01',
    )!;
    box.control.addTableRow(person.id, 'employment', { effectiveDate: '2026-02-01', weeklyHours: 32 });
    const config = box.control.createServiceUser({
      history: CATEGORY_IDS.filter((id) => id !== 'employment' && id !== 'lifecycle'),
    });
    const rows = await call<{ values: Array<{ isCurrent: boolean }> }>(
      config,
      'GET',
      `/v1/people/${person.id}/employment`,
    );
    expect(rows.body.values).toHaveLength(1);
    expect(rows.body.values[0]?.isCurrent).toBe(true);

    const history = (await checkOf(config)).get('employees.history');
    expect(history?.status).toBe('degraded');
    expect(history?.missingFields).toEqual(['employment', 'lifecycle']);
    expect(history?.fix?.permission).toBe("People's Data › Employment › View history");
    expect(history?.fix?.steps).toContain("Grant: People's Data › Lifecycle › View history");
    expect(JSON.stringify(history)).not.toContain('Work › View history');
  });

  it('without Time off › Settings the balances check says why instead of "skipped"', async () => {
    const box = await sandbox();
    const { config } = box.control.restrictedConnectionFor('timeOff.policies');
    const balances = (await checkOf(config)).get('timeOff.balances');
    expect(balances?.status).toBe('missing');
    expect(balances?.summary).toMatch(/policy types/);
    expect(balances?.fix?.permission).toBe("Features › Time off › Settings › Manage company's time off settings");
  });
});
