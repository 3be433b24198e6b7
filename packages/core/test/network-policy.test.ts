import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  addressClass,
  baseUrlProblem,
  ConfigurationError,
  guardedLookup,
  HttpClient,
  REFUSED_ADDRESS_CODE,
} from '../src/index.js';
import { startServer } from './local-server.js';

// docs/security.md › Base URL policy: where a connection may send its credentials.

describe('base URL policy', () => {
  it.each([
    'https://api.hibob.com',
    'https://acme.bamboohr.com/api',
    'http://127.0.0.1:53121',
    'http://127.1.2.3',
    'http://localhost:3000/v1',
    'http://sandbox.localhost',
    'http://[::1]:8080',
    'https://8.8.8.8',
  ])('accepts %s by default', (url) => {
    expect(baseUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://api.hibob.com', /must use https/],
    ['http://10.0.0.5', /must use https/],
    ['https://169.254.169.254/latest/meta-data', /metadata/],
    ['https://[fd00:ec2::254]', /metadata/],
    ['https://metadata.google.internal/computeMetadata/v1', /metadata host/],
    ['https://metadata.google.internal./computeMetadata/v1', /metadata host/],
    ['https://[::ffff:169.254.169.254]', /metadata/],
    ['https://2852039166', /metadata/],
    ['https://0xa9.0xfe.0xa9.0xfe', /metadata/],
    ['https://169.254.170.2/v2/credentials', /metadata/],
    ['https://169.254.1.1', /link-local/],
    ['https://10.0.0.5', /private address/],
    ['https://172.16.0.1', /private address/],
    ['https://172.31.255.255', /private address/],
    ['https://192.168.1.1', /private address/],
    ['https://100.64.0.1', /private address/],
    ['https://[fc00::1]', /private address/],
    ['https://[fd12:3456::1]', /private address/],
    ['https://[fe80::1]', /link-local/],
    ['https://[::ffff:10.0.0.1]', /private address/],
    ['https://0.0.0.0', /reserved/],
    ['https://224.0.0.1', /reserved/],
    ['https://user:pass@api.hibob.com', /user name or password/],
    ['ftp://api.hibob.com', /http\(s\) URL/],
    ['not a url', /http\(s\) URL/],
  ])('refuses %s by default', (url, reason) => {
    expect(baseUrlProblem(url)).toMatch(reason);
  });

  it('opens private and link-local ranges only on explicit opt-in, and metadata only by name', () => {
    const vpn = { allowPrivateNetwork: true };
    for (const url of ['https://10.0.0.5', 'https://192.168.1.1', 'https://[fd12::1]', 'https://169.254.1.1'])
      expect(baseUrlProblem(url, vpn)).toBeNull();
    expect(baseUrlProblem('https://169.254.169.254', vpn)).toMatch(/metadata/);
    expect(baseUrlProblem('http://10.0.0.5', vpn)).toMatch(/must use https/);
    const listed = { allowedHosts: ['hr-mock.internal', '169.254.169.254', '10.0.0.5'] };
    expect(baseUrlProblem('http://hr-mock.internal:8080', listed)).toBeNull();
    expect(baseUrlProblem('https://169.254.169.254', listed)).toBeNull();
    expect(baseUrlProblem('http://10.0.0.5', listed)).toBeNull();
    expect(baseUrlProblem('https://10.0.0.6', listed)).toMatch(/private/);
  });

  it('classifies addresses in every notation', () => {
    expect(addressClass('::1')).toBe('loopback');
    expect(addressClass('::ffff:7f00:1')).toBe('loopback');
    expect(addressClass('64:ff9b::a9fe:a9fe')).toBe('metadata');
    expect(addressClass('2001:4860::8888')).toBe('public');
    expect(addressClass('::')).toBe('reserved');
  });
});

describe('the HTTP toolkit applies the policy', () => {
  it('refuses a base URL at construction, before any request, naming the field and not the path', () => {
    for (const baseUrl of ['https://169.254.169.254/latest?token=s3cret', 'http://hr.example.com'])
      try {
        new HttpClient({ provider: 'p', baseUrl, auth: { kind: 'header', name: 'authorization', value: 'Bearer x' } });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as ConfigurationError).field).toBe('baseUrl');
        expect(String(error)).not.toContain('s3cret');
      }
    expect(
      () => new HttpClient({ provider: 'p', baseUrl: 'https://10.1.2.3', network: { allowPrivateNetwork: true } }),
    ).not.toThrow();
  });

  it('refuses names that resolve to refused addresses, before connecting', async () => {
    const resolvesTo =
      (address: string, family = 4) =>
      (_host: string, options: object, callback: (e: null, a: unknown, f?: number) => void) =>
        (options as { all?: boolean }).all ? callback(null, [{ address, family }]) : callback(null, address, family);
    const outcome = (address: string, policy = {}) =>
      new Promise<{ code?: string; message?: string } | null>((resolve) =>
        guardedLookup(resolvesTo(address), policy)('hr.example.com', {}, (error) => resolve(error)),
      );
    expect(await outcome('93.184.216.34')).toBeNull();
    expect(await outcome('127.0.0.1')).toBeNull();
    expect((await outcome('169.254.169.254'))?.code).toBe(REFUSED_ADDRESS_CODE);
    expect((await outcome('10.0.0.1'))?.message).toMatch(/hr.example.com resolved to 10.0.0.1 is a private address/);
    expect(await outcome('10.0.0.1', { allowPrivateNetwork: true })).toBeNull();
    const all = await new Promise((resolve) =>
      guardedLookup(resolvesTo('fd00:ec2::254', 6), {})('x.example', { all: true }, (error) => resolve(error)),
    );
    expect((all as { code?: string } | null)?.code).toBe(REFUSED_ADDRESS_CODE);
  });

  it('checks the address a name resolves to before connecting, through the client itself', async () => {
    // A stand-in resolver: no network here, and a public name pointing at a private address is the case to prove.
    const real = dns.lookup;
    const stub = ((host: string, options: object, callback: never) =>
      real(host === 'rebind.example' ? '10.0.0.7' : host, options as never, callback)) as unknown as typeof dns.lookup;
    dns.lookup = stub;
    syncBuiltinESMExports();
    try {
      const http = new HttpClient({
        provider: 'p',
        baseUrl: 'https://rebind.example',
        retry: { limit: 0 },
        auth: { kind: 'header', name: 'authorization', value: 'Bearer s3cret-token' },
      });
      const error = await http.get('/x').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toMatch(/rebind.example resolved to 10.0.0.7 is a private address/);
      expect(String(error)).not.toContain('s3cret-token');
    } finally {
      dns.lookup = real;
      syncBuiltinESMExports();
    }
  });

  it('still reaches loopback servers over http (sandboxes, tests)', async () => {
    const server = await startServer((_request, response) => response.end('{"ok":true}'));
    try {
      const http = new HttpClient({ provider: 'p', baseUrl: server.baseUrl });
      expect((await http.get('/x')).body).toEqual({ ok: true });
    } finally {
      await server.close();
    }
  });
});
