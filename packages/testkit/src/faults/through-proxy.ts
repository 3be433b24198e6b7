import { ConfigurationError } from '@hrkit/core';

/** The sandbox's config with its base URL pointed at the proxy (same path, the proxy's origin). */
export function throughProxy(
  config: Record<string, unknown>,
  sandboxUrl: string,
  proxyUrl: string,
): Record<string, unknown> {
  const baseUrl = config.baseUrl;
  if (typeof baseUrl !== 'string')
    throw new ConfigurationError(
      'sandbox.connectionConfig() must include baseUrl so the fault proxy can be put in front',
      {
        field: 'baseUrl',
      },
    );
  const base = new URL(baseUrl);
  if (base.origin !== new URL(sandboxUrl).origin)
    throw new ConfigurationError(`connectionConfig().baseUrl (${base.origin}) is not on the sandbox (${sandboxUrl})`, {
      field: 'baseUrl',
    });
  const proxied = new URL(`${base.pathname}${base.search}`, new URL(proxyUrl).origin).toString();
  return { ...config, baseUrl: baseUrl.endsWith('/') ? proxied : proxied.replace(/\/$/, '') };
}
