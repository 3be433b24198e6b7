/**
 * `@hrkit/sync/testing`: a scriptable fake provider for exercising the sync engine and stores in tests, and the
 * inbox conformance suite (`describeInboxConformance`, which needs vitest).
 */
export * from './fake-company.js';
export * from './inbox-conformance.js';
