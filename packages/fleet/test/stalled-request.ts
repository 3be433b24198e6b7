import { connect } from 'node:net';

/**
 * A provider that sends a webhook's headers and never its body. `Expect: 100-continue` makes the server answer
 * 100 Continue once the request reached its handler, so a test knows the request is in flight before it stops the
 * server; `closed` settles when the server cuts the socket.
 */
export async function openStalledWebhookRequest(port: number, path: string): Promise<{ closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const continued = new Promise<void>((resolve) =>
    socket.on('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('HTTP/1.1 100')) resolve();
    }),
  );
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ingress\r\nContent-Type: application/json\r\n` +
      'Content-Length: 64\r\nExpect: 100-continue\r\n\r\n{"type":',
  );
  await continued;
  return { closed };
}
