import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit test files that need a process of their own: they check a module's state before and after
 * a change made for good (linkedom's EventTarget, patched once by the extractor).
 */
const unitFilesWithOwnProcess = ['tests/unit/workers/extractor/linkedom-events.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one file at a time less than the cores; on two cores that is one file
    // at a time, and most integration files mostly wait on Redis, PostgreSQL and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        // Unit files share a worker process and its loaded modules, one after another: a fork and
        // the imports for each file were about as long as the unit tests themselves. A unit file
        // that needs modules loaded fresh goes in the list above.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: unitFilesWithOwnProcess, isolate: false },
      },
      {
        extends: true,
        // Integration and end-to-end files start servers, stores and child processes: one process each.
        test: { name: 'own-process', include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', ...unitFilesWithOwnProcess] },
      },
    ],
  },
});
