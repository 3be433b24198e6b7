import { describe, expect, it } from 'vitest';
import { ConfigurationError, HttpClient, type HttpClientOptions, RateLimiter } from '../src/index.js';

function fieldOf(options: Partial<HttpClientOptions>): string | null {
  try {
    new HttpClient({ provider: 'testhr', baseUrl: 'http://127.0.0.1:1', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).field;
  }
  return null;
}

describe('HttpClient options', () => {
  it('accepts a sound configuration', () => {
    expect(fieldOf({ timeoutMs: 1000, retry: { limit: 0 } })).toBeNull();
  });

  it.each([
    ['a relative base URL', { baseUrl: '/api' }, 'baseUrl'],
    ['a non-http base URL', { baseUrl: 'ftp://example.test' }, 'baseUrl'],
    ['a zero timeout', { timeoutMs: 0 }, 'timeoutMs'],
    ['a negative retry limit', { retry: { limit: -1 } }, 'retry.limit'],
    ['a fractional retry limit', { retry: { limit: 1.5 } }, 'retry.limit'],
    ['a NaN base delay', { retry: { baseDelayMs: Number.NaN } }, 'retry.baseDelayMs'],
  ] as const)('refuses %s, naming the option', (_name, options, field) => {
    expect(fieldOf(options as Partial<HttpClientOptions>)).toBe(field);
  });

  it('refuses a rate-limit rule that could never let a request through', () => {
    expect(() => new RateLimiter([{ name: 'search', path: /search/, limit: 0 }])).toThrow(
      /rateLimits\[0\] \("search"\): limit must be/,
    );
    expect(() => new RateLimiter([{ name: 'search', path: /search/, limit: 5, windowMs: 0 }])).toThrow(
      ConfigurationError,
    );
    expect(
      fieldOf({
        rateLimits: [
          { name: 'ok', path: /x/, limit: 1 },
          { name: 'bad', path: /y/, limit: -2 },
        ],
      }),
    ).toBe('rateLimits[1].limit');
  });
});
