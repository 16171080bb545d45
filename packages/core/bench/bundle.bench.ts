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
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { codeBlocks } from '../../../scripts/doctest.ts';

const TARGET_KB = 100;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const work = join(root, 'artifacts/bundle-bench');
mkdirSync(work, { recursive: true });

async function bundle(name: string, source: string): Promise<{ bytes: number; gzip: number; parts: Map<string, number> }> {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, source);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['pingan-source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const code = result.outputFiles[0].contents;
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1] : path.includes('packages/core/') ? '@pingan/core' : 'the example';
      parts.set(key, (parts.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return { bytes: code.length, gzip: gzipSync(code).length, parts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const readme = readFileSync(join(root, 'packages/core/README.md'), 'utf8');
const first = codeBlocks(readme, 'packages/core/README.md').find((b) => b.lang === 'ts');
if (!first) throw new Error('packages/core/README.md has no TypeScript block');

console.log('\n== Bundle size (esbuild, browser ESM, minified; sources of @pingan/core)');
const example = await bundle('first-example', `${first.code}\nconsole.log(result.aggregated.values.length);\n`);
console.log(`README's first example (packages/core/README.md:${first.line}): ${kb(example.bytes)} minified, ${kb(example.gzip)} gzipped; target ≤ ${TARGET_KB} KB: ${example.bytes <= TARGET_KB * 1024 ? 'met' : 'NOT met'}`);
for (const [part, bytes] of [...example.parts].sort((a, b) => b[1] - a[1])) console.log(`  ${part.padEnd(16)} ${kb(bytes)}`);

console.log('\nEach entry point imported whole (no tree shaking of its exports):');
for (const entry of ['', '/verbs', '/framework', '/weights', '/exact', '/analysis', '/coinr', '/worker']) {
  const whole = await bundle(`entry${entry.replace('/', '-') || '-root'}`, `import * as all from '@pingan/core${entry}';\nconsole.log(all);\n`);
  console.log(`  @pingan/core${entry.padEnd(10)} ${kb(whole.bytes).padStart(9)} minified, ${kb(whole.gzip).padStart(8)} gzipped`);
}
rmSync(work, { recursive: true, force: true });
