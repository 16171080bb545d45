/** Addresses of the downloadable files, and the names they are saved under, in one place. */
import { siteFacts } from './publication.ts';

export const HISTORY_CSV = '/downloads/history.csv';
export const HISTORY_JSON = '/downloads/history.json';

export type ReleaseFileName = 'release.json' | 'release.csv' | 'manifest.json';

/** A revision's published file: /downloads/YYYY-MM/rN/FILE. */
export function monthFileHref(month: string, revision: number, file: ReleaseFileName): string {
  return `/downloads/${month}/r${revision}/${file}`;
}

/**
 * The name a download is saved under (the `download` attribute): its address
 * after /downloads/ with "-" for "/", so that the files of different months
 * do not all arrive as release.csv, and "SYNTHETIC-" before it when the
 * publication is synthetic, so that a saved file still says so.
 * '/downloads/2025-10/r5/release.csv' → 'SYNTHETIC-2025-10-r5-release.csv'.
 */
export function savedAs(href: string, synthetic: boolean = siteFacts().synthetic): string {
  const name = href.replace(/^\/(downloads|warnings)\//, '').replaceAll('/', '-');
  return synthetic && !name.startsWith('SYNTHETIC-') ? `SYNTHETIC-${name}` : name;
}
