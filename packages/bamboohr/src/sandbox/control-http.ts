import { mountControlApi, optionalString, requireString, type Router } from '@hrkit/sandbox-kit';
import type { BambooHrSandboxControl, EmployeeUpdate, NewEmployee, NewTimeOffRequest } from './control.js';
import type { TimeOffStatus } from './state/types.js';

/** The HTTP twin of every control method, under `/_sandbox/` (for the CLI and tests in other processes). */
export function mountControl(router: Router, control: BambooHrSandboxControl): void {
  const body = <T>(value: Record<string, unknown>) => value as T;
  mountControlApi(router, {
    'POST /employees': (input) =>
      control.addEmployee({
        ...body<Partial<NewEmployee>>(input),
        firstName: requireString(input, 'firstName'),
        lastName: requireString(input, 'lastName'),
      }),
    'POST /employees/:id': (input, request) => control.updateEmployee(request.params.id!, body<EmployeeUpdate>(input)),
    'POST /employees/:id/terminate': (input, request) =>
      control.terminateEmployee(request.params.id!, {
        ...(optionalString(input, 'date') ? { date: optionalString(input, 'date')! } : {}),
      }),
    'DELETE /employees/:id': (_input, request) => {
      control.deleteEmployee(request.params.id!);
      return { ok: true };
    },
    'POST /employees/:id/tables/:table': (input, request) => ({
      id: control.addTableRow(request.params.id!, request.params.table!, input),
    }),
    'POST /time-off/requests': (input) =>
      control.createTimeOffRequest({
        ...body<Partial<NewTimeOffRequest>>(input),
        employeeId: requireString(input, 'employeeId'),
        typeId: requireString(input, 'typeId'),
        start: requireString(input, 'start'),
        end: requireString(input, 'end'),
      }),
    'POST /time-off/requests/:id/status': (input, request) =>
      control.setTimeOffStatus(request.params.id!, requireString(input, 'status') as TimeOffStatus),
    'POST /webhooks': (input) => control.registerWebhook(input),
    'POST /webhooks/flush': async () => {
      await control.flushWebhooks();
      return { ok: true };
    },
    'POST /throttle': (input) => {
      control.throttleNext(Number(input.count ?? 1), {
        status: input.status === 503 ? 503 : 429,
        retryAfterSeconds: Number(input.retryAfterSeconds ?? 1),
      });
      return { ok: true };
    },
    'POST /directory': (input) => {
      control.setDirectoryEnabled(input.enabled !== false);
      return { ok: true };
    },
  });
}
