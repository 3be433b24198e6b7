import type { CliIo } from './io.js';

/** What every command action receives besides its own options. */
export interface CommandContext {
  io: CliIo;
  /** `--quiet`: no progress, no summaries on stderr; results and errors still print. */
  quiet: boolean;
  /** Set by commands that finish with a non-zero code without throwing (e.g. `check` finding gaps). */
  setExitCode(code: number): void;
  /** Register secrets met while running (so the error printer can redact them). */
  addSecret(secret: string | null | undefined): void;
}
