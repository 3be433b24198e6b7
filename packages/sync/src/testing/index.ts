/**
 * `@hrkit/sync/testing`: a scriptable fake provider for exercising the sync engine and stores in tests, and the
 * store conformance suite (`describeSyncStoreConformance`, which needs vitest).
 */
export * from './conformance.js';
export * from './fake-company.js';
export * from './harness.js';
