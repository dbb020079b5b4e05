import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-sandbox/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'src-customer/**/*.test.{ts,tsx}',
      'src-window-shared/**/*.test.{ts,tsx}',
      'src-hq/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native modules and OCR workers are heavy on 2 cores; forks keep them isolated.
    pool: 'forks',
    // Vitest's default on 2 cores is one fork (cores − 1), which runs every file in turn; most
    // of the slow suites wait on processes, sockets and timers, so two share the cores well.
    maxWorkers: 2,
  },
});
