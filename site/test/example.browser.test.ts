/**
 * The fictional example (examples/shifan-county: 示范县, SYNTHETIC data) gets
 * every browser test Xiangtan gets: this file points site.browser.test.ts at
 * the example's data folder and releases, and adds the words its pages must
 * never contain: 湘潭, Xiangtan and every area name of Xiangtan's regions.csv.
 * (site.browser.test.ts also checks that every count of groups and indicators
 * on its pages is the example's own.)
 *
 * The releases are the example's own releases/ folder when the main job
 * (`pnpm start`) has written it, else they are made here, into a temporary
 * folder, by the CLI's `release --all` from the example's data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleReleases } from './exampleReleases.ts';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'shifan-county');


/** Xiangtan's names: the place and each of its areas, in both languages, from data/regions.csv. */
function xiangtanNames(): string[] {
  const lines = readFileSync(join(root, 'data', 'regions.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  const names = lines.flatMap((line) => line.split(',').slice(1, 3));
  return [...new Set(['湘潭', 'Xiangtan', ...names])];
}

if (!existsSync(example)) throw new Error(`the fictional example is missing: ${example}`);
(globalThis as { pinganSiteUnderTest?: unknown }).pinganSiteUnderTest = {
  name: 'the fictional example’s site (示范县)',
  dataDir: example,
  releasesDir: await exampleReleases(example),
  forbidden: xiangtanNames(),
  screenshots: join(root, 'artifacts', 'screenshots', 'shifan-county'),
};
await import('./site.browser.test.ts');
