export { BambooHrSandboxControl, type EmployeeUpdate, type NewEmployee, type NewTimeOffRequest } from './control.js';
export { type BambooHrSandboxOptions, BambooHrSandbox, startBambooHrSandbox } from './server.js';
export type { Company } from './state/company.js';
export type * from './state/types.js';
export { signedHeaders } from './webhooks.js';
