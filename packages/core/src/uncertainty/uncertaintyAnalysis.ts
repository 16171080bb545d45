import { randomLcg } from 'd3-random';
import type { Panel } from '../panel/panel.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { rebuildIndex } from '../pipeline/rebuildIndex.ts';
import { quantileSorted } from '../sensitivity/quantile.ts';
import { sobolIndices, type SobolOptions, type SobolResult } from '../sensitivity/sobolIndices.ts';
import type { UncertainSetting } from './settings.ts';

/**
 * Ranks within each period (1 = highest value; ties share the lowest rank;
 * missing stays NaN), among the units where `ranked` is true (the others get
 * NaN), e.g. the districts without the city they make up.
 */
function ranksOf(values: Float64Array, units: number, periods: number, ranked: readonly boolean[]): Float64Array {
  const ranks = new Float64Array(values.length);
  for (let p = 0; p < periods; p++) {
    for (let u = 0; u < units; u++) {
      const v = values[p * units + u];
      if (v !== v || !ranked[u]) {
        ranks[p * units + u] = Number.NaN;
        continue;
      }
      let higher = 0;
      for (let w = 0; w < units; w++) if (ranked[w] && values[p * units + w] > v) higher++;
      ranks[p * units + u] = higher + 1;
    }
  }
  return ranks;
}

function column(panel: Panel, code: string): Float64Array {
  const c = panel.codes.indexOf(code);
  if (c < 0) throw new RangeError(`no column "${code}" in the results`);
  const rows = panel.units.length * panel.periods.length;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = panel.values[r * panel.codes.length + c];
  return out;
}

function rankedUnits(units: readonly string[], among: readonly string[] | undefined): boolean[] {
  if (among === undefined) return units.map(() => true);
  const unknown = among.filter((u) => !units.includes(u));
  if (unknown.length) throw new RangeError(`rankAmong names units that are not in the results: ${unknown.join(', ')}`);
  return units.map((u) => among.includes(u));
}

function meanAbsoluteShift(ranks: Float64Array, nominal: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < ranks.length; i++) {
    const d = ranks[i] - nominal[i];
    if (d === d) {
      sum += Math.abs(d);
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

export interface UncertaintyOptions {
  readonly settings: readonly UncertainSetting[];
  /** How many Monte Carlo runs. */
  readonly n: number;
  readonly seed?: number;
  /** The output to study (default: the index). */
  readonly code?: string;
  /** The units ranked against each other (default: all); the others keep their values but get no rank. */
  readonly rankAmong?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

/** The distribution of one unit's value and rank in one period over the runs. */
export interface UnitUncertainty {
  readonly unit: string;
  readonly period: string;
  readonly nominal: number;
  readonly median: number;
  /** 5% and 95% quantiles. */
  readonly lower: number;
  readonly upper: number;
  readonly rank: { readonly nominal: number; readonly median: number; readonly lower: number; readonly upper: number; readonly meanAbsoluteShift: number };
}

export interface UncertaintyResult {
  readonly units: readonly UnitUncertainty[];
  /** Per run: the alternative chosen for each setting, and the mean absolute rank shift against the nominal ranks. */
  readonly runs: readonly { readonly levels: readonly number[]; readonly meanAbsoluteRankShift: number }[];
}

/**
 * Monte Carlo uncertainty analysis (OECD/JRC handbook, step 7; COINr's
 * `get_sensitivity(SA_type = "UA")`): each run picks one alternative of every
 * setting at random (seeded), rebuilds the index, and ranks the units in
 * each period. Reports per unit and period the median and 5–95% band of the
 * value and of the rank, with the mean absolute rank shift from the nominal.
 *
 * @example
 * const ua = uncertaintyAnalysis(buildIndex(fw, raw), {
 *   n: 100, seed: 1,
 *   settings: [aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }])],
 * });
 * ua.units[0]; // { unit, period, nominal, median, lower, upper, rank: { … } }
 */
export function uncertaintyAnalysis(nominal: IndexResult, options: UncertaintyOptions): UncertaintyResult {
  const code = options.code ?? nominal.framework.root;
  const U = nominal.aggregated.units.length;
  const P = nominal.aggregated.periods.length;
  const base = column(nominal.aggregated, code);
  const ranked = rankedUnits(nominal.aggregated.units, options.rankAmong);
  const baseRanks = ranksOf(base, U, P, ranked);
  const random = randomLcg(options.seed ?? 1);
  const values = Array.from({ length: U * P }, () => new Float64Array(options.n));
  const ranks = Array.from({ length: U * P }, () => new Float64Array(options.n));
  const runs: { levels: number[]; meanAbsoluteRankShift: number }[] = [];
  for (let run = 0; run < options.n; run++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('the analysis was cancelled');
    const levels = options.settings.map((s) => Math.floor(random() * s.levels));
    const framework = options.settings.reduce((fw, s, i) => s.apply(fw, levels[i]), nominal.framework);
    const out = column(rebuildIndex(nominal, framework), code);
    const r = ranksOf(out, U, P, ranked);
    for (let i = 0; i < U * P; i++) {
      values[i][run] = out[i];
      ranks[i][run] = r[i];
    }
    runs.push({ levels, meanAbsoluteRankShift: meanAbsoluteShift(r, baseRanks) });
    options.onProgress?.(run + 1, options.n);
  }
  const summary = (draws: Float64Array) => {
    const sorted = draws.filter((v) => v === v).sort();
    if (sorted.length === 0) return { median: Number.NaN, lower: Number.NaN, upper: Number.NaN };
    return { median: quantileSorted(sorted, 0.5), lower: quantileSorted(sorted, 0.05), upper: quantileSorted(sorted, 0.95) };
  };
  const units: UnitUncertainty[] = [];
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const i = p * U + u;
      let shift = 0;
      for (let run = 0; run < options.n; run++) shift += Math.abs(ranks[i][run] - baseRanks[i]);
      units.push({
        unit: nominal.aggregated.units[u],
        period: nominal.aggregated.periods[p],
        nominal: base[i],
        ...summary(values[i]),
        rank: { nominal: baseRanks[i], ...summary(ranks[i]), meanAbsoluteShift: shift / options.n },
      });
    }
  }
  return { units, runs };
}

/**
 * Variance-based sensitivity of the mean absolute rank shift (as COINr's
 * `get_sensitivity(SA_type = "SA")`) to each uncertain setting: Saltelli's
 * design with Jansen's estimators and bootstrap intervals (see
 * `sobolIndices`). Runs the index N × (k + 2) times for k settings.
 *
 * @example
 * const sa = sensitivityAnalysis(buildIndex(fw, raw), { settings, n: 100, bootstrap: 100 });
 * sa.indices.map((s, i) => [settings[i].name, s.first, s.total]);
 */
export function sensitivityAnalysis(
  nominal: IndexResult,
  options: Omit<SobolOptions, 'n'> & { readonly settings: readonly UncertainSetting[]; readonly n: number; readonly code?: string; readonly rankAmong?: readonly string[] },
): SobolResult {
  const code = options.code ?? nominal.framework.root;
  const U = nominal.aggregated.units.length;
  const P = nominal.aggregated.periods.length;
  const ranked = rankedUnits(nominal.aggregated.units, options.rankAmong);
  const baseRanks = ranksOf(column(nominal.aggregated, code), U, P, ranked);
  const model = (x: Float64Array): number => {
    const framework = options.settings.reduce((fw, s, i) => s.apply(fw, Math.min(s.levels - 1, Math.floor(x[i] * s.levels))), nominal.framework);
    return meanAbsoluteShift(ranksOf(column(rebuildIndex(nominal, framework), code), U, P, ranked), baseRanks);
  };
  return sobolIndices(model, options.settings.length, options);
}
