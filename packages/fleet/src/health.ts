import { AuthenticationError, HrKitError, PermissionError } from '@hrkit/core';

export interface FailureClass {
  /** 401 or 403 when the provider refused the credential. */
  authFailure: 401 | 403 | null;
  /** A message safe to store and show (core errors are already redacted). */
  reason: string;
}

export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof AuthenticationError)
    return { authFailure: 401, reason: `credential refused (401): ${error.message}` };
  if (error instanceof PermissionError)
    return {
      authFailure: 403,
      reason: `permission denied (403): ${error.message}${error.permission ? ` (grant "${error.permission}")` : ''}`,
    };
  if (error instanceof HrKitError) return { authFailure: null, reason: `${error.code}: ${error.message}` };
  // Not one of ours: keep the class name and message only (no stack, no payloads).
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { authFailure: null, reason: `${name}: ${message}`.slice(0, 500) };
}

/**
 * A failed inbox step as `InboxApplier` reports it: safe text naming the error's type, hrkit code and HTTP status
 * (`inboxErrorText` in @hrkit/sync, never the message). A 401 or 403 in it is a refused credential, which pauses
 * the connection as a sync's would (docs/fleet.md, "Connection health").
 */
export function classifyInboxFailure(text: string): FailureClass {
  const authFailure = /^AuthenticationError\b|\bHTTP 401\b/.test(text)
    ? 401
    : /^PermissionError\b|\bHTTP 403\b/.test(text)
      ? 403
      : null;
  const what =
    authFailure === 401 ? 'credential refused (401)' : authFailure === 403 ? 'permission denied (403)' : 'failed';
  return { authFailure, reason: `webhook delivery not applied, ${what}: ${text}` };
}
