import { seededRandom } from '@hrkit/core/testing';
import { FIRST_NAMES, LAST_NAMES } from './names.js';

const DAY_MS = 86_400_000;

/**
 * Deterministic data generator on core's `seededRandom`: the same seed always yields the same
 * sequence, so a generated company is reproducible byte for byte. Cheap per call, so 100,000
 * employees take well under a second of drawing.
 */
export class SeededGenerator {
  private readonly random: () => number;

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  /** A child generator with its own stream: adding draws to one area never shifts another. */
  fork(label: string): SeededGenerator {
    return new SeededGenerator(mixSeed(this.seed, label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.random();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() from an empty list');
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** Picks by relative weight: `[['a', 3], ['b', 1]]` gives `a` 75 % of the time. */
  weightedPick<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new Error('weightedPick() needs a positive total weight');
    let roll = this.random() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.random() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  firstName(): string {
    return this.pick(FIRST_NAMES);
  }

  lastName(): string {
    return this.pick(LAST_NAMES);
  }

  /** `first.last@domain`, lower-case ASCII; pass a suffix (e.g. a counter) to keep emails unique. */
  email(firstName: string, lastName: string, domain: string, uniqueSuffix?: string | number): string {
    const local = `${slug(firstName)}.${slug(lastName)}${uniqueSuffix === undefined ? '' : uniqueSuffix}`;
    return `${local}@${domain}`;
  }

  /** A `YYYY-MM-DD` date uniformly between two dates (inclusive). */
  date(from: string | Date, to: string | Date): string {
    const start = Math.floor(toTime(from) / DAY_MS);
    const end = Math.floor(toTime(to) / DAY_MS);
    return isoDate(this.int(Math.min(start, end), Math.max(start, end)) * DAY_MS);
  }

  /** An instant (epoch ms) uniformly between two instants. */
  instant(from: string | Date | number, to: string | Date | number): number {
    const start = typeof from === 'number' ? from : toTime(from);
    const end = typeof to === 'number' ? to : toTime(to);
    return Math.floor(start + this.random() * (end - start));
  }

  /** A numeric id string of `digits` digits with no leading zero (HiBob employee ids have 19). */
  numericId(digits = 19): string {
    let id = String(1 + Math.floor(this.random() * 9));
    while (id.length < digits) {
      // 6 digits per draw keeps it fast and well inside double precision.
      id += String(Math.floor(this.random() * 1_000_000)).padStart(6, '0');
    }
    return id.slice(0, digits);
  }
}

/** Issues numeric ids that never repeat within one generator run. */
export class UniqueIdIssuer {
  private readonly issued = new Set<string>();
  constructor(
    private readonly generator: SeededGenerator,
    private readonly digits = 19,
  ) {}
  next(): string {
    for (;;) {
      const id = this.generator.numericId(this.digits);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }
}

/** FNV-1a over the label, mixed with the seed: stable child seeds. */
export function mixSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index++) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(toTime(date) + days * DAY_MS);
}

function toTime(value: string | Date): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new Error(`not a date: ${String(value)}`);
  return time;
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
