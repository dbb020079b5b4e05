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
  },
});
