/** `@hrkit/sync/testing`: a scriptable fake provider for exercising the sync engine and stores in tests. */
export * from './fake-company.js';
