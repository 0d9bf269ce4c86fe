import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

// Two projects: `unit` needs nothing; `site` builds the site once (tests/support/global-build.ts)
// and runs integration tests over the built HTML and real server, and browser tests in Chromium.
export default defineConfig({
  test: {
    // Both projects in one group, so unit files fill the gaps between site files. Three at once on two cores: a
    // browser test spends most of its time waiting (page loads, network idle, hydration), a third file uses that time.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
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
          // One Chromium per test file (tests/support/browser.ts), shared by the file's tests. Each file runs in a
          // process of its own, so pages a file leaves behind never slow the next one down.
          // A poll waits for a page to catch up (an island hydrating, a store writing): a second is tight for a
          // Chromium sharing two cores with the server and the other worker.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
