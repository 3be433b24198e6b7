import { jsonReply } from '@hrkit/sandbox-kit';
import { categoryDisplayName } from '../data/field-catalog.js';
import { bobErrors } from '../http/errors.js';
import { BOB_RATE_LIMITS } from '../http/rate-limits.js';
import type { BobRouteApi } from '../http/route-api.js';
import type { NamedList, NamedListItem } from '../state/types.js';

/** Fields metadata and named lists: any authenticated service user may read them (hibob-api.md §1). */
export function registerMetadataRoutes(api: BobRouteApi): void {
  const { state } = api;
  api.route({
    method: 'GET',
    pattern: '/v1/company/people/fields',
    endpoint: 'metadata.fields',
    limit: BOB_RATE_LIMITS['metadata.fields'],
    // A bare array, no wrapper (hibob-api.md §3).
    handler: () =>
      jsonReply(
        200,
        state.fields.map((field) => ({
          id: field.id,
          category: field.categoryId,
          categoryId: field.categoryId,
          categoryDisplayName: categoryDisplayName(field.categoryId),
          name: field.name,
          description: field.description,
          jsonPath: field.jsonPath,
          type: field.type,
          typeData: field.listId ? { listId: field.listId } : {},
          historical: field.historical,
        })),
      ),
  });

  api.route({
    method: 'GET',
    pattern: '/v1/company/named-lists',
    endpoint: 'metadata.namedLists',
    limit: BOB_RATE_LIMITS['metadata.namedLists'],
    // An object keyed by list name (hibob-api.md §4).
    handler: (request) => {
      const includeArchived = request.query.get('includeArchived') === 'true';
      return jsonReply(
        200,
        Object.fromEntries(state.data.namedLists.map((list) => [list.name, renderList(list, includeArchived)])),
      );
    },
  });

  api.route({
    method: 'GET',
    pattern: '/v1/company/named-lists/:listName',
    endpoint: 'metadata.namedList',
    limit: BOB_RATE_LIMITS['metadata.namedList'],
    handler: (request) => {
      // Names are case-sensitive: `terminationreason` exists, `terminationReason` is a 404.
      const list = state.data.namedLists.find((candidate) => candidate.name === request.params.listName);
      if (!list) return bobErrors.notFound(`List ${request.params.listName} was not found.`);
      return jsonReply(200, renderList(list, request.query.get('includeArchived') === 'true'));
    },
  });
}

/** `{name, values, items}` with the items repeated under both keys, as the live API does. */
function renderList(list: NamedList, includeArchived: boolean) {
  const items = renderItems(list.items, includeArchived);
  return { name: list.name, values: items, items };
}

function renderItems(items: readonly NamedListItem[], includeArchived: boolean): unknown[] {
  return items
    .filter((item) => includeArchived || !item.archived)
    .map((item) => ({
      id: item.id,
      value: item.name,
      name: item.name,
      archived: item.archived,
      children: renderItems(item.children, includeArchived),
    }));
}
