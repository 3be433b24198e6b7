import { seededRandom } from '@hrkit/core/testing';
import type { FaultKind } from './fault-kind.js';

/**
 * Which fault (if any) the n-th request to a given method+URL gets. Keyed by (seed, request, occurrence) rather
 * than by arrival order, so an adapter that fetches pages concurrently still sees the same faults for a seed.
 */
export class FaultDecider {
  private readonly occurrences = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly rate: number,
    private readonly faults: readonly FaultKind[],
  ) {}

  next(method: string, url: string): { fault: FaultKind | null; random: () => number } {
    const key = `${method} ${url}`;
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    const random = seededRandom(hash(`${this.seed}|${key}|${occurrence}`));
    if (this.faults.length === 0 || random() >= this.rate) return { fault: null, random };
    const fault = this.faults[Math.floor(random() * this.faults.length)] ?? null;
    return { fault, random };
  }
}

/** FNV-1a, 32 bit: a stable seed from a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
