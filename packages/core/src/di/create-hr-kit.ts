import 'reflect-metadata';
import { Container, type ContainerModule } from 'inversify';
import { ConfigurationError } from '../errors/errors.js';
import { Redactor } from '../errors/redaction.js';
import { parseConfig } from '../errors/zod-errors.js';
import { silentLogger } from '../http/logger.js';
import { baseUrlProblem } from '../http/network-policy.js';
import type { ConnectOptions } from './connect-options.js';
import { Connection } from './connection.js';
import type { ProviderDefinition, ProviderPlugin } from './provider-definition.js';
import { TOKENS } from './tokens.js';

export interface HrKitOptions {
  providers: readonly ProviderPlugin[];
  /** Modules loaded after the providers: rebind any adapter part here (e.g. an employment-type mapping). */
  overrides?: readonly ContainerModule[];
}

export interface HrKit {
  readonly container: Container;
  /** Keys of the registered providers. */
  providers(): string[];
  definition(key: string): ProviderDefinition;
  /** Validate `config` against the provider's schema and open a connection. Fails fast with ConfigurationError. */
  connect(key: string, config?: unknown, options?: ConnectOptions): Connection;
}

/**
 * The consumer-facing entry point. Loads every provider module (and the overrides) before the first resolve —
 * inversify 8 caches plans, so binding after resolving is never done — and opens connections in child containers.
 */
export function createHrKit(options: HrKitOptions): HrKit {
  if (!options || !Array.isArray(options.providers))
    throw new ConfigurationError('createHrKit needs { providers: [...] }', { field: 'providers' });
  const container = new Container();
  const seen = new Set<string>();
  for (const [index, plugin] of options.providers.entries()) {
    if (!plugin || typeof plugin.key !== 'string' || !plugin.module)
      throw new ConfigurationError(`providers[${index}] is not a provider plugin (use e.g. hibob())`, {
        field: `providers[${index}]`,
      });
    if (seen.has(plugin.key))
      throw new ConfigurationError(`provider "${plugin.key}" is registered twice`, { field: `providers[${index}]` });
    seen.add(plugin.key);
    container.load(plugin.module);
  }
  for (const module of options.overrides ?? []) container.load(module);
  if (!container.isBound(TOKENS.Logger)) container.bind(TOKENS.Logger).toConstantValue(silentLogger);

  const definitions = new Map<string, ProviderDefinition>();
  for (const definition of container.getAll<ProviderDefinition>(TOKENS.ProviderDefinition))
    definitions.set(definition.key, definition);

  const definition = (key: string): ProviderDefinition => {
    const found = definitions.get(key);
    if (!found)
      throw new ConfigurationError(
        `Unknown provider "${key}". Registered: ${[...definitions.keys()].join(', ') || 'none'}`,
        { field: 'provider' },
      );
    return found;
  };

  return {
    container,
    providers: () => [...definitions.keys()],
    definition,
    connect(key, config = {}, connectOptions = {}) {
      const found = definition(key);
      const parsed = parseConfig(found.connectionSchema, config, { provider: key, what: `${key} connection config` });
      refuseUnsafeBaseUrl(key, parsed, connectOptions);
      const redactor = new Redactor(found.secretsOf(parsed));
      const child = new Container({ parent: container });
      child.bind(TOKENS.ConnectionConfig).toConstantValue(parsed);
      child.bind(TOKENS.ConnectOptions).toConstantValue(connectOptions);
      child.bind(TOKENS.Redactor).toConstantValue(redactor);
      if (connectOptions.logger) child.bind(TOKENS.Logger).toConstantValue(connectOptions.logger);
      const create = found.createConnector;
      if (create)
        child
          .bind(TOKENS.Connector)
          .toDynamicValue((context) =>
            create({
              config: parsed,
              connect: connectOptions,
              redactor,
              logger: context.get(TOKENS.Logger),
              resolve: (token) => context.get(token),
            }),
          )
          .inSingletonScope();
      else if (found.connector) child.bind(TOKENS.Connector).to(found.connector).inSingletonScope();
      else
        throw new ConfigurationError(`provider "${key}" defines neither connector nor createConnector`, {
          field: 'provider',
        });
      const connector = child.get<import('../contract/v1/connector.js').HrConnectorV1>(TOKENS.Connector);
      return new Connection(connector, connectOptions, redactor);
    },
  };
}

/**
 * The base URL policy, applied to every adapter's validated config before its connector (and so its HTTP client)
 * exists: a refused URL never receives a request, let alone the credentials. docs/security.md › Base URL policy.
 */
function refuseUnsafeBaseUrl(provider: string, config: unknown, options: ConnectOptions): void {
  const baseUrl = (config as { baseUrl?: unknown } | null)?.baseUrl;
  if (typeof baseUrl !== 'string') return;
  const problem = baseUrlProblem(baseUrl, options);
  if (problem) {
    let host = '';
    try {
      host = ` (${new URL(baseUrl).host})`;
    } catch {}
    throw new ConfigurationError(`${provider} baseUrl${host} ${problem}`, { field: 'baseUrl', provider });
  }
}
