import type { Reply, RouteHandler, Router, SandboxRequest, WebhookSender } from '@hrkit/sandbox-kit';
import type { Company } from './state/company.js';
import type { KeyProfile } from './state/types.js';

/** What every route module gets: the company, the caller's key profile, and how to register an API route. */
export interface SandboxContext {
  company: Company;
  sender: WebhookSender;
  /** The key profile the `before` hook authenticated for this request. */
  keyOf(request: SandboxRequest): KeyProfile;
  /** Registers `/api/gateway.php/{company}/v1{path}` and the newer `/api/v1{path}` host form. */
  api(method: string, path: string, handler: RouteHandler): void;
}

const profiles = new WeakMap<SandboxRequest, KeyProfile>();

export function rememberKey(request: SandboxRequest, profile: KeyProfile): void {
  profiles.set(request, profile);
}

export function keyFor(request: SandboxRequest): KeyProfile {
  const profile = profiles.get(request);
  if (!profile) throw new Error(`no authenticated key for ${request.method} ${request.path}`);
  return profile;
}

export function apiRegistrar(router: Router): SandboxContext['api'] {
  return (method, path, handler) => {
    for (const prefix of ['/api/gateway.php/:company/v1', '/api/v1'])
      router.add({ method, pattern: `${prefix}${path}`, handler, name: `${method} ${path}` });
  };
}

export type { Reply };
