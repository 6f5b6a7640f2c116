import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one file at a time less than the cores; on two cores that is one file
    // at a time, and most integration files mostly wait on Redis, PostgreSQL and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
