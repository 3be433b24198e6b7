/** @hrkit/cli as a library: the incremental sync engine and its stores, usable without the command line. */
export * from './sync/index.js';
