/** Shared by every fixture generator: the same options always give the same records. */
export interface FixtureOptions {
  /** Default 1. */
  seed?: number;
  /** Provider key used in ids (`<provider>:<remoteId>`). Default `acme`. */
  provider?: string;
}

export const DEFAULT_PROVIDER = 'acme';
export const DEFAULT_AS_OF = '2026-03-02';
