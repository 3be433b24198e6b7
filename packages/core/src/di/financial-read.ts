import type { GetEmployeeOptions } from '../contract/v1/options.js';
import { ConfigurationError } from '../errors/errors.js';
import type { Redactor } from '../errors/redaction.js';
import type { Employee } from '../model/employee.js';
import { isMasked, UNMASKABLE_FIELDS } from '../model/masking.js';

/**
 * The financial opt-ins of one employee read, resolved: `includeFinancial` from the read, else from connect;
 * `unmask` only with it, and only for fields hrkit knows (a typo must not silently leave a value masked, nor an
 * unknown name unmask anything). docs/model-comparison.md › Financial data.
 */
export function resolveFinancialOptions<T extends GetEmployeeOptions>(
  options: T,
  connectDefault: boolean | undefined,
  provider: string,
): T {
  const includeFinancial = options.includeFinancial ?? connectDefault ?? false;
  const unmask = options.unmask ?? [];
  if (!Array.isArray(unmask))
    throw new ConfigurationError('unmask must be an array of field names such as "bankAccounts.iban"', {
      field: 'unmask',
      provider,
    });
  for (const field of unmask)
    if (!(UNMASKABLE_FIELDS as readonly string[]).includes(field))
      throw new ConfigurationError(
        `unmask names an unknown field ${JSON.stringify(field)}; known fields: ${UNMASKABLE_FIELDS.join(', ')}`,
        { field: 'unmask', provider },
      );
  if (unmask.length > 0 && !includeFinancial)
    throw new ConfigurationError(
      'unmask needs financial reads: pass { includeSensitive: true, includeFinancial: true } to this read (or includeFinancial to connect())',
      { field: 'unmask', provider },
    );
  return { ...options, includeFinancial, unmask };
}

/** Unmasked bank and identifier values become secrets of the connection: any later error text redacts them. */
export function registerFinancialSecrets(employee: Employee, redactor: Redactor): void {
  for (const account of employee.bankAccounts ?? [])
    for (const value of [account.iban, account.accountNumber])
      if (value && !isMasked(value)) {
        redactor.add(value);
        redactor.add(value.replace(/\s+/g, ''));
      }
  for (const identifier of employee.identifiers ?? []) if (!isMasked(identifier.value)) redactor.add(identifier.value);
}
