import { jsonReply, type Reply, ReplyError } from '@hrkit/sandbox-kit';

/**
 * HiBob's simple error body `{key, error}` (hibob-api.md §8). The exact keys are UNKNOWN; the sandbox
 * uses stable, descriptive ones so tests can assert them.
 */
export function bobError(status: number, key: string, error: string, headers?: Record<string, string>): Reply {
  return jsonReply(status, { key, error }, headers);
}

export const bobErrors = {
  unauthorized: () =>
    bobError(401, 'unauthorized', 'The request could not be authenticated. Check your service user credentials.'),
  forbidden: (what: string) =>
    bobError(403, 'forbidden', `The service user does not have permission to access this resource (${what}).`),
  badRequest: (message: string) => bobError(400, 'bad_request', message),
  notFound: (message: string) => bobError(404, 'not_found', message),
  wafBlocked: () =>
    bobError(
      403,
      'blocked',
      'The request was blocked after repeated authentication or permission failures. Try again later.',
    ),
  tooManyRequests: (headers: Record<string, string>) =>
    bobError(429, 'too_many_requests', 'Rate limit exceeded. Check the X-RateLimit-Reset header.', headers),
};

/** Abort the current handler with a HiBob error. */
export function fail(reply: Reply): never {
  throw new ReplyError(reply);
}
