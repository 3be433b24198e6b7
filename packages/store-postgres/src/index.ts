export { sanitizeDriverError } from './errors.js';
export { LATEST_VERSION as STORE_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
export {
  DEFAULT_SCHEMA,
  describeConnectionString,
  isPostgresUrl,
  type PostgresStoreOptions,
  validateSchema,
} from './options.js';
export * from './postgres-store.js';
