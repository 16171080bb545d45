/**
 * The fictional quarterly example (examples/jibao-county: 季报县, SYNTHETIC
 * data, publication.json `"periods": "quarterly"`) gets every browser test
 * Xiangtan gets, at 360 px and desktop in both languages, with quarter pages
 * (/YYYY/qN/) and quarter words: site.browser.test.ts reads the periods from
 * the configuration, and its quarterly test checks that the pages name the
 * quarter (2025年第三季度 / 2025 Q3), the changes against the previous quarter
 * and the same quarter a year before, and no month word anywhere.
 *
 * The releases are the example's own releases/ folder when the main job
 * (`pnpm start`) has written it, else they are made here, into a temporary
 * folder, by the CLI's `release --all` from the example's data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleReleases } from './exampleReleases.ts';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'jibao-county');

/** Xiangtan's names: the place and each of its areas, in both languages, from data/regions.csv. */
function xiangtanNames(): string[] {
  const lines = readFileSync(join(root, 'data', 'regions.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  const names = lines.flatMap((line) => line.split(',').slice(1, 3));
  return [...new Set(['湘潭', 'Xiangtan', ...names])];
}

if (!existsSync(example)) throw new Error(`the fictional quarterly example is missing: ${example}`);
(globalThis as { pinganSiteUnderTest?: unknown }).pinganSiteUnderTest = {
  name: 'the fictional quarterly example’s site (季报县)',
  dataDir: example,
  releasesDir: await exampleReleases(example),
  forbidden: xiangtanNames(),
  screenshots: join(root, 'artifacts', 'screenshots', 'jibao-county'),
};
await import('./site.browser.test.ts');
