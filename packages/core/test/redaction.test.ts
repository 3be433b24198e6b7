import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type HrKitError,
  PermissionError,
  ProviderError,
  Redactor,
  TransportError,
} from '../src/index.js';
import { type LocalServer, rejection, sendJson, startServer, testClient } from './local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const USER = 'svc-user-31337';
const TOKEN = 'tok_Sup3rSecret_9f8e7d6c';
const BASIC = Buffer.from(`${USER}:${TOKEN}`).toString('base64');
const BEARER_TOKEN = 'eyJhbGciOi.bearer-token.Zm9vYmFy';

/** Echoes what a careless provider echoes: the Authorization header and the token, in the error body. */
function echoingServer(statusCode: number) {
  return startServer((request, response) =>
    sendJson(response, statusCode, {
      message: `rejected Authorization: ${request.headers.authorization} for token ${TOKEN} and ${BEARER_TOKEN}`,
      key: `${TOKEN}`,
      echo: request.headers,
    }),
  );
}

/** Every textual form an error takes in a log, a crash report or an API response. */
function everyFormOf(error: HrKitError): string[] {
  return [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 5 }), String(error)];
}

function expectClean(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('secrets never leave the HTTP toolkit', () => {
  it('redacts Basic credentials echoed in a 401 from message, stack, JSON, inspect and logs', async () => {
    server = await echoingServer(401);
    const { client, logger } = testClient(server.baseUrl, {
      auth: { kind: 'basic', username: USER, password: TOKEN },
    });
    const error = (await rejection(client.get('/people'))) as HrKitError;
    expect(error).toBeInstanceOf(AuthenticationError);
    // The server did receive the credentials: the test would be vacuous otherwise.
    expect(server.received[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(error.message).toContain('[REDACTED]');
    expectClean([...everyFormOf(error), logger.text()], [TOKEN, BASIC]);
  });

  it('redacts the bare token of a Bearer header echoed in a 5xx after retries, including the logs', async () => {
    server = await echoingServer(500);
    const { client, logger } = testClient(server.baseUrl, {
      auth: { kind: 'header', name: 'authorization', value: `Bearer ${BEARER_TOKEN}` },
      retry: { limit: 2 },
    });
    const error = (await rejection(client.get('/people'))) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(server.received).toHaveLength(3);
    expect(logger.lines.some((line) => line.message === 'http.retry')).toBe(true);
    expectClean([...everyFormOf(error), logger.text()], [BEARER_TOKEN]);
  });

  it("redacts what an adapter's error mapper copied from the body into other fields", async () => {
    server = await echoingServer(403);
    const { client } = testClient(server.baseUrl, {
      auth: { kind: 'basic', username: USER, password: TOKEN },
      mapError: ({ text, request, status }) =>
        new PermissionError(`denied: ${text}`, { provider: 'testhr', request, status, permission: text }),
    });
    const error = (await rejection(client.get('/people'))) as PermissionError;
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.permission).toContain('[REDACTED]');
    expectClean([...everyFormOf(error), error.permission ?? ''], [TOKEN, BASIC]);
  });

  it('redacts a token carried in the request path from errors and log lines', async () => {
    server = await startServer((_request, response) => response.destroy());
    const { client, logger } = testClient(server.baseUrl, {
      auth: { kind: 'header', name: 'x-api-key', value: TOKEN },
      retry: { limit: 1 },
    });
    const error = (await rejection(client.get(`/export?key=${TOKEN}`))) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(logger.lines.length).toBeGreaterThan(0);
    expectClean([...everyFormOf(error), error.request ?? '', logger.text()], [TOKEN]);
  });
});

describe('Redactor', () => {
  it('removes a secret, its base64 and its URL-encoded forms', () => {
    const secret = 'a/b+c=d secret';
    const redactor = new Redactor([secret]);
    const text = `${secret} ${Buffer.from(secret).toString('base64')} ${encodeURIComponent(secret)}`;
    expect(redactor.redact(text)).toBe('[REDACTED] [REDACTED] [REDACTED]');
  });

  it('removes both halves of Basic credentials taken from an Authorization value', () => {
    const redactor = new Redactor().addAuthorizationValue(`Basic ${BASIC}`);
    expect(redactor.redact(`user ${USER} token ${TOKEN} header ${BASIC}`)).toBe(
      'user [REDACTED] token [REDACTED] header [REDACTED]',
    );
  });

  it('masks any Authorization header value, even one it was never told about', () => {
    expect(new Redactor().redact('authorization: Bearer abc.def')).toBe('authorization: Bearer [REDACTED]');
  });

  it('ignores values too short to be credentials, so ordinary words survive', () => {
    expect(new Redactor(['x', 'id']).redact('x marks the id')).toBe('x marks the id');
  });
});

describe('Redactor.redactValue', () => {
  it('redacts secrets anywhere in a structure, including ones JSON escapes', () => {
    const secret = 'pa"ss\\word-42';
    const redactor = new Redactor([secret]);
    const value = { headers: { authorization: `Basic ${Buffer.from(secret).toString('base64')}` }, list: [secret] };
    expect(redactor.redactValue(value)).toEqual({
      headers: { authorization: 'Basic [REDACTED]' },
      list: ['[REDACTED]'],
    });
  });
});
