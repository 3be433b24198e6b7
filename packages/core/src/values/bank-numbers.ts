/**
 * Check digits of bank numbers (ISO 13616 IBAN, US ABA routing numbers): sandboxes use them to serve realistic
 * accounts, tests to prove they do. hrkit never rejects a provider's value for a bad check digit — it passes on
 * what the HR system holds.
 */

/** `DE89 3704 …` → the remainder mod 97 of the rearranged IBAN (1 for a valid one). */
function ibanRemainder(iban: string): number {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact) && ibanRemainder(compact) === 1;
}

/** The IBAN for a country and its BBAN (bank and account part), with the two check digits computed. */
export function ibanFrom(country: string, bban: string): string {
  const check = 98 - ibanRemainder(`${country.toUpperCase()}00${bban}`);
  return `${country.toUpperCase()}${String(check).padStart(2, '0')}${bban}`;
}

/** ABA routing number check: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function isValidAbaRouting(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** The ninth digit that makes eight digits a valid ABA routing number. */
export function abaRoutingFrom(firstEight: string): string {
  for (let digit = 0; digit <= 9; digit++)
    if (isValidAbaRouting(`${firstEight}${digit}`)) return `${firstEight}${digit}`;
  throw new Error(`no ABA check digit for ${firstEight}`);
}
