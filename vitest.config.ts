import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/platform/testing/database-use.setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on the 2-core CI machine. The route
    // and CLI tests spend much of their time waiting on PostgreSQL and child processes, so a
    // second worker uses that time (the PostgreSQL pass: about 1,190 s of test time in 710 s).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
