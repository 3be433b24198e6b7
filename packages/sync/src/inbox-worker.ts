import type { Connection } from '@hrkit/core';
import { InboxApplier, type InboxApplierOptions, type InboxStep } from './inbox.js';
import type { SyncStore } from './store.js';

/** Starts a timer; returns its cancel. */
export type StartTimer = (ms: number, fire: () => void) => () => void;

const realTimer: StartTimer = (ms, fire) => {
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
};

export interface InboxWorkerOptions extends Omit<InboxApplierOptions, 'signal'> {
  onStep?: (step: InboxStep) => void;
  /** Nothing is ready any more (called once per busy period, and once at start when the inbox is empty). */
  onIdle?: () => void;
  /** A store error in the loop itself (not a failed application, which is counted on the items). */
  onError?: (error: unknown) => void;
  /** Pause after a store error before trying again. Default 1 s. */
  errorPauseMs?: number;
  timer?: StartTimer;
}

/**
 * Drains one connection's inbox in the background, one record at a time: steps while items are ready, sleeps
 * until `wake()` (a new delivery was stored) or the earliest retry is due. Serial by design: the provider read of
 * each step goes through the connection's client-side rate limit, one request at a time.
 */
export class InboxWorker {
  private readonly controller = new AbortController();
  private readonly applier: InboxApplier;
  private readonly timer: StartTimer;
  private readonly now: () => number;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    store: SyncStore,
    connection: Connection,
    private readonly options: InboxWorkerOptions = {},
  ) {
    this.applier = new InboxApplier(store, connection, { ...options, signal: this.controller.signal });
    this.timer = options.timer ?? realTimer;
    this.now = options.now ?? Date.now;
  }

  /** Start draining (what is already in the inbox first: this is how a restart resumes). */
  start(): void {
    this.loop ??= this.run();
  }

  /** A delivery was stored: look again now instead of at the next retry. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Take no new item; wait for the one being applied at most `deadlineMs`. Past the deadline its step is
   * abandoned: it commits nothing and its items stay pending for the next start. Everything else stays too.
   */
  async stop(deadlineMs: number): Promise<'finished' | 'deadline'> {
    this.stopping = true;
    this.wakeUp?.();
    if (!this.loop) return 'finished';
    let cancel: () => void = () => {};
    const deadline = new Promise<'deadline'>((resolve) => {
      cancel = this.timer(deadlineMs, () => resolve('deadline'));
    });
    const result = await Promise.race([this.loop.then(() => 'finished' as const), deadline]);
    cancel();
    if (result === 'deadline') this.controller.abort();
    return result;
  }

  private async run(): Promise<void> {
    let busy = true;
    while (!this.stopping) {
      this.woken = false;
      let wakeAt: number | null;
      try {
        const step = await this.applier.step();
        if (step) {
          busy = true;
          this.options.onStep?.(step);
          continue;
        }
        wakeAt = await this.applier.nextRetryAt();
        if (busy) this.options.onIdle?.();
        busy = false;
      } catch (error) {
        this.options.onError?.(error);
        wakeAt = this.now() + (this.options.errorPauseMs ?? 1_000);
      }
      await this.sleep(wakeAt);
    }
  }

  /** Until `wake()`, `stop()` or `wakeAt` (ms; null: no timer). */
  private sleep(wakeAt: number | null): Promise<void> {
    return new Promise((resolve) => {
      if (this.woken || this.stopping) return resolve();
      let cancel: () => void = () => {};
      const finish = () => {
        cancel();
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = finish;
      if (wakeAt !== null) cancel = this.timer(Math.max(0, wakeAt - this.now()), finish);
    });
  }
}
