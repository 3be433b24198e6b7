import 'reflect-metadata';
import {
  type AttendanceOptions,
  buildReport,
  ConfigurationError,
  type ConnectOptions,
  createHrKit,
  declareCapabilities,
  type HrConnectorV1,
  type ProviderPlugin,
  runProbes,
  TOKENS,
} from '@hrkit/core';
import { MemoryLogger } from '@hrkit/core/testing';
import { ContainerModule, inject, injectable } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  HIBOB_PROBE_RUN,
  HiBobClient,
  type HiBobCompensationOptions,
  type HiBobReadContext,
  listAttendance,
  listCompensation,
  payProbes,
} from '../src/internal.js';
import { type PaySandbox, SENSITIVE_PAY_ROUTE_NAMES, startPaySandbox } from '../src/sandbox/pay/index.js';
import { collect } from './pay-helpers.js';

/**
 * A stand-in for the HiBob connector that delegates pay reads to the pay module exactly as the real connector does,
 * so the consumer path (kit.connect → Connection → opt-in → strict model validation) is exercised end to end.
 */
const Config = z.strictObject({ serviceUserId: z.string(), token: z.string(), baseUrl: z.string() });
type Config = z.infer<typeof Config>;

function payOnlyHiBob(): ProviderPlugin {
  @injectable()
  class PayOnlyConnector implements HrConnectorV1 {
    readonly specificationVersion = 'v1' as const;
    readonly provider = 'hibob';
    readonly capabilities = declareCapabilities({ compensation: true, attendance: true });
    private readonly context: HiBobReadContext;
    constructor(
      @inject(TOKENS.ConnectionConfig) config: Config,
      @inject(TOKENS.ConnectOptions) private readonly options: ConnectOptions,
      @inject(TOKENS.Logger) logger: MemoryLogger,
    ) {
      const client = new HiBobClient({ config, logger, rateLimits: false, retryLimit: 0 });
      this.context = { client, logger };
    }
    listCompensation(options: HiBobCompensationOptions) {
      return listCompensation(this.context, options);
    }
    listAttendance(options: AttendanceOptions) {
      return listAttendance(this.context, options);
    }
    async check() {
      const dependencies = {
        client: this.context.client,
        context: this.context,
        includeCompensation: this.options.includeCompensation === true,
        includeAttendance: this.options.includeAttendance === true,
      };
      return buildReport(
        'hibob',
        await runProbes(
          payProbes(dependencies, () => undefined, '2026-11-20'),
          HIBOB_PROBE_RUN,
        ),
      );
    }
  }
  return {
    key: 'hibob',
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue({
        key: 'hibob',
        displayName: 'HiBob (pay only)',
        specificationVersion: 'v1',
        capabilities: declareCapabilities({ compensation: true, attendance: true }),
        connectionSchema: Config,
        secretsOf: (config: Config) => [config.token],
        connector: PayOnlyConnector,
      });
    }),
  };
}

describe('pay data is opt-in, end to end through kit.connect()', () => {
  let sandbox: PaySandbox;
  beforeAll(async () => {
    sandbox = await startPaySandbox({ seed: 5, employees: 40, payrollHidden: 1, today: '2026-11-20' });
  });
  afterAll(() => sandbox.close());

  const kit = createHrKit({ providers: [payOnlyHiBob()] });
  const config = () => ({ serviceUserId: sandbox.full.serviceUserId, token: sandbox.full.token, baseUrl: sandbox.url });
  const sensitiveHits = () => sandbox.hits.filter((hit) => hit.route && SENSITIVE_PAY_ROUTE_NAMES.has(hit.route));

  it('without opting in, reads and check() send no salary or attendance request at all', async () => {
    sandbox.hits.length = 0;
    const conn = kit.connect('hibob', config(), { logger: new MemoryLogger() });
    expect(() => conn.compensation.list()).toThrow(ConfigurationError);
    expect(() => conn.attendance.list({ from: '2026-11-01', to: '2026-11-20' })).toThrow(/includeAttendance/);
    const report = await conn.check();
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['compensation', 'skipped'],
      ['attendance', 'skipped'],
    ]);
    expect(sandbox.hits).toEqual([]);
  });

  it('opting in on one read reads that data only, and every record passes the strict model', async () => {
    sandbox.hits.length = 0;
    const conn = kit.connect('hibob', config());
    const rows = await collect(
      conn.compensation.list({ includeCompensation: true, failOnPermissionIssues: false } as HiBobCompensationOptions),
    );
    expect(rows).toHaveLength(sandbox.data.readableSalaryRowIds().length);
    expect(sensitiveHits().every((hit) => hit.route === 'hibob.salaries.bulk')).toBe(true);
    expect(() => conn.attendance.list({ from: '2026-11-01', to: '2026-11-20' })).toThrow(ConfigurationError);
    const records = await collect(
      conn.attendance.list({ from: '2026-11-01', to: '2026-11-20', includeAttendance: true }),
    );
    expect(records.length).toBeGreaterThan(0);
  });

  it('opting in on connect lets check() probe, and the restricted user gets the permissions named', async () => {
    const logger = new MemoryLogger();
    const restricted = kit.connect(
      'hibob',
      { serviceUserId: sandbox.restricted.serviceUserId, token: sandbox.restricted.token, baseUrl: sandbox.url },
      { includeCompensation: true, includeAttendance: true, logger },
    );
    const report = await restricted.check();
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
    expect(byId.compensation?.status).toBe('missing');
    expect(byId.compensation?.severity).toBe('optional');
    expect(byId.compensation?.fix?.permission).toMatch(/^People's Data › Payroll › View/);
    expect(byId.attendance?.status).toBe('missing');
    expect(byId.attendance?.fix?.permission).toBe("People's Data › Time attendance › Manage time attendance sheets");
    expect(report.ok).toBe(true);

    const full = kit.connect('hibob', config(), { includeCompensation: true, includeAttendance: true });
    const fullReport = await full.check();
    expect(fullReport.checks.map((check) => check.status)).toEqual(['ok', 'ok']);
    expect(logger.text()).not.toContain(sandbox.restricted.token);
  });
});
