import { defineConfig } from 'vitest/config';

/** The chaos suite (`npm run test:chaos`): long, so kept out of the default `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.chaos.ts'],
    testTimeout: 45 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
