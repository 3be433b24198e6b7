import {
  AuthenticationError,
  type CapabilityName,
  type Clock,
  type DiagnosticCheck,
  HrKitError,
  NotFoundError,
  PermissionError,
} from '@hrkit/core';
import type { HiBobClient } from './client.js';
import type { EmploymentTypeMapping } from './mapping/employment-type-mapping.js';
import {
  type CatalogField,
  FINANCIAL_CATEGORIES,
  MAX_FIELDS_PER_REQUEST,
  REQUIRED_ROLES,
} from './mapping/field-catalog.js';
import { labelKey } from './mapping/normalize.js';
import {
  type GapResult,
  type Population,
  probeAudience,
  probeHistory,
  probePending,
  probePrivate,
} from './check-gaps.js';
import { checkAttendanceAccess, checkCompensationAccess, type PayContext } from './pay/index.js';
import { readField } from './mapping/read-field.js';
import { financialNotProbed } from './check-financial.js';
import { categoryPermission, HIBOB_PERMISSIONS } from './permissions.js';
import type { RawTimeOffRequest } from './raw/time-off.js';
import { employeeIdOf } from './readers/employees.js';
import type { Session, SessionCache } from './session.js';

/** Check ids `check()` always reports (plus one `fields.<category>` per category the mapping reads). */
export const HIBOB_CHECK_IDS = [
  'employees.list',
  'employees.get',
  'employees.audience',
  'customField.employmentType',
  'employees.history',
  'timeOff.requests',
  'timeOff.pending',
  'timeOff.private',
  'timeOff.whosOut',
  'timeOff.outToday',
  'timeOff.balances',
  'timeOff.policies',
  'compensation',
  'attendance',
  'webhooks',
] as const;

export interface CheckDependencies {
  client: HiBobClient;
  session: SessionCache;
  mapping: EmploymentTypeMapping;
  employmentTypeField: string;
  webhookSecret: string | undefined;
  clock: Clock;
  /** Fields of a full employee read, as the employee reader would request them. */
  fieldsFor: (session: Session) => CatalogField[];
  /** The subset read without `includeSensitive`: a gap outside it only matters to sensitive reads. */
  defaultFieldsFor?: (session: Session) => CatalogField[];
  /** Pay probes (checks `compensation`, `attendance`); each runs only if the connection opted into that data. */
  pay?: { context: PayContext; includeCompensation: boolean; includeAttendance: boolean };
  /** The connection opted in to bank and identifier reads: their categories are probed like the others. */
  includeFinancial?: boolean;
}

/** How many employees the field probe samples: enough that one person's empty record does not hide a category. */
const SAMPLE_SIZE = 25;

const ADD_TO_GROUP =
  'In Bob: Settings › Integrations › Automation › Service users: open the service user’s permission group';

type Fix = DiagnosticCheck['fix'];

function entry(
  id: string,
  title: string,
  severity: DiagnosticCheck['severity'],
  capabilities: CapabilityName[],
  status: DiagnosticCheck['status'],
  summary: string,
  fix: Fix = null,
  missingFields: string[] = [],
): DiagnosticCheck {
  return { id, title, status, severity, capabilities, summary, missingFields, fix: status === 'ok' ? null : fix };
}

function permissionFix(permission: string, ...steps: string[]): Fix {
  return { permission, steps: [ADD_TO_GROUP, ...steps, `Grant: ${permission}`] };
}

const CREDENTIALS_FIX: Fix = {
  permission: null,
  steps: [
    'In Bob: Settings › Integrations › Automation › Service users: check the service user ID and its token (shown once; refresh it if lost)',
    'Legacy API access tokens stopped working on 31 Oct 2024: use a service user',
  ],
};

/**
 * Probes every capability and every field category the mapping needs. Never throws for a gap: each one becomes
 * a check with the permission to grant in Bob's words. After a 401 nothing else is probed, because HiBob blocks
 * callers that repeat failed logins.
 */
export class HiBobCheck {
  private authFailed = false;

  constructor(private readonly deps: CheckDependencies) {}

  async run(): Promise<DiagnosticCheck[]> {
    const checks: DiagnosticCheck[] = [];
    const { client } = this.deps;

    // employees.list — also gives the sample of ids every later probe uses.
    let ids: string[] = [];
    const list = await this.probe(
      'employees.list',
      'List employees (POST /people/search)',
      'required',
      ['employees.list'],
      permissionFix(HIBOB_PERMISSIONS.directory, 'Access data for: include every employee you sync (and leavers)'),
      async () => {
        const employees = await client.search({ fields: ['root.id'], showInactive: true });
        ids = employees.map(employeeIdOf).filter((id): id is string => id !== null);
        if (ids.length === 0)
          return {
            status: 'degraded' as const,
            summary: 'The service user sees no employees: its "Access data for" audience is empty',
          };
        return { status: 'ok' as const, summary: `${ids.length} employees visible (leavers included)` };
      },
    );
    checks.push(list);
    const first = ids[0];

    checks.push(
      await this.probe(
        'employees.get',
        'Read one employee (POST /people/{id})',
        'required',
        ['employees.get'],
        permissionFix(HIBOB_PERMISSIONS.directory),
        async () => {
          if (!first) return { status: 'skipped' as const, summary: 'No employee visible to read' };
          await client.read(first, ['root.id']);
          return { status: 'ok' as const, summary: 'Single-employee reads work' };
        },
      ),
    );

    // Field categories and the custom employment-type field need the metadata.
    let session: Session | null = null;
    if (!this.authFailed) {
      try {
        session = await this.deps.session.get();
      } catch (error) {
        checks.push(
          this.failed(
            'fields',
            'Fields metadata (GET /company/people/fields)',
            'required',
            ['employees.list'],
            null,
            error,
          ),
        );
      }
    }
    if (session) {
      const probe = await this.fieldChecks(session, ids.slice(0, SAMPLE_SIZE));
      checks.push(...probe.checks);
      checks.push(await this.employmentTypeCheck(session, probe.returned));
      if (!this.deps.includeFinancial) checks.push(financialNotProbed());
    } else checks.push(this.skipped('customField.employmentType', 'Custom employment-type field', ['employees.list']));

    const now = this.deps.clock.now();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);

    // Who the audience hides, then history sampled from the people it shows.
    let population: Population | null = null;
    checks.push(
      await this.probe(
        'employees.audience',
        'Which employees the service user sees ("Access data for")',
        'optional',
        ['employees.list'],
        { permission: HIBOB_PERMISSIONS.audience, steps: [ADD_TO_GROUP, `Set: ${HIBOB_PERMISSIONS.audience}`] },
        async () => {
          if (!session) return { status: 'skipped' as const, summary: 'Not probed: the fields metadata is unreadable' };
          const probed = await probeAudience(client, session, day(0));
          population = probed.population;
          return probed.result;
        },
      ),
    );
    checks.push(
      await this.probe(
        'employees.history',
        'Employment history (work, employment, lifecycle tables)',
        'optional',
        ['employees.history'],
        permissionFix(
          categoryPermission('Work', true),
          `Also: ${categoryPermission('Employment', true)}`,
          `Also: ${categoryPermission('Lifecycle', true)}`,
        ),
        () => probeHistory(client, population, first, day(0)),
      ),
    );

    const whosOutFix = permissionFix(HIBOB_PERMISSIONS.whosOut);
    checks.push(
      await this.probe(
        'timeOff.requests',
        'Time-off requests (changes feed)',
        'optional',
        ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.request'],
        whosOutFix,
        async () => {
          const changes = await client.changes({
            since: new Date(now - 30 * 86_400_000).toISOString(),
            to: new Date(now).toISOString(),
            includePending: false,
          });
          return { status: 'ok' as const, summary: `${changes.length} request changes in the last 30 days` };
        },
      ),
    );
    checks.push(
      await this.probe('timeOff.whosOut', "Who's out", 'optional', ['timeOff.whosOut'], whosOutFix, async () => {
        const outs = await client.whosOut({ from: day(0), to: day(7), includePending: false });
        return { status: 'ok' as const, summary: `${outs.length} absences in the next 7 days` };
      }),
    );
    checks.push(
      await this.probe('timeOff.outToday', 'Out today', 'optional', ['timeOff.outToday'], whosOutFix, async () => {
        const outs = await client.outToday(day(0));
        return { status: 'ok' as const, summary: `${outs.length} people out today` };
      }),
    );
    let policyTypes: string[] | null = null;
    const policies = await this.probe(
      'timeOff.policies',
      'Time-off policy types and policies',
      'optional',
      ['timeOff.policies'],
      permissionFix(HIBOB_PERMISSIONS.timeOffSettings),
      async () => {
        const types = await client.policyTypes();
        policyTypes = types;
        return { status: 'ok' as const, summary: `${types.length} policy types: ${types.slice(0, 5).join(', ')}` };
      },
    );
    // Pending and private requests come on top of "See who's out": without it, that is the permission to name.
    const whosOutReadable = checks.some((check) => check.id === 'timeOff.requests' && check.status === 'ok');
    const needsWhosOut: GapResult = {
      status: 'missing',
      summary: `Not probed: time-off requests are unreadable (see timeOff.requests)`,
      fix: whosOutFix,
    };
    let feed: RawTimeOffRequest[] = [];
    checks.push(
      await this.probe(
        'timeOff.pending',
        'Pending time-off requests (includePending)',
        'optional',
        ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.whosOut'],
        permissionFix(HIBOB_PERMISSIONS.pendingRequests),
        async () => {
          if (!whosOutReadable) return needsWhosOut;
          const probed = await probePending(
            client,
            { since: new Date(now - 180 * 86_400_000).toISOString(), to: new Date(now).toISOString() },
            policyTypes,
          );
          feed = probed.changes;
          return probed.result;
        },
      ),
    );
    checks.push(
      await this.probe(
        'timeOff.private',
        'Private-policy requests and absences',
        'optional',
        ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.whosOut', 'timeOff.outToday'],
        permissionFix(HIBOB_PERMISSIONS.privatePolicies),
        async (): Promise<GapResult> =>
          whosOutReadable ? probePrivate(client, { from: day(-90), to: day(90) }, feed) : needsWhosOut,
      ),
    );
    checks.push(
      await this.probe(
        'timeOff.balances',
        'Time-off balances',
        'optional',
        ['timeOff.balances'],
        permissionFix(HIBOB_PERMISSIONS.balances),
        async () => {
          // Balances are read per policy type, so a balance read first lists the types: without the settings
          // permission it fails, whatever the balance permission says.
          if (policyTypes === null)
            return {
              status: 'missing' as const,
              summary: `Balances are read per policy type, and listing the policy types needs "${HIBOB_PERMISSIONS.timeOffSettings}" (see timeOff.policies): balance reads fail until it is granted`,
              fix: permissionFix(HIBOB_PERMISSIONS.timeOffSettings),
            };
          const policyType = policyTypes[0];
          if (!first) return { status: 'skipped' as const, summary: 'No employee visible to probe a balance for' };
          if (!policyType)
            return {
              status: 'skipped' as const,
              summary: 'The company has no time-off policy types: no balance to read',
            };
          try {
            await client.balance(first, policyType, day(0));
          } catch (error) {
            // Not on a policy of that type: the endpoint itself answered, which is what is being checked.
            if (!(error instanceof NotFoundError)) throw error;
          }
          return { status: 'ok' as const, summary: 'Balances readable' };
        },
      ),
    );
    checks.push(policies);

    // Pay data is probed only when the connection opted in: even check() reads no salary or attendance unasked.
    const pay = this.deps.pay;
    if (pay) {
      checks.push(
        this.authFailed
          ? this.skipped('compensation', 'Salary history (Payroll)', ['compensation'])
          : await checkCompensationAccess(pay.context, { optedIn: pay.includeCompensation }),
      );
      checks.push(
        this.authFailed
          ? this.skipped('attendance', 'Attendance entries (Time and Attendance)', ['attendance'])
          : await checkAttendanceAccess(pay.context, {
              optedIn: pay.includeAttendance,
              today: day(0),
              ...(first ? { probeEmployeeId: first } : {}),
            }),
      );
    }

    checks.push(
      this.deps.webhookSecret
        ? entry(
            'webhooks',
            'Webhooks (Bob-Signature verification)',
            'optional',
            ['webhooks'],
            'ok',
            'A webhook secret is configured; deliveries are verified with it',
          )
        : entry(
            'webhooks',
            'Webhooks (Bob-Signature verification)',
            'optional',
            ['webhooks'],
            'skipped',
            'No webhookSecret configured: pass the secret from Settings › Integrations › Webhooks to verify deliveries',
          ),
    );
    return checks;
  }

  /** Request every field the mapping reads for a sample of employees; fields never returned were silently omitted. */
  private async fieldChecks(
    session: Session,
    sample: string[],
  ): Promise<{ checks: DiagnosticCheck[]; returned: ReadonlySet<string> | null }> {
    const fields = this.deps.fieldsFor(session);
    const readByDefault = new Set((this.deps.defaultFieldsFor?.(session) ?? fields).map((field) => field.id));
    const byCategory = new Map<string, CatalogField[]>();
    for (const field of fields) byCategory.set(field.categoryId, [...(byCategory.get(field.categoryId) ?? []), field]);
    const required = new Set(
      REQUIRED_ROLES.map((role) => session.catalog.role(role)?.categoryId).filter((id): id is string => Boolean(id)),
    );
    const title = (category: string, name: string) => `Fields of category "${name}" (${category})`;
    if (this.authFailed || sample.length === 0)
      return {
        returned: null,
        checks: [...byCategory.entries()].map(([category, list]) =>
          entry(
            `fields.${category}`,
            title(category, list[0]?.categoryName ?? category),
            required.has(category) ? 'required' : 'optional',
            ['employees.list', 'employees.get'],
            'skipped',
            'Not probed: no employee visible',
          ),
        ),
      };
    const returned = new Set<string>();
    try {
      for (let index = 0; index < fields.length; index += MAX_FIELDS_PER_REQUEST - 1) {
        const group = fields.slice(index, index + MAX_FIELDS_PER_REQUEST - 1);
        const employees = await this.deps.client.search({
          fields: ['root.id', ...group.map((field) => field.id)],
          filter: { fieldPath: 'root.id', values: sample },
          showInactive: true,
        });
        for (const employee of employees)
          for (const field of group) if (readField(employee, field).present) returned.add(field.id);
      }
    } catch (error) {
      return {
        returned: null,
        checks: [this.failed('fields', 'Employee fields', 'required', ['employees.list'], null, error)],
      };
    }
    const checks = [...byCategory.entries()].map(([category, list]) => {
      const name = list[0]?.categoryName ?? category;
      const missing = list.filter((field) => !returned.has(field.id));
      const severity = required.has(category) ? 'required' : 'optional';
      const permission = categoryPermission(name);
      if (missing.length === 0)
        return entry(
          `fields.${category}`,
          title(category, name),
          severity,
          ['employees.list', 'employees.get'],
          'ok',
          `${list.length} fields returned`,
        );
      return entry(
        `fields.${category}`,
        title(category, name),
        severity,
        ['employees.list', 'employees.get'],
        missing.length === list.length ? 'missing' : 'degraded',
        `HiBob silently left out ${missing.length} of ${list.length} requested fields (${missing
          .slice(0, 5)
          .map((field) => field.name)
          .join(', ')}${missing.length > 5 ? ', …' : ''}): the service user cannot view "${name}"${
          FINANCIAL_CATEGORIES.has(category)
            ? ' (needed only for includeFinancial reads)'
            : missing.every((field) => !readByDefault.has(field.id))
              ? ' (needed only for includeSensitive reads)'
              : ''
        }`,
        permissionFix(permission),
        missing.map((field) => field.id),
      );
    });
    return { checks, returned };
  }

  /** The customer's employment-type field: present, a list, with exactly the items the mapping expects. */
  private async employmentTypeCheck(session: Session, returned: ReadonlySet<string> | null): Promise<DiagnosticCheck> {
    const wanted = this.deps.employmentTypeField;
    const field = session.employmentTypeField;
    const expected = this.deps.mapping.expectedLabels;
    const title = `Custom employment-type field "${wanted}"`;
    const createFix: Fix = {
      permission: null,
      steps: [
        `In Bob: Settings › People data (fields): create a list field named "${wanted}" (any category, e.g. a "Work Eligibility" category)`,
        `Give it the items: ${expected.join(', ')}`,
        'Grant the service user View on that field’s category',
      ],
    };
    if (!field)
      return entry(
        'customField.employmentType',
        title,
        'optional',
        ['employees.list', 'employees.get'],
        'missing',
        `No field named or with id "${wanted}" in the fields metadata; worker kind falls back to HiBob's payroll employment type`,
        createFix,
        [wanted],
      );
    if (returned && !returned.has(field.id)) {
      const permission = categoryPermission(field.categoryName);
      return entry(
        'customField.employmentType',
        title,
        'optional',
        ['employees.list', 'employees.get'],
        'missing',
        `"${field.name}" (${field.id}) exists but HiBob silently left its values out: the service user cannot view the category "${field.categoryName}"; worker kind falls back to the payroll employment type`,
        permissionFix(permission),
        [field.id],
      );
    }
    if (!field.listId)
      return entry(
        'customField.employmentType',
        title,
        'optional',
        ['employees.list', 'employees.get'],
        'degraded',
        `"${field.name}" (${field.id}) is a ${field.type ?? 'non-list'} field, not a list: values are matched as text`,
        createFix,
      );
    const labels = [...(session.lists.list(field.listId)?.values() ?? [])];
    const keys = new Set(labels.map(labelKey));
    const missing = expected.filter((label) => !keys.has(labelKey(label)));
    const extra = labels.filter((label) => this.deps.mapping.fromCustomerCategory(label) === null);
    const where = `"${field.name}" (${field.id}, category "${field.categoryName}", list "${field.listId}")`;
    if (missing.length === 0 && extra.length === 0)
      return entry(
        'customField.employmentType',
        title,
        'optional',
        ['employees.list', 'employees.get'],
        'ok',
        `${where} has the items ${expected.join(', ')}`,
      );
    const problems = [
      missing.length ? `missing items: ${missing.join(', ')}` : null,
      extra.length ? `extra items reported as unmapped: ${extra.join(', ')}` : null,
    ].filter(Boolean);
    return entry(
      'customField.employmentType',
      title,
      'optional',
      ['employees.list', 'employees.get'],
      'degraded',
      `${where}: ${problems.join('; ')}`,
      {
        permission: null,
        steps: [
          ...(missing.length ? [`Add the items ${missing.join(', ')} to the list of "${field.name}"`] : []),
          ...(extra.length
            ? [`Map the extra items with hibob({ employmentTypeMapping }) or remove them in Bob: ${extra.join(', ')}`]
            : []),
        ],
      },
      missing,
    );
  }

  private async probe(
    id: string,
    title: string,
    severity: DiagnosticCheck['severity'],
    capabilities: CapabilityName[],
    fix: Fix,
    run: () => Promise<GapResult>,
  ): Promise<DiagnosticCheck> {
    if (this.authFailed) return this.skipped(id, title, capabilities, severity);
    try {
      const result = await run();
      return entry(
        id,
        title,
        severity,
        capabilities,
        result.status,
        result.summary,
        result.fix ?? fix,
        result.missingFields ?? [],
      );
    } catch (error) {
      return this.failed(id, title, severity, capabilities, fix, error);
    }
  }

  private failed(
    id: string,
    title: string,
    severity: DiagnosticCheck['severity'],
    capabilities: CapabilityName[],
    fix: Fix,
    error: unknown,
  ): DiagnosticCheck {
    if (error instanceof AuthenticationError) {
      this.authFailed = true;
      return entry(id, title, severity, capabilities, 'error', error.message, CREDENTIALS_FIX);
    }
    if (error instanceof PermissionError) {
      const permission = fix?.permission ?? error.permission;
      return entry(
        id,
        title,
        severity,
        capabilities,
        'missing',
        `The service user lacks a permission: ${error.message}`,
        permission ? permissionFix(permission) : fix,
      );
    }
    // A 404 on a time-off read means the module is not part of the customer's plan.
    const message = error instanceof HrKitError ? error.message : `Unexpected failure: ${String(error)}`;
    return entry(id, title, severity, capabilities, 'error', message, fix);
  }

  private skipped(
    id: string,
    title: string,
    capabilities: CapabilityName[],
    severity: DiagnosticCheck['severity'] = 'optional',
  ): DiagnosticCheck {
    return entry(
      id,
      title,
      severity,
      capabilities,
      'skipped',
      'Not probed: the credentials were refused (HiBob blocks callers that repeat failed logins)',
    );
  }
}
