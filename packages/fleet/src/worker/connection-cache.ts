import { createHash } from 'node:crypto';
import type { Connection } from '@hrkit/core';

interface Entry {
  fingerprint: string;
  connection: Connection;
  createdAt: number;
}

/**
 * Connections a worker reuses across jobs, so an adapter's per-connection session (HiBob's fields metadata and named
 * lists, each under a 50/min allowance) is loaded once per `ttlMs` instead of once per webhook delivery: a burst of
 * 60 deliveries for one customer would otherwise spend a minute waiting on the metadata allowance alone. An entry is
 * replaced as soon as the connection's credentials or webhook secret change (fingerprint), and expires after `ttlMs`
 * so metadata changes at the provider are picked up.
 */
export class ConnectionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 1_000,
  ) {}

  static fingerprint(parts: readonly unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  }

  get(connectionId: string, fingerprint: string, now: number, build: () => Connection): Connection {
    const entry = this.entries.get(connectionId);
    if (entry && entry.fingerprint === fingerprint && now - entry.createdAt < this.ttlMs) return entry.connection;
    this.entries.delete(connectionId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const connection = build();
    this.entries.set(connectionId, { fingerprint, connection, createdAt: now });
    return connection;
  }
}
