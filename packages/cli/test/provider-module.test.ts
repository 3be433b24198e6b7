import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flagNameOf } from '@hrkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/index.js';
import { cliHarness } from './cli-harness.js';

// A new adapter works with `hrkit` without an edit to the CLI: its defineProvider declaration is enough.
let h: ReturnType<typeof cliHarness> | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

describe('bundled adapters', () => {
  it('hrkit check personio --sandbox and sync work with no flag: Personio loads like a --provider-module', async () => {
    h = cliHarness([]);
    const check = await h.run(['check', 'personio', '--sandbox']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(EXIT.OK);
    expect(check.stdout).toMatch(/timeOff\.balances/);
    const sync = await h.run(['sync', 'personio', '--sandbox']);
    expect(sync.code).toBe(EXIT.OK);
    expect(sync.stdout).toMatch(/employees\s+created \d+/);
    const help = await h.run(['employees', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--client-secret <value> secret: .*\$PERSONIO_CLIENT_SECRET/);
  });
});

describe('built-in adapters come from their definition', () => {
  it("HiBob's flags and help are its declared HIBOB_CREDENTIALS, not a copy in the CLI", async () => {
    const { HIBOB_CREDENTIALS } = await import('@hrkit/hibob');
    h = cliHarness([]);
    const help = (await h.run(['employees', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const credential of HIBOB_CREDENTIALS) {
      const flag = `--${flagNameOf(credential.key)} <${credential.placeholder}>`;
      const kind = credential.secret ? 'secret' : 'credential';
      expect(help).toContain(`${flag} ${kind}: ${credential.description}; default $${credential.env}`);
    }
  });
});

describe('--provider-module', () => {
  it('hrkit check acme --sandbox works for an adapter the CLI has never heard of', async () => {
    h = cliHarness([]);
    const result = await h.run(['--provider-module', '@hrkit/example-acme-hr', 'check', 'acme', '--sandbox']);
    expect(result.stderr).not.toMatch(/unknown provider/);
    expect(result.code).toBe(EXIT.OK);
    expect(result.stdout).toMatch(/employees\.list/);
    expect(result.stdout).toMatch(/timeOff\.requests/);
  });

  it('its declared credentials become flags in the help, and secret flag values are redacted', async () => {
    h = cliHarness([]);
    const help = await h.run(['--provider-module=@hrkit/example-acme-hr', 'employees', '--help']);
    // BambooHR takes --api-key too: one flag, both providers' variables named.
    expect(help.stdout).toMatch(/--api-key <key>/);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/\$BAMBOOHR_API_KEY or \$ACME_API_KEY/);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--webhook-secret <value> secret: secret shown when the webhook/);
    const secret = 'acme_secret_value_that_is_wrong_1234';
    // A provider that refuses the key and echoes it back in its error body.
    const server = createServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `invalid key ${request.headers.authorization}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const failed = await h.run(['employees', 'acme', '--api-key', secret, '--base-url', baseUrl], {
        HRKIT_PROVIDER_MODULES: '@hrkit/example-acme-hr',
      });
      expect(failed.code).toBe(EXIT.AUTHENTICATION);
      expect(failed.stderr).toMatch(/invalid key/);
      expect(failed.stdout + failed.stderr).not.toContain(secret);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a module that exports no provider is a usage error naming it', async () => {
    h = cliHarness([]);
    const result = await h.run(['--provider-module', '@hrkit/core', 'check', 'acme']);
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stderr).toMatch(/@hrkit\/core: it exports no provider made with defineProvider/);
  });
});
