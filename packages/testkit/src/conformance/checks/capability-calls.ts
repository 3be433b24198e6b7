import type { CapabilityName, Connection } from '@hrkit/core';
import { type ConformanceContext, drain } from '../context.js';

/**
 * One representative call per capability, through the consumer facade. Used both ways: declared capabilities must
 * answer, undeclared ones must refuse with NotSupportedError. Wrapped in async functions so that a synchronous
 * throw from the facade and a rejected read look the same.
 */
export function capabilityCalls(
  context: ConformanceContext,
  connection: Connection,
): Record<CapabilityName, () => Promise<unknown>> {
  const { from, to } = context.options.timeOffWindow;
  const since = `${from}T00:00:00.000Z`;
  const someEmployee = () => context.expectedEmployeeIds(false)[0] ?? 'hrkit-conformance-employee';
  return {
    'employees.list': async () => drain(connection.employees.list()),
    'employees.get': async () => connection.employees.get(someEmployee()),
    'employees.history': async () => drain(connection.employees.history()),
    'employees.changes': async () => drain(connection.employees.changes({ since })),
    'timeOff.requests': async () => drain(connection.timeOff.requests({ from, to })),
    'timeOff.requestChanges': async () => drain(connection.timeOff.requestChanges({ since })),
    'timeOff.request': async () => {
      const requests = connection.supports('timeOff.requests')
        ? await drain(connection.timeOff.requests({ from, to, includePending: true }))
        : [];
      const first = requests[0];
      return connection.timeOff.request(
        first?.employee.remoteId ?? someEmployee(),
        first?.remoteId ?? 'hrkit-conformance-request',
      );
    },
    'timeOff.whosOut': async () => drain(connection.timeOff.whosOut({ from, to })),
    'timeOff.outToday': async () => drain(connection.timeOff.outToday({ date: from })),
    'timeOff.balances': async () => drain(connection.timeOff.balances({ asOf: from })),
    'timeOff.policies': async () => drain(connection.timeOff.policies()),
    compensation: async () => drain(connection.compensation.list({ includeCompensation: true })),
    attendance: async () => drain(connection.attendance.list({ from, to, includeAttendance: true })),
    webhooks: async () => {
      const delivery = context.sandbox.webhooks?.sampleDelivery() ?? { body: '{}', headers: {} };
      return connection.webhooks.handle(delivery, context.sandbox.webhooks?.secret ?? 'hrkit-conformance-secret');
    },
  };
}
