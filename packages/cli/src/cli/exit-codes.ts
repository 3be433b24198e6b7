/** Documented exit codes of `hrkit` (docs/cli.md). Scripts branch on these; never renumber. */
export const EXIT = {
  OK: 0,
  /** A bug or an error hrkit did not expect. */
  UNEXPECTED: 1,
  /** Bad command line, option, config file or credentials shape. */
  USAGE: 2,
  /** The provider refused the credentials (401). */
  AUTHENTICATION: 3,
  /** A permission is missing (403), or `check` found a required capability missing. */
  PERMISSION: 4,
  /** The provider or the network failed: 5xx, timeouts, rate limits, unreadable payloads. */
  PROVIDER: 5,
  /** The provider (or this connection) does not support what was asked. */
  NOT_SUPPORTED: 6,
  /** A webhook delivery failed signature verification. */
  WEBHOOK_VERIFICATION: 7,
  /**
   * `sync` finished and committed, events delivered, but with warnings: a part was skipped (missing time-off
   * permission, unreadable provider records, a refused mass deletion). The summary names each one.
   */
  DONE_WITH_WARNINGS: 8,
  /** Interrupted (Ctrl-C) before finishing. */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
