import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as testing from '../src/testing/index.js';

describe('entry points', () => {
  it('keeps test doubles out of the main entry: they live at @hrkit/core/testing', () => {
    for (const name of ['VirtualClock', 'MemoryLogger', 'seededRandom']) {
      expect(Object.keys(core), name).not.toContain(name);
      expect(Object.keys(testing), name).toContain(name);
    }
  });

  it('still exports what production code needs from the main entry', () => {
    expect(Object.keys(core)).toEqual(expect.arrayContaining(['systemClock', 'silentLogger', 'HttpClient']));
  });
});
