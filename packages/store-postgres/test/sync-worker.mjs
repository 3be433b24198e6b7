// A separate sync process for the cross-process tests (processes.test.ts). Runs the BUILT packages.
//   node sync-worker.mjs <url> <schema> <initial|changed> [--employees N] [--barrier] [--hang-after K]
// initial: sync the scenario company; changed: the same company after every kind of change (@hrkit/sync/testing).
// --barrier: print "ready", wait for "go" on stdin, so two workers start their syncs at the same moment.
// --hang-after K: after the K-th record (inside its open transaction) print "hanging" and block until killed.
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { HIBOB_LIKE, changingCompany, syncHarness } from '@hrkit/sync/testing';

const [url, schema, phase, ...flags] = process.argv.slice(2);
const flag = (name) => {
  const at = flags.indexOf(name);
  return at === -1 ? null : (flags[at + 1] ?? '');
};
const employees = Number(flag('--employees') ?? 8);
const hangAfter = flag('--hang-after') === null ? null : Number(flag('--hang-after'));

const { company, change } = changingCompany();
for (let i = 11; i <= employees; i += 1) company.addEmployee(String(i));
if (phase === 'changed') change(company);

const store = await PostgresSyncStore.open({ connectionString: url, schema });
try {
  if (flags.includes('--barrier')) {
    writeSync(1, 'ready\n');
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) if (line === 'go') break;
    lines.close();
  }
  let processed = 0;
  const onProgress = () => {
    processed += 1;
    if (processed !== hangAfter) return;
    writeSync(1, 'hanging\n');
    // Block this thread with the transaction open: only SIGKILL ends it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
  const result = await syncHarness(store, HIBOB_LIKE, company).sync({ onProgress });
  writeSync(1, `${JSON.stringify({ newEvents: result.newEvents })}\n`);
} finally {
  await store.close();
}
