import { HrKitError, PermissionError } from '@hrkit/core';
import { CommanderError } from 'commander';
import { EXIT, type ExitCode } from './exit-codes.js';

/** A CLI-level failure with its exit code, e.g. a missing flag detected by hrkit rather than commander. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const BY_CODE: Record<HrKitError['code'], ExitCode> = {
  CONFIGURATION: EXIT.USAGE,
  AUTHENTICATION: EXIT.AUTHENTICATION,
  PERMISSION: EXIT.PERMISSION,
  NOT_FOUND: EXIT.PROVIDER,
  RATE_LIMITED: EXIT.PROVIDER,
  PROVIDER: EXIT.PROVIDER,
  TRANSPORT: EXIT.PROVIDER,
  INVALID_PROVIDER_DATA: EXIT.PROVIDER,
  NOT_SUPPORTED: EXIT.NOT_SUPPORTED,
  WEBHOOK_VERIFICATION: EXIT.WEBHOOK_VERIFICATION,
};

/**
 * One readable line (plus hints) and an exit code for any error: never a stack trace. hrkit errors are already
 * redacted at the source; `redact` is applied on top so that nothing the CLI was given as a secret can leak.
 */
export function describeError(
  error: unknown,
  redact: (text: string) => string,
): { exitCode: ExitCode; message: string } {
  if (error instanceof CommanderError) return { exitCode: EXIT.USAGE, message: redact(error.message) };
  if (error instanceof CliError) return { exitCode: error.exitCode, message: redact(`error: ${error.message}`) };
  if (error instanceof HrKitError) {
    const lines = [`error (${error.code}): ${error.message}`];
    if (error instanceof PermissionError && error.permission)
      lines.push(
        `fix: ask the ${error.provider ?? 'provider'} admin to grant "${error.permission}" to this integration`,
      );
    if (error.code === 'AUTHENTICATION')
      lines.push('fix: check the credentials (flags, environment variables or --config); they were not accepted');
    if (error.code === 'CONFIGURATION' && 'field' in error && error.field) lines.push(`field: ${String(error.field)}`);
    if (error.request) lines.push(`request: ${error.request}`);
    return { exitCode: BY_CODE[error.code] ?? EXIT.UNEXPECTED, message: redact(lines.join('\n')) };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: EXIT.UNEXPECTED, message: redact(`unexpected error: ${text}`) };
}
