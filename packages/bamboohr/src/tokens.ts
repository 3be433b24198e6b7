/** Service identifiers of the BambooHR adapter. Rebind them in `createHrKit({ overrides })` to replace a part. */
export const BAMBOOHR_TOKENS = {
  /** The plugin options given to `bamboohr(options)`. */
  Options: Symbol.for('@hrkit/bamboohr/Options'),
  /** How `employmentHistoryStatus` labels become worker kind + schedule (an EmploymentTypeMapping). */
  EmploymentTypeMapping: Symbol.for('@hrkit/bamboohr/EmploymentTypeMapping'),
} as const;
