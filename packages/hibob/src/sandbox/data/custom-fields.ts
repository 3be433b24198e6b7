/**
 * The custom fields every generated company has. Ids follow HiBob's observed patterns
 * (`<category>.custom.field_<13-digit ts>`, user categories `category_<13-digit ts>`). The shape of a
 * field inside a user-created category is INFERRED (hibob-api.md §3.1): id `category_<ts>.field_<ts>`,
 * jsonPath equal to the id, listId an opaque `field_<ts>` (UNKNOWN in HiBob; the connector must read it
 * from the metadata, never build it).
 */
export const WORK_ELIGIBILITY_CATEGORY_ID = 'category_1720508362305';
export const WORK_ELIGIBILITY_CATEGORY_NAME = 'Work Eligibility';
export const EMPLOYMENT_TYPE_FIELD_ID = `${WORK_ELIGIBILITY_CATEGORY_ID}.field_1720508394580`;
export const EMPLOYMENT_TYPE_FIELD_NAME = 'Remotepass Employment Type';
export const EMPLOYMENT_TYPE_LIST_ID = 'field_1720508394580';

/** Item ids are numeric strings, as HiBob uses for custom list items. */
export const EMPLOYMENT_TYPE_ITEMS = {
  Contractor: '390118421',
  'Direct Employee': '390118422',
  EOR: '390118423',
} as const;
export type EmploymentTypeLabel = keyof typeof EMPLOYMENT_TYPE_ITEMS;

export const COST_CENTER_FIELD_ID = 'work.custom.field_1651169416679';
export const PAYROLL_CODE_FIELD_ID = 'payroll.custom.field_1694738605040';
