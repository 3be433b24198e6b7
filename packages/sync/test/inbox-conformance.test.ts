import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySyncStore } from '../src/index.js';
import { SqliteSyncStore } from '../src/sqlite/index.js';
import { describeInboxConformance } from '../src/testing/index.js';

const required = { requireInboxDepths: true };
describeInboxConformance('memory', () => new MemorySyncStore(), required);
describeInboxConformance(
  'sqlite',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrkit-inbox-'));
    return {
      store: new SqliteSyncStore(join(dir, 'hrkit.sqlite')),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  required,
);
