/**
 * The tests' own reading of a releases folder, apart from the site's loader
 * (`src/lib/releases.ts`), so that a test compares the pages with the files
 * themselves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A released period's latest revision folder: the highest rN under `releasesDir/period`.
 *
 * @example
 * latestRevisionDir('data/releases', '2025-10'); // 'data/releases/2025-10/r7'
 */
export function latestRevisionDir(releasesDir: string, period: string): string {
  const revisions = readdirSync(join(releasesDir, period)).filter((n) => /^r\d+$/.test(n)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  if (revisions.length === 0) throw new Error(`no revision folder (r1, r2, …) in ${join(releasesDir, period)}`);
  return join(releasesDir, period, revisions.at(-1)!);
}
