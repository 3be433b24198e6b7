import { ConfigurationError } from '@hrkit/core';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { describe, expect, it } from 'vitest';
import { fleetConfig, storeFromUrl } from '../src/index.js';
import { createTestDatabase } from './harness.js';

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('the fleet store', () => {
  it('defaults to the PostgreSQL store in the registry database, in its own schema', async () => {
    const database = await createTestDatabase();
    try {
      const config = fleetConfig({ HRKIT_FLEET_DATABASE_URL: database.url, HRKIT_FLEET_KEYS: KEYS });
      expect(config.store).toBe(database.url);
      const store = await storeFromUrl(config.store)();
      try {
        expect(store).toBeInstanceOf(PostgresSyncStore);
        expect((store as PostgresSyncStore).schema).toBe('hrkit');
      } finally {
        await store.close();
      }
      const named = await storeFromUrl(`${database.url}?schema=fleet_records`)();
      try {
        expect((named as PostgresSyncStore).schema).toBe('fleet_records');
      } finally {
        await named.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('an unknown store is a ConfigurationError that does not echo the URL (it may hold a password)', () => {
    const attempt = () => storeFromUrl('mysql://admin:s3cret@db/hr');
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).not.toThrow(/s3cret/);
  });
});
