/** Addresses of the downloadable files, in one place. */
export const HISTORY_CSV = '/downloads/history.csv';
export const HISTORY_JSON = '/downloads/history.json';

export type ReleaseFileName = 'release.json' | 'release.csv' | 'manifest.json';

/** A revision's published file: /downloads/YYYY-MM/rN/FILE. */
export function monthFileHref(month: string, revision: number, file: ReleaseFileName): string {
  return `/downloads/${month}/r${revision}/${file}`;
}
