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

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** `YYYY-MM-DD` from a HiBob date or date-time, or null. */
export function asIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (!match?.[1] || Number.isNaN(Date.parse(match[1]))) return null;
  return match[1];
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
