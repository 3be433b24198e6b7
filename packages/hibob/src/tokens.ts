/** DI tokens of the HiBob adapter's replaceable parts (Symbol.for: two copies of the package still agree). */
export const HIBOB_TOKENS = {
  /** The validated `hibob(options)` plugin options. */
  Options: Symbol.for('@hrkit/hibob/Options'),
  /** The EmploymentTypeMapping: rebind it to classify the customer's labels differently. */
  EmploymentTypeMapping: Symbol.for('@hrkit/hibob/EmploymentTypeMapping'),
} as const;
