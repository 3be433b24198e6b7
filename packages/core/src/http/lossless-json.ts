/**
 * `JSON.parse` that never rounds an id. JSON allows integers of any length; a JS number holds only 2^53 exactly,
 * so `{"id": 1234567890123456789}` would become 1234567890123456800 — a different employee. Integer literals beyond
 * `Number.MAX_SAFE_INTEGER` are therefore read as strings (their exact digits); everything else parses as usual.
 * A raw schema expecting a number then fails loudly on such a value instead of receiving a rounded one.
 *
 * Node 20 has no `JSON.parse` source access, so the text is rewritten first, and only when it can hold such a
 * literal: a 16-digit run right after `:`, `[` or `,`. Payloads without one (HiBob quotes its ids) cost one native
 * regex scan; see docs/architecture.md ("Unreadable records and lossless ids").
 */
const LONG_INTEGER_HINT = /[:[,]\s*-?\d{16}/;
/** A whole string literal (skipped as is) or a long integer literal standing as a JSON value. */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<=[:[,\s])-?\d{16,}(?![\d.eE])/g;

export function parseJsonLossless(text: string): unknown {
  return JSON.parse(LONG_INTEGER_HINT.test(text) ? quoteUnsafeIntegers(text) : text);
}

function quoteUnsafeIntegers(text: string): string {
  return text.replace(TOKEN, (token) =>
    token.charCodeAt(0) === 34 || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
}
