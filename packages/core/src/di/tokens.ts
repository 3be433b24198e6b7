/**
 * Service identifiers. `Symbol.for` so that two copies of @hrkit/core in one process still agree.
 * Adapters inject everything by token with an explicit `@inject` (no class-typed parameters: see
 * docs/architecture.md on ESM import cycles).
 */
export const TOKENS = {
  /** Multi-bound: one ProviderDefinition per registered adapter. */
  ProviderDefinition: Symbol.for('@hrkit/core/ProviderDefinition'),
  /** Per connection (child container): the adapter's validated connection config. */
  ConnectionConfig: Symbol.for('@hrkit/core/ConnectionConfig'),
  /** Per connection: framework-level options (sensitive opt-ins, logger, clock). */
  ConnectOptions: Symbol.for('@hrkit/core/ConnectOptions'),
  /** Per connection: the adapter's connector instance. */
  Connector: Symbol.for('@hrkit/core/Connector'),
  /** Per connection: the redactor holding this connection's secrets. */
  Redactor: Symbol.for('@hrkit/core/Redactor'),
  /** Shared: the logger (silent unless the consumer binds one). */
  Logger: Symbol.for('@hrkit/core/Logger'),
} as const;
