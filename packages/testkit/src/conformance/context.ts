import { type ConnectOptions, type Connection, createHrKit, type HrKit, type ProviderPlugin } from '@hrkit/core';
import { MemoryLogger } from '@hrkit/core/testing';
import type { SandboxHandle } from '@hrkit/sandbox-kit';
import { type ConformanceOptions, type ResolvedConformanceOptions, resolveConformanceOptions } from './options.js';

/**
 * Everything one conformance run shares: the sandbox, a kit with only the adapter under test, one MemoryLogger
 * wired into every connection, and every error any check provoked — the secrets check reads both at the end.
 */
export class ConformanceContext {
  readonly logger = new MemoryLogger();
  readonly errors: unknown[] = [];
  readonly kit: HrKit;
  readonly key: string;

  constructor(
    readonly options: ResolvedConformanceOptions,
    readonly sandbox: SandboxHandle,
  ) {
    this.kit = createHrKit({ providers: [options.plugin] });
    this.key = options.plugin.key;
  }

  /** A connection through the facade consumers use, logging into the shared MemoryLogger. */
  connect(config: Record<string, unknown> = this.sandbox.connectionConfig(), extra: ConnectOptions = {}): Connection {
    return this.kit.connect(this.key, config, { ...this.options.connectOptions, ...extra, logger: this.logger });
  }

  /** Run `action` expecting it to fail; returns the error (also kept for the secrets check). */
  async failureOf(action: () => unknown): Promise<unknown> {
    try {
      await action();
    } catch (error) {
      this.errors.push(error);
      return error;
    }
    return undefined;
  }

  /** The sandbox's ground truth, sorted. */
  expectedEmployeeIds(includeInactive: boolean): string[] {
    return [...this.sandbox.expected.employeeRemoteIds({ includeInactive })].sort();
  }
}

export async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Start the sandbox the way every conformance run does: seeded, fixed "now", provider rate limits off. */
export async function startConformanceContext(
  options: ConformanceOptions | ResolvedConformanceOptions,
): Promise<ConformanceContext> {
  const resolved = isResolved(options) ? options : resolveConformanceOptions(options);
  const sandbox = await resolved.startSandbox({
    seed: resolved.seed,
    employees: resolved.employees,
    now: resolved.now,
    rateLimits: false,
    timeOffPageSize: resolved.timeOffPageSize,
  });
  return new ConformanceContext(resolved, sandbox);
}

function isResolved(options: ConformanceOptions | ResolvedConformanceOptions): options is ResolvedConformanceOptions {
  const plugin = options.plugin as ProviderPlugin | (() => ProviderPlugin);
  return typeof plugin !== 'function' && 'faults' in options && Array.isArray(options.faults?.seeds);
}
