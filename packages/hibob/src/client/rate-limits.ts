import type { RateLimitRule } from '@hrkit/core';

const PER_MINUTE = 60_000;

/**
 * HiBob's per-endpoint, per-service-user allowances (requests per minute), enforced client-side so that a large
 * sync waits instead of collecting 429s. Documented ones first; the rest are conservative guesses where HiBob's
 * pages could not be read (hibob-api.md §8 marks them UNKNOWN).
 */
export const HIBOB_RATE_LIMITS: readonly RateLimitRule[] = [
  // Documented: 50/min.
  { name: 'people.search', method: 'POST', path: /^\/v1\/people\/search$/, limit: 50, windowMs: PER_MINUTE },
  { name: 'fields.metadata', method: 'GET', path: /^\/v1\/company\/people\/fields$/, limit: 50, windowMs: PER_MINUTE },
  {
    name: 'named-lists',
    method: 'GET',
    path: /^\/v1\/company\/named-lists(\/[^/]+)?$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  {
    name: 'timeoff.balance',
    method: 'GET',
    path: /^\/v1\/timeoff\/employees\/[^/]+\/balance$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  {
    name: 'timeoff.policy-types',
    method: 'GET',
    path: /^\/v1\/timeoff\/policy-types(\/[^/]+)?$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  {
    name: 'timeoff.policy-names',
    method: 'GET',
    path: /^\/v1\/timeoff\/policies\/names$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  { name: 'timeoff.policies', method: 'GET', path: /^\/v1\/timeoff\/policies$/, limit: 50, windowMs: PER_MINUTE },
  // UNKNOWN at HiBob: guessed at the documented read allowance, never higher.
  { name: 'people.read', method: 'POST', path: /^\/v1\/people\/[^/]+$/, limit: 50, windowMs: PER_MINUTE },
  { name: 'people.tables', method: 'GET', path: /^\/v1\/people\/[^/]+\/[^/]+$/, limit: 50, windowMs: PER_MINUTE },
  { name: 'bulk.tables', method: 'GET', path: /^\/v1\/bulk\/people\/[^/]+$/, limit: 50, windowMs: PER_MINUTE },
  {
    name: 'timeoff.changes',
    method: 'GET',
    path: /^\/v1\/timeoff\/requests\/changes$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  { name: 'timeoff.whosout', method: 'GET', path: /^\/v1\/timeoff\/whosout$/, limit: 50, windowMs: PER_MINUTE },
  { name: 'timeoff.outtoday', method: 'GET', path: /^\/v1\/timeoff\/outtoday$/, limit: 50, windowMs: PER_MINUTE },
  {
    name: 'timeoff.request',
    method: 'GET',
    path: /^\/v1\/timeoff\/employees\/[^/]+\/requests\/[^/]+$/,
    limit: 50,
    windowMs: PER_MINUTE,
  },
  // Documented on the Attendance API page: entries search 200/min.
  {
    name: 'attendance.entries.search',
    method: 'POST',
    path: /^\/v1\/attendance\/entries\/search$/,
    limit: 200,
    windowMs: PER_MINUTE,
  },
  // UNKNOWN at HiBob: the legacy payroll history, guessed like the other table reads.
  { name: 'payroll.history', method: 'GET', path: /^\/v1\/payroll\/history$/, limit: 50, windowMs: PER_MINUTE },
];
