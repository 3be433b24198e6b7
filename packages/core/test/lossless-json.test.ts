import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  HttpClient,
  InvalidProviderDataError,
  parseJsonLossless,
  readRecordId,
  reportDataIssue,
} from '../src/index.js';
import { VirtualClock } from '../src/testing/index.js';

describe('parseJsonLossless', () => {
  it('keeps every digit of an integer beyond 2^53 as a string, and parses everything else like JSON.parse', () => {
    const text =
      '{"id": 1234567890123456789, "ids": [9007199254740993,-98765432109876543210], "safe": 9007199254740991,' +
      ' "quoted": "1234567890123456789", "inText": "x: 12345678901234567890", "float": 0.12345678901234567890,' +
      ' "exp": 1.5e300, "ts": 1767225600000}';
    expect(parseJsonLossless(text)).toEqual({
      id: '1234567890123456789',
      ids: ['9007199254740993', '-98765432109876543210'],
      safe: 9007199254740991,
      quoted: '1234567890123456789',
      inText: 'x: 12345678901234567890',
      float: 0.12345678901234568,
      exp: 1.5e300,
      ts: 1767225600000,
    });
    expect(JSON.parse('{"id": 1234567890123456789}').id).not.toBe(1234567890123456789n.toString());
  });

  it('leaves strings with escaped quotes and long digit runs alone', () => {
    const value = { note: 'he said "12345678901234567890", then: 98765432109876543210', n: [1, 2] };
    expect(parseJsonLossless(JSON.stringify(value))).toEqual(value);
  });

  it('rewrites only numbers standing as values: after a colon, in arrays, across whitespace and escapes', () => {
    const text =
      '{"a":[1, 12345678901234567890,\n\t-12345678901234567891],"s":"ends in a backslash \\\\","id":' +
      '98765432109876543210,"q":"\\", 12345678901234567892","f":12345678901234567890.5,"e":12345678901234567890e2}';
    expect(parseJsonLossless(text)).toEqual({
      a: [1, '12345678901234567890', '-12345678901234567891'],
      s: 'ends in a backslash \\',
      id: '98765432109876543210',
      q: '", 12345678901234567892',
      f: 12345678901234567000,
      e: 1234567890123456800000,
    });
    expect(parseJsonLossless(' -12345678901234567890\n')).toBe('-12345678901234567890');
  });

  it('leaves invalid JSON invalid: a long number as a key or with a leading zero is not quoted into validity', () => {
    for (const text of [
      '{"a":1, 12345678901234567890: 2}',
      '{12345678901234567890: 2}',
      '[01234567890123456789]',
      '[1234567890123456789 1]',
      '{"a":[1234567890123456789}',
    ])
      expect(() => parseJsonLossless(text), text).toThrow(SyntaxError);
  });

  it('agrees with JSON.parse on seeded random documents, ids beyond 2^53 kept as their digits', () => {
    let seed = 17;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const digits = (count: number) =>
      Array.from({ length: count }, (_, i) => (i === 0 ? 1 + next(9) : next(10))).join('');
    /** [JSON text with bare long integers, the value parseJsonLossless must give]. */
    const generate = (depth: number): [string, unknown] => {
      const kind = depth > 3 ? next(4) : next(7);
      if (kind === 0) {
        const id = `${next(2) ? '-' : ''}${digits(17 + next(6))}`;
        return [id, id];
      }
      if (kind === 1) {
        const text = `say "${digits(20)}", \\ [1,${digits(18)}]:`;
        return [JSON.stringify(text), text];
      }
      if (kind === 2) {
        const n = next(2) ? Number(digits(1 + next(15))) : next(1000) / 7;
        return [JSON.stringify(n), n];
      }
      if (kind === 3) {
        const literal = [true, false, null][next(3)];
        return [String(literal), literal];
      }
      const children = Array.from({ length: next(5) }, () => generate(depth + 1));
      if (kind === 4 || kind === 5) return [`[ ${children.map(([t]) => t).join(' ,\n')} ]`, children.map(([, v]) => v)];
      const keys = children.map((_, i) => `k${i}:${digits(18)}`);
      return [
        `{${children.map(([t], i) => `${JSON.stringify(keys[i])} : ${t}`).join(',')}}`,
        Object.fromEntries(children.map(([, v], i) => [keys[i], v])),
      ];
    };
    for (let doc = 0; doc < 300; doc++) {
      const [text, expected] = generate(0);
      expect(parseJsonLossless(text)).toEqual(expected);
    }
  });

  it('is what the HTTP toolkit parses answers with when the adapter asks for lossless integers', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"employees":[{"id":1234567890123456789}]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const http = new HttpClient({
        provider: 'test',
        baseUrl,
        clock: new VirtualClock(0),
        losslessIntegers: true,
      });
      const response = await http.get<{ employees: Array<{ id: unknown }> }>('/people');
      expect(response.body.employees[0]?.id).toBe('1234567890123456789');
      const plain = new HttpClient({ provider: 'test', baseUrl, clock: new VirtualClock(0) });
      expect((await plain.get<{ employees: Array<{ id: unknown }> }>('/people')).body.employees[0]?.id).toBeTypeOf(
        'number',
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('record ids and data issues', () => {
  it.each([
    ['abc', { id: 'abc' }],
    [42, { id: '42' }],
    ['', { reason: 'empty id' }],
    [undefined, { reason: 'missing id' }],
    [1.5, { reason: 'id is not an integer' }],
    [2 ** 60, { reason: 'id lost precision as a number' }],
    [{ value: 1 }, { reason: 'id is a object, not a string or an integer' }],
  ])('readRecordId(%j)', (value, expected) => {
    expect(readRecordId(value)).toEqual(expected);
  });

  it('reportDataIssue calls the handler, or throws InvalidProviderDataError naming record and field', () => {
    const seen: unknown[] = [];
    reportDataIssue({ recordIndex: 3, field: 'id', reason: 'missing id' }, (issue) => seen.push(issue), {
      provider: 'p',
      what: 'row',
    });
    expect(seen).toEqual([{ recordIndex: 3, field: 'id', reason: 'missing id' }]);
    expect(() =>
      reportDataIssue({ recordIndex: 3, field: 'id', reason: 'missing id' }, undefined, { provider: 'p', what: 'row' }),
    ).toThrow(InvalidProviderDataError);
  });
});
