import { ControlError, emptyReply, jsonReply, type SandboxRequest } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import type { BambooHrSandboxControl } from '../control.js';
import type { TimeOffStatus } from '../state/types.js';
import { bambooError, htmlOk, isDate } from '../view/http.js';
import { renderRequest } from './time-off.js';

type Body = Record<string, unknown>;

function body(request: SandboxRequest): Body {
  const parsed = request.json();
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : {};
}

/** Control errors become BambooHR's answer shape: empty body, message in the header. */
function guarded(run: (request: SandboxRequest) => ReturnType<typeof jsonReply>) {
  return (request: SandboxRequest) => {
    try {
      return run(request);
    } catch (error) {
      if (error instanceof ControlError) return bambooError(error.status, error.message);
      throw error;
    }
  };
}

const TIME_OFF_STATUS: Record<string, TimeOffStatus> = {
  approved: 'approved',
  denied: 'denied',
  declined: 'denied',
  canceled: 'canceled',
  cancelled: 'canceled',
  requested: 'requested',
};

/**
 * The write endpoints BambooHR clients use, on top of the same control methods (so writes stamp
 * `employees/changed` and fire webhooks): answers as recorded (201 + Location, 200 with empty text/html bodies).
 */
export function writeRoutes(context: SandboxContext, control: BambooHrSandboxControl): void {
  const location = (request: SandboxRequest, path: string) =>
    `http://${request.header('host') ?? '127.0.0.1'}/api/gateway.php/${context.company.domain}/v1${path}`;

  context.api(
    'POST',
    '/employees',
    guarded((request) => {
      const input = body(request);
      if (
        typeof input.firstName !== 'string' ||
        typeof input.lastName !== 'string' ||
        !input.firstName ||
        !input.lastName
      )
        return bambooError(400, 'firstName and lastName are required');
      const employee = control.addEmployee({
        firstName: input.firstName,
        lastName: input.lastName,
        ...(isDate(input.hireDate as string) ? { hireDate: input.hireDate as string } : {}),
        ...(typeof input.workEmail === 'string' ? { workEmail: input.workEmail } : {}),
      });
      return jsonReply(
        201,
        { id: employee.id, firstName: employee.firstName, lastName: employee.lastName, status: 'Active' },
        { Location: location(request, `/employees/${employee.id}`) },
      );
    }),
  );

  context.api(
    'POST',
    '/employees/:id',
    guarded((request) => {
      const input = body(request);
      const allowed = ['firstName', 'lastName', 'preferredName', 'workEmail', 'workPhone', 'mobilePhone'];
      const update = Object.fromEntries(
        Object.entries(input).filter(([key, value]) => allowed.includes(key) && typeof value === 'string'),
      );
      const employee = control.updateEmployee(request.params.id!, update);
      return jsonReply(200, {
        id: employee.id,
        firstName: employee.firstName,
        lastName: employee.lastName,
        status: context.company.statusOf(employee),
        ...update,
      });
    }),
  );

  context.api(
    'POST',
    '/employees/:id/tables/:table',
    guarded((request) => {
      control.addTableRow(request.params.id!, request.params.table!, body(request));
      return htmlOk();
    }),
  );

  context.api(
    'PUT',
    '/employees/:id/time_off/request',
    guarded((request) => {
      const input = body(request);
      if (!isDate(input.start as string) || !isDate(input.end as string))
        return bambooError(400, 'start and end are required');
      const status = TIME_OFF_STATUS[String(input.status ?? 'requested')] ?? 'requested';
      const created = control.createTimeOffRequest({
        employeeId: request.params.id!,
        typeId: String(input.timeOffTypeId ?? ''),
        start: input.start as string,
        end: input.end as string,
        status,
        ...(input.previousRequest ? { previousRequest: String(input.previousRequest) } : {}),
      });
      return jsonReply(201, renderRequest(context, created), {
        Location: location(request, `/employees/${request.params.id}/time_off/request/${created.id}`),
      });
    }),
  );

  context.api(
    'PUT',
    '/time_off/requests/:id/status',
    guarded((request) => {
      const status = TIME_OFF_STATUS[String(body(request).status ?? '')];
      if (!status) return bambooError(400, 'status must be approved, denied or canceled');
      control.setTimeOffStatus(request.params.id!, status);
      return htmlOk();
    }),
  );

  context.api(
    'DELETE',
    '/employees/:id',
    guarded((request) => {
      control.deleteEmployee(request.params.id!);
      return emptyReply(204);
    }),
  );
}
