import net from 'node:net';

/**
 * Every test talks to our sandboxes, PostgreSQL and Redis on this machine, never to a real provider (README, "Development").
 * This guard, loaded before every test file of every project (vitest.shared.ts), refuses a socket to any host but the
 * loopback, so a test that would reach api.hibob.com or a BambooHR domain fails loudly with the host it tried instead
 * of quietly sending traffic. Unix sockets (a `path`) are local and allowed. Child processes a test spawns are not
 * covered; they are given sandbox URLs by the tests that start them.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;

function hostOf(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]; // http passes [options, callback] as one array
  if (first !== null && typeof first === 'object') {
    const options = first as { host?: string; path?: string };
    return options.path !== undefined ? undefined : options.host;
  }
  return typeof first === 'number' || /^\d+$/.test(String(first)) ? (args[1] as string | undefined) : undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && typeof host === 'string' && !LOOPBACK.has(host) && !host.startsWith('127.'))
    throw new Error(`test network guard: a test tried to connect to "${host}"; tests only reach 127.0.0.1`);
  return connect.apply(this, args);
} as typeof net.Socket.prototype.connect;
