import type { RateLimitCounters, SlidingWindowRateLimiter, DeliveryAttempt, BasicAuthStore } from '@hrkit/sandbox-kit';
import { ControlError } from '@hrkit/sandbox-kit';
import { permissionBehindCheck } from './access/check-ids.js';
import { audienceOf, permissionsOf, type ServiceUserData, type ServiceUserSpec } from './access/service-users.js';
import { CompanyControl } from './state/control.js';
import type { CompanyState } from './state/company-state.js';
import type { BobWebhooks } from './webhooks/bob-webhooks.js';
import type { SeededGenerator } from '@hrkit/sandbox-kit';

export type HiBobSandboxConnectionConfig = {
  serviceUserId: string;
  token: string;
  baseUrl: string;
};

/** Everything a test or the CLI may do to a running HiBob sandbox (also served under `/_sandbox/`). */
export class HiBobSandboxControl extends CompanyControl {
  private serviceUserCounter = 0;

  constructor(
    private readonly company: CompanyState,
    random: SeededGenerator,
    private readonly deps: {
      auth: BasicAuthStore<ServiceUserData>;
      limiter: SlidingWindowRateLimiter;
      webhooks: BobWebhooks;
      newToken: () => string;
      baseUrl: () => string;
    },
  ) {
    super(company, random);
  }

  /** Creates a service user with chosen category/feature permissions and audience. */
  createServiceUser(spec: ServiceUserSpec = {}): HiBobSandboxConnectionConfig {
    const id = spec.id ?? `SERVICE-${String(++this.serviceUserCounter + 1000)}`;
    if (this.deps.auth.get(id)) throw new ControlError(409, `service user ${id} exists`);
    const token = spec.token ?? this.deps.newToken();
    this.deps.auth.add({
      username: id,
      password: token,
      permissions: permissionsOf(spec),
      data: { name: spec.name ?? id, audience: audienceOf(spec) },
    });
    return { serviceUserId: id, token, baseUrl: this.deps.baseUrl() };
  }

  /** A service user with every permission except the one `checkId` needs, so `check()` reports it missing. */
  restrictedConnectionFor(checkId: string): { config: HiBobSandboxConnectionConfig; expectedMissingCheck: string } {
    const permission = permissionBehindCheck(checkId);
    if (!permission) throw new ControlError(400, `check "${checkId}" does not depend on an API permission`);
    const full = permissionsOf({});
    const config = this.createServiceUser({ name: `restricted ${checkId}` });
    const user = this.deps.auth.get(config.serviceUserId)!;
    this.deps.auth.add({ ...user, permissions: full.filter((candidate) => candidate !== permission) });
    return { config, expectedMissingCheck: checkId };
  }

  registerWebhook(url: string, secret?: string) {
    return this.deps.webhooks.register(url, secret);
  }

  unregisterWebhook(id: string): boolean {
    return this.deps.webhooks.sender.unregister(id);
  }

  webhookDeliveries(): DeliveryAttempt[] {
    return this.deps.webhooks.sender.log;
  }

  flushWebhooks(): Promise<void> {
    return this.deps.webhooks.sender.idle();
  }

  rateLimitCounters(): RateLimitCounters & { enabled: boolean } {
    return { ...this.deps.limiter.snapshot(), enabled: this.deps.limiter.enabled };
  }

  setRateLimits(enabled: boolean): void {
    this.deps.limiter.enabled = enabled;
  }

  summary() {
    const today = this.company.today();
    return {
      companyId: this.company.data.companyId,
      today,
      employees: this.company.employees.length,
      requests: this.company.data.requests.length,
      serviceUsers: this.deps.auth.all().map((user) => user.username),
      webhooks: this.deps.webhooks.sender.endpoints().map((endpoint) => ({ id: endpoint.id, url: endpoint.url })),
    };
  }
}
