import { DEFAULT_USER_AGENT } from '@hrkit/core';

/**
 * Write down every request the adapter hands to its HttpClient during a measured sync, at the cost of one array push
 * per request (the request objects are kept by reference; nothing is serialized until the sync is over).
 */
export function tapRequests(http) {
  const requests = [];
  const send = http.request.bind(http);
  http.request = (request) => {
    requests.push(request);
    return send(request);
  };
  return requests;
}

/**
 * The tapped requests as the floor replays them: the same method, path and query string (encoded as the HttpClient
 * encodes them) and the same JSON body bytes (`JSON.stringify`, as got sends `json`), with the adapter's headers.
 */
export function replayable(requests, config) {
  const authorization = `Basic ${Buffer.from(`${config.serviceUserId}:${config.token}`).toString('base64')}`;
  return requests.map((request) => {
    const method = request.method ?? 'GET';
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.searchParams ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
      else search.append(key, String(value));
    }
    const query = search.toString();
    const headers = { authorization, accept: 'application/json', 'user-agent': DEFAULT_USER_AGENT };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    return {
      method,
      path: query ? `${path}?${query}` : path,
      headers,
      body: request.json !== undefined ? JSON.stringify(request.json) : (request.body ?? null),
    };
  });
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
