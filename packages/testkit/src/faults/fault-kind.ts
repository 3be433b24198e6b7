/**
 * What the fault proxy can do to one request:
 * - `429`: answer 429 with a tiny advertised wait (Retry-After or X-RateLimit-Reset), without forwarding;
 * - `5xx`: answer 500/502/503/504 without forwarding;
 * - `slow`: forward, then hold the answer for `slowMs` (past the client timeout);
 * - `drop`: forward, send the headers and part of the body, then destroy the socket;
 * - `truncate`: forward, then send a well-formed response whose body is cut short (incomplete JSON).
 */
export type FaultKind = '429' | '5xx' | 'slow' | 'drop' | 'truncate';

export const ALL_FAULTS: readonly FaultKind[] = ['429', '5xx', 'slow', 'drop', 'truncate'];
