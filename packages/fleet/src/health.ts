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
