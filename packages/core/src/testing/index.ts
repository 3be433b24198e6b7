// Test doubles, kept out of the main entry so that production code cannot reach for them by accident:
// `import { VirtualClock, MemoryLogger, seededRandom } from '@hrkit/core/testing'`.
export * from './memory-logger.js';
export * from './seeded-random.js';
export * from './virtual-clock.js';
