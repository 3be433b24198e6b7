/**
 * The sandbox company's legal entities, served through a custom "Legal Entity" list field (id 4401): BambooHR has
 * no entity field of its own, and customers add one. Each location belongs to one entity.
 */
export const LEGAL_ENTITY_FIELD_ID = '4401';

const ENTITY_BY_LOCATION: Readonly<Record<string, string>> = {
  'Salt Lake City, Utah': 'Sandbox Company Inc.',
  'London, UK': 'Sandbox Company Ltd',
  'Sydney, Australia': 'Sandbox Company Pty Ltd',
  'Vancouver, Canada': 'Sandbox Company Canada Inc.',
  Remote: 'Sandbox Company Inc.',
};

export function legalEntityOf(location: string | null | undefined): string | null {
  return location ? (ENTITY_BY_LOCATION[location] ?? null) : null;
}

/** Termination Type and Rehire columns of a "Terminated" row, as the reason implies them (no extra random draws). */
export function terminationColumns(reason: string | null): { type: string | null; rehire: string | null } {
  if (!reason) return { type: null, rehire: null };
  if (/involuntary/i.test(reason)) return { type: 'Involuntary', rehire: 'No' };
  if (/voluntary/i.test(reason)) return { type: 'Voluntary', rehire: 'Yes' };
  return { type: null, rehire: null };
}
