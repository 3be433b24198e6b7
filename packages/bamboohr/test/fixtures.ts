import { readFileSync } from 'node:fs';

/** A recorded BambooHR exchange copied from the reference recordings (see each file's `_source`). */
export interface Recorded<T = unknown> {
  _source: { kind: string; notes?: string };
  request: Record<string, unknown>;
  response: { status: number; headers: Record<string, string>; body: T };
}

export function recorded<T = unknown>(name: string): Recorded<T> {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as Recorded<T>;
}
