import { parseConfig } from '@hrkit/core';
import { z } from 'zod';
import { HIBOB } from '../config.js';

const flag = z.boolean().optional();
const ids = z.array(z.string().min(1)).optional();

/** Read options are checked before any request: a wrong type is a ConfigurationError naming the option. */
const EmployeeReadOptions = z.looseObject({
  includeInactive: flag,
  includeSensitive: flag,
  includeHistory: flag,
  includeRaw: flag,
});

const IdListOptions = z.looseObject({ employeeIds: ids, policies: ids, includeRaw: flag, includePending: flag });

export function checkEmployeeReadOptions(options: unknown): void {
  parseConfig(EmployeeReadOptions, options ?? {}, { provider: HIBOB, what: 'read options' });
}

export function checkIdListOptions(options: unknown): void {
  parseConfig(IdListOptions, options ?? {}, { provider: HIBOB, what: 'read options' });
}
