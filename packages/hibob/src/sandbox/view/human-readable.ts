import type { FieldDefinition } from '../data/field-catalog.js';
import type { CompanyState } from '../state/company-state.js';
import { displayName } from '../state/lifecycle.js';

/**
 * Display form of a machine value. Service users' date format is UNKNOWN in HiBob; the sandbox uses
 * `DD/MM/YYYY` like the documented example ("08/09/2019").
 */
export function humanReadable(field: FieldDefinition, value: unknown, state: CompanyState): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'list':
    case 'hierarchy-list':
    case 'list_id':
      return field.listId ? (state.listItemName(field.listId, String(value)) ?? String(value)) : String(value);
    case 'multi-list':
      return Array.isArray(value)
        ? value
            .map((item) =>
              field.listId ? (state.listItemName(field.listId, String(item)) ?? String(item)) : String(item),
            )
            .join(', ')
        : String(value);
    case 'date':
      return typeof value === 'string'
        ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`
        : String(value);
    case 'short-date':
      return typeof value === 'string' ? `${value.slice(3, 5)}/${value.slice(0, 2)}` : String(value);
    case 'time':
      return typeof value === 'string'
        ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)} ${value.slice(11, 16)}`
        : String(value);
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'number':
      return String(value);
    case 'employee-reference': {
      if (field.id === 'root.id') return String(value);
      const employee = state.employee(String(value));
      return employee ? displayName(employee) : String(value);
    }
    case 'employee':
      return typeof value === 'object' && value !== null && 'displayName' in value
        ? (value as { displayName: string }).displayName
        : String(value);
    case 'currency': {
      const money = value as { value?: number; currency?: string };
      return `${money.value ?? ''} ${money.currency ?? ''}`.trim();
    }
    case 'period':
      return typeof value === 'object' && value !== null && 'humanize' in value
        ? (value as { humanize: string }).humanize
        : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
