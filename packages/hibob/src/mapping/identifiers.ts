import { type IdentifierType, type NationalIdentifier, revealOrMask } from '@hrkit/core';
import type { MappingContext, ResolvedValue } from './context.js';
import type { FieldRole } from './field-catalog.js';
import { asIsoDate, asText } from './normalize.js';

type Role = (name: FieldRole) => ResolvedValue | null;

/** The Identification fields and what each identifier is; a US SSN is the only one whose country the field implies. */
const IDENTIFIERS: readonly { role: FieldRole; type: IdentifierType; country: string | null }[] = [
  { role: 'ssn', type: 'social_security', country: 'US' },
  { role: 'nationalId', type: 'national_id', country: null },
  { role: 'taxId', type: 'tax_id', country: null },
  { role: 'passportNumber', type: 'passport', country: null },
];

/** National and tax identifiers of the Identification category, each value masked unless `unmask` names it. */
export function mapIdentifiers(role: Role, context: Pick<MappingContext, 'unmask'>): NationalIdentifier[] {
  const result: NationalIdentifier[] = [];
  const unmask = context.unmask ?? [];
  for (const { role: name, type, country } of IDENTIFIERS) {
    const resolved = role(name);
    const value = asText(resolved?.value);
    if (!resolved || !value) continue;
    result.push({
      type: { value: type, source: { field: resolved.field.id, value: null, label: resolved.field.name } },
      country,
      value: revealOrMask(value, 'identifiers.value', unmask) ?? '',
      masked: !unmask.includes('identifiers.value'),
      expiresOn: name === 'passportNumber' ? asIsoDate(role('passportExpiry')?.value) : null,
      category: 'identification',
    });
  }
  return result;
}
