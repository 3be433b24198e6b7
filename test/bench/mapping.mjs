// Benchmark 1, in a fresh process: map + strictly validate N people vs JSON.parse of the same bytes.
//   provider 'hibob'    — the bytes are a real `POST /v1/people/search` answer from the HiBob sandbox, requested with
//                         exactly the body the adapter sends (its field list for this tenant, showInactive,
//                         humanReadable APPEND); the mapping context is the one the adapter builds for the connection.
//   provider 'bamboohr' — the bytes are a real `POST /v1/reports/custom?format=JSON` answer from a BambooHR sandbox
//                         started in this process (closed before timing), with the adapter's own report fields.
// Validation is what the Connection runs on every record: core's parseProviderData against the strict model.
// Equivalence guard (docs/performance.md › Mapping and listing): where the adapter has a fast path and a plain one,
// both map every person first and the outputs are compared field for field; a difference means no ratio is reported.
import { isDeepStrictEqual } from 'node:util';
import * as core from '@hrkit/core';
import { childMain } from './lib/child.mjs';
import { collectGarbage, mb } from './lib/memory.mjs';

const { createHrKit, Employee, parseJsonLossless, parseProviderData } = core;

childMain(async ({ provider = 'hibob', config, employees, repetitions = 3, parseRepetitions = 5 }) => {
  const subject = provider === 'bamboohr' ? await bamboohrSubject(employees) : await hibobSubject(config);
  return measure(subject, { repetitions, parseRepetitions, provider });
});

/** The HiBob answer and mapping: the plain mapEmployee, and the compiled one when the adapter has it. */
async function hibobSubject(config) {
  const { hibob } = await import('@hrkit/hibob');
  const employeeModule = await import('../../packages/hibob/dist/mapping/employee.js');
  const sessionModule = await import('../../packages/hibob/dist/readers/session.js');
  const connection = createHrKit({ providers: [hibob()] }).connect('hibob', config, { rateLimits: false });
  const connector = connection.connector;
  const session = await connector.session.get();
  const context = sessionModule.mappingContext(session, connector.employmentTypes, {
    includeSensitive: false,
    includeRaw: false,
  });
  const fields = connector.employees.fieldsFor(session, context).map((field) => field.id);
  const body = await (
    await fetchOk(`${config.baseUrl}/v1/people/search`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.serviceUserId}:${config.token}`).toString('base64')}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        fields: ['root.id', ...fields.filter((id) => id !== 'root.id')],
        showInactive: true,
        humanReadable: 'APPEND',
      }),
    })
  ).arrayBuffer();
  const plain = employeeModule.mapEmployeePlain ?? employeeModule.mapEmployee;
  const fast = employeeModule.mapEmployeePlain ? employeeModule.mapEmployee : null;
  return {
    bytes: Buffer.from(body),
    fields: fields.length,
    rowsOf: (parsed) => parsed.employees,
    plain: (raw) => plain(raw, context),
    fast: fast ? (raw) => fast(raw, context) : null,
  };
}

/** The BambooHR report and its mapping, with the context the adapter's listEmployees builds (leaver tables empty). */
async function bamboohrSubject(employees) {
  const { startBambooHrSandbox } = await import('@hrkit/bamboohr/sandbox');
  const internal = await import('../../packages/bamboohr/dist/internal.js');
  const plainModule = await import('../../packages/bamboohr/dist/mapping/employee-plain.js').catch(() => ({}));
  const sandbox = await startBambooHrSandbox({ host: '127.0.0.1', port: 0, employees });
  try {
    const config = sandbox.connectionConfig();
    const fields = internal.employeeReportFields({});
    const body = await (
      await fetchOk(`${internal.apiRootOf(config)}/v1/reports/custom?format=JSON&onlyCurrent=true`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${config.apiKey}:x`).toString('base64')}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ title: 'hrkit employees', fields }),
      })
    ).arrayBuffer();
    const bytes = Buffer.from(body);
    const report = JSON.parse(bytes.toString('utf8'));
    const people = new internal.PeopleIndex('bamboohr', report.employees);
    const context = {
      provider: 'bamboohr',
      today: new Date().toISOString().slice(0, 10),
      people,
      employmentTypes: core.EmploymentTypeRules.from(internal.BAMBOOHR_EMPLOYMENT_TYPES, undefined),
      fieldNames: internal.fieldNamesOf(report.fields),
      includeSensitive: false,
      includeRaw: false,
      typeBeforeLeaving: new Map(),
      terminations: new Map(),
    };
    const plain = plainModule.mapEmployeePlain ?? internal.mapEmployee;
    const fast = plainModule.mapEmployeePlain ? internal.mapEmployee : null;
    return {
      bytes,
      fields: fields.length,
      rowsOf: (parsed) => parsed.employees,
      plain: (row) => plain(row, context),
      fast: fast ? (row) => fast(row, context) : null,
    };
  } finally {
    await sandbox.close();
  }
}

async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method} ${url} answered ${response.status}`);
  return response;
}

function measure(subject, { repetitions, parseRepetitions, provider }) {
  const text = subject.bytes.toString('utf8');
  const records = subject.rowsOf(JSON.parse(text)).length;
  const strict = (record) =>
    parseProviderData(Employee, record, { provider, what: 'employee (mapped)', recordId: record.id });
  const mapper = subject.fast ?? subject.plain;

  // Equivalence first: both paths over every person, compared field for field (outside any timing).
  let differences = 0;
  let firstDifference = null;
  if (subject.fast) {
    const rows = subject.rowsOf(JSON.parse(text));
    for (const row of rows) {
      const a = subject.plain(row);
      const b = subject.fast(row);
      if (!isDeepStrictEqual(a, b) || JSON.stringify(a) !== JSON.stringify(b)) {
        differences++;
        firstDifference ??= a.remoteId;
      }
    }
  }

  const runs = { parse: [], map: [], validate: [], mapAndValidate: [], plainMapAndValidate: [] };
  // Client CPU of the same sections (user + system of this process): on a shared machine the wall clock also counts
  // time the process was not running, so the ratio is reported on both.
  const cpuRuns = { parse: [], mapAndValidate: [], plainMapAndValidate: [] };
  const cpuNow = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let sink = 0;
  let parsed = null;
  for (let repetition = 0; repetition < parseRepetitions; repetition++) {
    parsed = null;
    collectGarbage();
    const cpuStarted = cpuNow();
    const started = performance.now();
    parsed = subject.rowsOf(JSON.parse(text));
    runs.parse.push(performance.now() - started);
    cpuRuns.parse.push(cpuNow() - cpuStarted);
  }
  // What the HTTP toolkit really parses with (lossless ids): on the answer as sent the fast path, and on the same
  // bytes with one unquoted 19-digit id up front, which forces the rewriting pass over the whole text. (The probe
  // goes first in the top-level object: BambooHR's report opens with `fields`, not its envelope key.)
  const slowText = `{"probe":1234567890123456789,${text.slice(text.indexOf('{') + 1)}`;
  runs.lossless = [];
  runs.losslessSlowPath = [];
  for (let repetition = 0; repetition < parseRepetitions; repetition++) {
    for (const [run, input] of [
      [runs.lossless, text],
      [runs.losslessSlowPath, slowText],
    ]) {
      collectGarbage();
      const started = performance.now();
      sink += subject.rowsOf(parseJsonLossless(input)).length;
      run.push(performance.now() - started);
    }
  }
  for (let repetition = 0; repetition < repetitions; repetition++) {
    if (repetition === 0) {
      collectGarbage();
      let started = performance.now();
      const mapped = parsed.map(mapper);
      runs.map.push(performance.now() - started);
      collectGarbage();
      started = performance.now();
      for (const record of mapped) sink += strict(record).remoteId.length;
      runs.validate.push(performance.now() - started);
    }
    // What a consumer pays per record, as the Connection does it: map, then the strict model's check.
    collectGarbage();
    const cpuStarted = cpuNow();
    const started = performance.now();
    for (const raw of parsed) sink += strict(mapper(raw)).remoteId.length;
    runs.mapAndValidate.push(performance.now() - started);
    cpuRuns.mapAndValidate.push(cpuNow() - cpuStarted);
    if (subject.fast) {
      collectGarbage();
      const plainCpuStarted = cpuNow();
      const plainStarted = performance.now();
      for (const raw of parsed) sink += strict(subject.plain(raw)).remoteId.length;
      runs.plainMapAndValidate.push(performance.now() - plainStarted);
      cpuRuns.plainMapAndValidate.push(cpuNow() - plainCpuStarted);
    }
  }
  if (sink === 0) throw new Error('nothing was mapped');
  const median = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : null);
  const parseMs = median(runs.parse);
  const mapAndValidateMs = median(runs.mapAndValidate);
  const equivalent = differences === 0;
  return {
    provider,
    records,
    fields: subject.fields,
    bytes: subject.bytes.length,
    bytesMB: mb(subject.bytes.length),
    repetitions,
    parseRepetitions,
    fastPath: subject.fast !== null,
    validation: core.isCopyFree?.(Employee)
      ? 'compiled zod validate() in place (full parse on failure)'
      : 'zod safeParse',
    equivalence: subject.fast ? { compared: records, differences, firstDifference } : null,
    runs,
    cpuRuns,
    parseMs,
    parseCpuMs: median(cpuRuns.parse),
    mapAndValidateCpuMs: median(cpuRuns.mapAndValidate),
    cpuRatio: equivalent ? median(cpuRuns.mapAndValidate) / median(cpuRuns.parse) : null,
    losslessParseMs: median(runs.lossless),
    losslessSlowPathParseMs: median(runs.losslessSlowPath),
    losslessRatio: median(runs.lossless) / parseMs,
    losslessSlowPathRatio: runs.losslessSlowPath.length ? median(runs.losslessSlowPath) / parseMs : null,
    mapMs: median(runs.map),
    validateMs: median(runs.validate),
    mapAndValidateMs,
    plainMapAndValidateMs: median(runs.plainMapAndValidate),
    parseRecordsPerSecond: Math.round(records / (parseMs / 1000)),
    mapAndValidateRecordsPerSecond: Math.round(records / (mapAndValidateMs / 1000)),
    // The bench refuses a ratio for a fast path whose output differs from the plain path's.
    ratio: equivalent ? mapAndValidateMs / parseMs : null,
    plainRatio: runs.plainMapAndValidate.length ? median(runs.plainMapAndValidate) / parseMs : null,
    ...(equivalent ? {} : { refused: `fast path differs from the plain path on ${differences} records` }),
  };
}
