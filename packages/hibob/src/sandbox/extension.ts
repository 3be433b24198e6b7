import type { SeededGenerator } from '@hrkit/sandbox-kit';
import type { BobRouteApi } from './http/route-api.js';
import type { HiBobCompanyData } from './state/types.js';

/**
 * How another module (payroll, attendance…) adds data and routes to the HiBob sandbox without
 * touching its core files. Register an extension once in `extensions.ts` (one line), or pass it in
 * `startHiBobSandbox({ extensions })` for a single test.
 */
export interface HiBobSandboxExtension {
  /** Unique name; also the key of the extension's data in `company.ext` and `employee.ext`. */
  readonly name: string;
  /**
   * Adds seeded data after the base company is generated. `random` is the extension's own stream,
   * so adding an extension never changes the base data of a seed. Put per-employee data in
   * `employee.ext[name]` and company data in `company.ext[name]`.
   */
  seed?(company: HiBobCompanyData, random: SeededGenerator): void;
  /** Registers HTTP routes with HiBob auth, permissions, rate limits and `{key, error}` errors. */
  routes?(api: BobRouteApi): void;
}
