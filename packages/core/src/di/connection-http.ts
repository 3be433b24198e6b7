import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import type { ConnectorContext } from './provider-definition.js';

/**
 * An HttpClient for one connection: the connection's redactor and logger, and the consumer's connect options
 * (clock, timeout, retry limit, `rateLimits: false` switching the adapter's client-side limits off, and the base
 * URL policy as `network`).
 */
export function connectionHttp(
  context: Pick<ConnectorContext, 'connect' | 'redactor' | 'logger'>,
  options: Omit<HttpClientOptions, 'redactor' | 'logger' | 'clock' | 'network'>,
): HttpClient {
  const { connect } = context;
  return new HttpClient({
    ...options,
    // allowPrivateNetwork / allowedHosts: the consumer's base URL policy (docs/security.md).
    network: connect,
    redactor: context.redactor,
    logger: context.logger,
    ...(connect.rateLimits === false ? { rateLimits: [] } : {}),
    ...(connect.clock ? { clock: connect.clock } : {}),
    ...(connect.timeoutMs !== undefined ? { timeoutMs: connect.timeoutMs } : {}),
    ...(connect.retryLimit !== undefined ? { retry: { ...options.retry, limit: connect.retryLimit } } : {}),
  });
}
