import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite: the real station (`countersign serve`) in a child process per test, both
 * windows as pages in Debian's Chromium. `npm run test:e2e` builds the windows first; the global
 * setup builds them too when they are missing, so a bare `npx playwright test` also works.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  // Two cores shared with other work: one browser at a time keeps timings honest.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Playwright empties this folder when a run starts; give concurrent runs their own folder.
  outputDir: process.env.E2E_OUTPUT_DIR ?? '../test-results/e2e',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
});
