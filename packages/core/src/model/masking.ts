/**
 * Bank account numbers and national identifiers leave an adapter masked unless the consumer names the field in
 * `unmask` (docs/model-comparison.md › Financial data). The masked form keeps the last four characters, enough to tell two
 * accounts apart on screen and nothing to pay into.
 */
export const UNMASKABLE_FIELDS = ['bankAccounts.iban', 'bankAccounts.accountNumber', 'identifiers.value'] as const;
export type UnmaskableField = (typeof UNMASKABLE_FIELDS)[number];

const MASK = '••••';

/** `DE89 3704 0044 0532 0130 00` → `••••3000`; values of four characters or fewer become `••••`. */
export function maskValue(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return compact.length <= 4 ? MASK : `${MASK}${compact.slice(-4)}`;
}

export function isMasked(value: string): boolean {
  return value.startsWith(MASK);
}

/** The value as the consumer may see it: unmasked only when `field` is in `unmask`. */
export function revealOrMask(
  value: string | null,
  field: UnmaskableField,
  unmask: readonly string[] = [],
): string | null {
  if (value === null) return null;
  return unmask.includes(field) ? value : maskValue(value);
}
