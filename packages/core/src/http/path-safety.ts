/**
 * Record ids and request paths that cannot be sent. An id is placed into a path with encodeURIComponent, which
 * leaves `.` and `..` untouched; URL parsing then resolves them as dot segments (`/v1/timeoff/../..` becomes
 * `/v1/`), so a crafted id would read a different resource with the connection's credentials. Control characters
 * have no place in an id either. Both checks run before any request (docs/security.md).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `value` cannot be a record id, or null when it can. */
export function recordIdProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string id';
  if (value === '.' || value === '..') return 'must not be "." or ".." (they would change the request path)';
  if (CONTROL.test(value)) return 'must not contain control characters';
  return null;
}

/** Why a request path cannot be sent (a dot segment, plain or percent-encoded, or a control character), or null. */
export function requestPathProblem(path: string): string | null {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  if (CONTROL.test(pathname)) return 'contains a control character';
  for (const segment of pathname.split('/')) {
    const plain = segment.replace(/%2e/gi, '.');
    if (plain === '.' || plain === '..') return `contains the dot segment "${segment}"`;
  }
  return null;
}
