export * from './access/check-ids.js';
export {
  type Audience,
  BOB_FEATURES,
  type BobFeature,
  categoryPermission,
  featurePermission,
  type ServiceUser,
  type ServiceUserSpec,
} from './access/service-users.js';
export { CATEGORIES, CATEGORY_IDS, DEFAULT_CATEGORIES } from './data/categories.js';
export * from './data/custom-fields.js';
export type { HiBobSandboxExtension } from './extension.js';
export { BUILT_IN_EXTENSIONS } from './extensions.js';
export { type GenerateHiBobCompanyOptions, generateHiBobCompany } from './generate/company.js';
export { BOB_RATE_LIMITS } from './http/rate-limits.js';
export type { WafOptions } from './http/waf.js';
export type { BobRouteApi, BobRouteDefinition } from './http/route-api.js';
export type { HiBobSandboxOptions } from './options.js';
export * from './sandbox.js';
export type { HiBobSandboxConnectionConfig, HiBobSandboxControl } from './sandbox-control.js';
export type { CompanyState } from './state/company-state.js';
export type { NewEmployeeInput, NewTimeOffRequestInput } from './state/control.js';
export { BOB_EVENTS } from './state/events.js';
export type * from './state/types.js';
export { DURATION_TYPES } from './state/types.js';
export { bobEnvelope, bobSignature, HIBOB_PARTNER_RETRY_SCHEDULE_MS } from './webhooks/bob-webhooks.js';
