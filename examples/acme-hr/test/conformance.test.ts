// #region conformance-test
import { describeConformance } from '@hrkit/testkit/conformance';
import { acme } from '../src/index.js';
import { startAcmeSandbox } from '../src/sandbox/index.js';

describeConformance({
  plugin: acme,
  startSandbox: (options) => startAcmeSandbox(options),
  pageSize: 25, // Acme's employee page: the suite also lists companies of 1, 25, 50 and 51 employees
});
// #endregion conformance-test
