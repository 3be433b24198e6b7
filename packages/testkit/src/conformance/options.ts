import { type ConnectOptions, ConfigurationError, type ProviderPlugin } from '@hrkit/core';
import type { SandboxHandle, SandboxOptions } from '@hrkit/sandbox-kit';
import type { FaultKind } from '../faults/fault-kind.js';

/**
 * What an adapter hands the conformance suite. Everything beyond `plugin` and `startSandbox` describes a
 * provider's legitimate differences (data volume, the time window its data lives in, client timeouts); there is
 * deliberately no switch that turns a check off.
 */
export interface ConformanceOptions {
  /** The adapter's plugin, e.g. `hibob()` (or the factory itself). */
  plugin: ProviderPlugin | (() => ProviderPlugin);
  /** Start the adapter's sandbox; the suite passes seed, volume and a fixed "now", and closes it afterwards. */
  startSandbox: (options: SandboxOptions) => Promise<SandboxHandle> | SandboxHandle;
  /** Title of the describe block. Default `conformance: <provider key>`. */
  name?: string;
  /** Employees the sandbox generates: enough for several pages of the provider's paging. Default 57. */
  employees?: number;
  /**
   * The page size the adapter asks the provider for (its paging style), when it pages by count. The suite then also
   * lists companies of exactly 1, one page, two full pages and two pages plus one — the off-by-one cases of paging.
   * Without it, 1, 100 and 101 employees (100 is a multiple of the usual 10/20/25/50/100).
   */
  pageSize?: number;
  /**
   * The largest time-off page the sandbox answers during the suite (`SandboxOptions.timeOffPageSize`). Small, so the
   * time-off window spans several pages and an adapter that reads only the first one is caught. Default 5.
   */
  timeOffPageSize?: number;
  /** Seed of the company. Default 7. */
  seed?: number;
  /** The sandbox's fixed "now" (ISO date-time). Default `2026-03-02T09:00:00.000Z`. */
  now?: string;
  /** Window for time-off reads, inclusive dates; must contain some of the sandbox's leave. Default now −45 d … now +45 d. */
  timeOffWindow?: { from: string; to: string };
  /** Extra connect options for every connection the suite opens (e.g. a longer `timeoutMs` for a slow sandbox). */
  connectOptions?: Omit<ConnectOptions, 'logger'>;
  /** Fault tolerance: seeds, rate and kinds of injected faults. */
  faults?: FaultToleranceSettings;
}

export interface FaultToleranceSettings {
  /** Each seed is one full read under injected faults. Default [1, 2, 3, 4]. */
  seeds?: readonly number[];
  /** Share of requests that get a fault. Default 0.2. */
  rate?: number;
  /** Default: all of them. */
  faults?: readonly FaultKind[];
  /** How long a `slow` fault holds the answer; the client timeout is set below it. Default 400 ms. */
  slowMs?: number;
  /** Client request timeout during fault runs. Default 150 ms. */
  timeoutMs?: number;
  /** Client retries per call during fault runs. Default 8. */
  retryLimit?: number;
}

export interface ResolvedConformanceOptions {
  plugin: ProviderPlugin;
  startSandbox: ConformanceOptions['startSandbox'];
  employees: number;
  /** Company sizes for the paging-boundary check. */
  boundaryVolumes: readonly number[];
  seed: number;
  timeOffPageSize: number;
  now: string;
  timeOffWindow: { from: string; to: string };
  connectOptions: Omit<ConnectOptions, 'logger'>;
  faults: Required<FaultToleranceSettings>;
}

const DAY_MS = 86_400_000;

export function resolveConformanceOptions(options: ConformanceOptions): ResolvedConformanceOptions {
  if (!options || typeof options.startSandbox !== 'function' || !options.plugin)
    throw new ConfigurationError('describeConformance needs { plugin, startSandbox }', {
      field: options?.plugin ? 'startSandbox' : 'plugin',
    });
  const plugin = typeof options.plugin === 'function' ? options.plugin() : options.plugin;
  const now = options.now ?? '2026-03-02T09:00:00.000Z';
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs))
    throw new ConfigurationError(`describeConformance: now must be an ISO date-time (got ${now})`, { field: 'now' });
  const day = (offset: number) => new Date(nowMs + offset * DAY_MS).toISOString().slice(0, 10);
  return {
    plugin,
    startSandbox: options.startSandbox,
    employees: options.employees ?? 57,
    boundaryVolumes: boundaryVolumes(options.pageSize),
    seed: options.seed ?? 7,
    timeOffPageSize: options.timeOffPageSize ?? 5,
    now,
    timeOffWindow: options.timeOffWindow ?? { from: day(-45), to: day(45) },
    // Sandboxes run with their rate limits off, so the client-side limiter must not wait on a real clock either.
    connectOptions: { rateLimits: false, ...options.connectOptions },
    faults: {
      seeds: options.faults?.seeds ?? [1, 2, 3, 4],
      rate: options.faults?.rate ?? 0.2,
      faults: options.faults?.faults ?? ['429', '5xx', 'slow', 'drop', 'truncate'],
      slowMs: options.faults?.slowMs ?? 400,
      timeoutMs: options.faults?.timeoutMs ?? 150,
      retryLimit: options.faults?.retryLimit ?? 8,
    },
  };
}

function boundaryVolumes(pageSize: number | undefined): number[] {
  if (pageSize === undefined) return [1, 100, 101];
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new ConfigurationError(`describeConformance: pageSize must be a positive integer (got ${pageSize})`, {
      field: 'pageSize',
    });
  return [...new Set([1, pageSize, 2 * pageSize, 2 * pageSize + 1])];
}
