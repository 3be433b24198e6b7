/**
 * The slice of a sandbox request the pay routes read. Structurally the sandbox kit's SandboxRequest satisfies it, so
 * the routes plug into the HiBob sandbox's router as they are, and into the standalone server used by the pay tests.
 */
export interface PayRouteRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  json(): unknown;
}

/** A JSON answer (the sandbox kit's `{ status, json }` reply). */
export interface PayReply {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** What the calling service user may read: decided by the host sandbox from its own auth and permission groups. */
export interface PayAccess {
  /** People's Data › Payroll › View (+ history). */
  payroll: boolean;
  /** People's Data › Time attendance › Manage time attendance sheets. */
  attendance: boolean;
  /**
   * The caller's "Access data for" audience, when the host models one. Employees outside it are left out of
   * company-wide answers and reported like payroll-hidden ones when asked for by id.
   */
  audience?: ReadonlySet<string>;
}

export interface PayRoute {
  method: 'GET' | 'POST';
  /** `:name` segments are parameters, as in the sandbox kit's router. */
  pattern: string;
  name: string;
  handler(request: PayRouteRequest, access: PayAccess): PayReply;
}

/** HiBob's error body: `{ key, error }`. */
export function errorReply(status: number, key: string, error: string): PayReply {
  return { status, json: { key, error } };
}
