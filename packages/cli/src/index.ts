/** @hrkit/cli as a library: the incremental sync engine and its stores, usable without the command line. */
export * from './sync/index.js';
export type { CliIo } from './cli/io.js';
export { EXIT } from './cli/exit-codes.js';
export { main } from './cli/main.js';
export { type CliProvider, type CredentialSpec, registerCliProvider } from './cli/providers.js';
