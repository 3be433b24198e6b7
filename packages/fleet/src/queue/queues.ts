import { type JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';

export const SYNC_QUEUE = 'hrkit-sync';
export const APPLY_QUEUE = 'hrkit-webhook-apply';

export interface SyncJobData {
  connectionId: string;
  /** Force a full reconciliation (otherwise the engine decides from the connection's `fullEveryMs`). */
  full: boolean;
}

/** Drain one connection's inbox in the store (every delivery it holds, not one delivery). */
export interface ApplyJobData {
  connectionId: string;
}

/** One sync job per connection at a time: while `sync.<id>` waits or runs, adding it again is a no-op. */
export const syncJobId = (connectionId: string) => `sync.${connectionId}`;
/** The deduplication id of a connection's apply job (see `FleetQueues.enqueueApply`). */
export const applyDeduplicationId = (connectionId: string) => `apply.${connectionId}`;

export interface RedisOptions {
  /** e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** BullMQ key prefix; lets tests and several fleets share one Redis. Default `hrkit`. */
  prefix?: string;
}

/** A connection as BullMQ workers need it: blocking commands must never give up (`maxRetriesPerRequest: null`). */
export function redisConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

const SYNC_JOB: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  // Removed once finished so the id frees for the next run; outcomes live in the registry and in metrics.
  removeOnComplete: true,
  removeOnFail: true,
};

const APPLY_JOB: JobsOptions = { ...SYNC_JOB, attempts: 5, backoff: { type: 'exponential', delay: 500 } };

/** The two queues, as producers (scheduler, webhook ingress) see them. */
export class FleetQueues {
  readonly sync: Queue<SyncJobData>;
  readonly apply: Queue<ApplyJobData>;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {
    this.sync = new Queue<SyncJobData>(SYNC_QUEUE, { connection: redis, prefix });
    this.apply = new Queue<ApplyJobData>(APPLY_QUEUE, { connection: redis, prefix });
  }

  /**
   * Producers fail fast: the ingress must answer its readiness probe and finish its requests while Redis is down
   * (the delivery is already durable in PostgreSQL), so commands give up after two reconnection attempts instead of
   * waiting forever like a worker's blocking connection.
   */
  static open(options: RedisOptions): FleetQueues {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    redis.on('error', () => {});
    return new FleetQueues(redis, options.prefix ?? 'hrkit');
  }

  /** True when a new job was added; false when one for this connection is already waiting or running. */
  async enqueueSync(connectionId: string, full = false): Promise<boolean> {
    const jobId = syncJobId(connectionId);
    if (await this.sync.getJob(jobId)) return false;
    await this.sync.add('sync', { connectionId, full }, { ...SYNC_JOB, jobId });
    return true;
  }

  /**
   * Ask for a drain of the connection's inbox. At most one apply job per connection waits and at most one runs
   * (BullMQ deduplication with `keepLastIfActive`): a delivery stored while the connection's drain is finishing
   * gets a follow-up job when that one ends, which a plain job id (a no-op while the running job holds it) would
   * drop until the scheduler's next tick. True when a new job was added; false when one already waits (a
   * request made while the connection's job runs is kept by BullMQ and becomes a job when that one ends).
   */
  async enqueueApply(connectionId: string): Promise<boolean> {
    const deduplicationId = applyDeduplicationId(connectionId);
    const before = await this.apply.getDeduplicationJobId(deduplicationId);
    const job = await this.apply.add(
      'apply',
      { connectionId },
      { ...APPLY_JOB, deduplication: { id: deduplicationId, keepLastIfActive: true } },
    );
    return before === null || job.id !== before;
  }

  async depth(): Promise<Record<'sync' | 'apply', Record<string, number>>> {
    const states = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
    return {
      sync: await this.sync.getJobCounts(...states),
      apply: await this.apply.getJobCounts(...states),
    };
  }

  async close(): Promise<void> {
    await this.sync.close();
    await this.apply.close();
    this.redis.disconnect();
  }
}
