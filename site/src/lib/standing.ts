/**
 * Where a page stands among the others: a district's rank and its gap to the
 * city, and the months before and after one (for previous/next links).
 */
import { cityCode, districts, loadReleases, region, type MonthRelease, type Release } from './releases.ts';

/** Hundredths (or 10^-decimals) as an integer, so differences of published values are exact. */
function units(value: string, decimals: number): number {
  return Math.round(Number(value) * 10 ** decimals);
}

/** `a − b` of two published decimal strings, to `decimals` places ("-1.50", "0.00"). */
export function difference(a: string, b: string, decimals: number): string {
  const d = units(a, decimals) - units(b, decimals);
  const sign = d < 0 ? '-' : '';
  const abs = Math.abs(d);
  const whole = Math.floor(abs / 10 ** decimals);
  const frac = String(abs % 10 ** decimals).padStart(decimals, '0');
  return decimals > 0 ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

export interface Standing {
  /** 1 for the highest index; tied districts share a rank. */
  rank: number;
  of: number;
  /** The district's index minus the city's, as published ("1.25", "-0.40"). */
  gap: string | null;
}

/** A district's rank among the districts and its gap to the city; null for the city or a district without an index. */
export function standing(release: Release, code: string): Standing | null {
  if (code === cityCode(release)) return null;
  const own = region(release, code).index.value;
  if (own === null) return null;
  const values = districts(release).flatMap((r) => (r.index.value === null ? [] : [units(r.index.value, release.decimals)]));
  const mine = units(own, release.decimals);
  const city = region(release, cityCode(release)).index.value;
  return { rank: 1 + values.filter((v) => v > mine).length, of: values.length, gap: city === null ? null : difference(own, city, release.decimals) };
}

export interface Neighbours {
  previous: MonthRelease | null;
  next: MonthRelease | null;
  latest: MonthRelease;
}

/** The released months just before and after `month`, and the latest one. */
export function neighbours(month: string): Neighbours {
  const all = loadReleases();
  const i = all.findIndex((m) => m.month === month);
  if (i < 0) throw new Error(`pingan site: no release for ${month}`);
  return { previous: all[i - 1] ?? null, next: all[i + 1] ?? null, latest: all[all.length - 1] };
}
