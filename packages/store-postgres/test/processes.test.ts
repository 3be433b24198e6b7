import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeSnapshot } from '@hrkit/sync/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSyncStore } from '../src/index.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/testing.js';

/**
 * Separate OS processes against one database: what the advisory locks and transactions are for. The workers run
 * the built packages (root `npm test` builds first; otherwise `npx tsc -b`).
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, 'sync-worker.mjs');
const BUILT = join(HERE, '..', 'dist', 'index.js');

let database: ScratchDatabase;
beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: build first (npx tsc -b)`);
  database = await createScratchDatabase('processes');
});
afterAll(() => database?.drop());

class Worker {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly waiters: { text: string; resolve: () => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(schema: string, phase: 'initial' | 'changed', flags: string[] = []) {
    this.child = spawn(process.execPath, [WORKER, database.url, schema, phase, ...flags], {
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '' },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
      for (const waiter of [...this.waiters])
        if (this.stdout.includes(waiter.text)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves once the worker printed `text` (or rejects if it exits first). */
  printed(text: string): Promise<void> {
    if (this.stdout.includes(text)) return Promise.resolve();
    return Promise.race([
      new Promise<void>((resolve) => this.waiters.push({ text, resolve })),
      this.exited.then(({ code }) => {
        if (!this.stdout.includes(text))
          throw new Error(`worker exited (${code}) before printing "${text}": ${this.stderr}`);
      }),
    ]);
  }

  async succeeded(): Promise<void> {
    const { code, signal } = await this.exited;
    expect({ code, signal, stderr: this.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  }
}

async function snapshotOf(schema: string) {
  const store = await PostgresSyncStore.open({ connectionString: database.url, schema });
  try {
    return await storeSnapshot(store);
  } finally {
    await store.close();
  }
}

/** One worker per phase, one after the other: what every other run must end up equal to. */
async function uninterrupted(schema: string, employees: number) {
  for (const phase of ['initial', 'changed'] as const)
    await new Worker(schema, phase, ['--employees', String(employees)]).succeeded();
  return snapshotOf(schema);
}

describe('PostgreSQL store across processes', () => {
  it('two processes syncing the same connection at once end in the same state, with the same events, as one', async () => {
    const employees = 120;
    const reference = await uninterrupted('one_worker', employees);
    expect(reference.employees.length).toBe(employees);
    for (const phase of ['initial', 'changed'] as const) {
      const pair = [0, 1].map(() => new Worker('two_workers', phase, ['--employees', String(employees), '--barrier']));
      // Both connected and migrated; start their syncs together.
      await Promise.all(pair.map((worker) => worker.printed('ready')));
      for (const worker of pair) worker.child.stdin?.write('go\n');
      await Promise.all(pair.map((worker) => worker.succeeded()));
    }
    expect(await snapshotOf('two_workers')).toEqual(reference);
  });

  it('a worker SIGKILLed mid-transaction leaves only committed batches, and a resumed run ends like an uninterrupted one', async () => {
    const employees = 40;
    const reference = await uninterrupted('uninterrupted', employees);
    await new Worker('killed', 'initial', ['--employees', String(employees)]).succeeded();
    const beforeChange = await snapshotOf('killed');
    // The changed company lists 1, 2, 4-8, 11-40, then the new hires 9 and 10, three records per transaction:
    // record 38 (employee 9, a hire) is written inside the open last batch when the worker is killed.
    const victim = new Worker('killed', 'changed', ['--employees', String(employees), '--hang-after', '38']);
    await victim.printed('hanging');
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const afterKill = await snapshotOf('killed');
    const version = (snapshot: typeof afterKill, id: string) =>
      snapshot.employees.find((row) => row.id === id)?.version;
    // Committed batches stay (employee 1's update); nothing of the open one does (no employee 9, no event for it);
    // cursors did not move.
    expect(version(beforeChange, 'fake:1')).toBe(1);
    expect(version(afterKill, 'fake:1')).toBe(2);
    expect(version(afterKill, 'fake:9')).toBeUndefined();
    expect(afterKill.events.filter((event) => event.remoteId === '9')).toEqual([]);
    expect(afterKill.state).toEqual(beforeChange.state);
    // The killed session's lock died with it: the resumed run does not wait.
    await new Worker('killed', 'changed', ['--employees', String(employees)]).succeeded();
    expect(await snapshotOf('killed')).toEqual(reference);
  });
});
