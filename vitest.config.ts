import { defineConfig } from 'vitest/config';

// The project's own tests. The conformance suites (suites/) are run by `lockstep run`
// through vitest's Node API with their own config; here only test/ is collected.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
