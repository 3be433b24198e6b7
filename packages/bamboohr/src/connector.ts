import { buildReport, declareCapabilities, type HrConnectorV1, TOKENS } from '@hrkit/core';
import { inject, injectable } from 'inversify';
import { BAMBOOHR, type BambooHrConnectionConfig } from './config.js';

/** Stub: registers and connects, supports nothing yet. */
@injectable()
export class BambooHrConnector implements HrConnectorV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = BAMBOOHR;
  readonly capabilities = declareCapabilities({});

  constructor(@inject(TOKENS.ConnectionConfig) readonly config: BambooHrConnectionConfig) {}

  async check() {
    return buildReport(BAMBOOHR, []);
  }
}
