import type { z } from 'zod';
import { AttendanceRecord } from './attendance.js';
import { ChangeEvent } from './change-event.js';
import { Compensation } from './compensation.js';
import { Employee } from './employee.js';
import { EmploymentHistoryEntry } from './employment-history.js';
import { Absence, TimeOffBalance, TimeOffPolicy, TimeOffRequest } from './time-off.js';

/** Every top-level record of the model, by name: what JSON Schema and docs/model.md are generated from. */
export const modelSchemas: Record<string, z.ZodType> = {
  Employee,
  EmploymentHistoryEntry,
  TimeOffRequest,
  TimeOffBalance,
  TimeOffPolicy,
  Absence,
  Compensation,
  AttendanceRecord,
  ChangeEvent,
};
