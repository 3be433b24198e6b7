import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Shared by every package's vitest.config.ts. Root options are not inherited by glob-matched
// projects, so each package merges this file itself.
export default defineConfig({
  // Vite 8 transforms TypeScript with Oxc, which only accepts inversify's parameter decorators in legacy mode.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // Node tests resolve through the SSR environment: read workspace packages from src, no build needed.
  ssr: { resolve: { conditions: ['@hrkit/source'] } },
  resolve: { conditions: ['@hrkit/source'] },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // No test reaches a host but 127.0.0.1 (README, "Development"): a socket elsewhere fails the test.
    setupFiles: [fileURLToPath(new URL('./test/setup/loopback-only.ts', import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
