import { createServer, request as httpRequest } from 'node:http';

const KEPT_HEADERS = ['authorization', 'content-type', 'accept', 'user-agent'];

/**
 * A pass-through proxy on 127.0.0.1 in front of the sandbox that writes down every request the adapter sends
 * (method, path with query, the headers that matter, the exact body bytes). The floor replays this list with
 * plain `fetch` + `JSON.parse`: the same endpoints, the same bodies, in the same order.
 */
export async function startRecorder(targetUrl) {
  const target = new URL(targetUrl);
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = {};
      for (const name of KEPT_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
      const entry = {
        method: req.method,
        path: req.url,
        headers,
        body: body.length > 0 ? body.toString('utf8') : null,
      };
      requests.push(entry);
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          entry.status = answer.statusCode;
          entry.responseBytes = 0;
          answer.on('data', (chunk) => {
            entry.responseBytes += chunk.length;
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Requests per endpoint, keyed `METHOD /path` with ids and query left out. */
export function endpointCounts(requests) {
  const counts = {};
  for (const { method, path } of requests) {
    const key = `${method} ${path.split('?')[0].replace(/\/\d{3,}(?=\/|$)/g, '/{id}')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
