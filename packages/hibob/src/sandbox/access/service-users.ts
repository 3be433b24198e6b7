import type { Credential } from '@hrkit/sandbox-kit';
import { CATEGORY_IDS } from '../data/categories.js';
import { lifecycleOn, statusOn } from '../state/lifecycle.js';
import type { BobEmployee, LifecycleStatus } from '../state/types.js';

/**
 * Feature permissions (as opposed to People's Data category "View" permissions):
 * - `people`: People directory / search (reading employees at all).
 * - `timeoff.whosout`: Time off › See who's out (requests, who's out, out today, single request).
 * - `timeoff.private`: See who's out because of private policy.
 * - `timeoff.pending`: Create, edit and cancel people's requests that haven't been approved yet.
 * - `timeoff.balances`: Time off › Balance › See selected people's balances.
 * - `timeoff.settings`: Manage company's time off settings (policy types, policies).
 * - `attendance`: Time attendance › Manage time attendance sheets (used by the pay extension).
 */
export const BOB_FEATURES = [
  'people',
  'timeoff.whosout',
  'timeoff.private',
  'timeoff.pending',
  'timeoff.balances',
  'timeoff.settings',
  'attendance',
] as const;
export type BobFeature = (typeof BOB_FEATURES)[number];

/** "Access data for": which employees a service user sees. */
export interface Audience {
  /** False models HiBob's default condition "Lifecycle status equals Employed": only Active people. */
  includeInactive: boolean;
  /**
   * Only people whose lifecycle status (as of today) is one of these (null: any). Models conditions such as
   * "Lifecycle status is not Hired" (future hires hidden) or "… is not Terminated" (leavers hidden).
   */
  lifecycleStatuses: LifecycleStatus[] | null;
  /** Only people in these department item ids (null: any). */
  departments: string[] | null;
  /** Only people at these sites (null: any). */
  siteIds: number[] | null;
}

export interface ServiceUserSpec {
  id?: string;
  token?: string;
  name?: string;
  /** Category ids granted "View"; default all. */
  categories?: readonly string[] | 'all';
  /**
   * Category ids granted "View history" (table history, e.g. Work, Employment, Lifecycle); default: every category
   * granted "View". With View but not View history a table answers only its current row.
   */
  history?: readonly string[] | 'all';
  /** Feature permissions; default all. */
  features?: readonly BobFeature[] | 'all';
  audience?: Partial<Audience>;
}

export interface ServiceUserData {
  name: string;
  audience: Audience;
}

export type ServiceUser = Credential<ServiceUserData>;

export const categoryPermission = (categoryId: string) => `category:${categoryId}`;
export const featurePermission = (feature: BobFeature) => `feature:${feature}`;
export const historyPermission = (categoryId: string) => `history:${categoryId}`;

export function permissionsOf(spec: ServiceUserSpec): string[] {
  const categories = spec.categories === undefined || spec.categories === 'all' ? CATEGORY_IDS : spec.categories;
  const features = spec.features === undefined || spec.features === 'all' ? BOB_FEATURES : spec.features;
  const history = spec.history === undefined || spec.history === 'all' ? categories : spec.history;
  return [
    ...categories.map(categoryPermission),
    ...history.filter((id) => categories.includes(id)).map(historyPermission),
    ...features.map(featurePermission),
  ];
}

export function audienceOf(spec: ServiceUserSpec): Audience {
  return {
    includeInactive: spec.audience?.includeInactive ?? true,
    lifecycleStatuses: spec.audience?.lifecycleStatuses ?? null,
    departments: spec.audience?.departments ?? null,
    siteIds: spec.audience?.siteIds ?? null,
  };
}

export function canViewCategory(user: ServiceUser, categoryId: string): boolean {
  return user.permissions.has(categoryPermission(categoryId));
}

export function canViewHistory(user: ServiceUser, categoryId: string): boolean {
  return user.permissions.has(historyPermission(categoryId));
}

export function hasFeature(user: ServiceUser, feature: BobFeature): boolean {
  return user.permissions.has(featurePermission(feature));
}

/** Whether the employee is inside the service user's audience (outsiders are simply absent). */
export function inAudience(user: ServiceUser, employee: BobEmployee, today: string): boolean {
  const { audience } = user.data;
  if (!audience.includeInactive && statusOn(employee, today) !== 'Active') return false;
  if (audience.lifecycleStatuses && !audience.lifecycleStatuses.includes(lifecycleOn(employee, today))) return false;
  if (audience.departments && (employee.department === null || !audience.departments.includes(employee.department))) {
    return false;
  }
  if (audience.siteIds && (employee.siteId === null || !audience.siteIds.includes(employee.siteId))) return false;
  return true;
}
