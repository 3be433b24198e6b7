import { describeConformance } from '@hrkit/testkit/conformance';
import { bamboohr } from '../src/internal.js';
import { startBambooHrSandbox } from '../src/sandbox/index.js';

describeConformance({ plugin: bamboohr(), startSandbox: (options) => startBambooHrSandbox(options) });
