import { z } from 'zod';

/**
 * Everything a connector may support. A connector declares each one true or false; the connection facade
 * refuses undeclared ones with a NotSupportedError before any request is made.
 */
export const CapabilityName = z.enum([
  'employees.list',
  'employees.get',
  'employees.history',
  'employees.changes',
  'timeOff.requests',
  'timeOff.requestChanges',
  'timeOff.request',
  'timeOff.whosOut',
  'timeOff.outToday',
  'timeOff.balances',
  'timeOff.policies',
  'compensation',
  'attendance',
  'webhooks',
]);
export type CapabilityName = z.infer<typeof CapabilityName>;

export type Capabilities = Readonly<Record<CapabilityName, boolean>>;

/** Start from "supports nothing" and switch on what the adapter implements. */
export function declareCapabilities(supported: Partial<Record<CapabilityName, boolean>>): Capabilities {
  const all = Object.fromEntries(CapabilityName.options.map((name) => [name, false])) as Record<
    CapabilityName,
    boolean
  >;
  return Object.freeze({ ...all, ...supported });
}

export function supportedCapabilities(capabilities: Capabilities): CapabilityName[] {
  return CapabilityName.options.filter((name) => capabilities[name]);
}
