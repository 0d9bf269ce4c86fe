import { defineConfig } from 'vitest/config';

// `npm run bench`: figures for build time, page weight, search index and the comments API.
// Benches print what they measure; they assert nothing about time.
export default defineConfig({
  test: {
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    hookTimeout: 600_000,
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
