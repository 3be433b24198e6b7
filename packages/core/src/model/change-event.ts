import { z } from 'zod';
import { HrKitId, IsoDateTime, ProviderKey, RemoteId } from './common.js';

/** `time_off_balance` and `compensation` come only from syncs that opted in to them (docs/sync.md › Balances and pay). */
export const ChangeEntity = z.enum(['employee', 'time_off_request', 'time_off_balance', 'compensation']);
export type ChangeEntity = z.infer<typeof ChangeEntity>;

export const ChangeAction = z.enum([
  'created',
  'updated',
  'terminated',
  'deleted',
  'requested',
  'approved',
  'declined',
  'cancelled',
]);
export type ChangeAction = z.infer<typeof ChangeAction>;

/**
 * Something changed at the provider. Employees: created / updated / terminated / deleted.
 * Time-off requests: created / requested / approved / declined / cancelled / updated / deleted.
 * Time-off balances and compensation rows: created / updated / deleted.
 */
export const ChangeEvent = z.strictObject({
  id: z.string().describe('Deterministic: the same change detected twice has the same id'),
  provider: ProviderKey,
  entity: ChangeEntity,
  action: ChangeAction,
  entityId: HrKitId,
  remoteId: RemoteId,
  employeeId: HrKitId.nullable().describe('The employee the change concerns'),
  occurredAt: IsoDateTime.nullable().describe('When the provider says it happened'),
  detectedAt: IsoDateTime,
  origin: z.enum(['sync', 'webhook', 'feed']),
  changedFields: z
    .array(z.string())
    .describe('Model paths that differ between the stored and the new record, whatever the path (sync or webhook)'),
  previousRemoteId: z.string().nullable().describe('Edit chains: the record this one replaced'),
  providerEventType: z.string().nullable().describe('Webhooks: the provider event type, e.g. HiBob `employee.updated`'),
  providerEventId: z
    .string()
    .nullable()
    .optional()
    .describe('Webhooks: id of the provider delivery event that led to this change (provenance); null from a sync'),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;
