// Where listing through the Connection spends client CPU: `node test/bench/profile-list.mjs [employees] [rounds]
// [out-dir]` writes one `.cpuprofile` per round, taken around the listing only (the HiBob sandbox runs in its own
// process, lib/sandbox.mjs); `node test/bench/lib/profile-shares.mjs <file>` gives the shares by function.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startSandboxProcess } from './lib/sandbox.mjs';

const [employees = 10_000, rounds = 2, out = '/tmp'] = process.argv.slice(2);
const sandbox = await startSandboxProcess({ seed: 1, employees: Number(employees), rateLimits: false });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
try {
  for (let round = 0; round < Number(rounds); round++) {
    const connection = createHrKit({ providers: [hibob()] }).connect('hibob', sandbox.config, { rateLimits: false });
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    let records = 0;
    for await (const _ of connection.employees.list({ includeInactive: true })) records++;
    const now = Date.now();
    for await (const _ of connection.timeOff.requestChanges({
      since: new Date(now - 180 * 86_400_000).toISOString(),
      until: new Date(now).toISOString(),
      includePending: true,
    }))
      records++;
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    const file = join(out, `list-round-${round}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`round ${round}: ${records} records, ${Math.round((used.user + used.system) / 1000)} ms CPU → ${file}`);
  }
} finally {
  session.disconnect();
  await sandbox.close();
}
