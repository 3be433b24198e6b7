import type { IncomingHttpHeaders } from 'node:http';

/** One incoming request as handlers see it: parsed URL, path params, and the raw body bytes. */
export interface SandboxRequest {
  readonly method: string;
  /** Path without query string, e.g. `/v1/people/search`. */
  readonly path: string;
  /** Decoded path parameters of the matched route (`/people/:id` → `{ id }`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  readonly rawBody: Buffer;
  /** Pattern of the matched route, e.g. `/v1/people/:id` (stable key for counters and rate limits). */
  readonly route: string;
  /** Name given to the route when registered (defaults to `METHOD pattern`). */
  readonly routeName: string;
  /** The body parsed as JSON; throws `InvalidJsonError` on malformed JSON. An empty body yields `undefined`. */
  json(): unknown;
  /** A single header value (first one when repeated), case-insensitive. */
  header(name: string): string | undefined;
}

export class InvalidJsonError extends Error {
  constructor(override readonly cause: unknown) {
    super(`request body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'InvalidJsonError';
  }
}

export function buildRequest(input: {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  route: string;
  routeName: string;
}): SandboxRequest {
  let parsed: { value: unknown } | undefined;
  return {
    ...input,
    json() {
      if (!parsed) {
        if (input.rawBody.length === 0) {
          parsed = { value: undefined };
        } else {
          try {
            parsed = { value: JSON.parse(input.rawBody.toString('utf8')) };
          } catch (error) {
            throw new InvalidJsonError(error);
          }
        }
      }
      return parsed.value;
    },
    header(name) {
      const value = input.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  };
}
