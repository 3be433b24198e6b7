/** @hrkit/cli: the `hrkit` command. The sync engine and its stores are `@hrkit/sync`; this package only drives them. */
export type { CliIo } from './cli/io.js';
export { EXIT } from './cli/exit-codes.js';
export { main } from './cli/main.js';
export { type CliProvider, type CredentialSpec, registerCliProvider } from './cli/providers.js';
export { cliProviderFrom, loadProviderModules } from './cli/provider-modules.js';
