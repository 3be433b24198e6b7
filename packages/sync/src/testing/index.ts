/**
 * `@hrkit/sync/testing`: a scriptable fake provider for exercising the sync engine and stores in tests, and the
 * store and inbox conformance suites (`describeSyncStoreConformance`, `describeInboxConformance`; they need vitest).
 */
export * from './conformance.js';
export * from './equivalence.js';
export * from './fake-company.js';
export * from './harness.js';
export * from './inbox-conformance.js';
