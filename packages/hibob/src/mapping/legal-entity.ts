import type { LegalEntity } from '@hrkit/core';
import { type ResolvedValue, sourceScalar } from './context.js';
import { asText } from './normalize.js';

/** The employing entity from the work table's entity field (a list: id and label), null when the tenant has none. */
export function mapLegalEntity(entity: ResolvedValue | null): LegalEntity | null {
  if (!entity || entity.value === null || entity.value === undefined) return null;
  const id = asText(entity.value);
  const name = entity.label ?? id;
  if (!name) return null;
  return {
    id: entity.field.listId ? id : null,
    name,
    source: { field: entity.field.id, value: sourceScalar(entity.value), label: entity.label },
  };
}
