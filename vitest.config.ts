import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing; `site` builds the site once (tests/support/global-build.ts)
// and runs integration tests over the built HTML and real server, and browser tests in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-build.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one Chromium per worker is plenty. Files share their worker (no fresh process per file),
          // so the worker's Chromium (tests/support/browser.ts) and parsed pages serve every file it runs.
          maxWorkers: 2,
          isolate: false,
          // A poll waits for a page to catch up (an island hydrating, a store writing): a second is tight for a
          // Chromium sharing two cores with the server and the other worker.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
