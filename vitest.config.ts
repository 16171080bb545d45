import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources ("pingan-source"
// export condition), so tests never run against a stale build.
const conditions = ['pingan-source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts', 'site/test/**/*.test.ts'],
    testTimeout: 60_000,
    // PINGAN_FUZZ_RUNS: the runs of every property test (pnpm fuzz).
    setupFiles: ['scripts/fuzzSetup.ts'],
    // One temporary folder for the whole run, removed at its end (scripts/testTemporaryDirectory.ts).
    globalSetup: ['scripts/testTemporaryDirectory.ts'],
    hookTimeout: 240_000,
    // The CLI's messages follow LC_ALL, LC_MESSAGES and LANG (packages/cli/src/i18n); the tests
    // expect English whatever the machine's locale, and set a Chinese one where they test it.
    env: { LC_ALL: '', LC_MESSAGES: 'C.UTF-8' },
  },
});
