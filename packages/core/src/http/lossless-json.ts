/**
 * `JSON.parse` that never rounds an id. JSON allows integers of any length; a JS number holds only 2^53 exactly,
 * so `{"id": 1234567890123456789}` would become 1234567890123456800 — a different employee. Integer literals beyond
 * `Number.MAX_SAFE_INTEGER` are therefore read as strings (their exact digits); everything else parses as usual.
 * A raw schema expecting a number then fails loudly on such a value instead of receiving a rounded one.
 *
 * Node 20 has no `JSON.parse` source access, so the text is rewritten first, and only when it can hold such a
 * literal: a 16-digit run right after `:`, `[` or `,` (or opening the text). Payloads without one (HiBob quotes
 * its ids) cost one native regex scan; see docs/architecture.md ("Unreadable records and lossless ids") and
 * docs/performance.md.
 */
const LONG_INTEGER_HINT = /[:[,]\s*-?\d{16}/;
/** A document that is a long number itself (anchored: tried at the start only). */
const LONG_INTEGER_DOCUMENT = /^\s*-?\d{16}/;

export function parseJsonLossless(text: string): unknown {
  const mayHold = LONG_INTEGER_HINT.test(text) || LONG_INTEGER_DOCUMENT.test(text);
  return JSON.parse(mayHold ? quoteUnsafeIntegers(text) : text);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
const DIGIT_9 = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** The shortest literal that can exceed 2^53 - 1 (16 digits); shorter ones are never rewritten. */
const UNSAFE_MIN_LENGTH = 16;

/**
 * One forward pass with no recursion and no regex: string literals are skipped with `indexOf` (so a digit run in a
 * text stays text), every other character is looked at once, and only the few unsafe integer literals are copied
 * out quoted. The result is built from slices of `text`, so the one copy made is the flat string `JSON.parse`
 * reads. A `String.replace` with a global regex used to do this and aborted V8 once an answer held 20–25 million
 * string literals (its match list outgrew V8's array limit — not a catchable error) and threw a stack overflow on a
 * single string of ~10 million characters (docs/performance.md, "Mapping and listing (issue 17)").
 *
 * Only a number standing as a value is rewritten — after `:`, at the start of an array or after a comma in one —
 * so invalid JSON (`{"a":1, 12345678901234567890: 2}`, `[01234567890123456789]`) stays invalid for `JSON.parse`
 * to reject. Nesting depth costs one array slot per level, never stack.
 */
function quoteUnsafeIntegers(text: string): string {
  const length = text.length;
  /** One entry per open container, outermost first: true for an object, false for an array. */
  const containerIsObject: boolean[] = [];
  let expectsValue = true;
  let rewritten = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = stringLiteralEnd(text, index);
      expectsValue = false;
    } else if (code === MINUS || (code >= DIGIT_0 && code <= DIGIT_9)) {
      const end = numberLiteralEnd(text, index);
      if (expectsValue && end - index >= UNSAFE_MIN_LENGTH && isUnsafeInteger(text, index, end)) {
        rewritten += `${text.slice(copiedUpTo, index)}"${text.slice(index, end)}"`;
        copiedUpTo = end;
      }
      index = end;
      expectsValue = false;
    } else {
      if (code === COLON) expectsValue = true;
      else if (code === COMMA) expectsValue = containerIsObject[containerIsObject.length - 1] === false;
      else if (code === OPEN_ARRAY) {
        containerIsObject.push(false);
        expectsValue = true;
      } else if (code === OPEN_OBJECT) {
        containerIsObject.push(true);
        expectsValue = false;
      } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        containerIsObject.pop();
        expectsValue = false;
      }
      index++;
    }
  }
  return copiedUpTo === 0 ? text : rewritten + text.slice(copiedUpTo);
}

/** The index after the closing quote of the string literal opening at `start` (the text's end if it has none). */
function stringLiteralEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The end of the run of number characters (digits, sign, `.`, exponent) starting at `start`. */
function numberLiteralEnd(text: string, start: number): number {
  let end = start + 1;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    const numeric =
      (code >= DIGIT_0 && code <= DIGIT_9) ||
      code === DOT ||
      code === LOWER_E ||
      code === UPPER_E ||
      code === MINUS ||
      code === PLUS;
    if (!numeric) break;
  }
  return end;
}

/** A valid JSON integer literal (`-?[1-9][0-9]*`; no fraction, exponent or leading zero) beyond 2^53 - 1. */
function isUnsafeInteger(text: string, start: number, end: number): boolean {
  let first = start;
  if (text.charCodeAt(first) === MINUS) first++;
  const leading = text.charCodeAt(first);
  if (leading < DIGIT_1 || leading > DIGIT_9) return false;
  for (let at = first + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < DIGIT_0 || code > DIGIT_9) return false;
  }
  return !Number.isSafeInteger(Number(text.slice(start, end)));
}
