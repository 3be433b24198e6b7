import { jsonReply, type SandboxRequest } from '@hrkit/sandbox-kit';
import { featurePermission, inAudience } from '../access/service-users.js';
import { policyNameFor } from '../data/time-off-policies.js';
import { bobErrors, fail } from '../http/errors.js';
import { BOB_RATE_LIMITS } from '../http/rate-limits.js';
import type { BobRouteApi } from '../http/route-api.js';
import { statusOn } from '../state/lifecycle.js';
import { requestSpan } from '../state/time-off-shapes.js';
import { addMonths, dayNumber, isIsoDate } from '../state/time.js';
import { changeView, outTodayView, requestView, seeRequest, whosOutView } from '../view/time-off-views.js';

const settings = [featurePermission('timeoff.settings')];
const whosOut = [featurePermission('timeoff.whosout')];

function flag(request: SandboxRequest, name: string, fallback = false): boolean {
  const value = request.query.get(name);
  if (value === null || value === '') return fallback;
  if (value !== 'true' && value !== 'false')
    fail(bobErrors.badRequest(`${name} must be true or false, got "${value}".`));
  return value === 'true';
}

function requiredDate(request: SandboxRequest, name: string): string {
  const value = request.query.get(name);
  if (!value) fail(bobErrors.badRequest(`The query parameter "${name}" is required (YYYY-MM-DD).`));
  if (!isIsoDate(value)) fail(bobErrors.badRequest(`"${name}" must be a date in YYYY-MM-DD format, got "${value}".`));
  return value;
}

/** ISO-8601 date-time (with or without offset), as `since`/`to` accept. */
function instant(name: string, value: string): number {
  const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) fail(bobErrors.badRequest(`"${name}" must be an ISO-8601 date-time, got "${value}".`));
  return time;
}

export function registerTimeOffRoutes(api: BobRouteApi): void {
  const { state } = api;

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/policy-types',
    endpoint: 'timeoff.policyTypes',
    limit: BOB_RATE_LIMITS['timeoff.policyTypes'],
    permissions: settings,
    handler: () => jsonReply(200, { policyTypes: state.data.policyTypes.map((type) => type.name) }),
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/policy-types/:name',
    endpoint: 'timeoff.policyType',
    limit: BOB_RATE_LIMITS['timeoff.policyType'],
    permissions: settings,
    handler: (request) => {
      const type = state.policyType(request.params.name ?? '');
      if (!type) return bobErrors.notFound(`Policy type ${request.params.name} was not found.`);
      return jsonReply(200, {
        name: type.name,
        activity: type.activity,
        bookingWorkDaysOnly: type.bookingWorkDaysOnly,
        unit: type.unit,
      });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/policy-types/:name/reason-codes',
    endpoint: 'timeoff.reasonCodes',
    limit: BOB_RATE_LIMITS['timeoff.reasonCodes'],
    permissions: settings,
    handler: (request) => {
      const type = state.policyType(request.params.name ?? '');
      if (!type) return bobErrors.notFound(`Policy type ${request.params.name} was not found.`);
      return jsonReply(200, { reasonCodes: type.reasonCodes });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/policies',
    endpoint: 'timeoff.policies',
    limit: BOB_RATE_LIMITS['timeoff.policies'],
    permissions: settings,
    handler: (request) => {
      const name = request.query.get('policyName');
      if (!name) return bobErrors.badRequest('The query parameter "policyName" is required.');
      const policy = state.policy(name);
      if (!policy) return bobErrors.notFound(`Policy ${name} was not found.`);
      const { policyType: _type, ...details } = policy;
      return jsonReply(200, details);
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/policies/names',
    endpoint: 'timeoff.policyNames',
    limit: BOB_RATE_LIMITS['timeoff.policyNames'],
    permissions: settings,
    handler: (request) => {
      const typeName = request.query.get('policyTypeName');
      if (typeName && !state.policyType(typeName)) return bobErrors.notFound(`Policy type ${typeName} was not found.`);
      const names = state.data.policies
        .filter((policy) => !typeName || policy.policyType === typeName)
        .map((policy) => policy.name);
      return jsonReply(200, { policyNames: names });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/requests/changes',
    endpoint: 'timeoff.changes',
    limit: BOB_RATE_LIMITS['timeoff.changes'],
    permissions: whosOut,
    handler: (request, caller) => {
      const sinceRaw = request.query.get('since');
      if (!sinceRaw) return bobErrors.badRequest('The query parameter "since" is required (ISO-8601 date-time).');
      const since = instant('since', sinceRaw);
      const toRaw = request.query.get('to');
      const now = state.now();
      let to: number;
      // The six-month window (hibob-api.md §5.2): `to` at most 6 months after `since`; without `to`, `since` at most 6 months back.
      if (toRaw) {
        to = instant('to', toRaw);
        if (to <= since) return bobErrors.badRequest('"to" must be later than "since".');
        if (to > addMonths(since, 6)) return bobErrors.badRequest('"to" must be at most 6 months after "since".');
      } else {
        if (since < addMonths(now, -6)) {
          return bobErrors.badRequest('"since" must be at most 6 months in the past when "to" is not given.');
        }
        to = now;
      }
      const options = { includePending: flag(request, 'includePending'), includePrivate: true };
      const changes = [];
      for (const change of state.data.changes) {
        if (change.at < since || change.at > to) continue;
        if (change.changeType === 'Pending' && !options.includePending) continue;
        const target = state.request(change.requestId);
        if (!target) continue;
        // The feed shows state-changes of pending requests when asked, whatever their current status.
        const seen = seeRequest(
          state,
          caller,
          { ...target, status: change.changeType === 'Pending' ? 'pending' : 'approved' },
          options,
        );
        if (seen) changes.push(changeView({ ...seen, request: target }, change, state));
      }
      return jsonReply(200, { changes });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/whosout',
    endpoint: 'timeoff.whosout',
    limit: BOB_RATE_LIMITS['timeoff.whosout'],
    permissions: whosOut,
    handler: (request, caller) => {
      const from = requiredDate(request, 'from');
      const to = requiredDate(request, 'to');
      if (to < from) return bobErrors.badRequest('"to" must not be before "from".');
      const options = {
        includePending: flag(request, 'includePending'),
        includePrivate: flag(request, 'includePrivate'),
      };
      const includeHourly = flag(request, 'includeHourly');
      const [fromDay, toDay] = [dayNumber(from), dayNumber(to)];
      const today = state.today();
      const outs = [];
      for (const candidate of state.data.requests) {
        if (candidate.status !== 'approved' && candidate.status !== 'pending') continue;
        if (!includeHourly && candidate.durationUnit === 'hours') continue;
        const span = requestSpan(candidate, today);
        if (span.to < fromDay || span.from > toDay) continue;
        const seen = seeRequest(state, caller, candidate, options);
        // Who's out only ever lists active people (hibob-api.md §5.3).
        if (seen && statusOn(seen.employee, today) === 'Active') outs.push(whosOutView(seen));
      }
      return jsonReply(200, { outs });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/outtoday',
    endpoint: 'timeoff.outtoday',
    limit: BOB_RATE_LIMITS['timeoff.outtoday'],
    permissions: whosOut,
    handler: (request, caller) => {
      const todayParam = request.query.get('today');
      if (todayParam && !isIsoDate(todayParam))
        return bobErrors.badRequest(`"today" must be a date in YYYY-MM-DD format, got "${todayParam}".`);
      const day = todayParam ?? state.today();
      const siteRaw = request.query.get('siteId');
      const siteId = siteRaw ? Number(siteRaw) : null;
      if (siteRaw && !Number.isInteger(siteId))
        return bobErrors.badRequest(`"siteId" must be an integer, got "${siteRaw}".`);
      const options = {
        includePending: flag(request, 'includePending'),
        includePrivate: flag(request, 'includePrivate'),
      };
      const includeHourly = flag(request, 'includeHourly');
      const dayNo = dayNumber(day);
      const today = state.today();
      const outs = [];
      for (const candidate of state.data.requests) {
        if (candidate.status !== 'approved' && candidate.status !== 'pending') continue;
        if (!includeHourly && candidate.durationUnit === 'hours') continue;
        const span = requestSpan(candidate, today);
        if (span.from > dayNo || span.to < dayNo) continue;
        const seen = seeRequest(state, caller, candidate, options);
        if (!seen || statusOn(seen.employee, today) !== 'Active') continue;
        if (siteId !== null && seen.employee.siteId !== siteId) continue;
        outs.push(outTodayView(seen));
      }
      return jsonReply(200, { outs });
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/employees/:employeeId/requests/:requestId',
    endpoint: 'timeoff.request',
    limit: BOB_RATE_LIMITS['timeoff.request'],
    permissions: whosOut,
    handler: (request, caller) => {
      const target = state.request(Number(request.params.requestId));
      const notFound = () =>
        bobErrors.notFound(
          `Time off request ${request.params.requestId} was not found for employee ${request.params.employeeId}.`,
        );
      if (!target || target.employeeId !== request.params.employeeId || target.status === 'deleted') return notFound();
      // A direct read shows the request whatever its status; private policies still need the private permission.
      const seen = seeRequest(
        state,
        caller,
        { ...target, status: 'approved' },
        { includePending: true, includePrivate: true },
      );
      if (!seen) return notFound();
      return jsonReply(
        200,
        requestView({ ...seen, request: target }, flag(request, 'includeDailyDurations', true), state),
      );
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/timeoff/employees/:employeeId/balance',
    endpoint: 'timeoff.balance',
    limit: BOB_RATE_LIMITS['timeoff.balance'],
    permissions: [featurePermission('timeoff.balances')],
    handler: (request, caller) => {
      const policyType = request.query.get('policyType');
      if (!policyType) return bobErrors.badRequest('The query parameter "policyType" is required.');
      const date = requiredDate(request, 'date');
      const type = state.policyType(policyType);
      if (!type) return bobErrors.badRequest(`Unknown policy type "${policyType}".`);
      const employee = state.employee(request.params.employeeId ?? '');
      if (!employee || !inAudience(caller, employee, state.today())) {
        return bobErrors.notFound(`Employee ${request.params.employeeId} was not found.`);
      }
      const policy = state.policy(policyNameFor(policyType, employee.siteId))!;
      const yearStart = `${date.slice(0, 4)}-01-01`;
      const taken = state.data.requests
        .filter(
          (candidate) =>
            candidate.employeeId === employee.id &&
            candidate.policyType === policyType &&
            candidate.status === 'approved' &&
            candidate.startDate >= yearStart &&
            candidate.startDate <= date,
        )
        .reduce((sum, candidate) => sum + candidate.totalCost, 0);
      const yearsOfService = (Date.parse(date) - Date.parse(employee.startDate)) / (365.25 * 86_400_000);
      const extra = policy.yosIncrease
        .filter((step) => yearsOfService >= step.yearsOfService)
        .reduce((sum, step) => sum + step.extraDays, 0);
      const allowance = policy.allowance + extra;
      const balance = Math.round((allowance - taken) * 100) / 100;
      return jsonReply(200, {
        employeeId: employee.id,
        policy: policy.name,
        pointInTime: date,
        startingBalance: 0,
        startingBalanceAsOf: yearStart,
        annualAllowance: allowance,
        totalTaken: Math.round(taken * 100) / 100,
        totalAdminAdjustments: 0,
        totalSystemAdjustments: 0,
        totalBalanceAsOfDate: balance,
        totalRoundedBalanceAsOfDate: policy.unit === 'days' ? Math.floor(balance * 2) / 2 : Math.floor(balance),
      });
    },
  });
}
