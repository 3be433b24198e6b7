import { describe, expect, it } from 'vitest';
import { mapAbsence, mapTimeOffRequest } from '../src/mapping/time-off.js';
import { collect, connect, NOW, useSandbox } from './helpers/sandbox.js';
import { call } from './sandbox-helpers.js';

const sandbox = useSandbox({ employees: 30, seed: 9 });
const TODAY = NOW.slice(0, 10);

describe('hour-based time off: whole hours plus minutes, as HiBob sends them', () => {
  it('maps who’s out (hoursOnDate + minutes) and out today (hours + minutes) to hours', () => {
    const base = { employeeId: '1', startDate: TODAY, type: 'hours', policyType: 'Medical appointment' };
    expect(mapAbsence({ ...base, hoursOnDate: 2, minutes: 30 }, { includeRaw: false, window: 'w' })?.amount).toBe(2.5);
    expect(mapAbsence({ ...base, hours: 0, minutes: 45 }, { includeRaw: false, window: 'w' })?.amount).toBe(0.75);
    expect(mapAbsence({ ...base, minutes: 15 }, { includeRaw: false, window: 'w' })?.amount).toBe(0.25);
    expect(mapAbsence({ ...base, hoursOnDate: 3 }, { includeRaw: false, window: 'w' })?.amount).toBe(3);
    expect(
      mapTimeOffRequest({ ...base, requestId: '7', hoursOnDate: 1, minutes: 30 }, { includeRaw: false }).amount,
    ).toBe(1.5);
  });

  it('the sandbox serves integer hours with separate minutes, and hrkit reads 2 h 30 as 2.5 hours on every path', async () => {
    const box = await sandbox();
    const person = box.state.employees.find(
      (employee) => employee.terminationDate === null && employee.startDate <= TODAY,
    )!;
    const request = box.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Personal hours',
      type: 'hours',
      startDate: TODAY,
      hours: 2,
      minutes: 30,
      status: 'approved',
    });
    const config = box.connectionConfig();
    const whosOut = await call<{ outs: Array<Record<string, unknown>> }>(
      config,
      'GET',
      `/v1/timeoff/whosout?from=${TODAY}&to=${TODAY}&includeHourly=true&includePrivate=true`,
    );
    expect(whosOut.body.outs.find((out) => out.requestId === request.requestId)).toMatchObject({
      hoursOnDate: 2,
      minutes: 30,
    });
    const outToday = await call<{ outs: Array<Record<string, unknown>> }>(
      config,
      'GET',
      `/v1/timeoff/outtoday?today=${TODAY}&includeHourly=true&includePrivate=true`,
    );
    expect(
      outToday.body.outs.find((out) => out.employeeId === person.id && out.requestRangeType === 'hours'),
    ).toMatchObject({
      hours: 2,
      minutes: 30,
    });
    for (const body of [...whosOut.body.outs, ...outToday.body.outs]) {
      for (const key of ['hoursOnDate', 'hours', 'minutes'])
        if (body[key] !== null && body[key] !== undefined) expect(Number.isInteger(body[key]), key).toBe(true);
    }

    const { bob } = connect(config);
    const absences = await collect(bob.timeOff.whosOut({ from: TODAY, to: TODAY }));
    expect(absences.find((absence) => absence.requestId?.endsWith(`:${request.requestId}`))).toMatchObject({
      unit: 'hours',
      amount: 2.5,
    });
    const today = await collect(bob.timeOff.outToday({ date: TODAY }));
    expect(today.find((absence) => absence.employee.remoteId === person.id && absence.unit === 'hours')?.amount).toBe(
      2.5,
    );
    const single = await bob.timeOff.request(person.id, String(request.requestId));
    expect(single).toMatchObject({ unit: 'hours', amount: 2.5 });
  });

  it('the control API takes whole hours and minutes, like HiBob’s request body, and refuses fractional hours', async () => {
    const box = await sandbox();
    const person = box.state.employees[0]!;
    const body = { employeeId: person.id, policyType: 'Personal hours', type: 'hours', startDate: TODAY };
    const control = (extra: Record<string, unknown>) =>
      call<Record<string, unknown>>(box.connectionConfig(), 'POST', '/_sandbox/timeoff/requests', {
        ...body,
        ...extra,
      });
    expect((await control({ hours: 2.5 })).status).toBe(400);
    expect((await control({ hours: 2, minutes: 75 })).status).toBe(400);
    const created = await control({ hours: 1, minutes: 45 });
    expect(created.status).toBe(200);
    expect(created.body.hoursOnDate).toBe(1.75);
  });
});
