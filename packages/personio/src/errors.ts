import { AuthenticationError, type ErrorMapper, PermissionError } from '@hrkit/core';
import { PERSONIO } from './config.js';

/** Personio v1 error bodies: `{ success: false, error: { code, message } }`; `code` is often 0, messages may be German. */
const messageOf = (body: unknown) => {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message.trim() : '';
};

/**
 * Personio documents a refused token as 403 "Provided authorization is not valid": that is an expired token, not a
 * missing permission, so it is reported with status 401 and the toolkit exchanges a new token once.
 */
export const mapPersonioError: ErrorMapper = ({ status, body, request }) => {
  const message = messageOf(body);
  const options = { provider: PERSONIO, request, status };
  if (status === 403 && /authori[sz]ation is not valid/i.test(message))
    return new AuthenticationError(`${PERSONIO} refused the access token on ${request}: ${message}`, {
      ...options,
      status: 401,
    });
  if (status === 403)
    return new PermissionError(
      `${PERSONIO} denied ${request}: the API credential lacks read access to this area (${message || 'no detail'})`,
      { ...options, permission: null },
    );
  return undefined;
};
