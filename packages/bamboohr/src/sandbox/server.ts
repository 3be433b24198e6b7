import {
  parseBasicAuth,
  type Reply,
  Router,
  type RunningServer,
  type SandboxHandle,
  type SandboxOptions,
  type SandboxRequest,
  SeededGenerator,
  SlidingWindowRateLimiter,
  startServer,
  WebhookSender,
  withHeaders,
} from '@hrkit/sandbox-kit';
import { apiRegistrar, keyFor, rememberKey, type SandboxContext } from './context.js';
import { BambooHrSandboxControl } from './control.js';
import { mountControl } from './control-http.js';
import { employeeRoutes } from './routes/employees.js';
import { tableRoutes } from './routes/tables.js';
import { timeOffRoutes } from './routes/time-off.js';
import { webhookRoutes } from './routes/webhooks.js';
import { writeRoutes } from './routes/writes.js';
import { Company } from './state/company.js';
import { EMPLOYMENT_FIELDS_HIDDEN_FROM_RESTRICTED, keyProfiles } from './state/keys.js';
import { populateSandboxCompany } from './state/generate.js';
import type { KeyProfile } from './state/types.js';
import { bambooError } from './view/http.js';
import { expectedEmployeeRecords } from './expected-records.js';
import { eventBody, signedHeaders } from './webhooks.js';

/**
 * `timeOffPageSize` (from SandboxOptions) changes nothing here, deliberately: BambooHR answers
 * `GET /v1/time_off/requests` as one unpaged list (docs/providers/bamboohr.md), so every answer is already the whole
 * range, and the conformance suite's completeness check compares that list with `expected.timeOffRequestRemoteIds`.
 */
export interface BambooHrSandboxOptions extends SandboxOptions {
  /** The company subdomain served under `/api/gateway.php/{companyDomain}`. Default `acme`. */
  companyDomain?: string;
  /** Status BambooHR throttles with: 429 (from 2026-09-16) or the legacy 503. Default 429. */
  throttleStatus?: 429 | 503;
  /** Requests per key and endpoint per minute before throttling, when `rateLimits` is on. Default 600. */
  requestsPerMinute?: number;
  /**
   * The clock that stamps `X-BambooHR-Timestamp` on deliveries. Default the wall clock, not `now`: BambooHR stamps
   * the moment it sends, and receivers check that moment against their own clock (±5 min, docs/security.md).
   */
  deliveryClock?: () => number;
}

/** A running BambooHR-compatible server on 127.0.0.1 (see docs/providers/bamboohr.md › Sandbox). */
export class BambooHrSandbox implements SandboxHandle {
  readonly provider = 'bamboohr';
  readonly expected: SandboxHandle['expected'];
  readonly webhooks: NonNullable<SandboxHandle['webhooks']>;

  constructor(
    private readonly server: RunningServer,
    readonly company: Company,
    readonly control: BambooHrSandboxControl,
    private readonly keys: { full: KeyProfile; restricted: KeyProfile; bad: string },
    private readonly sender: WebhookSender,
    sampleSecret: string,
    deliveryNow: () => number = Date.now,
  ) {
    this.expected = {
      employeeRemoteIds: ({ includeInactive }) =>
        [...company.employees.values()]
          .filter((employee) => includeInactive || company.statusOf(employee) === 'Active')
          .map((employee) => employee.id),
      // What `GET /v1/time_off/requests` answers a full-access key for the range: overlap semantics, pending
      // ("requested") ones only when asked for.
      timeOffRequestRemoteIds: ({ from, to, includePending }) =>
        [...company.requests.values()]
          .filter((request) => request.end >= from && request.start <= to)
          .filter((request) => includePending || request.status !== 'requested')
          .map((request) => request.id),
      employeeRecords: (remoteId) => expectedEmployeeRecords(company.employees.get(remoteId), company.today()),
    };
    this.webhooks = {
      secret: sampleSecret,
      sampleDelivery: () => {
        const first = company.employees.keys().next().value ?? '1';
        const body = eventBody(company, 'employee.updated', first, ['firstName', 'jobTitle']);
        const timestamp = String(Math.floor(deliveryNow() / 1000));
        return {
          body,
          headers: { 'content-type': 'application/json', ...signedHeaders(body, sampleSecret, timestamp) },
        };
      },
    };
  }

  get url(): string {
    return this.server.url;
  }

  connectionConfig() {
    return { companyDomain: this.company.domain, apiKey: this.keys.full.apiKey, baseUrl: this.url };
  }

  badConnectionConfig() {
    return { companyDomain: this.company.domain, apiKey: this.keys.bad, baseUrl: this.url };
  }

  /** A key whose user cannot see job/employment or personal fields, nor the directory: `fields.employment` fails. */
  restrictedConnection() {
    return {
      config: { companyDomain: this.company.domain, apiKey: this.keys.restricted.apiKey, baseUrl: this.url },
      expectedMissingCheck: 'fields.employment',
    };
  }

  secrets(): string[] {
    return [
      this.keys.full.apiKey,
      this.keys.restricted.apiKey,
      this.keys.bad,
      this.webhooks.secret,
      ...[...this.company.webhooks.values()].map((webhook) => webhook.privateKey),
    ];
  }

  /** Every webhook POST attempt, for assertions. */
  get deliveries() {
    return this.sender.log;
  }

  async close(): Promise<void> {
    this.sender.close();
    await this.server.close();
  }
}

export { EMPLOYMENT_FIELDS_HIDDEN_FROM_RESTRICTED };

function unauthorized(domain: string): Reply {
  return bambooError(401, 'API key not provided or invalid', {
    'WWW-Authenticate': `Basic realm="https://api.bamboohr.com/${domain}"`,
  });
}

/** Starts the sandbox: seeded company, both URL forms, Basic auth with the key as user name, throttling. */
export async function startBambooHrSandbox(options: BambooHrSandboxOptions = {}): Promise<BambooHrSandbox> {
  const fixedNow = options.now ? Date.parse(options.now) : null;
  if (fixedNow !== null && Number.isNaN(fixedNow))
    throw new TypeError(`now must be an ISO date-time (got ${options.now})`);
  const now = () => fixedNow ?? Date.now();
  const deliveryNow = options.deliveryClock ?? (() => Date.now());
  const seed = options.seed ?? 1;
  const domain = options.companyDomain ?? 'acme';
  const random = new SeededGenerator(seed).fork('sandbox');
  const company = new Company(domain, String(10_000 + (seed % 90_000)), now);
  populateSandboxCompany(company, seed, options.employees ?? 25);
  const keys = keyProfiles(random, company);
  const profiles = new Map([keys.full, keys.restricted].map((profile) => [profile.apiKey, profile]));
  const sender = new WebhookSender({
    sign: (body, secret) => signedHeaders(body, secret, String(Math.floor(deliveryNow() / 1000))),
    now,
  });
  const control = new BambooHrSandboxControl(company, sender, random.fork('webhooks'));
  const { wireWebhooks } = await import('./webhooks.js');
  wireWebhooks(company, sender);

  const router = new Router();
  const context: SandboxContext = { company, sender, keyOf: keyFor, api: apiRegistrar(router) };
  employeeRoutes(context);
  tableRoutes(context);
  timeOffRoutes(context);
  webhookRoutes(context, (input) => control.registerWebhook(input));
  writeRoutes(context, control);
  mountControl(router, control);

  const limiter = new SlidingWindowRateLimiter({ clock: { now }, enabled: options.rateLimits ?? true });
  const throttleStatus = options.throttleStatus ?? 429;
  const perMinute = options.requestsPerMinute ?? 600;

  const before = (request: SandboxRequest): Reply | undefined => {
    if (request.path.startsWith('/_sandbox/')) return undefined;
    const company_ = request.params.company ?? /^([^.]+)\.bamboohr\.com/.exec(request.header('host') ?? '')?.[1];
    if (company_ !== undefined && company_ !== domain) return bambooError(404, `Unknown company ${company_}`);
    const credentials = parseBasicAuth(request.header('authorization'));
    // BambooHR ignores the password: the key is the user name.
    const profile = 'error' in credentials ? undefined : profiles.get(credentials.username);
    if (!profile) return unauthorized(domain);
    rememberKey(request, profile);
    const forced = control.takeThrottle();
    if (forced)
      return bambooError(forced.status, 'Too many requests', { 'Retry-After': String(forced.retryAfterSeconds) });
    const decision = limiter.hit(profile.apiKey, request.routeName, { limit: perMinute });
    if (!decision.allowed)
      return withHeaders(bambooError(throttleStatus, 'Too many requests'), {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    return undefined;
  };

  const server = await startServer({
    routes: router,
    before,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    notFound: () => bambooError(404, 'Not found'),
    invalidJson: () => bambooError(400, 'Malformed JSON'),
  });
  return new BambooHrSandbox(server, company, control, keys, sender, keys.sampleWebhookSecret, deliveryNow);
}
