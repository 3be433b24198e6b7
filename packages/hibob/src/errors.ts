import {
  AuthenticationError,
  type ErrorMapper,
  type HrKitError,
  NotFoundError,
  PermissionError,
  ProviderError,
} from '@hrkit/core';
import { HIBOB } from './config.js';
import { permissionForPath } from './permissions.js';

/** HiBob's error text, from `{key, error}` (most APIs), `{errorMessage}`, `{message}` or field-level `{errors}`. */
export function hibobErrorText(body: unknown): { key: string | null; message: string | null } {
  if (!body || typeof body !== 'object') return { key: null, message: null };
  const record = body as Record<string, unknown>;
  const key = typeof record.key === 'string' || typeof record.key === 'number' ? String(record.key) : null;
  for (const name of ['error', 'errorMessage', 'message']) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return { key, message: value };
  }
  if (record.errors && typeof record.errors === 'object') {
    const parts = Object.entries(record.errors as Record<string, unknown>).map(([field, detail]) => {
      const text = detail && typeof detail === 'object' ? (detail as Record<string, unknown>).message : detail;
      return `${field}: ${typeof text === 'string' ? text : JSON.stringify(text)}`;
    });
    if (parts.length > 0) return { key, message: parts.slice(0, 5).join('; ') };
  }
  return { key, message: null };
}

function notFound(path: string, options: { provider: string; request: string; status: number }): HrKitError {
  const decode = (value: string | undefined) => decodeURIComponent(value ?? '');
  const request = /^\/v1\/timeoff\/employees\/([^/]+)\/requests\/([^/]+)$/.exec(path);
  if (request) return new NotFoundError('time-off request', `${decode(request[1])}/${decode(request[2])}`, options);
  const person = /^\/v1\/people\/([^/]+)$/.exec(path);
  if (person && person[1] !== 'search') return new NotFoundError('employee', decode(person[1]), options);
  const list = /^\/v1\/company\/named-lists\/([^/]+)$/.exec(path);
  if (list) return new NotFoundError('named list', decode(list[1]), options);
  const policyType = /^\/v1\/timeoff\/policy-types\/([^/]+)$/.exec(path);
  if (policyType) return new NotFoundError('time-off policy type', decode(policyType[1]), options);
  // HiBob answers 404 for modules the company has not bought (e.g. Time and Attendance) too.
  return new NotFoundError('HiBob resource', path, options);
}

/**
 * HiBob-specific error mapping: 401 never retried (HiBob's WAF blocks callers that repeat failed logins),
 * 403 names the permission to grant in Bob's own words, `{key, error}` bodies become the message.
 */
export const mapHiBobError: ErrorMapper = ({ status, body, request }) => {
  const path = request.split(' ')[1] ?? '';
  const { key, message } = hibobErrorText(body);
  const said = message ? ` HiBob said: "${message}".` : '';
  const options = { provider: HIBOB, request, status };
  const permission = permissionForPath(path);
  // Some HiBob endpoints answer 401 (not 403) for a missing permission, with "No permissions to …".
  if (status === 401 && !(message && /no permission/i.test(message)))
    return new AuthenticationError(
      `HiBob refused the service user credentials (401) on ${request}. Check the service user ID and token ` +
        '(Settings › Integrations › Automation › Service users; legacy API tokens stopped working on 31 Oct 2024). ' +
        `hrkit does not retry a 401: HiBob blocks callers that repeat failed logins.${said}`,
      options,
    );
  if (status === 401 || status === 403)
    return new PermissionError(
      `HiBob denied ${request} (${status}): the service user lacks a permission${
        permission ? `; grant "${permission}" to its permission group` : ''
      }.${said}`,
      { ...options, permission },
    );
  if (status === 404) return notFound(path, options);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return new ProviderError(`HiBob rejected ${request} (${status}).${said || ' No error text.'}`, {
      ...options,
      retryable: false,
      providerCode: key,
    });
  return undefined;
};
