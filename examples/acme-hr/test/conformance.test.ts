// #region conformance-test
import { describeConformance } from '@hrkit/testkit/conformance';
import { acme } from '../src/index.js';
import { startAcmeSandbox } from '../src/sandbox/index.js';

describeConformance({ plugin: acme, startSandbox: (options) => startAcmeSandbox(options) });
// #endregion conformance-test
