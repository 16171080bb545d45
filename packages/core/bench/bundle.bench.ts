/**
 * Bundle size (run with `pnpm bench` from the root). Prints figures; asserts
 * nothing.
 *
 * 1. The README's first example (its first TypeScript block, verbatim),
 *    bundled for the browser with esbuild 0.28 (ESM, minified, tree-shaken,
 *    the package's sources), with the bytes each dependency contributes and
 *    the gzip size. Target: ≤ 100 KB minified.
 * 2. Each entry point imported whole (`import * as core from '@pingan/core/…'`
 *    and every export kept): what a bundler without tree shaking would ship.
 *
 * The bundling is browserBundle.ts's, which test/bundleSize.test.ts shares.
 */
import { browserBundle, FIRST_EXAMPLE_TARGET_KB, firstReadmeExample } from './browserBundle.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const first = firstReadmeExample();

console.log('\n== Bundle size (esbuild, browser ESM, minified; sources of @pingan/core)');
const example = await browserBundle(first.source);
console.log(
  `README's first example (packages/core/README.md:${first.line}): ${kb(example.bytes)} minified, ${kb(example.gzip)} gzipped; ` +
    `target ≤ ${FIRST_EXAMPLE_TARGET_KB} KB: ${example.bytes <= FIRST_EXAMPLE_TARGET_KB * 1024 ? 'met' : 'NOT met'} (test/bundleSize.test.ts holds it)`,
);
for (const [part, bytes] of [...example.parts].sort((a, b) => b[1] - a[1])) console.log(`  ${part.padEnd(16)} ${kb(bytes)}`);

console.log('\nEach entry point imported whole (no tree shaking of its exports):');
for (const entry of ['', '/verbs', '/framework', '/weights', '/exact', '/analysis', '/coinr', '/worker']) {
  const whole = await browserBundle(`import * as all from '@pingan/core${entry}';\nconsole.log(all);\n`);
  console.log(`  @pingan/core${entry.padEnd(10)} ${kb(whole.bytes).padStart(9)} minified, ${kb(whole.gzip).padStart(8)} gzipped`);
}
