/**
 * Opaque cursors that remember the filters they were issued for: a page requested with other filters than the first
 * one gets a 400, as HiBob asks callers to send identical filters on every page.
 */
export function issueCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint }), 'utf8').toString('base64url');
}

export function readCursor(cursor: string, fingerprint: string): { offset: number } | { error: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { error: 'cursor is not valid' };
  }
  const { o, f } = (decoded ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== 'number' || typeof f !== 'string') return { error: 'cursor is not valid' };
  if (f !== fingerprint) return { error: 'filters must be identical on every page of a cursor' };
  return { offset: o };
}
