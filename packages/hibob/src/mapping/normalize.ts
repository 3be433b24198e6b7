/** Comparison key for labels: case, spaces and punctuation do not matter ("Direct Employee" = "direct-employee"). */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** A value as text, or null: HiBob ids arrive as strings or numbers depending on the list or table. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether each `YYYY-MM-DD` text seen is a date `Date.parse` reads, remembered: a person has several dates and a
 * company repeats the same days, while a regex plus `Date.parse` per read was a visible share of the HiBob mapping
 * (docs/performance.md › Mapping and listing). Bounded, in case a payload sends many distinct values.
 */
const dayReadable = new Map<string, boolean>();

/** `YYYY-MM-DD` from a HiBob date or date-time (its first ten characters), or null. */
export function asIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = value.length === 10 ? value : value.slice(0, 10);
  let readable = dayReadable.get(day);
  if (readable === undefined) {
    readable = DAY.test(day) && !Number.isNaN(Date.parse(day));
    if (dayReadable.size < 10_000) dayReadable.set(day, readable);
  }
  return readable ? day : null;
}

/**
 * HiBob times carry no zone (`2024-10-03T09:29:00.831502`); they are UTC in practice, so a zone-less value gets
 * `Z`. Returns an ISO date-time with offset, or null.
 */
export function asIsoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return `${trimmed}T00:00:00Z`;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const candidate = hasZone ? trimmed : `${trimmed}Z`;
  const parsed = Date.parse(candidate);
  if (Number.isNaN(parsed)) return null;
  // Keep the provider's text (microseconds included) when it is already valid ISO; else re-format.
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(candidate)
    ? candidate.replace(/z$/, 'Z')
    : new Date(parsed).toISOString();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
