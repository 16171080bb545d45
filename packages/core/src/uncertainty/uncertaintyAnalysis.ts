import { PinganError, UnknownCodeError } from '../errors/pinganError.ts';
import { randomLcg } from 'd3-random';
import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { rebuildIndex } from '../pipeline/rebuildIndex.ts';
import { quantileSorted } from '../sensitivity/quantile.ts';
import { SOBOL_CONFIDENCE, sobolIndices, type SobolOptions, type SobolResult } from '../sensitivity/sobolIndices.ts';
import { panelColumn } from './blockPanel.ts';
import { ranksOf } from './periodRanks.ts';
import { frameworkFor, type UncertainSetting } from './settings.ts';

/** One column of a panel, into `out` when given (an analysis reuses one buffer across its runs). */
function column(panel: Panel, code: string, out?: Float64Array): Float64Array {
  const c = panel.codes.indexOf(code);
  if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in the results`);
  const rows = panel.units.length * panel.periods.length;
  if (out === undefined || out.length !== rows) out = new Float64Array(rows);
  return panelColumn(panel, c, out);
}

function rankedUnits(units: readonly string[], among: readonly string[] | undefined): boolean[] {
  if (among === undefined) return units.map(() => true);
  const unknown = among.filter((u) => !units.includes(u));
  if (unknown.length) throw new UnknownCodeError('unit', unknown[0], `rankAmong names units that are not in the results: ${unknown.join(', ')}`);
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
  /** The coverage of the intervals (default 0.9: the 5–95% band, as COINr reports). */
  readonly coverage?: number;
  /** The units ranked against each other (default: all); the others keep their values but get no rank. */
  readonly rankAmong?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: { readonly aborted: boolean; readonly reason?: unknown };
  /** How each run rebuilds the index (default: from the nominal imputed data; see `Rebuild`). */
  readonly rebuild?: Rebuild;
}

/** A distribution over runs: mean, median and the interval at the analysis's coverage. */
export interface Spread {
  readonly mean: number;
  readonly median: number;
  /** The lower and upper quantiles (5% and 95% by default). */
  readonly lower: number;
  readonly upper: number;
}

/** The distribution of one unit's rank in one period over the runs, with the nominal rank. */
export interface RankStatistics extends Spread {
  readonly nominal: number;
  /** The mean absolute difference from the nominal rank over the runs that gave a rank. */
  readonly meanAbsoluteShift: number;
}

/** The distribution of one unit's value and rank in one period over the runs. */
export interface UnitUncertainty extends Spread {
  readonly unit: string;
  readonly period: string;
  readonly nominal: number;
  readonly rank: RankStatistics;
  /** The unit's rank in each run (1 = highest; `NaN` where the run failed or the value is missing). */
  readonly ranks: Float64Array;
}

/** One Monte Carlo run: the alternative chosen for each setting, and what came of it. */
export interface UncertaintyRun {
  readonly levels: readonly number[];
  /** The mean absolute rank shift against the nominal ranks (`NaN` for a failed run). */
  readonly meanAbsoluteRankShift: number;
  /** Why the run failed (e.g. a geometric mean over a score ≤ 0); absent when it did not. */
  readonly error?: string;
}

export interface UncertaintyResult {
  readonly units: readonly UnitUncertainty[];
  readonly runs: readonly UncertaintyRun[];
  /** How many runs failed; their values and ranks are missing (COINr records NA and carries on). */
  readonly failed: number;
}

/** The spread of the present draws (sorted in place: a unit's draws are read by nothing else, so no copy is made). */
function spread(draws: Float64Array, coverage: number): Spread {
  // A typed array sorts NaN last: the sorted draws, their NaN cut off, are the present values sorted.
  const sorted = draws.sort();
  let present = sorted.length;
  while (present > 0 && sorted[present - 1] !== sorted[present - 1]) present--;
  return spreadOfSorted(present === sorted.length ? sorted : sorted.subarray(0, present), coverage);
}

/** `spread` of values already sorted ascending, none missing. */
function spreadOfSorted(sorted: Float64Array, coverage: number): Spread {
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    median: quantileSorted(sorted, 0.5),
    lower: quantileSorted(sorted, (1 - coverage) / 2),
    upper: quantileSorted(sorted, (1 + coverage) / 2),
  };
}

/**
 * Ranks (whole numbers 1 … `units`, or NaN) sorted by counting, the
 * missing left out: the very array `filter` and `sort` give, without a
 * comparison sort of every unit's hundreds of draws.
 */
function sortedRanks(ranks: Float64Array, units: number): Float64Array {
  const counts = new Int32Array(units + 2);
  let present = 0;
  for (const r of ranks) {
    if (r !== r) continue;
    // Not a rank of 1 … units: sort it the ordinary way.
    if (!(r >= 1 && r <= units && Number.isInteger(r))) return ranks.filter((v) => v === v).sort();
    counts[r]++;
    present++;
  }
  const sorted = new Float64Array(present);
  let at = 0;
  for (let r = 1; r <= units; r++) sorted.fill(r, at, (at += counts[r]));
  return sorted;
}

function rankStatistics(ranks: Float64Array, nominal: number, coverage: number, units: number): RankStatistics {
  let shift = 0;
  let count = 0;
  for (const r of ranks) {
    if (r === r) {
      shift += Math.abs(r - nominal);
      count++;
    }
  }
  return { nominal, ...spreadOfSorted(sortedRanks(ranks, units), coverage), meanAbsoluteShift: count === 0 ? Number.NaN : shift / count };
}

/**
 * How each run rebuilds the index for its framework: the aggregated panel.
 * By default `rebuildIndex(nominal, framework)`, which starts from the
 * nominal build's imputed data; a run that must start from the raw data,
 * as COINr's `Regen` does, passes one that does every step.
 */
export type Rebuild = (framework: Framework) => Panel;

/** Rebuilds the studied column for one framework (into `out`), or the error that stopped it (recorded, not thrown). */
function runOnce(nominal: IndexResult, framework: Framework, code: string, rebuild: Rebuild | undefined, out: Float64Array): Float64Array | PinganError {
  try {
    return column(rebuild ? rebuild(framework) : rebuildIndex(nominal, framework), code, out);
  } catch (error) {
    if (error instanceof PinganError && error.code !== 'cancelled' && error.code !== 'unknown-code') return error;
    throw error;
  }
}

/**
 * Monte Carlo uncertainty analysis (OECD/JRC handbook, step 7; COINr's
 * `get_sensitivity(SA_type = "UA")`): each run picks one alternative of every
 * setting at random (seeded), rebuilds the index, and ranks the units in
 * each period. Reports per unit and period the mean, median and 5–95% band
 * (by default) of the value and of the rank, every run's rank, and the mean
 * absolute rank shift from the nominal. A run that fails (say, a geometric
 * mean meets a z-score ≤ 0) is recorded with its error and counted in
 * `failed`; its values and ranks are missing, as COINr records NA.
 *
 * @example
 * const ua = uncertaintyAnalysis(buildIndex(fw, raw), {
 *   n: 100, seed: 1,
 *   settings: [aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }])],
 * });
 * ua.units[0]; // { unit, period, nominal, mean, median, lower, upper, rank: { nominal, mean, median, lower, upper, … }, ranks }
 * ua.failed; // 0
 */
export function uncertaintyAnalysis(nominal: IndexResult, options: UncertaintyOptions): UncertaintyResult {
  const code = options.code ?? nominal.framework.root;
  const coverage = options.coverage ?? 0.9;
  const U = nominal.aggregated.units.length;
  const P = nominal.aggregated.periods.length;
  const base = column(nominal.aggregated, code);
  const ranked = rankedUnits(nominal.aggregated.units, options.rankAmong);
  const baseRanks = ranksOf(base, U, P, ranked);
  const random = randomLcg(options.seed ?? 1);
  const values = Array.from({ length: U * P }, () => new Float64Array(options.n).fill(Number.NaN));
  const ranks = Array.from({ length: U * P }, () => new Float64Array(options.n).fill(Number.NaN));
  const runs: UncertaintyRun[] = [];
  let failed = 0;
  // One run's column and ranks, reused by every run.
  const runColumn = new Float64Array(U * P);
  const runRanks = new Float64Array(U * P);
  const sortedScratch = new Float64Array(U);
  const orderScratch = new Int32Array(U);
  for (let run = 0; run < options.n; run++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new PinganError('cancelled', 'the analysis was cancelled');
    const levels = options.settings.map((s) => Math.floor(random() * s.levels));
    const framework = frameworkFor(nominal.framework, options.settings, levels);
    const out = runOnce(nominal, framework, code, options.rebuild, runColumn);
    if (out instanceof PinganError) {
      failed++;
      runs.push({ levels, meanAbsoluteRankShift: Number.NaN, error: out.message });
    } else {
      const r = ranksOf(out, U, P, ranked, runRanks, sortedScratch, orderScratch);
      for (let i = 0; i < U * P; i++) {
        values[i][run] = out[i];
        ranks[i][run] = r[i];
      }
      runs.push({ levels, meanAbsoluteRankShift: meanAbsoluteShift(r, baseRanks) });
    }
    options.onProgress?.(run + 1, options.n);
  }
  const units: UnitUncertainty[] = [];
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const i = p * U + u;
      units.push({
        unit: nominal.aggregated.units[u],
        period: nominal.aggregated.periods[p],
        nominal: base[i],
        ...spread(values[i], coverage),
        rank: rankStatistics(ranks[i], baseRanks[i], coverage, U),
        ranks: ranks[i],
      });
    }
  }
  return { units, runs, failed };
}

/** The result of `sensitivityAnalysis`: Sobol' indices, and rank statistics over all its runs. */
export interface SensitivityResult extends SobolResult {
  /** Per unit and period, the rank over every run of the design (mean, median, interval). */
  readonly ranks: readonly ({ readonly unit: string; readonly period: string } & RankStatistics)[];
  /** How many runs failed; the output of a failed run is missing and left out of the estimators. */
  readonly failed: number;
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
  options: Omit<SobolOptions, 'n'> & {
    readonly settings: readonly UncertainSetting[];
    readonly n: number;
    readonly code?: string;
    readonly rankAmong?: readonly string[];
    /** How each run rebuilds the index (default: from the nominal imputed data; see `Rebuild`). */
    readonly rebuild?: Rebuild;
  },
): SensitivityResult {
  const code = options.code ?? nominal.framework.root;
  const U = nominal.aggregated.units.length;
  const P = nominal.aggregated.periods.length;
  const ranked = rankedUnits(nominal.aggregated.units, options.rankAmong);
  const baseRanks = ranksOf(column(nominal.aggregated, code), U, P, ranked);
  // Every successful run's ranks, one after another, in a block sized for the whole design.
  const UP = U * P;
  const recorded = new Float64Array(options.n * (options.settings.length + 2) * UP);
  let count = 0;
  let failed = 0;
  const runColumn = new Float64Array(UP);
  const runRanks = new Float64Array(UP);
  const sortedScratch = new Float64Array(U);
  const orderScratch = new Int32Array(U);
  const levels = new Array<number>(options.settings.length);
  const model = (x: Float64Array): number => {
    for (let i = 0; i < levels.length; i++) levels[i] = Math.min(options.settings[i].levels - 1, Math.floor(x[i] * options.settings[i].levels));
    const framework = frameworkFor(nominal.framework, options.settings, levels);
    const out = runOnce(nominal, framework, code, options.rebuild, runColumn);
    if (out instanceof PinganError) {
      failed++;
      return Number.NaN;
    }
    const ranks = ranksOf(out, U, P, ranked, runRanks, sortedScratch, orderScratch);
    recorded.set(ranks, count * UP);
    count++;
    return meanAbsoluteShift(ranks, baseRanks);
  };
  const sobol = sobolIndices(model, options.settings.length, options);
  const coverage = options.confidence ?? SOBOL_CONFIDENCE;
  const ranks = [];
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const i = p * U + u;
      const draws = new Float64Array(count);
      for (let t = 0; t < count; t++) draws[t] = recorded[t * UP + i];
      ranks.push({ unit: nominal.aggregated.units[u], period: nominal.aggregated.periods[p], ...rankStatistics(draws, baseRanks[i], coverage, U) });
    }
  }
  return { ...sobol, ranks, failed };
}
