import { bamboohr } from '@hrkit/bamboohr';
import { type Clock, type Connection, createHrKit, type HrKit, type RateLimiterFactory } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import type { ConnectionSecrets, FleetConnection } from './registry/types.js';

export const FLEET_PROVIDERS = ['hibob', 'bamboohr'] as const;

let kit: HrKit | undefined;
function sharedKit(): HrKit {
  kit ??= createHrKit({ providers: [hibob(), bamboohr()] });
  return kit;
}

/** Connection settings as the adapter takes them: the sealed credentials plus the webhook secret (HiBob takes it). */
export function connectionFor(
  connection: FleetConnection,
  secrets: ConnectionSecrets,
  options: { rateLimiter?: RateLimiterFactory; clock?: Clock; retryLimit?: number } = {},
): Connection {
  const settings: Record<string, unknown> = { ...secrets.credentials };
  if (connection.provider === 'hibob' && secrets.webhookSecret) settings.webhookSecret = secrets.webhookSecret;
  return sharedKit().connect(connection.provider, settings, {
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
  });
}
