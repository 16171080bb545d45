/**
 * The workbench's settings: weights, the AHP judgements, the methods, the
 * basis month and the regions compared. Pure functions from a validated
 * framework; the components only read and replace a `WorkbenchState`.
 */
import { ahpWeights, reviseNodes, type AggregateNode, type Framework, type NodeRevision, type NormalisationSpec } from '@pingan/core';
import { judgementsOf, matrixOf } from './ahp.ts';

export type Normalisation = 'framework' | 'minmax';
export type Aggregation = 'arithmetic' | 'geometric';

export interface WorkbenchState {
  /** Each node's weight among its siblings (every node but the root), as set by hand; kept to `WEIGHT_DECIMALS`. */
  readonly weights: Readonly<Record<string, number>>;
  /** The AHP judgements over the AHP group's children, upper triangle row by row ("3", "1/2"). */
  readonly ahp: readonly string[];
  /** Whether the AHP group's children weigh as the judgements say (else as `weights` says). */
  readonly ahpApplied: boolean;
  readonly normalisation: Normalisation;
  readonly aggregation: Aggregation;
  /** The released month the headline, ranking and analyses are for (YYYY-MM). */
  readonly month: string;
  /** The regions drawn over the whole history, in the order of `WorkbenchContext.regions`. */
  readonly compare: readonly string[];
}

/** What the state is about: the official framework and the released months and regions. */
export interface WorkbenchContext {
  readonly framework: Framework;
  /** The aggregate whose children's weights the AHP helper sets (the root), and their order. */
  readonly ahpNode: string;
  readonly ahpOrder: readonly string[];
  /** Released months, oldest first. */
  readonly months: readonly string[];
  readonly regions: readonly { readonly code: string; readonly isCity: boolean }[];
}

/** Weights are kept to three decimals, so that an address is short and restores the same numbers. */
export const WEIGHT_DECIMALS = 3;
export const MIN_WEIGHT = 0.001;
export const MAX_WEIGHT = 1000;

/** A weight rounded to `WEIGHT_DECIMALS`, or null when it is not a number in [MIN_WEIGHT, MAX_WEIGHT] after rounding. */
export function roundWeight(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10 ** WEIGHT_DECIMALS) / 10 ** WEIGHT_DECIMALS;
  return r >= MIN_WEIGHT && r <= MAX_WEIGHT ? r : null;
}

/** Why a weight's text is refused: a decimal comma (never read as a thousands separator), or not a number in range. */
export type WeightProblem = { kind: 'comma'; suggestion: string } | { kind: 'range' };

/**
 * A weight as the user typed it, read here rather than by the browser (a
 * number box drops a decimal comma: "0,5" became 5). Full-width digits and
 * points (０．５, 0。5) read as the ASCII ones; a comma is refused with the
 * reading it probably meant, so that "0,5" is never 5 nor, silently, 0.5.
 */
export function parseWeight(text: string): { ok: true; weight: number } | { ok: false; problem: WeightProblem } {
  const s = text.normalize('NFKC').replaceAll('。', '.').trim();
  if (/^\d*,\d*$/.test(s) && /\d/.test(s)) return { ok: false, problem: { kind: 'comma', suggestion: s.replace(',', '.') } };
  const w = /^(\d+\.?\d*|\.\d+)$/.test(s) ? roundWeight(Number(s)) : null;
  return w === null ? { ok: false, problem: { kind: 'range' } } : { ok: true, weight: w };
}

const DECADES = [0.001, 0.01, 0.1, 1, 10, 100, 1000];

/**
 * A weight one arrow-key step up (dir 1) or down (−1): a tenth of its decade
 * (0.455 ± 0.01, 5 ± 0.1, 60 ± 1; down from 1 is 0.99), at least 0.001, and
 * stopping at the next power of ten (0.995 up is 1, 1.05 down is 1); `times`
 * steps at once (PageUp/PageDown: 10). Within MIN_WEIGHT–MAX_WEIGHT.
 */
export function stepWeight(w: number, dir: 1 | -1, times = 1): number {
  const below = DECADES.filter((d) => (dir > 0 ? d <= w : d < w));
  const step = Math.max(MIN_WEIGHT, (below.at(-1) ?? MIN_WEIGHT) / 10) * times;
  const next = Math.round((w + dir * step) * 10 ** WEIGHT_DECIMALS) / 10 ** WEIGHT_DECIMALS;
  const edge = dir > 0 ? (DECADES.find((d) => d > w) ?? MAX_WEIGHT) : (below.at(-1) ?? MIN_WEIGHT);
  return dir > 0 ? Math.min(edge, next) : Math.max(edge, next);
}

/** The weight slider works on log10 of the weight over the number box's whole range, so that the two agree (a step is × 1.023). */
export const SLIDER_MIN = Math.log10(MIN_WEIGHT);
export const SLIDER_MAX = Math.log10(MAX_WEIGHT);
export const SLIDER_STEP = 0.01;

/**
 * The weight at a slider position, moved from `inForce`: rounded as the box
 * rounds, and at least 0.001 in the slider's direction, so that a step near
 * 0.001 (which rounds back to the same weight) still moves it.
 */
export function weightAtSlider(position: number, inForce: number): number | null {
  const x = roundWeight(10 ** position);
  if (x === null) return null;
  const dir = Math.sign(position - Math.log10(inForce));
  if (x !== roundWeight(inForce) || dir === 0) return x;
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, Math.round((x + dir * MIN_WEIGHT) * 10 ** WEIGHT_DECIMALS) / 10 ** WEIGHT_DECIMALS));
}

/** The min–max alternative: every indicator scaled to 1–100 over the whole panel (all months and regions). */
export const MIN_MAX_PANEL: NormalisationSpec = { method: 'minMax', lower: 1, upper: 100, scope: 'panel' };

/** The context of a framework: its root is the AHP group (with its own judgements when it uses AHP). */
export function contextOf(framework: Framework, months: readonly string[], regions: WorkbenchContext['regions']): WorkbenchContext {
  const root = framework.byCode.get(framework.root) as AggregateNode;
  const ahpOrder = root.weighting.method === 'ahp' ? [...root.weighting.order] : [...root.children];
  return { framework, ahpNode: root.code, ahpOrder, months, regions };
}

/** The official settings: the framework's weights, judgements and methods, the latest month, the city and the first district. */
export function officialState(ctx: WorkbenchContext): WorkbenchState {
  const fw = ctx.framework;
  const root = fw.byCode.get(ctx.ahpNode) as AggregateNode;
  const weights: Record<string, number> = {};
  for (const node of fw.nodes) if (node.parent !== null) weights[node.code] = node.weight;
  const ahpMatrix = root.weighting.method === 'ahp' ? root.weighting.matrix : null;
  const ratioMatrix = ahpMatrix ?? ctx.ahpOrder.map((a) => ctx.ahpOrder.map((b) => fw.byCode.get(a)!.weight / fw.byCode.get(b)!.weight));
  const city = ctx.regions.find((r) => r.isCity);
  const district = ctx.regions.find((r) => !r.isCity);
  return {
    weights,
    ahp: judgementsOf(ratioMatrix, ctx.ahpOrder.length),
    ahpApplied: ahpMatrix !== null,
    normalisation: 'framework',
    aggregation: root.aggregation.method === 'geometric' ? 'geometric' : 'arithmetic',
    month: ctx.months[ctx.months.length - 1] ?? '',
    compare: [city, district].filter((r) => r !== undefined).map((r) => r.code),
  };
}

/** The AHP result of the state's judgements (weights in `ahpOrder`, λmax, CI, CR). */
export function ahpOf(ctx: WorkbenchContext, state: WorkbenchState) {
  return ahpWeights(matrixOf(state.ahp, ctx.ahpOrder.length));
}

/** The weights in force: the hand-set ones, with the AHP group's children from the judgements when applied (`ahp`: their result, if already computed). */
export function weightsInForce(ctx: WorkbenchContext, state: WorkbenchState, ahp = state.ahpApplied ? ahpOf(ctx, state) : null): Record<string, number> {
  const out = { ...state.weights };
  if (state.ahpApplied && ahp) {
    ctx.ahpOrder.forEach((code, i) => (out[code] = ahp.weights[i]));
  }
  return out;
}

/** Whether the index is on the scale the framework's bands were defined for (its own normalisation). */
export function onOfficialScale(state: WorkbenchState): boolean {
  return state.normalisation === 'framework';
}

/**
 * The framework tuned to the state, without a new validation (the state's
 * values are valid by construction): the weights in force where they differ
 * from the official ones, the min–max normalisation, the aggregation method.
 * The official state gives the official framework itself.
 */
export function tune(ctx: WorkbenchContext, state: WorkbenchState, weights = weightsInForce(ctx, state)): Framework {
  const fw = ctx.framework;
  // A revision object only for a node that changes (this runs on every change of a weight).
  return reviseNodes(fw, (node): NodeRevision | undefined => {
    const weight = node.parent !== null && weights[node.code] !== node.weight ? weights[node.code] : undefined;
    const normalisation = node.type === 'indicator' && state.normalisation === 'minmax' ? MIN_MAX_PANEL : undefined;
    const aggregation = node.type === 'aggregate' && node.aggregation.method !== state.aggregation ? { ...node.aggregation, method: state.aggregation } : undefined;
    return weight === undefined && !normalisation && !aggregation ? undefined : { weight, normalisation, aggregation };
  });
}

/** Whether two states give the same settings (the month and the compared regions aside). */
export function sameSettings(a: WorkbenchState, b: WorkbenchState): boolean {
  return (
    a.normalisation === b.normalisation &&
    a.aggregation === b.aggregation &&
    a.ahpApplied === b.ahpApplied &&
    a.ahp.join() === b.ahp.join() &&
    Object.keys(a.weights).every((k) => a.weights[k] === b.weights[k])
  );
}
