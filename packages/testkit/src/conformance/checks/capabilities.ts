import { CapabilityName, NotSupportedError } from '@hrkit/core';
import { expect } from 'vitest';
import type { ConformanceContext } from '../context.js';
import { describeError } from './assertions.js';
import { capabilityCalls } from './capability-calls.js';

/** The plugin's definition and its connector declare the same capabilities. */
export async function definitionMatchesConnector(context: ConformanceContext): Promise<void> {
  const definition = context.kit.definition(context.key);
  const connection = context.connect();
  expect(definition.specificationVersion).toBe('v1');
  expect(connection.connector.specificationVersion).toBe('v1');
  expect(connection.provider, 'the connector names a different provider than its plugin').toBe(context.key);
  expect({ ...connection.capabilities }, 'definition.capabilities and connector.capabilities differ').toEqual({
    ...definition.capabilities,
  });
  expect(Object.keys(connection.capabilities).sort()).toEqual([...CapabilityName.options].sort());
  expect(connection.supports('employees.list'), 'every adapter must at least list employees').toBe(true);
}

/** Undeclared capabilities fail with a typed NotSupportedError naming the capability, before any request. */
export async function undeclaredCapabilitiesRefuse(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const calls = capabilityCalls(context, connection);
  for (const capability of CapabilityName.options) {
    if (connection.supports(capability)) continue;
    const error = await context.failureOf(calls[capability]);
    expect(error, `${capability} is undeclared, yet: ${describeError(error)}`).toBeInstanceOf(NotSupportedError);
    expect((error as NotSupportedError).capability).toBe(capability);
  }
}

/** Declared capabilities are implemented: each representative call answers without throwing. */
export async function declaredCapabilitiesAnswer(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const calls = capabilityCalls(context, connection);
  const failures: string[] = [];
  for (const capability of CapabilityName.options) {
    if (!connection.supports(capability)) continue;
    const error = await context.failureOf(calls[capability]);
    if (error !== undefined) failures.push(`${capability}: ${describeError(error)}`);
  }
  expect(failures, 'declared capabilities that fail').toEqual([]);
}
