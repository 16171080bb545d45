import { cityCode, districts, loadReleases, type MonthRelease, type Revision } from './releases.ts';

/** Static paths for the month pages: /YYYY/MM/. */
export function monthPaths() {
  return loadReleases().map((entry) => ({ params: { year: entry.year, month: entry.mm }, props: { entry } }));
}

export type SubProps = { kind: 'region'; entry: MonthRelease; code: string } | { kind: 'revision'; entry: MonthRelease; revision: Revision };

/** Static paths under a month: each district (/YYYY/MM/<region code>/) and each older revision (/YYYY/MM/r1/). */
export function subPaths() {
  return loadReleases().flatMap((entry) => [
    ...districts(entry.release)
      .filter((r) => r.code !== cityCode())
      .map((r) => ({ params: { year: entry.year, month: entry.mm, sub: r.code }, props: { kind: 'region', entry, code: r.code } as SubProps })),
    ...entry.revisions.slice(0, -1).map((revision) => ({
      params: { year: entry.year, month: entry.mm, sub: `r${revision.revision}` },
      props: { kind: 'revision', entry, revision } as SubProps,
    })),
  ]);
}
