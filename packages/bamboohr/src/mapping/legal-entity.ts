import type { LegalEntity } from '@hrkit/core';
import type { RawEmployeeRow } from '../raw/report.js';
import { text } from './values.js';

/**
 * The entity from the field the consumer named (`legalEntityField`: e.g. a "Legal Entity" custom field, or
 * `division` where the customer uses divisions as companies). Null without one: BambooHR has no entity field.
 */
export function mapLegalEntity(row: RawEmployeeRow, field: string | undefined): LegalEntity | null {
  if (!field) return null;
  const name = text(row[field]);
  return name ? { id: null, name, source: { field, value: name, label: null } } : null;
}
