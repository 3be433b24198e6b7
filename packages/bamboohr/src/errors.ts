import {
  AuthenticationError,
  type ErrorMapper,
  type HrKitError,
  NotFoundError,
  PermissionError,
  ProviderError,
} from '@hrkit/core';
import { BAMBOOHR } from './config.js';

// #region errors
function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * BambooHR puts its error text in `X-BambooHR-Error-Message` (sometimes spelled `…-Messsage`) with an empty body.
 * The message never contains the key; it still passes through the redactor in the toolkit.
 */
export const mapBambooHrError: ErrorMapper = ({ status, headers, request, text }): HrKitError | undefined => {
  const message =
    headerValue(headers, 'x-bamboohr-error-message') ??
    headerValue(headers, 'x-bamboohr-error-messsage') ??
    (text.trim().slice(0, 200) || null);
  const options = { provider: BAMBOOHR, request, status };
  if (status === 401)
    return new AuthenticationError(
      `BambooHR refused the API key (401) on ${request}: ${message ?? 'no detail'}. Check companyDomain and apiKey (the key is the Basic-auth username).`,
      options,
    );
  if (status === 403)
    return new PermissionError(
      `BambooHR denied ${request} (403): ${message ?? 'the API key user lacks access'}. Repeated invalid keys also disable API access for a while.`,
      { ...options, permission: 'BambooHR access level of the API key owner' },
    );
  if (status === 404 && /employee/i.test(message ?? '')) return new NotFoundError('employee', request, options);
  if (status === 400 || status === 406 || status === 409)
    return new ProviderError(`BambooHR rejected ${request} (${status}): ${message ?? 'bad request'}`, options);
  return undefined;
};
// #endregion errors
