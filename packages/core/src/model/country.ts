import { z } from 'zod';

/** An ISO 3166-1 alpha-2 country code, upper case (`GB`, `US`, `DE`). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "GB"');
export type CountryCode = z.infer<typeof CountryCode>;

/** Names providers use that the English region names of ICU do not spell that way. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  us: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'czech republic': 'CZ',
  holland: 'NL',
  'the netherlands': 'NL',
  'south korea': 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  'russian federation': 'RU',
  uae: 'AE',
  'viet nam': 'VN',
};

/**
 * Codes ICU names that are not current ISO 3166-1 alpha-2 countries: reserved and grouping codes (UK is GB, EU a
 * union), exceptionally reserved territories, and withdrawn codes (DD would otherwise claim "Germany").
 */
const NOT_COUNTRIES = new Set([
  ...['UK', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'],
  ...['AC', 'CP', 'DG', 'EA', 'IC', 'TA'],
  ...['AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NT', 'RH', 'SU', 'TP', 'VD', 'YD', 'YU', 'ZR'],
]);

let byName: Map<string, string> | undefined;
const codes = new Set<string>();

/** English region names → alpha-2, built once from the runtime's ICU data (no dependency, no hand-kept table). */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let first = 65; first <= 90; first++)
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = display.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) {
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
        codes.add(code);
      }
    }
  return byName;
}

/**
 * The ISO alpha-2 code of a country as a provider gives it: a code (`gb`, `GB`) or an English name
 * (`United Kingdom`, `Germany`). Null when it cannot be read with certainty: never guessed (docs/model-comparison.md › Locations).
 */
export function countryCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0) return null;
  const key = text.toLowerCase();
  if (ALIASES[key]) return ALIASES[key];
  const lookup = names();
  if (/^[a-z]{2}$/i.test(text)) return codes.has(text.toUpperCase()) ? text.toUpperCase() : null;
  return lookup.get(key) ?? null;
}
