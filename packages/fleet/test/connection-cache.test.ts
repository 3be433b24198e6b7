import type { Connection } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { ConnectionCache } from '../src/worker/connection-cache.js';

const fake = (name: string) => ({ name }) as unknown as Connection;

describe('the worker connection cache', () => {
  it('reuses a connection (and its adapter session) until its secrets change or it expires', () => {
    const cache = new ConnectionCache(60_000, 2);
    let built = 0;
    const build = () => fake(`c${++built}`);
    const first = cache.get('acme', 'fp1', 0, build);
    expect(cache.get('acme', 'fp1', 59_999, build)).toBe(first);
    expect(cache.get('acme', 'fp2', 59_999, build)).not.toBe(first); // credential updated
    expect(built).toBe(2);
    cache.get('acme', 'fp2', 200_000, build); // expired
    expect(built).toBe(3);
    cache.get('b', 'x', 200_000, build);
    cache.get('c', 'x', 200_000, build); // evicts the oldest (acme)
    cache.get('acme', 'fp2', 200_001, build);
    expect(built).toBe(6);
  });
});
