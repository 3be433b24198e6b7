/**
 * What every provider sandbox hands to tests, the conformance suite, the CLI and benchmarks.
 * A sandbox is a real HTTP server on 127.0.0.1 (ephemeral port) that speaks the provider's API.
 */
export interface SandboxHandle {
  /** Provider key, e.g. `hibob`. */
  readonly provider: string;
  /** Base URL to pass as `baseUrl` (e.g. `http://127.0.0.1:53121`). */
  readonly url: string;
  /** A complete, valid config for `kit.connect(provider, config)`, including `baseUrl`. */
  connectionConfig(): Record<string, unknown>;
  /** Same shape, wrong secret: the provider answers 401. */
  badConnectionConfig(): Record<string, unknown>;
  /**
   * A credential the sandbox deliberately restricts, and the id of the `check()` entry that must then report
   * a missing permission (status `missing`, with a fix).
   */
  restrictedConnection(): { config: Record<string, unknown>; expectedMissingCheck: string };
  /** Every secret this sandbox issued (tokens, API keys, webhook secrets): must never appear in errors or logs. */
  secrets(): string[];
  /** Ground truth for completeness checks. */
  expected: {
    /** Remote ids of the employees a full-access credential can list. */
    employeeRemoteIds(options: { includeInactive: boolean }): string[];
    /**
     * Remote ids of the time-off requests overlapping [from, to] (inclusive dates) that a full-access credential
     * can read; without pending ones unless `includePending`. The conformance suite reads the range with the
     * sandbox's time-off pages made small (`timeOffPageSize`) and compares: an adapter that stops after one page
     * fails. Optional for now; the suite says so when a sandbox lacks it.
     */
    timeOffRequestRemoteIds?(options: { from: string; to: string; includePending: boolean }): string[];
    /**
     * Ground truth of the records a payment or EOR product reads (work country, legal entity, termination type,
     * groups, bank accounts), per employee remote id. Each key a sandbox declares is checked; a key it leaves out
     * (the provider has no such data) is not. Optional: the suite says so when a sandbox lacks it.
     */
    employeeRecords?(remoteId: string): EmployeeRecordsTruth;
  };
  /**
   * Present when the provider exchanges credentials for a runtime token (see docs/writing-an-adapter.md, token
   * auth). Lets the conformance suite fail exchanges on purpose and look for the runtime tokens in logs and errors.
   */
  tokenAuth?: {
    /** The next `count` token exchanges answer `status` (default 503) instead of a token. */
    failNextExchanges(count: number, status?: number): void;
    /** Token exchanges answered so far (successful or not). */
    exchanges(): number;
    /** Every runtime token issued so far: none may appear in an error or a log line. */
    issuedTokens(): string[];
    /** Refuse (401) every token issued so far, as a provider does when a token expires early or is revoked. */
    revokeIssuedTokens?(): void;
  };
  /** Present when the provider signs webhooks. */
  webhooks?: {
    secret: string;
    /**
     * False when the proof is a static token (Personio) rather than a signature over the body: a tampered body then
     * cannot be detected, and the suite checks only the wrong and the missing token.
     */
    authenticatesBody?: boolean;
    /** A correctly signed delivery of some event, exactly as the provider would POST it. */
    sampleDelivery(): { body: string; headers: Record<string, string> };
    /**
     * Present when the sandbox sends webhooks itself: subscribe a listener at `url`, signing with `secret`, so changes
     * made through the control API arrive there (`hrkit webhooks serve <provider> --sandbox` subscribes itself).
     */
    subscribe?(url: string, secret: string): Promise<void>;
  };
  /** Stop the server and every timer it started. */
  close(): Promise<void>;
}

/** What `expected.employeeRecords` may declare; `undefined` = not declared, not checked. */
export interface EmployeeRecordsTruth {
  /** ISO alpha-2 of the work location's country. */
  workCountry?: string | null;
  /** The legal entity's name. */
  legalEntity?: string | null;
  /** `termination.type.value`, null for people who have not left. */
  terminationType?: 'voluntary' | 'involuntary' | 'other' | 'unknown' | null;
  /** `type:name` of each group, e.g. `department:Backend`, in any order. */
  groups?: string[];
  /** The unmasked IBAN or account number of each bank account, read with `includeFinancial` and `unmask`. */
  bankAccounts?: string[];
}

/** Options every sandbox accepts. */
export interface SandboxOptions {
  /** Seed of the generated company; same seed, same company. Default 1. */
  seed?: number;
  /** Number of employees to generate. */
  employees?: number;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to bind; default 127.0.0.1. */
  host?: string;
  /** Enforce the provider's documented rate limits. Default true. */
  rateLimits?: boolean;
  /** Fixed "now" for deterministic time-based data (ISO date-time). Default: real now. */
  now?: string;
  /**
   * The largest page of time-off requests the sandbox answers, whatever the client asks for (default: the
   * provider's documented page). The conformance suite sets it small so that a range spans several pages.
   */
  timeOffPageSize?: number;
}
