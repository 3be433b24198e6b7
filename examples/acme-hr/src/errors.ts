import { type ErrorMapper, PermissionError } from '@hrkit/core';
import { ACME } from './config.js';

// #region errors
/** Acme says which scope a key lacks (`{"error":"…","missing_scope":"leave:read"}`): name it in the error. */
export const mapAcmeError: ErrorMapper = ({ status, body, request }) => {
  if (status !== 403) return undefined;
  const scope = (body as { missing_scope?: unknown } | undefined)?.missing_scope;
  const permission = typeof scope === 'string' ? scope : null;
  return new PermissionError(
    `${ACME} denied ${request}: the API key lacks the ${permission ?? 'required'} scope (Settings › API keys)`,
    { provider: ACME, request, status, permission },
  );
};
// #endregion errors
