/**
 * Comparison key for labels a customer or provider typed: case, spaces, punctuation and accents do not matter
 * ("Direct Employee" = "direct-employee", "Beschäftigungsart" = "beschaftigungsart").
 */
export function labelKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A value as text, or null: providers send ids as strings or numbers depending on the endpoint. */
export function readText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** A finite number from a number or a numeric string, or null. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
