/**
 * What a user's bundler makes of `@pingan/core` for the browser: esbuild 0.28,
 * ESM, minified, tree-shaken, the package's sources. Shared by
 * `bundle.bench.ts` (which prints the sizes) and `test/bundleSize.test.ts`
 * (which holds the README's first example to its target).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { codeBlocks } from '../../../scripts/doctest.ts';

/** The README's first example bundles to at most this many KB, minified. */
export const FIRST_EXAMPLE_TARGET_KB = 100;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A bundle's size, minified and gzipped, and the bytes each part contributes (a package, the core, the example). */
export interface BundleSize {
  readonly bytes: number;
  readonly gzip: number;
  readonly parts: Map<string, number>;
}

/**
 * Bundles `source` (a module importing '@pingan/core…') as above and measures it. The entry is
 * written into a fresh folder under artifacts/ (inside the repository, so that '@pingan/core'
 * resolves as in a user's project), removed afterwards.
 *
 * @example
 * const { bytes } = await browserBundle("import { buildIndex } from '@pingan/core';\nconsole.log(buildIndex);");
 * bytes < 100 * 1024; // true
 */
export async function browserBundle(source: string): Promise<BundleSize> {
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  const work = mkdtempSync(join(root, 'artifacts', 'bundle-'));
  try {
    const entry = join(work, 'entry.ts');
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
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** packages/core/README.md's first TypeScript block, verbatim, and its line, with a use of its `result` so that nothing is shaken off. */
export function firstReadmeExample(): { source: string; line: number } {
  const readme = readFileSync(join(root, 'packages/core/README.md'), 'utf8');
  const first = codeBlocks(readme, 'packages/core/README.md').find((b) => b.lang === 'ts');
  if (!first) throw new Error('packages/core/README.md has no TypeScript block');
  return { source: `${first.code}\nconsole.log(result.aggregated.values.length);\n`, line: first.line };
}
