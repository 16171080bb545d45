/**
 * The uncertainty and sensitivity analyses the workbench runs in its worker:
 * the requests (plain JSON that crosses to the worker), the settings they
 * vary as JSON (core's form of them: uncertainSetting.ts), and how the
 * results are shown.
 */
import type { Framework, NormalisationSpec, Observation, Panel, SobolResult, UncertaintyResult } from '@pingan/core';
import type { WorkbenchValues } from '../../lib/workbench.ts';
import type { Aggregation, Normalisation } from './state.ts';

/** The observations of the dense values the build wrote (period-major, then unit, then code; null where none). */
export function observationsOf(v: WorkbenchValues): Observation[] {
  const out: Observation[] = [];
  const C = v.codes.length;
  const U = v.units.length;
  v.periods.forEach((period, p) =>
    v.units.forEach((unit, u) =>
      v.codes.forEach((code, c) => {
        const value = v.values[(p * U + u) * C + c];
        if (value !== null) out.push({ unit, period, code, value });
      }),
    ),
  );
  return out;
}

export type AnalysisSetting =
  | { readonly kind: 'noisyWeights'; readonly name: string; readonly noise: number; readonly levels: readonly number[]; readonly samples: number; readonly seed: number }
  | { readonly kind: 'aggregation'; readonly name: string; readonly methods: readonly Aggregation[] }
  | { readonly kind: 'normalisation'; readonly name: string; readonly methods: readonly Normalisation[] };

export interface AnalysisRequest {
  readonly kind: 'uncertainty' | 'sensitivity';
  /** The tuned framework itself (structured-cloned into the worker, so the worker neither validates nor rebuilds it). */
  readonly framework: Framework;
  /** Each indicator's official normalisation, which the 'framework' alternative restores. */
  readonly officialNormalisation: Readonly<Record<string, NormalisationSpec>>;
  readonly observations: readonly Observation[];
  readonly settings: readonly AnalysisSetting[];
  /** Monte Carlo runs (uncertainty), or the base sample size N (sensitivity: N × (k + 2) runs). */
  readonly n: number;
  readonly bootstrap: number;
  readonly seed: number;
  /** The units ranked against each other: the districts, not the city they make up. */
  readonly rankAmong: readonly string[];
}

export type AnalysisOutcome =
  | { readonly kind: 'uncertainty'; readonly result: UncertaintyResult }
  | { readonly kind: 'sensitivity'; readonly result: SobolResult };

/** Asks the worker to fetch the observations and build the nominal index, off the main thread. */
export interface NominalRequest {
  readonly kind: 'nominal';
  /** The official framework, as the page built it from the validated document. */
  readonly framework: Framework;
  /** The absolute address of the observations (WorkbenchValues). */
  readonly dataUrl: string;
}

/**
 * The nominal index's panels the page needs: the imputed data (which
 * rebuildIndex starts from), the scores (which it reuses when only weights
 * or means change) with the screening (none, so that they may be reused),
 * and the aggregated results.
 */
export interface NominalPanels {
  readonly imputed: Panel;
  readonly normalised: Panel;
  readonly screening: readonly [];
  readonly aggregated: Panel;
}

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly type: 'nominal'; readonly values: WorkbenchValues; readonly nominal: NominalPanels }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly outcome: AnalysisOutcome }
  | { readonly type: 'error'; readonly message: string };

/** How many model runs a request makes: n for an uncertainty analysis, N × (k + 2) for Saltelli's design. */
export function runsOf(request: Pick<AnalysisRequest, 'kind' | 'n' | 'settings'>): number {
  return request.kind === 'uncertainty' ? request.n : request.n * (request.settings.length + 2);
}

const otherAggregation = (a: Aggregation): Aggregation => (a === 'arithmetic' ? 'geometric' : 'arithmetic');
const otherNormalisation = (n: Normalisation): Normalisation => (n === 'framework' ? 'minmax' : 'framework');

/**
 * The uncertainty analysis's settings: noisy weights at both levels (±25%),
 * the other aggregation, and, only when asked, the other normalisation. The
 * current choice is always the first alternative.
 */
export function uncertaintySettings(current: { normalisation: Normalisation; aggregation: Aggregation }, varyNormalisation: boolean): AnalysisSetting[] {
  return [
    { kind: 'noisyWeights', name: 'weights', noise: 0.25, levels: [1, 2], samples: 1000, seed: 1 },
    { kind: 'aggregation', name: 'aggregation', methods: [current.aggregation, otherAggregation(current.aggregation)] },
    ...(varyNormalisation ? [{ kind: 'normalisation' as const, name: 'normalisation', methods: [current.normalisation, otherNormalisation(current.normalisation)] }] : []),
  ];
}

/** The sensitivity analysis's four inputs: first-level weights, second-level weights, aggregation, normalisation. */
export function sensitivitySettings(current: { normalisation: Normalisation; aggregation: Aggregation }): AnalysisSetting[] {
  return [
    { kind: 'noisyWeights', name: 'first-level weights', noise: 0.25, levels: [2], samples: 1000, seed: 2 },
    { kind: 'noisyWeights', name: 'second-level weights', noise: 0.25, levels: [1], samples: 1000, seed: 3 },
    { kind: 'aggregation', name: 'aggregation', methods: [current.aggregation, otherAggregation(current.aggregation)] },
    { kind: 'normalisation', name: 'normalisation', methods: [current.normalisation, otherNormalisation(current.normalisation)] },
  ];
}

/**
 * What an uncertainty band can mean: values, when every alternative keeps the
 * index on one scale; ranks only, when the normalisation alternatives put it
 * on different scales (0–100 against goalposts, 1–100 by min–max).
 */
export function bandMode(settings: readonly AnalysisSetting[]): 'value' | 'rank' {
  return settings.some((s) => s.kind === 'normalisation' && new Set(s.methods).size > 1) ? 'rank' : 'value';
}

/** The widest interval (at `SOBOL_CONFIDENCE`, 90%) a Sobol' index may have to count as converged. */
export const CONVERGED_WIDTH = 0.1;

export interface SobolRow {
  readonly first: number;
  readonly total: number;
  readonly firstInterval: readonly [number, number];
  readonly totalInterval: readonly [number, number];
  /** The same, clipped to [0, 1], where the indices live (the estimates can stray outside by sampling error). */
  readonly clipped: { readonly first: number; readonly total: number; readonly firstInterval: readonly [number, number]; readonly totalInterval: readonly [number, number] };
  /** The wider of the two intervals. */
  readonly width: number;
  readonly converged: boolean;
}

const clip = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : x);

/** Sobol' indices as shown: the raw estimates and intervals, their clipped twins, and whether each has converged. */
export function sobolRows(result: SobolResult): SobolRow[] {
  return result.indices.map((s) => {
    const width = Math.max(s.firstInterval[1] - s.firstInterval[0], s.totalInterval[1] - s.totalInterval[0]);
    return {
      ...s,
      clipped: {
        first: clip(s.first),
        total: clip(s.total),
        firstInterval: [clip(s.firstInterval[0]), clip(s.firstInterval[1])],
        totalInterval: [clip(s.totalInterval[0]), clip(s.totalInterval[1])],
      },
      width,
      converged: Number.isFinite(width) && width <= CONVERGED_WIDTH,
    };
  });
}
