import { ControlError, mountControlApi, type Router } from '@hrkit/sandbox-kit';
import type { HiBobSandboxControl } from '../sandbox-control.js';
import type { TableName } from '../state/types.js';

function tableName(value: string | undefined): TableName {
  if (value === 'work' || value === 'employment' || value === 'lifecycle') return value;
  throw new ControlError(404, `unknown table "${value}" (work, employment, lifecycle)`);
}

function requestId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id)) throw new ControlError(400, `"${value}" is not a request id`);
  return id;
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ControlError(400, `"${name}" must be an object`);
  return value as Record<string, unknown>;
}

/**
 * The control API over HTTP, for the CLI end-to-end tests: `/_sandbox/...` JSON routes mirroring
 * `sandbox.control`. Bodies are JSON objects; answers are JSON.
 */
export function mountHiBobControlRoutes(router: Router, control: HiBobSandboxControl, adminToken?: string): void {
  mountControlApi(
    router,
    {
      'GET /state': () => control.summary(),
      'POST /employees': (body) => control.addEmployee(body as never),
      'POST /employees/:id/fields': (body, request) => ({
        fieldUpdates: control.updateEmployee(request.params.id!, record(body.fields, 'fields')),
      }),
      'POST /employees/:id/unchecked-fields': (body, request) => ({
        fieldUpdates: Object.entries(record(body.fields, 'fields')).flatMap(([fieldId, value]) =>
          control.setUncheckedFieldValue(request.params.id!, fieldId, value),
        ),
      }),
      'POST /lists/:listId/items': (body, request) => control.addListItem(request.params.listId!, body),
      'POST /employees/:id/terminate': (body, request) => {
        control.terminate(request.params.id!, body as never);
        return { ok: true };
      },
      'POST /employees/:id/start': (body, request) => {
        control.startEmployment(request.params.id!, typeof body.startDate === 'string' ? body.startDate : undefined);
        return { ok: true };
      },
      'POST /employees/:id/leave': (body, request) => {
        control.startLeave(request.params.id!, typeof body.startDate === 'string' ? body.startDate : undefined);
        return { ok: true };
      },
      'POST /employees/:id/return': (body, request) => {
        control.returnFromLeave(request.params.id!, typeof body.date === 'string' ? body.date : undefined);
        return { ok: true };
      },
      'DELETE /employees/:id': (_body, request) => {
        control.deleteEmployee(request.params.id!);
        return { ok: true };
      },
      'POST /employees/:id/tables/:table': (body, request) =>
        control.addTableRow(request.params.id!, tableName(request.params.table), body as never),
      'PUT /employees/:id/tables/:table/:rowId': (body, request) =>
        control.updateTableRow(
          request.params.id!,
          tableName(request.params.table),
          requestId(request.params.rowId),
          body,
        ),
      'POST /timeoff/requests': (body) => control.createTimeOffRequest(body as never),
      'POST /timeoff/requests/:id/approve': (_body, request) =>
        control.approveTimeOffRequest(requestId(request.params.id)),
      'POST /timeoff/requests/:id/decline': (_body, request) =>
        control.declineTimeOffRequest(requestId(request.params.id)),
      'POST /timeoff/requests/:id/cancel': (_body, request) =>
        control.cancelTimeOffRequest(requestId(request.params.id)),
      'POST /timeoff/requests/:id/delete': (_body, request) =>
        control.deleteTimeOffRequest(requestId(request.params.id)),
      'POST /timeoff/requests/:id/edit': (body, request) =>
        control.editTimeOffRequest(requestId(request.params.id), body as never),
      'POST /service-users': (body) => control.createServiceUser(body as never),
      'POST /webhooks': async (body) => {
        if (typeof body.url !== 'string') throw new ControlError(400, '"url" must be a string');
        const result = await control.registerWebhook(
          body.url,
          typeof body.secret === 'string' ? body.secret : undefined,
        );
        return {
          id: result.endpoint.id,
          url: result.endpoint.url,
          secret: result.endpoint.secret,
          ping: result.ping.map((p) => p.status),
        };
      },
      'DELETE /webhooks/:id': (_body, request) => {
        if (!control.unregisterWebhook(request.params.id!))
          throw new ControlError(404, `no webhook ${request.params.id}`);
        return { ok: true };
      },
      'GET /webhooks/deliveries': () => control.webhookDeliveries(),
      'POST /webhooks/flush': async () => {
        await control.flushWebhooks();
        return { ok: true };
      },
      'GET /rate-limits': () => control.rateLimitCounters(),
      'POST /rate-limits': (body) => {
        if (typeof body.enabled !== 'boolean') throw new ControlError(400, '"enabled" must be a boolean');
        control.setRateLimits(body.enabled);
        return control.rateLimitCounters();
      },
    },
    adminToken === undefined ? {} : { adminToken },
  );
}
