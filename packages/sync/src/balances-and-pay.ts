import { type Connection, PermissionError } from '@hrkit/core';
import type { SyncedRecord } from './apply-record.js';
import { syncedBalance } from './balances.js';
import { batches } from './batches.js';
import type { SyncOptions, SyncProgress } from './engine.js';

type ApplyBatch = (phase: SyncProgress['phase'], batch: SyncedRecord[], count: () => number) => Promise<void>;

interface BalancesContext {
  connection: Connection;
  options: SyncOptions & { batchSize: number };
  warnings: string[];
}

/**
 * The opt-in reads of a sync: balances and pay rows, each a full read diffed against the store by fingerprint, so a
 * changed balance or a new salary row is one event and an unchanged one none. A missing permission is a warning (like
 * time off), never a failed run. Rows that disappear are not deleted: a provider that stops returning a pay row has
 * not cancelled the pay (docs/sync.md › Balances and pay).
 */
export async function syncBalancesAndPay(context: BalancesContext, apply: ApplyBatch): Promise<void> {
  const { connection, options } = context;
  if (options.includeBalances) {
    if (!connection.supports('timeOff.balances'))
      context.warnings.push(`${connection.provider} does not support timeOff.balances: balances not synced`);
    else
      await guarded(context, 'time-off balances', async () => {
        let processed = 0;
        const reads = connection.timeOff.balances(options.signal ? { signal: options.signal } : {});
        for await (const batch of batches(reads, options.batchSize))
          await apply(
            'balances',
            batch.map((record) => ({ entity: 'time_off_balance', record: syncedBalance(record) }) as const),
            () => ++processed,
          );
      });
  }
  if (options.includeCompensation) {
    if (!connection.supports('compensation'))
      context.warnings.push(`${connection.provider} does not support compensation: pay not synced`);
    else
      await guarded(context, 'compensation', async () => {
        let processed = 0;
        const reads = connection.compensation.list({
          includeCompensation: true,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        for await (const batch of batches(reads, options.batchSize))
          await apply(
            'compensation',
            batch.map((record) => ({ entity: 'compensation', record }) as const),
            () => ++processed,
          );
      });
  }
}

async function guarded(context: BalancesContext, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
    context.warnings.push(
      `${what} not synced: ${error.message}${error.permission ? ` (grant "${error.permission}")` : ''}`,
    );
  }
}
