/**
 * Where a JSON document first breaks, as a line number and a key path, and what kind of mistake it is — never the
 * text around it. JSON.parse's own messages quote the content near the error (`Unexpected token 'h', ..." "token":
 * hunter2"...`), and a config file's content is credentials, so hrkit reports this instead (docs/security.md).
 */
export interface JsonErrorLocation {
  line: number;
  /** Dotted path of the key being read, e.g. `hibob.token` or `hibob.ids[2]`; null at the top level. */
  key: string | null;
  problem: string;
}

class JsonSyntax extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The first syntax error of `text`, or null when a small strict JSON scanner finds none. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  const path: (string | number)[] = [];
  let i = 0;
  const fail = (problem: string): never => {
    throw Object.assign(new JsonSyntax(problem), { at: i, key: keyPath(path) });
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const string = (): string => {
    const start = ++i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return text.slice(start, i++);
      if (c === 0x5c) i += 2;
      else if (c < 0x20) fail('a line break or control character inside a quoted string (is a quote missing?)');
      else i++;
    }
    return fail('a quoted string is not closed');
  };
  const value = (): void => {
    space();
    const c = text[i];
    NUMBER.lastIndex = i;
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c !== undefined && /[-0-9]/.test(c) && NUMBER.test(text)) i = NUMBER.lastIndex;
    else if (literal) i += literal.length;
    else
      fail(
        c === undefined
          ? 'the file ends where a value was expected'
          : 'a value was expected (text values must be in double quotes)',
      );
  };
  const object = (): void => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"') fail('a key in double quotes was expected');
      path.push(string());
      space();
      if (text[i] !== ':') fail("':' was expected after the key");
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        path.pop();
        continue;
      }
      if (text[i] === '}') {
        i++;
        path.pop();
        return;
      }
      fail("',' or '}' was expected after the value");
    }
  };
  const array = (): void => {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      path.push(index);
      value();
      space();
      const c = text[i++];
      path.pop();
      if (c === ']') return;
      if (c !== ',') fail("',' or ']' was expected after the list item");
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('more content follows the end of the JSON value');
    return null;
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    const { at, key } = error as JsonSyntax & { at: number; key: string | null };
    const line = text.slice(0, Math.min(at, text.length)).split('\n').length;
    return { line, key, problem: error.message };
  }
}

/** `hibob.token`, `ids[2]`; each key cut to 40 characters and stripped of control characters. */
function keyPath(path: readonly (string | number)[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      const clean = part.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 40);
      return index === 0 ? clean : `.${clean}`;
    })
    .join('');
}
