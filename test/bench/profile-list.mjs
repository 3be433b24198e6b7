// Where listing through the Connection spends client CPU: `node --cpu-prof --cpu-prof-dir=/tmp/prof
// test/bench/profile-list.mjs [employees]`, then `node test/bench/lib/profile-shares.mjs /tmp/prof/<file>`. The
// HiBob sandbox runs in its own process (lib/sandbox.mjs), so the profile holds only the client.
import { createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startSandboxProcess } from './lib/sandbox.mjs';

const employees = Number(process.argv[2] ?? 10_000);
const sandbox = await startSandboxProcess({ seed: 1, employees, rateLimits: false });
try {
  for (let round = 0; round < 3; round++) {
    const connection = createHrKit({ providers: [hibob()] }).connect('hibob', sandbox.config, { rateLimits: false });
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
    console.log(`round ${round}: ${records} records, ${Math.round((used.user + used.system) / 1000)} ms CPU`);
  }
} finally {
  await sandbox.close();
}
