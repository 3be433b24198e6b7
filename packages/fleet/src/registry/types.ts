/** healthy: last sync clean · degraded: synced with warnings (e.g. a missing permission) · failing: last sync
 * failed and is retried · paused: no request is sent until an operator resumes or updates the credential. */
export type ConnectionHealth = 'healthy' | 'degraded' | 'failing' | 'paused';

export interface ConnectionSchedule {
  /** Incremental sync every … ms while webhooks arrive. Default 15 min. */
  incrementalEveryMs: number;
  /** Full reconciliation every … ms. Default 24 h. */
  fullEveryMs: number;
  /** Incremental sync every … ms while the webhook is silent. Default 2 min. */
  silentEveryMs: number;
  /** No delivery for this long while syncs find changes → the webhook is silent. Default 1 h. */
  silenceAfterMs: number;
}

export const DEFAULT_SCHEDULE: ConnectionSchedule = {
  incrementalEveryMs: 15 * 60_000,
  fullEveryMs: 24 * 3_600_000,
  silentEveryMs: 2 * 60_000,
  silenceAfterMs: 3_600_000,
};

/** A registered connection as the fleet sees it. Never carries its secrets (see `ConnectionRegistry.secretsOf`). */
export interface FleetConnection {
  id: string;
  provider: string;
  tenant: string;
  /** The operator key its secrets are sealed under. */
  keyId: string;
  schedule: ConnectionSchedule;
  health: ConnectionHealth;
  healthReason: string | null;
  /** 401/403 answers in a row (a 401 pauses at once, a second 403 in a row pauses). */
  authFailures: number;
  /** Instants in ms since epoch, null when never. */
  lastSyncAt: number | null;
  lastFullSyncAt: number | null;
  lastSyncErrorAt: number | null;
  /** Changes the last successful sync found. */
  lastSyncChanges: number | null;
  lastDeliveryAt: number | null;
  lastAppliedDeliveryAt: number | null;
  webhook: { configured: boolean; silent: boolean; silentReason: string | null };
}

export interface NewConnection {
  id: string;
  provider: string;
  tenant: string;
  /** The adapter's connection config (e.g. HiBob `{ serviceUserId, token, baseUrl }`): sealed at rest. */
  credentials: Record<string, unknown>;
  /** The secret the provider signs webhooks with: sealed at rest. */
  webhookSecret?: string | null;
  schedule?: Partial<ConnectionSchedule>;
}

export interface ConnectionSecrets {
  credentials: Record<string, unknown>;
  webhookSecret: string | null;
}
