import { jsonReply, type Reply, ReplyError } from './reply.js';
import type { SandboxRequest } from './request.js';
import type { Router } from './router.js';

export const CONTROL_PREFIX = '/_sandbox';
export const ADMIN_TOKEN_HEADER = 'x-sandbox-admin-token';

/** A control handler gets the parsed JSON body (or `{}`) and returns JSON (status 200). */
export type ControlHandler = (body: Record<string, unknown>, request: SandboxRequest) => unknown | Promise<unknown>;

/** Thrown by control handlers for bad input: answers `{ error }` with the given status. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface ControlApiOptions {
  prefix?: string;
  /** When set, requests must carry it in `x-sandbox-admin-token`; default: no auth (127.0.0.1 only). */
  adminToken?: string;
}

/**
 * Mounts JSON routes under `/_sandbox/…` for tests and the CLI to change data and trigger events over HTTP.
 * `routes` keys are `METHOD /sub/path` (params allowed): `{ 'POST /employees/:id/terminate': handler }`.
 */
export function mountControlApi(
  router: Router,
  routes: Record<string, ControlHandler>,
  options: ControlApiOptions = {},
): void {
  const prefix = options.prefix ?? CONTROL_PREFIX;
  for (const [key, handler] of Object.entries(routes)) {
    const space = key.indexOf(' ');
    const method = key.slice(0, space);
    const path = key.slice(space + 1);
    router.add({
      method,
      pattern: `${prefix}${path}`,
      name: `control ${key}`,
      handler: async (request): Promise<Reply> => {
        if (options.adminToken !== undefined && request.header(ADMIN_TOKEN_HEADER) !== options.adminToken) {
          return jsonReply(401, { error: `missing or wrong ${ADMIN_TOKEN_HEADER}` });
        }
        const parsed = request.json();
        if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
          return jsonReply(400, { error: 'control API bodies are JSON objects' });
        }
        try {
          const result = await handler((parsed as Record<string, unknown> | undefined) ?? {}, request);
          return jsonReply(200, result ?? { ok: true });
        } catch (error) {
          if (error instanceof ControlError) return jsonReply(error.status, { error: error.message });
          if (error instanceof ReplyError) return error.reply;
          throw error;
        }
      },
    });
  }
}

/** Reads a required string from a control body, or answers 400 naming the field. */
export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0)
    throw new ControlError(400, `"${field}" must be a non-empty string`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ControlError(400, `"${field}" must be a string`);
  return value;
}
