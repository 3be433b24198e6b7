// Benchmark 1, in a fresh process: map + validate N HiBob people vs JSON.parse of the same bytes.
// The bytes are a real `POST /v1/people/search` answer from the sandbox, requested with exactly the body the
// adapter sends (its field list for this tenant, showInactive, humanReadable APPEND); the mapping context is the
// one the adapter builds for the connection (fields metadata + named lists, read from the same sandbox).
import { createHrKit, Employee, parseJsonLossless, parseProviderData } from '@hrkit/core';
import { hibob, mapEmployee } from '@hrkit/hibob';
import { childMain } from './lib/child.mjs';
import { collectGarbage, mb } from './lib/memory.mjs';

childMain(async ({ config, repetitions = 2, parseRepetitions = 5 }) => {
  const connection = createHrKit({ providers: [hibob()] }).connect('hibob', config, { rateLimits: false });
  const connector = connection.connector;
  const session = await connector.session.get();
  const fields = connector.employees.fieldsFor(session, false).map((field) => field.id);
  const context = {
    catalog: session.catalog,
    lists: session.lists,
    employmentTypeField: session.employmentTypeField,
    employmentTypeMapping: connector.employmentTypeMapping,
    includeSensitive: false,
    includeRaw: false,
  };

  // The adapter's own search body (HiBobClient.search), without an id filter: the whole company in one answer.
  const response = await fetch(`${config.baseUrl}/v1/people/search`, {
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
  });
  if (!response.ok) throw new Error(`people search answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const records = JSON.parse(text).employees.length;

  const validate = (record) =>
    parseProviderData(Employee, record, { provider: 'hibob', what: 'employee (mapped)', recordId: record.id });
  // Parsing is cheap, so it is measured more often; each figure is the median of its runs. Separate map and
  // validate runs show where the time goes; the ratio uses the combined loop, as the Connection runs it.
  const runs = { parse: [], map: [], validate: [], mapAndValidate: [] };
  let sink = 0;
  let parsed = null;
  for (let repetition = 0; repetition < parseRepetitions; repetition++) {
    parsed = null;
    collectGarbage();
    const started = performance.now();
    parsed = JSON.parse(text).employees;
    runs.parse.push(performance.now() - started);
  }
  // What the HTTP toolkit really parses with (lossless ids): on HiBob's answer (ids quoted) the fast path, and on the
  // same bytes with one unquoted 19-digit id up front, which forces the rewriting pass over the whole text.
  const slowText = text.replace('{"employees":[', '{"probe":1234567890123456789,"employees":[');
  if (slowText === text) throw new Error('the answer does not start like a people search');
  runs.lossless = [];
  runs.losslessSlowPath = [];
  for (let repetition = 0; repetition < parseRepetitions; repetition++) {
    for (const [run, input] of [
      [runs.lossless, text],
      [runs.losslessSlowPath, slowText],
    ]) {
      collectGarbage();
      const started = performance.now();
      sink += parseJsonLossless(input).employees.length;
      run.push(performance.now() - started);
    }
  }
  for (let repetition = 0; repetition < repetitions; repetition++) {
    if (repetition === 0) {
      collectGarbage();
      let started = performance.now();
      const mapped = parsed.map((raw) => mapEmployee(raw, context));
      runs.map.push(performance.now() - started);
      collectGarbage();
      started = performance.now();
      for (const record of mapped) sink += validate(record).remoteId.length;
      runs.validate.push(performance.now() - started);
    }
    // What a consumer pays per record, as the Connection does it: map, then the strict model's zod parse.
    collectGarbage();
    const started = performance.now();
    for (const raw of parsed) sink += validate(mapEmployee(raw, context)).remoteId.length;
    runs.mapAndValidate.push(performance.now() - started);
  }
  if (sink === 0) throw new Error('nothing was mapped');
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const parseMs = median(runs.parse);
  const mapAndValidateMs = median(runs.mapAndValidate);
  return {
    records,
    fields: fields.length,
    bytes: bytes.length,
    bytesMB: mb(bytes.length),
    repetitions,
    parseRepetitions,
    runs,
    parseMs,
    losslessParseMs: median(runs.lossless),
    losslessSlowPathParseMs: median(runs.losslessSlowPath),
    losslessRatio: median(runs.lossless) / parseMs,
    losslessSlowPathRatio: median(runs.losslessSlowPath) / parseMs,
    mapMs: median(runs.map),
    validateMs: median(runs.validate),
    mapAndValidateMs,
    parseRecordsPerSecond: Math.round(records / (parseMs / 1000)),
    mapAndValidateRecordsPerSecond: Math.round(records / (mapAndValidateMs / 1000)),
    ratio: mapAndValidateMs / parseMs,
  };
});
