import {
  type ConformanceContext,
  employeeRecordsMatchGroundTruth,
  secretsNeverLeak,
  startConformanceContext,
  withoutEmployeeRecordsTruth,
} from '@hrkit/testkit/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hibob } from '../src/internal.js';
import { startHiBobSandbox } from '../src/sandbox/index.js';

/** The records ground-truth check is only worth something if it fails when an adapter and the truth disagree. */
describe('conformance: employee records ground truth can fail', () => {
  let context: ConformanceContext;
  beforeAll(async () => {
    context = await startConformanceContext({
      plugin: hibob(),
      startSandbox: (options) => startHiBobSandbox(options),
      employees: 20,
    });
  });
  afterAll(() => context.sandbox.close());

  it('passes on the sandbox as it is, and fails on a wrong entity or an account the adapter did not return', async () => {
    await employeeRecordsMatchGroundTruth(context);
    const expected = context.sandbox.expected as { employeeRecords?: typeof context.sandbox.expected.employeeRecords };
    const truth = expected.employeeRecords!;
    try {
      expected.employeeRecords = (id) => ({ ...truth(id), legalEntity: 'Nobody Ltd' });
      await expect(employeeRecordsMatchGroundTruth(context)).rejects.toThrow(/legalEntity of employee/);
      expected.employeeRecords = (id) => ({ ...truth(id), bankAccounts: ['GB82WEST12345698765432'] });
      await expect(employeeRecordsMatchGroundTruth(context)).rejects.toThrow(/bankAccounts of employee/);
    } finally {
      expected.employeeRecords = truth;
    }
  });

  it('the secrets check fails when a bank account number reaches a log line', async () => {
    const id = context
      .expectedEmployeeIds(true)
      .find((remoteId) => (context.sandbox.expected.employeeRecords?.(remoteId).bankAccounts ?? []).length > 0)!;
    const account = context.sandbox.expected.employeeRecords!(id).bankAccounts![0]!;
    context.logger.info('careless.adapter', { account });
    await expect(secretsNeverLeak(context)).rejects.toThrow(/secrets leaked/);
    context.logger.lines.length = 0;
  });

  it('is skipped with a reason for a sandbox that declares no records', () => {
    const bare = {
      ...context,
      key: 'acme',
      sandbox: { ...context.sandbox, expected: { employeeRemoteIds: () => [] } },
    };
    expect(withoutEmployeeRecordsTruth(bare as unknown as ConformanceContext)).toMatch(/no expected.employeeRecords/);
  });
});
