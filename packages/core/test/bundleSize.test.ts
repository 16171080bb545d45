/**
 * The README's first example stays small in a browser bundle: the target
 * `pnpm bench` prints (bench/bundle.bench.ts), held here so that the core
 * cannot outgrow it unnoticed. A size, not a timing.
 */
import { describe, expect, it } from 'vitest';
import { browserBundle, FIRST_EXAMPLE_TARGET_KB, firstReadmeExample } from '../bench/browserBundle.ts';

describe("the README's first example in a browser bundle", () => {
  // The bundle is for the browser: a Node module anywhere in the example's imports fails the build, and the test.
  it(`bundles to at most ${FIRST_EXAMPLE_TARGET_KB} KB minified (esbuild, ESM, tree-shaken)`, async () => {
    const { bytes, parts } = await browserBundle(firstReadmeExample().source);
    expect(bytes).toBeLessThanOrEqual(FIRST_EXAMPLE_TARGET_KB * 1024);
    expect(parts.get('@pingan/core')).toBeGreaterThan(0);
  });
});
