import { AuthenticationError, HrKitError, type Logger, NotFoundError } from '@hrkit/core';
import type { HiBobClient } from '../client.js';
import type { MappedCustomField } from '../mapping/custom-field-map.js';
import type { HiBobEmploymentTypes } from '../mapping/employment-type.js';
import { FINANCIAL_CATEGORIES, NEVER_READ_CATEGORIES, SENSITIVE_CATEGORIES } from '../mapping/field-catalog.js';
import { GROUP_FIELD_NAMES, type GroupField } from '../mapping/groups.js';
import { type CatalogField, FieldCatalog } from '../mapping/field-catalog.js';
import { ListDirectory, type ListLabels, listLabels, listParents } from '../mapping/lists.js';
import type { MappingContext } from '../mapping/context.js';

/** Lists the history tables need even when no requested field points at them. */
const TABLE_LISTS = [
  'title',
  'department',
  'site',
  'workChangeType',
  'lifecycleStatus',
  'payrollEmploymentType',
  'employmentstatus',
];

/** What one connection learns once and reuses: the fields metadata and the named lists. */
export interface Session {
  catalog: FieldCatalog;
  lists: ListDirectory;
  employmentTypeField: CatalogField | undefined;
  /** The consumer's `customFieldMap`, resolved against the tenant's metadata. */
  mappedFields: MappedCustomField[];
  groupFields: GroupField[];
}

/**
 * Loads fields metadata and named lists once per connection (both cost a 50/min allowance) and caches them.
 * A failed load is not cached, so the next read tries again.
 */
export class SessionCache {
  private pending: Promise<Session> | null = null;

  constructor(
    private readonly client: HiBobClient,
    private readonly employmentTypeField: string,
    private readonly logger: Logger,
    private readonly customFieldMap: Readonly<Record<string, string>> = {},
  ) {}

  get(signal?: AbortSignal): Promise<Session> {
    if (!this.pending) {
      this.pending = this.load(signal);
      this.pending.catch(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  private async load(signal?: AbortSignal): Promise<Session> {
    const catalog = new FieldCatalog(await this.client.fields(signal));
    const employmentTypeField = catalog.findField(this.employmentTypeField);
    if (!employmentTypeField)
      this.logger.info('hibob.employmentType.fieldMissing', {
        field: this.employmentTypeField,
        fallback: 'payroll.employment.type',
      });
    const needed = new Set(TABLE_LISTS);
    for (const field of catalog.fields) if (field.listId) needed.add(field.listId);
    const lists = await this.loadLists(needed, signal);
    const mappedFields: MappedCustomField[] = [];
    for (const [key, name] of Object.entries(this.customFieldMap)) {
      const field = catalog.findField(name);
      // Reported, never guessed: the key stays absent from customFields and check() names the missing field.
      if (field) mappedFields.push({ key, field });
      else this.logger.warn('hibob.customFieldMap.fieldMissing', { key, field: name });
    }
    const groupFields: GroupField[] = [];
    for (const [type, names] of Object.entries(GROUP_FIELD_NAMES))
      for (const name of names) {
        const field = catalog.findField(name);
        if (field && !NEVER_READ_CATEGORIES.has(field.categoryId)) {
          groupFields.push({ type: type as GroupField['type'], field });
          break;
        }
      }
    return { catalog, lists, employmentTypeField, mappedFields, groupFields };
  }

  /** One call for the whole index; per-list calls only if the index is unavailable. */
  private async loadLists(needed: ReadonlySet<string>, signal?: AbortSignal): Promise<ListDirectory> {
    const labels = new Map<string, ListLabels>();
    const parents = new Map<string, ReadonlyMap<string, string>>();
    try {
      for (const [name, list] of await this.client.namedLists(signal)) {
        labels.set(name, listLabels(list));
        parents.set(name, listParents(list));
      }
      return new ListDirectory(labels, parents);
    } catch (error) {
      if (error instanceof AuthenticationError || !(error instanceof HrKitError)) throw error;
      this.logger.warn('hibob.namedLists.indexUnavailable', { reason: error.code });
    }
    for (const name of needed) {
      try {
        const list = await this.client.namedList(name, signal);
        labels.set(name, listLabels(list));
        parents.set(name, listParents(list));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return new ListDirectory(labels, parents);
  }
}

export function mappingContext(
  session: Session,
  employmentTypes: HiBobEmploymentTypes,
  options: {
    includeSensitive: boolean;
    includeRaw: boolean;
    includeFinancial?: boolean;
    unmask?: readonly string[];
  },
): MappingContext {
  const includeFinancial = options.includeSensitive && options.includeFinancial === true;
  // A mapped field is read under the same opt-ins as its category: a consumer key is no way around them.
  // Pay and emergency contacts stay out whatever the map says (pay has its own read, includeCompensation).
  const readable = (field: CatalogField) =>
    FINANCIAL_CATEGORIES.has(field.categoryId)
      ? includeFinancial
      : NEVER_READ_CATEGORIES.has(field.categoryId)
        ? false
        : !SENSITIVE_CATEGORIES.has(field.categoryId) || options.includeSensitive;
  return {
    catalog: session.catalog,
    lists: session.lists,
    employmentTypeField: session.employmentTypeField,
    employmentTypes,
    includeSensitive: options.includeSensitive,
    includeRaw: options.includeRaw,
    includeFinancial,
    unmask: includeFinancial ? (options.unmask ?? []) : [],
    mappedFields: session.mappedFields.filter((mapped) => readable(mapped.field)),
    groupFields: session.groupFields,
  };
}
