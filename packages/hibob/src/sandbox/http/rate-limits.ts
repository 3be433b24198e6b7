/**
 * Requests per minute per service user (hibob-api.md §8). CONFIRMED: 50 on people search, fields
 * metadata, named lists, balance, policy types/policies/names. UNKNOWN (sandbox choice, documented
 * here): 100 for reading one employee, employee tables, bulk tables and the other time-off reads.
 */
export const BOB_RATE_LIMITS = {
  'people.search': 50,
  'people.read': 100,
  'metadata.fields': 50,
  'metadata.namedLists': 50,
  'metadata.namedList': 50,
  'tables.read': 100,
  'bulk.read': 100,
  'timeoff.policyTypes': 50,
  'timeoff.policyType': 50,
  'timeoff.reasonCodes': 10,
  'timeoff.policies': 50,
  'timeoff.policyNames': 50,
  'timeoff.balance': 50,
  'timeoff.changes': 100,
  'timeoff.whosout': 100,
  'timeoff.outtoday': 100,
  'timeoff.request': 100,
} as const;
export type BobEndpoint = keyof typeof BOB_RATE_LIMITS;
