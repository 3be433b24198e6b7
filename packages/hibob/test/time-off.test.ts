import { NotFoundError, TimeOffRequest } from '@hrkit/core';
import { VirtualClock } from '@hrkit/core/testing';
import { describe, expect, it } from 'vitest';
import { collect, connect, NOW, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox({ employees: 40, seed: 5 });
const TWO_YEARS_AGO = new Date(Date.parse(NOW) - 730 * 86_400_000).toISOString();

const STATUS: Record<string, string[]> = {
  approved: ['approved'],
  canceled: ['cancelled'],
  deleted: ['deleted'],
  declined: ['declined', 'cancelled'], // the feed has no Declined change type
};

describe('time off against the HiBob sandbox', () => {
  it('reads the changes feed in 30-day windows (HiBob allows six months), one latest state per request (pitfall 9)', async () => {
    const box = await sandbox();
    const { bob, connector } = connect(box.connectionConfig());
    const before = connector.client.http.stats.requests;
    const requests = await collect(bob.timeOff.requestChanges({ since: TWO_YEARS_AGO }));
    expect(connector.client.http.stats.requests - before).toBe(25); // 730 days in 30-day windows (CHANGES_READ_WINDOW_MS), none refused
    const ids = requests.map((request) => request.remoteId);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = box.state.data.requests.filter((request) => request.status !== 'pending');
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const truth = box.state.request(Number(request.remoteId))!;
      expect(truth, request.remoteId).toBeDefined();
      expect(STATUS[truth.status] ?? [], `${request.remoteId} ${truth.status}`).toContain(request.status.value);
      expect(request.employee.remoteId).toBe(truth.employeeId);
      expect(request.start.date).toBe(truth.startDate);
      expect(request.rangeType).toBe(truth.type);
      expect(request.unit).toBe(truth.durationUnit);
      expect(request.amount).toBe(truth.totalDuration);
    }
    const visible = new Set(ids);
    expect(stored.filter((request) => visible.has(String(request.requestId))).length).toBe(requests.length);
  });

  it('keeps edit chains: the edited request is cancelled, the new one points back', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const [employee] = await collect(bob.employees.list());
    const created = box.control.createTimeOffRequest({
      employeeId: employee!.remoteId,
      policyType: 'Sick',
      type: 'days',
      startDate: '2026-03-10',
      endDate: '2026-03-11',
      status: 'approved',
    } as never);
    const edited = box.control.editTimeOffRequest(created.requestId, { endDate: '2026-03-12' });
    const since = new Date(Date.parse(NOW) - 86_400_000).toISOString();
    const until = new Date(Date.now() + 86_400_000 * 400).toISOString();
    const requests = await collect(bob.timeOff.requestChanges({ since, until }));
    const old = requests.find((request) => request.remoteId === String(created.requestId));
    const next = requests.find((request) => request.remoteId === String(edited.requestId));
    expect(old?.status.value).toBe('cancelled');
    expect(next?.status.value).toBe('approved');
    expect(next?.editChain).toEqual({
      originalRequestId: String(created.requestId),
      previousRequestId: String(created.requestId),
    });
    expect(next?.end?.date).toBe('2026-03-12');
    // One request by id: request details use startDatePortion/requestRangeType (pitfall 11).
    const one = TimeOffRequest.parse(await bob.timeOff.request(employee!.remoteId, String(edited.requestId)));
    expect(one).toMatchObject({
      remoteId: String(edited.requestId),
      start: { date: '2026-03-10', portion: 'all_day' },
    });
    await expect(bob.timeOff.request(employee!.remoteId, '999999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists requests overlapping a range from the feed over the lookback', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const range = { from: '2026-02-01', to: '2026-03-31' };
    const requests = await collect(bob.timeOff.requests(range));
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.start.date <= range.to).toBe(true);
      expect((request.end?.date ?? '9999-12-31') >= range.from).toBe(true);
    }
    const all = await collect(
      bob.timeOff.requestChanges({ since: new Date(Date.parse(NOW) - 365 * 86_400_000).toISOString() }),
    );
    const overlapping = all.filter((r) => r.start.date <= range.to && (r.end?.date ?? '9999-12-31') >= range.from);
    expect(requests.map((r) => r.remoteId).sort()).toEqual(overlapping.map((r) => r.remoteId).sort());
  });

  it('reads a range far behind the connection clock: the look-back starts before the range, not before "now"', async () => {
    const box = await sandbox();
    const range = { from: '2026-02-01', to: '2026-03-31' };
    const atSandboxNow = await collect(connect(box.connectionConfig()).bob.timeOff.requests(range));
    expect(atSandboxNow.length).toBeGreaterThan(0);
    // Three years later (the real clock passing the sandbox's fixed date): the same range, the same requests.
    const later = connect(box.connectionConfig(), {
      connect: { clock: new VirtualClock(Date.parse(NOW) + 3 * 365 * 86_400_000) },
    });
    const requests = await collect(later.bob.timeOff.requests(range));
    // Every request the sandbox-time read saw (the later clock may also see requests other tests added since).
    const ids = new Set(requests.map((r) => r.remoteId));
    expect(atSandboxNow.filter((r) => !ids.has(r.remoteId))).toEqual([]);
  });

  it("who's out and out today: active people only, portions and hours as given", async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const outs = await collect(bob.timeOff.whosOut({ from: '2026-02-01', to: '2026-04-30' }));
    expect(outs.length).toBeGreaterThan(0);
    const active = new Set(box.expected.employeeRemoteIds({ includeInactive: false }));
    for (const out of outs) {
      expect(active.has(out.employee.remoteId)).toBe(true);
      expect(out.start.date <= '2026-04-30').toBe(true);
      expect(['all_day', 'morning', 'afternoon', null]).toContain(out.start.portion);
    }
    const day = outs[0]!.start.date < '2026-02-01' ? '2026-02-01' : outs[0]!.start.date;
    const today = await collect(bob.timeOff.outToday({ date: day }));
    const sameDay = await collect(bob.timeOff.whosOut({ from: day, to: day }));
    expect(new Set(today.map((out) => out.employee.remoteId))).toEqual(
      new Set(sameDay.map((out) => out.employee.remoteId)),
    );
  });

  it('balances per employee × policy type as of a date, and the policies', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const [employee] = await collect(bob.employees.list());
    const balances = await collect(bob.timeOff.balances({ employeeIds: [employee!.remoteId], asOf: '2026-03-01' }));
    expect(balances.length).toBeGreaterThan(0);
    for (const balance of balances) {
      expect(balance).toMatchObject({ asOf: '2026-03-01', employee: { remoteId: employee!.remoteId } });
      expect(typeof balance.balance).toBe('number');
    }
    expect(balances.some((balance) => balance.unit === 'days')).toBe(true);
    const policies = await collect(bob.timeOff.policies());
    expect(policies.map((policy) => policy.name).sort()).toEqual(
      box.state.data.policies.map((policy) => policy.name).sort(),
    );
    expect(policies.find((policy) => policy.typeName === 'Sick')?.type.value).toBe('sick');
  });
});
