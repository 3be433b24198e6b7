import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../src/index.js';

/**
 * Large and pathological answers for `parseJsonLossless`'s rewriting pass (the slow path, taken when a text holds
 * a 16-digit number). The rule (docs/performance.md, "Mapping and listing (issue 17)"): such a text parses, or
 * fails with a catchable error — it never aborts the process.
 */
describe('parseJsonLossless on large answers', () => {
  it('parses an answer with 26 million string literals in a child process (this aborted V8)', () => {
    // A global-regex `String.replace` collected every string literal and died in V8 itself ("invalid size error")
    // at 20–25 million of them; an abort cannot be caught, so the parse runs in its own process.
    const child = runInChild(`
      const count = 26_000_000;
      const text = '{"id":1234567890123456789,"texts":[' + '"",'.repeat(count - 1) + '""]}';
      const parsed = parseJsonLossless(text);
      console.log(JSON.stringify({ id: parsed.id, texts: parsed.texts.length, first: parsed.texts[0] }));
    `);
    expect(child.error).toBeUndefined();
    expect({ status: child.status, signal: child.signal, stderr: child.stderr.split('\n').slice(0, 6) }).toEqual({
      status: 0,
      signal: null,
      stderr: [''],
    });
    expect(JSON.parse(child.stdout)).toEqual({ id: '1234567890123456789', texts: 26_000_000, first: '' });
  });

  it('parses a 16-million-character string next to an unsafe id (this overflowed the regex stack)', () => {
    const long = 'a'.repeat(16_000_000);
    const parsed = parseJsonLossless(`{"note":"${long}","id":1234567890123456789}`) as Record<string, string>;
    expect(parsed.id).toBe('1234567890123456789');
    expect(parsed.note?.length).toBe(16_000_000);
  });

  it('reads an id nested a million levels deep, without using stack per level', () => {
    const depth = 1_000_000;
    const text = `${'{"a":['.repeat(depth)}12345678901234567890,1${']}'.repeat(depth)}`;
    let value = parseJsonLossless(text) as { a: unknown[] };
    for (let level = 1; level < depth; level++) value = value.a[0] as { a: unknown[] };
    expect(value.a).toEqual(['12345678901234567890', 1]);
  });

  it('fails deep nesting that does not close with a SyntaxError, not a crash', () => {
    const depth = 1_000_000;
    expect(() => parseJsonLossless(`${'['.repeat(depth)}12345678901234567890`)).toThrow(SyntaxError);
  });
});

/**
 * Runs `body` in a fresh Node process with `parseJsonLossless` in scope, compiled from this package's source (so
 * no build is needed and the test always exercises the current code). The module has no imports of its own.
 */
function runInChild(body: string) {
  const source = readFileSync(new URL('../src/http/lossless-json.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const moduleUrl = `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  const script = `const { parseJsonLossless } = await import(${JSON.stringify(moduleUrl)});\n${body}`;
  return spawnSync(process.execPath, ['--max-old-space-size=4096', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '' },
    maxBuffer: 1024 * 1024,
  });
}
