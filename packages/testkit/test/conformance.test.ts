import { describeConformance } from '../src/conformance/index.js';
import { fakeHr } from './fake/fake-provider.js';
import { startFakeSandbox } from './fake/fake-sandbox.js';

// What every adapter's test file looks like: the whole suite against a correct (fake) adapter.
describeConformance({ plugin: fakeHr(), startSandbox: (options) => startFakeSandbox(options), pageSize: 10 });

// The same adapter with token auth through the kit: the token checks run instead of being skipped.
describeConformance({
  name: 'conformance: fakehr with token auth',
  plugin: fakeHr([], { tokenAuth: true }),
  startSandbox: (options) => startFakeSandbox(options, { tokenAuth: true }),
  pageSize: 10,
});
