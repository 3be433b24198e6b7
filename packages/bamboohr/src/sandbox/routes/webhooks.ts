import { jsonReply, type SandboxRequest, textReply } from '@hrkit/sandbox-kit';
import type { SandboxContext } from '../context.js';
import { resolveField } from '../state/field-catalog.js';
import type { SandboxWebhook } from '../state/types.js';
import { bambooError } from '../view/http.js';

const EVENTS = [
  'employee.created',
  'employee.updated',
  'employee.deleted',
  'employee_with_fields.created',
  'employee_with_fields.updated',
  'employee_with_fields.deleted',
  'company.updated',
  'company.deleted',
  'company-integrations.updated',
];

export interface WebhookInput {
  name?: unknown;
  url?: unknown;
  format?: unknown;
  events?: unknown;
  monitorFields?: unknown;
  postFields?: unknown;
  includeCompanyDomain?: unknown;
}

/** Validates a webhook body as BambooHR does; returns the issues (empty when fine). */
export function webhookIssues(input: WebhookInput): string[] {
  const issues: string[] = [];
  if (typeof input.name !== 'string' || input.name === '') issues.push('name is required');
  if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url)) issues.push('url must be an absolute URL');
  const events = Array.isArray(input.events) ? (input.events as unknown[]) : [];
  if (events.some((event) => typeof event !== 'string' || !EVENTS.includes(event))) issues.push('unknown event');
  const kinds = new Set(events.map((event) => String(event).split('.')[0]));
  if (kinds.has('employee') && kinds.has('employee_with_fields'))
    issues.push('employee.* and employee_with_fields.* events cannot be mixed');
  const monitor = Array.isArray(input.monitorFields) ? (input.monitorFields as unknown[]) : [];
  if (monitor.some((field) => typeof field !== 'string' || !resolveField(field))) issues.push('unknown monitor field');
  const updates = events.length === 0 || events.some((event) => String(event).endsWith('.updated'));
  if (updates && monitor.length === 0) issues.push('monitorFields are required for update events');
  return issues;
}

function listing(webhook: SandboxWebhook) {
  return { id: webhook.id, name: webhook.name, created: webhook.created, lastSent: webhook.lastSent, url: webhook.url };
}

export function webhookRoutes(context: SandboxContext, create: (input: WebhookInput) => SandboxWebhook): void {
  const allowed = (request: SandboxRequest) => context.keyOf(request).webhooks;
  context.api('GET', '/webhooks', (request) =>
    allowed(request)
      ? jsonReply(200, { webhooks: [...context.company.webhooks.values()].map(listing) })
      : bambooError(403, 'This user may not manage webhooks'),
  );
  context.api('POST', '/webhooks', (request) => {
    if (!allowed(request)) return bambooError(403, 'This user may not manage webhooks');
    const body = (request.json() ?? {}) as WebhookInput;
    const issues = webhookIssues(body);
    if (issues.length > 0) return jsonReply(400, { errors: [{ error: 'Invalid request body', issues }] });
    const webhook = create(body);
    const { senderId: _, ...visible } = webhook;
    return jsonReply(201, visible);
  });
  context.api('GET', '/webhooks/:id', (request) => {
    const webhook = context.company.webhooks.get(request.params.id!);
    if (!webhook || !allowed(request)) return bambooError(404, 'Webhook not found');
    const { senderId: _, privateKey: __, ...visible } = webhook;
    return jsonReply(200, visible);
  });
  context.api('DELETE', '/webhooks/:id', (request) => {
    const webhook = context.company.webhooks.get(request.params.id!);
    if (!webhook || !allowed(request)) return bambooError(404, 'Webhook not found');
    context.company.webhooks.delete(webhook.id);
    context.sender.unregister(webhook.senderId);
    return textReply(200, 'Web hook has been deleted.', 'text/html; charset=UTF-8');
  });
}
