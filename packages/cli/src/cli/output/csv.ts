/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Every OWASP CSV-injection trigger: a spreadsheet evaluates a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain (negative) decimal number is data, not a formula, and stays a number in the spreadsheet. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: string): string {
  // A leading quote makes the cell text, so HR data (`-2+3+cmd|' /C calc'!A0`, `=HYPERLINK(…)`) never runs as a formula.
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
