import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  ConfigurationError,
  HrKitError,
  InvalidProviderDataError,
  isHrKitError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  parseConfig,
  parseProviderData,
  RateLimitedError,
  TransportError,
} from '../src/index.js';

describe('typed errors', () => {
  it('carry code, provider, request, status and retryability, and serialize them', () => {
    const error = new RateLimitedError('slow down', {
      provider: 'hibob',
      request: 'GET /people',
      status: 429,
      retryAfterMs: 2000,
    });
    expect(error).toBeInstanceOf(HrKitError);
    expect(error.name).toBe('RateLimitedError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RateLimitedError',
      code: 'RATE_LIMITED',
      provider: 'hibob',
      request: 'GET /people',
      status: 429,
      retryable: true,
      retryAfterMs: 2000,
      message: 'slow down',
    });
  });

  it('mark auth, permission and not-found as not retryable, transport as retryable', () => {
    expect(new AuthenticationError('x', { retryable: true }).retryable).toBe(false);
    expect(new PermissionError('x', { permission: 'Work › View' }).retryable).toBe(false);
    expect(new NotFoundError('employee', '42').message).toBe('employee "42" was not found');
    expect(new TransportError('x').retryable).toBe(true);
  });

  it('name the unsupported capability and the provider', () => {
    const error = new NotSupportedError('timeOff.balances', { provider: 'bamboohr' });
    expect(error.message).toBe('bamboohr does not support timeOff.balances');
    expect(error.capability).toBe('timeOff.balances');
  });

  it('are recognised by isHrKitError, plain errors are not', () => {
    expect(isHrKitError(new TransportError('x'))).toBe(true);
    expect(isHrKitError(new Error('x'))).toBe(false);
    expect(isHrKitError('x')).toBe(false);
  });
});

describe('parseConfig', () => {
  const Config = z.strictObject({
    token: z.string().regex(/^tok_[a-z]+$/),
    nested: z.strictObject({ region: z.enum(['eu', 'us']) }).optional(),
  });

  it('raises ConfigurationError naming the field, without echoing the bad value', () => {
    const secret = 'tok_WITH_CAPITALS_0123';
    try {
      parseConfig(Config, { token: secret }, { provider: 'hibob', what: 'hibob connection config' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe('token');
      expect((error as ConfigurationError).message).toMatch(/^Invalid hibob connection config: token: /);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });

  it('names nested fields and unknown keys by their path', () => {
    const field = (input: unknown) => {
      try {
        parseConfig(Config, input, { what: 'config' });
      } catch (error) {
        return (error as ConfigurationError).field;
      }
      return 'accepted';
    };
    expect(field({ token: 'tok_ok', nested: { region: 'mars' } })).toBe('nested.region');
    expect(field({ token: 'tok_ok', tokne: 'typo' })).toBe('tokne');
    expect(field({ token: 'tok_ok' })).toBe('accepted');
  });
});

describe('parseProviderData', () => {
  it('raises InvalidProviderDataError with provider, request, record id and path', () => {
    const Raw = z.object({ employees: z.array(z.object({ id: z.string() })) });
    try {
      parseProviderData(
        Raw,
        { employees: [{ id: '1' }, { id: 2 }] },
        {
          provider: 'hibob',
          what: 'people search page',
          request: 'POST /people/search',
        },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidProviderDataError);
      const invalid = error as InvalidProviderDataError;
      expect(invalid.path).toBe('employees[1].id');
      expect(invalid.request).toBe('POST /people/search');
      expect(invalid.retryable).toBe(false);
      expect(invalid.message).toContain('hibob returned an unreadable people search page: employees[1].id');
    }
  });
});
