import { DEFAULT_INBOX_LIMITS, type InboxLimits } from '@hrkit/sync';
import type { Command } from 'commander';
import { parseCount } from './connect.js';
import { CliError } from './errors.js';

export interface InboxLimitFlags {
  maxInboxDepth?: string;
  retryAfter?: string;
}

/**
 * `--max-inbox-depth` and `--retry-after`: the same flags, defaults and meaning on both webhook listeners,
 * `hrkit webhooks serve` and the fleet's `hrkit serve` (`InboxBackpressure`, docs/sync.md "Webhook inbox").
 */
export function addInboxLimitOptions(command: Command): Command {
  return command
    .option(
      '--max-inbox-depth <count>',
      'past this many pending deliveries of a connection answer 503 with Retry-After (nothing is stored)',
      String(DEFAULT_INBOX_LIMITS.maxPending),
    )
    .option('--retry-after <seconds>', "the 503's Retry-After", String(DEFAULT_INBOX_LIMITS.retryAfterSeconds));
}

export function inboxLimitsOf(flags: InboxLimitFlags): InboxLimits {
  return {
    maxPending: parsePositiveCount(flags.maxInboxDepth ?? String(DEFAULT_INBOX_LIMITS.maxPending), '--max-inbox-depth'),
    retryAfterSeconds: parsePositiveCount(
      flags.retryAfter ?? String(DEFAULT_INBOX_LIMITS.retryAfterSeconds),
      '--retry-after',
    ),
  };
}

export function parsePositiveCount(value: string | undefined, flag: string): number {
  const number = parseCount(value, flag);
  if (number === undefined || number < 1)
    throw new CliError(`${flag} must be a whole number of at least 1 (got "${value}")`);
  return number;
}
