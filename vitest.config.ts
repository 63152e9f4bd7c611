import { defineConfig } from 'vitest/config';

// Unit tests run in Node: core is pure TS, training runs on tfjs cpu/wasm backends.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'workers/**/*.test.ts',
      'bench/device/*.test.ts',
      'bench/table/*.test.ts',
      'scripts/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
