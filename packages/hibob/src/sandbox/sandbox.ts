import { type Clock, systemClock } from '@hrkit/core';
import {
  BasicAuthStore,
  Router,
  type SandboxHandle,
  SeededGenerator,
  SlidingWindowRateLimiter,
  startServer,
  WebhookSender,
} from '@hrkit/sandbox-kit';
import { inAudience, type ServiceUserData } from './access/service-users.js';
import { CATEGORY_IDS } from './data/categories.js';
import { BUILT_IN_EXTENSIONS } from './extensions.js';
import { generateHiBobCompany } from './generate/company.js';
import { bobErrors } from './http/errors.js';
import { createRouteApi } from './http/route-api.js';
import { WafSimulator } from './http/waf.js';
import type { HiBobSandboxOptions } from './options.js';
import { mountHiBobControlRoutes } from './routes/control.js';
import { registerMetadataRoutes } from './routes/metadata.js';
import { registerPeopleRoutes } from './routes/people.js';
import { registerTableRoutes } from './routes/tables.js';
import { registerTimeOffRoutes } from './routes/time-off.js';
import { type HiBobSandboxConnectionConfig, HiBobSandboxControl } from './sandbox-control.js';
import { CompanyState } from './state/company-state.js';
import { statusOn } from './state/lifecycle.js';
import { expectedEmployeeRecords } from './expected-records.js';
import { BobWebhooks, bobEnvelope, signBobDelivery } from './webhooks/bob-webhooks.js';

/** The service user every test connects with: all categories and features, audience everyone (leavers included). */
export const FULL_ACCESS_SERVICE_USER_ID = 'SERVICE-1000';
/** Lacks the Work category "View" permission: `check()` must report `fields.work` missing. */
export const RESTRICTED_SERVICE_USER_ID = 'SERVICE-0999';

export interface HiBobSandbox extends SandboxHandle {
  readonly provider: 'hibob';
  connectionConfig(): HiBobSandboxConnectionConfig;
  badConnectionConfig(): HiBobSandboxConnectionConfig;
  restrictedConnection(): { config: HiBobSandboxConnectionConfig; expectedMissingCheck: string };
  /** Change data, trigger events, create service users, read counters (also under `/_sandbox/`). */
  readonly control: HiBobSandboxControl;
  /** The live company every endpoint reads. */
  readonly state: CompanyState;
  readonly rateLimiter: SlidingWindowRateLimiter;
  readonly webhookSender: WebhookSender;
  readonly webhooks: NonNullable<SandboxHandle['webhooks']>;
}

/** A clock that starts at `now` and runs in real time, so a fixed `now` still lets windows move. */
function startingAt(nowIso: string): Clock {
  const offset = Date.parse(nowIso) - Date.now();
  return { now: () => Date.now() + offset, sleep: systemClock.sleep };
}

function tokenFrom(random: SeededGenerator): () => string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return () => Array.from({ length: 40 }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
}

/** Starts a HiBob-compatible server on 127.0.0.1 (ephemeral port) with a seeded company. */
export async function startHiBobSandbox(options: HiBobSandboxOptions = {}): Promise<HiBobSandbox> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (options.now ? startingAt(options.now) : systemClock);
  const now = options.now ?? new Date(clock.now()).toISOString();
  const extensions = [...BUILT_IN_EXTENSIONS, ...(options.extensions ?? [])];
  const data = options.company ?? generateHiBobCompany({ seed, employees: options.employees ?? 50, now, extensions });
  const state = new CompanyState(data, clock);
  const random = new SeededGenerator(seed).fork('sandbox-runtime');
  const newToken = tokenFrom(random.fork('tokens'));

  const auth = new BasicAuthStore<ServiceUserData>();
  const limiter = new SlidingWindowRateLimiter({
    clock,
    enabled: options.rateLimits ?? true,
    retryAfterHeader: options.retryAfterHeader ?? false,
  });
  const sender = new WebhookSender({
    sign: signBobDelivery,
    retryScheduleMs: options.webhookRetryScheduleMs ?? [10, 20, 40],
    now: () => clock.now(),
  });
  const webhooks = new BobWebhooks(state, sender, newToken);
  let url = '';
  const control = new HiBobSandboxControl(state, random.fork('control'), {
    auth,
    limiter,
    webhooks,
    newToken,
    baseUrl: () => url,
  });

  const router = new Router();
  const waf = options.waf ? new WafSimulator(options.waf, clock) : undefined;
  const api = createRouteApi({ state, router, auth, limiter, ...(waf ? { waf } : {}) });
  registerPeopleRoutes(api);
  registerMetadataRoutes(api);
  registerTableRoutes(api);
  registerTimeOffRoutes(api);
  for (const extension of extensions) extension.routes?.(api);
  mountHiBobControlRoutes(router, control, options.adminToken);

  const server = await startServer({
    routes: router,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs !== undefined ? { latency: options.latencyMs } : {}),
    notFound: (method, path) => bobErrors.notFound(`No route for ${method} ${path}.`),
    invalidJson: () => bobErrors.badRequest('The request body is not valid JSON.'),
    internalError: () => ({ status: 500, json: { key: 'internal_error', error: 'Internal server error.' } }),
  });
  url = server.url;
  state.baseUrl = url;

  const full = control.createServiceUser({ id: FULL_ACCESS_SERVICE_USER_ID, name: 'hrkit full access' });
  const restricted = control.createServiceUser({
    id: RESTRICTED_SERVICE_USER_ID,
    name: 'hrkit without Work',
    categories: CATEGORY_IDS.filter((id) => id !== 'work'),
  });
  for (const spec of options.serviceUsers ?? []) control.createServiceUser(spec);
  const webhookSecret = `whsec-${newToken()}`;

  const fullUser = auth.get(FULL_ACCESS_SERVICE_USER_ID)!;
  return {
    provider: 'hibob',
    url,
    control,
    state,
    rateLimiter: limiter,
    webhookSender: sender,
    connectionConfig: () => ({ ...full, baseUrl: url }),
    badConnectionConfig: () => ({
      serviceUserId: full.serviceUserId,
      token: `${full.token.slice(0, -4)}XXXX`,
      baseUrl: url,
    }),
    restrictedConnection: () => ({ config: { ...restricted, baseUrl: url }, expectedMissingCheck: 'fields.work' }),
    secrets: () => [...auth.secrets(), ...webhooks.secrets(), webhookSecret],
    expected: {
      employeeRemoteIds: ({ includeInactive }) => {
        const today = state.today();
        return state.employees
          .filter(
            (employee) =>
              inAudience(fullUser, employee, today) && (includeInactive || statusOn(employee, today) === 'Active'),
          )
          .map((employee) => employee.id);
      },
      employeeRecords: (remoteId) => expectedEmployeeRecords(state.employee(remoteId)),
    },
    webhooks: {
      secret: webhookSecret,
      // HiBob saves a webhook with an admin-chosen secret once the listener answers its ping.
      subscribe: async (url, secret) => {
        await control.registerWebhook(url, secret);
      },
      sampleDelivery: () => {
        const first = state.employees[0];
        const body = bobEnvelope(state, {
          type: 'employee.updated',
          triggeredBy: 'system',
          data: { employeeId: first?.id ?? '0', fieldUpdates: ['work.title'] },
        });
        return {
          body,
          headers: { 'content-type': 'application/json', ...signBobDelivery(Buffer.from(body), webhookSecret) },
        };
      },
    },
    close: async () => {
      sender.close();
      await server.close();
    },
  };
}
