import { TransportError, type Redactor } from '@hrkit/core';

/** Network-level failures (server down, unreachable, restarted, pool timeout): retrying later may succeed. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

function isUnreachable(error: Error & { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    UNREACHABLE.has(code) ||
    code.startsWith('08') || // connection exception class
    code.startsWith('57P') || // server shutting down / cannot connect now
    /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)
  );
}

/**
 * Errors from the driver, made safe to log: the message and stack go through the connection's Redactor (a
 * password echoed by any layer is masked), and network failures become a retryable TransportError naming the
 * server with its secrets masked. Errors thrown by the caller's own unit of work never pass through here.
 */
export function sanitizeDriverError(error: unknown, redactor: Redactor, server: string): Error {
  if (!(error instanceof Error)) return new Error(redactor.redact(String(error)));
  const message = redactor.redact(error.message);
  if (isUnreachable(error)) {
    const transport = new TransportError(`PostgreSQL at ${server} is unreachable: ${message}`, { provider: null });
    return transport;
  }
  error.message = message;
  if (error.stack) error.stack = redactor.redact(error.stack);
  return error;
}
