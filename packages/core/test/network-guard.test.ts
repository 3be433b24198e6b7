import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the test network guard (test/setup/loopback-only.ts)', () => {
  it('refuses a socket to a real provider host before any traffic', () => {
    const socket = new net.Socket();
    expect(() => socket.connect(443, 'api.hibob.com')).toThrow(/api\.hibob\.com.*127\.0\.0\.1/);
    expect(() => socket.connect({ port: 443, host: 'api.bamboohr.com' })).toThrow(/api\.bamboohr\.com/);
    socket.destroy();
  });

  it('lets a loopback socket through', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
