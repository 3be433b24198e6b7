import { jsonReply, streamReply } from '@hrkit/sandbox-kit';
import { canViewCategory, featurePermission, inAudience, type ServiceUser } from '../access/service-users.js';
import { DEFAULT_CATEGORIES } from '../data/categories.js';
import type { FieldDefinition } from '../data/field-catalog.js';
import { bobErrors, fail } from '../http/errors.js';
import { BOB_RATE_LIMITS } from '../http/rate-limits.js';
import type { BobRouteApi } from '../http/route-api.js';
import type { CompanyState } from '../state/company-state.js';
import { statusOn } from '../state/lifecycle.js';
import { employeeView, type HumanReadableMode } from '../view/employee-view.js';

const MAX_FIELDS = 400;

export function registerPeopleRoutes(api: BobRouteApi): void {
  const { state } = api;
  api.route({
    method: 'POST',
    pattern: '/v1/people/search',
    endpoint: 'people.search',
    limit: BOB_RATE_LIMITS['people.search'],
    permissions: [featurePermission('people')],
    handler: (request, caller) => {
      const body = parseBody(request.json());
      const fields = resolveFields(body.fields, caller, state);
      const mode = humanReadableMode(body.humanReadable);
      const showInactive = optionalBoolean(body, 'showInactive') ?? false;
      const filter = parseFilters(body.filters);
      const today = state.today();
      // A Set keeps filtered searches linear: the adapter asks for 500 ids at a time over 100k people.
      const wanted = filter
        ? new Set(filter.path === 'root.id' ? filter.values : filter.values.map((value) => value.toLowerCase()))
        : null;
      const matches = state.employees.filter(
        (employee) =>
          inAudience(caller, employee, today) &&
          (showInactive || statusOn(employee, today) === 'Active') &&
          (!wanted || wanted.has(filter?.path === 'root.id' ? employee.id : employee.email.toLowerCase())),
      );
      // HiBob answers the whole company in one unpaginated body; stream it so 100k people stay cheap.
      return streamReply(200, searchBody(matches, fields, state, mode));
    },
  });

  api.route({
    method: 'POST',
    pattern: '/v1/people/:identifier',
    endpoint: 'people.read',
    limit: BOB_RATE_LIMITS['people.read'],
    permissions: [featurePermission('people')],
    handler: (request, caller) => {
      const body = parseBody(request.json() ?? {});
      const fields = resolveFields(body.fields, caller, state);
      const mode = humanReadableMode(body.humanReadable);
      const employee = state.employeeByIdentifier(request.params.identifier ?? '');
      if (!employee || !inAudience(caller, employee, state.today())) {
        return bobErrors.notFound(`Employee ${request.params.identifier} was not found.`);
      }
      // The live API answers the bare employee object, not wrapped in `employees` (hibob-api.md §2.2).
      return jsonReply(200, employeeView(employee, fields, state, mode));
    },
  });
}

function* searchBody(
  employees: readonly import('../state/types.js').BobEmployee[],
  fields: readonly FieldDefinition[],
  state: CompanyState,
  mode: HumanReadableMode,
): Generator<string> {
  yield '{"employees":[';
  const context = state.fieldContext();
  let first = true;
  for (const employee of employees) {
    yield (first ? '' : ',') + JSON.stringify(employeeView(employee, fields, state, mode, context));
    first = false;
  }
  yield ']}';
}

function parseBody(raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail(bobErrors.badRequest('The request body must be a JSON object.'));
  return raw as Record<string, unknown>;
}

function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(bobErrors.badRequest(`"${key}" must be a boolean.`));
  return value;
}

function humanReadableMode(value: unknown): HumanReadableMode {
  if (value === undefined || value === null || value === '') return 'none';
  if (value === 'APPEND' || value === 'REPLACE') return value;
  return fail(bobErrors.badRequest(`"humanReadable" must be "APPEND" or "REPLACE", got ${JSON.stringify(value)}.`));
}

/**
 * Validates `filters` exactly as documented: at most one filter, `root.id` or `root.email`,
 * operator `equals`, non-empty `values`; `filters: []` is a 400 too (hibob-api.md §2.1).
 */
function parseFilters(value: unknown): { path: 'root.id' | 'root.email'; values: string[] } | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) fail(bobErrors.badRequest('"filters" must be an array with one filter.'));
  if (value.length === 0) fail(bobErrors.badRequest('"filters" must not be empty; omit it to read everyone.'));
  if (value.length > 1) fail(bobErrors.badRequest('Only one filter is supported.'));
  const filter = value[0] as Record<string, unknown>;
  if (typeof filter !== 'object' || filter === null) fail(bobErrors.badRequest('filters[0] must be an object.'));
  if (filter.fieldPath !== 'root.id' && filter.fieldPath !== 'root.email') {
    fail(
      bobErrors.badRequest(
        `filters[0].fieldPath must be "root.id" or "root.email", got ${JSON.stringify(filter.fieldPath)}.`,
      ),
    );
  }
  if (filter.operator !== 'equals') {
    fail(bobErrors.badRequest(`filters[0].operator must be "equals", got ${JSON.stringify(filter.operator)}.`));
  }
  const values = filter.values;
  if (!Array.isArray(values) || values.length === 0 || values.some((entry) => typeof entry !== 'string')) {
    fail(bobErrors.badRequest('filters[0].values must be a non-empty array of strings.'));
  }
  return { path: filter.fieldPath, values: values as string[] };
}

/** Accepts dot ids (`work.title`) and the older slash paths (`/work/title`, `/root/email`). */
export function normalizeFieldId(raw: string): string {
  return raw.startsWith('/') ? raw.slice(1).split('/').join('.') : raw;
}

/**
 * The fields to return. Unknown ids and fields of categories the caller may not view are left out
 * silently (hibob-api.md §1 "Silent omission"); omitted `fields` means the default set (root, about,
 * employment, work; never custom fields).
 */
export function resolveFields(value: unknown, caller: ServiceUser, state: CompanyState): FieldDefinition[] {
  if (value === undefined || value === null) {
    return state.fields.filter(
      (field) =>
        !field.custom && DEFAULT_CATEGORIES.includes(field.categoryId) && canViewCategory(caller, field.categoryId),
    );
  }
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    fail(bobErrors.badRequest('"fields" must be an array of field ids.'));
  }
  if (value.length > MAX_FIELDS)
    fail(bobErrors.badRequest(`"fields" may hold at most ${MAX_FIELDS} field ids, got ${value.length}.`));
  const result: FieldDefinition[] = [];
  const seen = new Set<string>();
  for (const raw of value as string[]) {
    const field = state.fieldsById.get(normalizeFieldId(raw));
    if (!field || seen.has(field.id) || !canViewCategory(caller, field.categoryId)) continue;
    seen.add(field.id);
    result.push(field);
  }
  return result;
}
