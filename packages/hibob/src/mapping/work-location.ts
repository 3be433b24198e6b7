import { type Address, countryCode, type WorkLocation } from '@hrkit/core';
import type { ResolvedValue } from './context.js';
import type { FieldRole } from './field-catalog.js';
import { asText } from './normalize.js';

type Role = (name: FieldRole) => ResolvedValue | null;

/**
 * Answers remembered by text: a tenant has few sites, so every person repeats the same few country values and site
 * names (docs/performance.md › Mapping and listing). Bounded, in case a payload sends many distinct ones.
 */
class Remembered<T> {
  private readonly answers = new Map<string, T>();
  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    let answer = this.answers.get(text);
    if (answer === undefined && !this.answers.has(text)) {
      answer = this.compute(text);
      if (this.answers.size < 1_000) this.answers.set(text, answer);
    }
    return answer as T;
  }
}

const countryCodes = new Remembered<string | null>(countryCode);
const remoteNames = new Remembered<boolean>((name) => /\bremote\b/i.test(name));

function codeOf(text: string | null): string | null {
  return text === null ? null : countryCodes.get(text);
}

function label(role: Role, name: FieldRole): string | null {
  const resolved = role(name);
  return resolved ? (resolved.label ?? asText(resolved.value)) : null;
}

/**
 * The person's site as a work location: name and id from `work.site`/`work.siteId`, address and time zone from the
 * site fields of the Address category when the tenant has them. `arrangement` is `remote` only when the site says so
 * by name, `office` when the site has a street address, else `unknown` (docs/providers/hibob.md › Capability matrix).
 */
export function mapWorkLocation(role: Role): WorkLocation | null {
  const siteName = label(role, 'site');
  const siteId = role('siteId');
  const id = asText(siteId?.value);
  if (!siteName && !id) return null;
  const name = siteName ?? siteId?.label ?? String(siteId?.value);
  const country = label(role, 'siteCountry');
  const countryField = role('siteCountry');
  const address: Address = {
    line1: label(role, 'siteLine1'),
    line2: label(role, 'siteLine2'),
    city: label(role, 'siteCity'),
    region: label(role, 'siteRegion'),
    postalCode: label(role, 'sitePostalCode'),
    country,
    // A list item id is usually the code itself; the label is the English name.
    countryCode: codeOf(asText(countryField?.value)) ?? codeOf(country),
  };
  const hasAddress =
    address.line1 !== null || address.city !== null || address.postalCode !== null || address.country !== null;
  const sourceField = role('site') ?? siteId;
  const remote = remoteNames.get(name);
  return {
    id,
    name,
    arrangement: remote ? 'remote' : address.line1 !== null ? 'office' : 'unknown',
    address: hasAddress ? address : null,
    timeZone: label(role, 'siteTimeZone'),
    arrangementSource:
      (remote || address.line1 !== null) && sourceField
        ? { field: sourceField.field.id, value: name, label: null }
        : null,
  };
}
