import { describeConformance } from '@hrkit/testkit/conformance';
import { hibob } from '../src/internal.js';
import { startHiBobSandbox } from '../src/sandbox/index.js';

describeConformance({ plugin: hibob(), startSandbox: (options) => startHiBobSandbox(options) });
