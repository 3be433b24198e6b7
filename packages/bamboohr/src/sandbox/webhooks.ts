import { createHmac } from 'node:crypto';
import type { SeededGenerator, WebhookSender } from '@hrkit/sandbox-kit';
import type { Company, EmployeeChangeAction } from './state/company.js';
import type { SandboxWebhook } from './state/types.js';
import { employeeValue } from './view/employee-values.js';

export const WEBHOOK_USER_AGENT = 'BambooHR-WebHooks/1.0 (+https://www.bamboohr.com)';

/** Headers BambooHR puts on a delivery: epoch-seconds timestamp and hex HMAC-SHA256(privateKey, body ‖ timestamp). */
export function signedHeaders(rawBody: Buffer | string, privateKey: string, timestamp: string): Record<string, string> {
  const signature = createHmac('sha256', privateKey).update(rawBody).update(timestamp).digest('hex');
  return {
    'X-BambooHR-Timestamp': timestamp,
    'X-BambooHR-Signature': signature,
    'User-Agent': WEBHOOK_USER_AGENT,
  };
}

/** BambooHR's webhook admin timestamps: `YYYY-MM-DD HH:MM:SS` (UTC). */
export function adminTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Event payload timestamp as documented: `2026-01-31T18:42:00+0000`. */
function eventTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function privateKeyFrom(random: SeededGenerator): string {
  let key = '';
  while (key.length < 32) key += random.int(0, 15).toString(16);
  return key;
}

function eventBody(company: Company, type: string, employeeId: string, changedFields: string[]): string {
  const data: Record<string, unknown> = { companyId: company.companyId, employeeId };
  if (type.endsWith('.updated')) data.changedFields = changedFields;
  return JSON.stringify({ type, timestamp: eventTimestamp(company.now()), data });
}

function fieldBody(
  company: Company,
  webhook: SandboxWebhook,
  action: EmployeeChangeAction,
  employeeId: string,
  changedFields: string[],
): string {
  const employee = company.employees.get(employeeId);
  const fields: Record<string, { value: string | null }> = {};
  if (employee)
    for (const [alias, external] of Object.entries(webhook.postFields))
      fields[external] = { value: employeeValue(company, employee, alias) };
  return JSON.stringify({
    employees: [
      {
        id: employeeId,
        action: action[0]!.toUpperCase() + action.slice(1),
        timestamp: eventTimestamp(company.now()),
        changedFields,
        fields,
      },
    ],
  });
}

function toForm(json: string): string {
  const params = new URLSearchParams();
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, child);
    else params.append(prefix, value === null || value === undefined ? '' : String(value));
  };
  walk('', JSON.parse(json));
  return params.toString();
}

/**
 * Turns company changes into deliveries: event-based webhooks get `employee.*` (a creation fires `created` then
 * `updated`), field-based ones `employees[]`; `*.updated` fire only when a monitored field changed.
 */
export function wireWebhooks(company: Company, sender: WebhookSender): void {
  company.onChange(({ employeeId, action, changedFields }) => {
    for (const webhook of company.webhooks.values()) {
      const monitored =
        webhook.monitorFields.length === 0 || changedFields.some((f) => webhook.monitorFields.includes(f));
      const send = (body: string) => {
        webhook.lastSent = adminTimestamp(company.now());
        const form = webhook.format === 'form-encoded';
        sender.enqueue(form ? toForm(body) : body, {
          endpointId: webhook.senderId,
          contentType: form ? 'application/x-www-form-urlencoded' : 'application/json',
        });
      };
      if (webhook.events.includes(`employee.${action}`) && (action !== 'updated' || monitored))
        send(eventBody(company, `employee.${action}`, employeeId, changedFields));
      if (action === 'created' && webhook.events.includes('employee.updated'))
        send(eventBody(company, 'employee.updated', employeeId, changedFields));
      if (webhook.events.includes(`employee_with_fields.${action}`) && (action !== 'updated' || monitored))
        send(fieldBody(company, webhook, action, employeeId, changedFields));
    }
  });
}

export { eventBody };
