import { describeConformance } from '@hrkit/testkit/conformance';
import { personio } from '../src/index.js';
import { startPersonioSandbox } from '../src/sandbox/index.js';

describeConformance({
  plugin: () => personio({ employmentTypeField: 'Employment category' }),
  startSandbox: (options) => startPersonioSandbox(options),
  pageSize: 100, // Personio's largest employee page: the suite also lists companies of 1, 100, 200 and 201
  employees: 130,
});
