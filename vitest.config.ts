import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'dashboard/src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
