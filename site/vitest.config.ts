import { defineConfig } from 'vitest/config';

// The site's own tests (`pnpm --filter @pingan/site test`); the root config can run them too with the glob site/test/**/*.test.ts.
export default defineConfig({
  resolve: { conditions: ['pingan-source'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
