import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through proxy in front of a sandbox that lets a test rewrite one answer's body text (e.g. corrupt one
 * record of a listing) — what a provider bug looks like on the wire. Only 127.0.0.1, ephemeral port.
 */
export async function startRewriteProxy(
  target: string,
  rewrite: (request: { method: string; path: string }, body: string) => string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([key]) => key !== 'host' && key !== 'content-length'),
      ) as Record<string, string>;
      const body = Buffer.concat(chunks);
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = rewrite(
        { method: req.method ?? 'GET', path: (req.url ?? '').split('?')[0] ?? '' },
        await answer.text(),
      );
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
