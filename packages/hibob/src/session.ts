import { AuthenticationError, HrKitError, type Logger, NotFoundError } from '@hrkit/core';
import type { HiBobClient } from './client.js';
import type { EmploymentTypeMapping } from './mapping/employment-type-mapping.js';
import { type CatalogField, FieldCatalog } from './mapping/field-catalog.js';
import { ListDirectory, type ListLabels, listLabels } from './mapping/lists.js';
import type { MappingContext } from './mapping/context.js';

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
    return { catalog, lists, employmentTypeField };
  }

  /** One call for the whole index; per-list calls only if the index is unavailable. */
  private async loadLists(needed: ReadonlySet<string>, signal?: AbortSignal): Promise<ListDirectory> {
    const labels = new Map<string, ListLabels>();
    try {
      for (const [name, list] of await this.client.namedLists(signal)) labels.set(name, listLabels(list));
      return new ListDirectory(labels);
    } catch (error) {
      if (error instanceof AuthenticationError || !(error instanceof HrKitError)) throw error;
      this.logger.warn('hibob.namedLists.indexUnavailable', { reason: error.code });
    }
    for (const name of needed) {
      try {
        labels.set(name, listLabels(await this.client.namedList(name, signal)));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return new ListDirectory(labels);
  }
}

export function mappingContext(
  session: Session,
  mapping: EmploymentTypeMapping,
  options: { includeSensitive: boolean; includeRaw: boolean },
): MappingContext {
  return {
    catalog: session.catalog,
    lists: session.lists,
    employmentTypeField: session.employmentTypeField,
    employmentTypeMapping: mapping,
    includeSensitive: options.includeSensitive,
    includeRaw: options.includeRaw,
  };
}
