import type { DiagnosticCheck } from '@hrkit/core';
import { categoryPermission } from './permissions.js';

/**
 * Without `includeFinancial` on connect, check() does not read bank or identifier fields at all; it still names
 * the permissions a financial read will need, so the admin can grant them before the consumer opts in.
 */
export function financialNotProbed(): DiagnosticCheck {
  const financial = categoryPermission('Financial');
  const identification = categoryPermission('Identification');
  return {
    id: 'fields.financial',
    title: 'Bank accounts and national/tax identifiers (includeFinancial)',
    status: 'skipped',
    severity: 'optional',
    capabilities: ['employees.list', 'employees.get'],
    summary: `Not probed: financial reads are off. Connect with { includeFinancial: true } to check them; they need "${financial}" (bank accounts) and "${identification}" (identifiers)`,
    missingFields: [],
    fix: {
      permission: financial,
      steps: [
        'In Bob: Settings › Permission groups: open the service user’s group',
        `Grant: ${financial}`,
        `Grant: ${identification}`,
      ],
    },
  };
}
