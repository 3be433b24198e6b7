import { type HiBobSandboxConnectionConfig, type HiBobSandbox, startHiBobSandbox } from '../src/sandbox/index.js';
import type { HiBobSandboxOptions } from '../src/sandbox/options.js';

export const NOW = '2026-06-15T10:00:00.000Z';

export async function sandbox(options: HiBobSandboxOptions = {}): Promise<HiBobSandbox> {
  return startHiBobSandbox({ seed: 7, employees: 60, now: NOW, ...options });
}

export interface BobResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the sandbox like a HiBob client: Basic auth, JSON bodies, parsed JSON answers. */
export async function call<T = unknown>(
  config: HiBobSandboxConnectionConfig,
  method: string,
  path: string,
  body?: unknown,
  authorization?: string,
): Promise<BobResponse<T>> {
  const response = await fetch(`${config.baseUrl}${path}`, {
    method,
    headers: {
      authorization:
        authorization ?? `Basic ${Buffer.from(`${config.serviceUserId}:${config.token}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export type Employee = Record<string, unknown> & { id: string };
