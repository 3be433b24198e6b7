import type { ChangeEvent } from '@hrkit/core';

export { syncHarness as harness } from '../src/testing/index.js';

export function brief(events: readonly ChangeEvent[]): string[] {
  return events.map(
    (e) => `${e.entity} ${e.remoteId} ${e.action}${e.changedFields.length ? ` [${e.changedFields.join(',')}]` : ''}`,
  );
}
