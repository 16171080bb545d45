/** A region's recent months with the flags of each value, for the trend chart and its table. */
import { loadReleases } from './releases.ts';

export interface SeriesPoint {
  month: string;
  index: string | null;
  indexFlags: string[];
  subs: Record<string, string | null>;
  subFlags: Record<string, string[]>;
  /** The index's interval (release format 2; null before). */
  indexInterval: { lower: string; upper: string } | null;
}

/** The last `n` released months up to `month` for one region (each at its latest revision). */
export function regionSeries(code: string, month: string, n = 24): SeriesPoint[] {
  return loadReleases()
    .filter((m) => m.month <= month)
    .slice(-n)
    .flatMap((m) => {
      const r = m.release.regions.find((x) => x.code === code);
      if (!r) return [];
      return [
        {
          month: m.month,
          index: r.index.value,
          indexFlags: r.index.flags,
          subs: Object.fromEntries(r.subIndices.map((s) => [s.code, s.value])),
          subFlags: Object.fromEntries(r.subIndices.map((s) => [s.code, s.flags])),
          indexInterval: r.uncertainty?.index?.interval ?? null,
        },
      ];
    });
}
