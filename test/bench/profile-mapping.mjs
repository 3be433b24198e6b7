// Where mapping + validation spends its time: `node test/bench/profile-mapping.mjs hibob|bamboohr [employees]
// [fast|plain] profile=/tmp/map.cpuprofile`, then `node test/bench/lib/profile-shares.mjs /tmp/map.cpuprofile` for the
// shares by function (docs/performance.md › Mapping and listing). Maps the same answer the mapping step uses, several times.
import { createHrKit, Employee, EmploymentTypeRules, parseProviderData } from '@hrkit/core';

const [provider = 'hibob', size = '20000', mode = 'fast'] = process.argv.slice(2);
const employees = Number(size);
const strict = (record) => parseProviderData(Employee, record, { provider, what: 'employee (mapped)' });

let rows;
let map;
if (provider === 'hibob') {
  const { hibob } = await import('@hrkit/hibob');
  const { startHiBobSandbox } = await import('@hrkit/hibob/sandbox');
  const employeeModule = await import('../../packages/hibob/dist/mapping/employee.js');
  const { mappingContext } = await import('../../packages/hibob/dist/readers/session.js');
  const sandbox = await startHiBobSandbox({ host: '127.0.0.1', port: 0, employees, seed: 1, rateLimits: false });
  const config = sandbox.connectionConfig();
  const connector = createHrKit({ providers: [hibob()] }).connect('hibob', config, { rateLimits: false }).connector;
  const session = await connector.session.get();
  const context = mappingContext(session, connector.employmentTypes, {
    includeSensitive: false,
    includeRaw: false,
  });
  const fields = connector.employees.fieldsFor(session, context).map((field) => field.id);
  rows = (await connector.client.search({ fields, showInactive: true })).slice();
  await sandbox.close();
  const mapper =
    mode === 'plain' ? (employeeModule.mapEmployeePlain ?? employeeModule.mapEmployee) : employeeModule.mapEmployee;
  map = (raw) => mapper(raw, context);
} else {
  const { startBambooHrSandbox } = await import('@hrkit/bamboohr/sandbox');
  const internal = await import('../../packages/bamboohr/dist/internal.js');
  const plainModule = await import('../../packages/bamboohr/dist/mapping/employee-plain.js').catch(() => ({}));
  const sandbox = await startBambooHrSandbox({ host: '127.0.0.1', port: 0, employees });
  const config = sandbox.connectionConfig();
  const response = await fetch(`${internal.apiRootOf(config)}/v1/reports/custom?format=JSON&onlyCurrent=true`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${config.apiKey}:x`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title: 'hrkit employees', fields: internal.employeeReportFields({}) }),
  });
  const report = await response.json();
  await sandbox.close();
  rows = report.employees;
  const context = {
    provider: 'bamboohr',
    today: new Date().toISOString().slice(0, 10),
    people: new internal.PeopleIndex('bamboohr', rows),
    employmentTypes: EmploymentTypeRules.from(internal.BAMBOOHR_EMPLOYMENT_TYPES, undefined),
    fieldNames: internal.fieldNamesOf(report.fields),
    typeBeforeLeaving: new Map(),
    terminations: new Map(),
  };
  const mapper = mode === 'plain' ? (plainModule.mapEmployeePlain ?? internal.mapEmployee) : internal.mapEmployee;
  map = (row) => mapper(row, context);
}
// With a third argument `profile=<file>`, the last round alone is profiled (node:inspector), setup left out.
const profileTo = process.argv.find((arg) => arg.startsWith('profile='))?.slice('profile='.length);
const { Session } = await import('node:inspector/promises');
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
let sink = 0;
for (let round = 0; round < 8; round++) {
  if (profileTo && round === 7) await inspector.post('Profiler.start');
  const cpu = process.cpuUsage();
  if (process.env.MAP_ONLY) for (const row of rows) sink += map(row).remoteId.length;
  else for (const row of rows) sink += strict(map(row)).remoteId.length;
  const used = process.cpuUsage(cpu);
  console.log(`round ${round}: ${Math.round((used.user + used.system) / 1000)} ms CPU for ${rows.length}`);
}
if (profileTo) {
  const { profile } = await inspector.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(profileTo, JSON.stringify(profile));
}
if (sink === 0) throw new Error('nothing mapped');
process.exit(0);
