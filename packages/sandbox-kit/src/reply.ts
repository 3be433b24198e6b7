/**
 * What a route handler answers. Kept as plain data so handlers stay testable without a socket;
 * the server turns it into bytes (buffering small JSON, streaming large bodies with back-pressure).
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; json: unknown }
  | { status: number; headers?: Record<string, string>; text: string; contentType?: string }
  | {
      status: number;
      headers?: Record<string, string>;
      /** Chunks written one by one, waiting for the socket to drain: a 100k-employee body never sits in memory. */
      stream: Iterable<string> | AsyncIterable<string>;
      contentType?: string;
    }
  | { status: number; headers?: Record<string, string>; empty: true };

export function jsonReply(status: number, json: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, json, headers } : { status, json };
}

export function textReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, text, contentType };
}

export function streamReply(
  status: number,
  stream: Iterable<string> | AsyncIterable<string>,
  contentType = 'application/json; charset=utf-8',
): Reply {
  return { status, stream, contentType };
}

export function emptyReply(status = 204, headers?: Record<string, string>): Reply {
  return headers ? { status, empty: true, headers } : { status, empty: true };
}

/** Adds headers to a reply (e.g. rate-limit headers on every answer of a limited endpoint). */
export function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

/**
 * Thrown inside a handler to answer with a given reply at once (auth failures, validation errors).
 * The server catches it; anything else thrown becomes a 500.
 */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`sandbox reply ${reply.status}`);
    this.name = 'ReplyError';
  }
}
