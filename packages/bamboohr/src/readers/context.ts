import type { EmploymentTypeRules } from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { todayOf } from '../mapping/values.js';

/** What every reader of one connection needs: the client, the customer's rules and options, and its clock. */
export interface BambooHrReadContext {
  readonly client: BambooHrClient;
  readonly employmentTypes: EmploymentTypeRules;
  /** Extra report fields from `bamboohr({ customFields })`. */
  readonly customFields?: readonly string[] | undefined;
  /** Report fields under the consumer's own keys, from `bamboohr({ customFieldMap })`. */
  readonly customFieldMap?: Readonly<Record<string, string>> | undefined;
  /** The field naming the employing entity, from `bamboohr({ legalEntityField })`. */
  readonly legalEntityField?: string | undefined;
  /** The connection's clock (a VirtualClock in tests), in epoch ms. */
  now(): number;
}

/** Today (UTC) on the connection's clock. */
export function todayIn(context: BambooHrReadContext): string {
  return todayOf(context.now());
}

/** Report fields beyond the standard ones: the consumer's custom fields, mapped fields and entity field. */
export function extraReportFields(context: BambooHrReadContext): string[] {
  return [
    ...new Set([
      ...(context.customFields ?? []),
      ...Object.values(context.customFieldMap ?? {}),
      ...(context.legalEntityField ? [context.legalEntityField] : []),
    ]),
  ];
}

/** `{ customFields }` when the plugin was given some, for the mapping. */
export function customFieldOption(context: BambooHrReadContext): { customFields?: readonly string[] } {
  return context.customFields ? { customFields: context.customFields } : {};
}
