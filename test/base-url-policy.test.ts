import { bamboohr } from '@hrkit/bamboohr';
import { ConfigurationError, createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { describe, expect, it } from 'vitest';

/**
 * The base URL policy is applied by core to every adapter's config at connect (docs/security.md): a tenant-typed
 * base URL cannot send the connection's credentials to a metadata service, a private host or plain-http remote.
 */

const kit = createHrKit({ providers: [hibob(), bamboohr()] });
const configs = {
  hibob: { serviceUserId: 'service-user', token: 'token-0123456789' },
  bamboohr: { companyDomain: 'acme', apiKey: 'key-0123456789' },
} as const;

function refusal(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('the base URL was accepted');
}

describe.each(Object.entries(configs))('%s base URL policy at connect', (provider, config) => {
  it.each([
    'https://169.254.169.254',
    'http://169.254.169.254',
    'https://[fd00:ec2::254]',
    'https://metadata.google.internal',
    'https://10.0.0.8',
    'https://192.168.0.10',
    'http://hr.example.com',
  ])('refuses %s with a ConfigurationError naming baseUrl and never the credentials', (baseUrl) => {
    const error = refusal(() => kit.connect(provider, { ...config, baseUrl }));
    expect(error.field).toBe('baseUrl');
    expect(JSON.stringify(error.toJSON())).not.toMatch(/token-0123456789|key-0123456789/);
  });

  it('accepts https hosts, loopback over http, and private hosts on explicit opt-in', () => {
    for (const baseUrl of ['https://hr.example.com', 'http://127.0.0.1:8080', 'http://localhost:8080'])
      expect(() => kit.connect(provider, { ...config, baseUrl })).not.toThrow();
    expect(() =>
      kit.connect(provider, { ...config, baseUrl: 'https://10.0.0.8' }, { allowPrivateNetwork: true }),
    ).not.toThrow();
    expect(() =>
      kit.connect(provider, { ...config, baseUrl: 'http://hr-mock.internal' }, { allowedHosts: ['hr-mock.internal'] }),
    ).not.toThrow();
    refusal(() =>
      kit.connect(provider, { ...config, baseUrl: 'https://169.254.169.254' }, { allowPrivateNetwork: true }),
    );
  });
});
