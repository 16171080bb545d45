import { PinganError, UnknownCodeError } from '../errors/pinganError.ts';
import { periodFrequency } from '../panel/period.ts';
import type { Decimal } from 'decimal.js';
import type { AggregateNode, Framework } from '../framework/defineFramework.ts';
import { Exact } from './decimal.ts';
import type { ExactPanel } from './exactPanel.ts';
import { exactAt } from './packedExact.ts';

const ZERO = new Exact(0);
const ONE = new Exact(1);

/** A change of the index between two periods and what each indicator contributed to it. */
export interface ChangeDecomposition {
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  /** The change of the root (index) value, to − from. */
  readonly change: Decimal;
  /** Per indicator: its contribution to `change`; they add up to `change`. */
  readonly contributions: Readonly<Record<string, Decimal>>;
  /** Per aggregate: the part of `change` that came through it (add up per level). */
  readonly throughNode: Readonly<Record<string, Decimal>>;
}

/**
 * The mean's transform φ, so that φ(mean) = Σ wᵢ φ(xᵢ) / Σ wᵢ, and its
 * derivative's inverse dG/dφ at G (used only when a change is exactly zero).
 */
function transformOf(spec: AggregateNode['aggregation']): { phi: (x: Decimal) => Decimal; slope: (g: Decimal) => Decimal } {
  switch (spec.method) {
    case 'arithmetic':
      return { phi: (x) => x, slope: () => ONE };
    case 'geometric':
      return { phi: (x) => x.ln(), slope: (g) => g };
    case 'harmonic':
      return { phi: (x) => ONE.div(x), slope: (g) => g.times(g).neg() };
    case 'generalised': {
      const p = new Exact(spec.power ?? 1);
      return { phi: (x) => x.pow(p), slope: (g) => g.pow(ONE.minus(p)).div(p) };
    }
    case 'copeland':
      // A Copeland score counts wins over other units: no unit's change splits into its own children's.
      throw new PinganError('invalid-argument', 'contributions to change are not defined for a Copeland aggregate');
  }
}

/**
 * Splits the change of the index of `unit` from period `from` to period `to`
 * into per-indicator contributions that add up exactly to the change;
 * `null` when the index is missing in either period or a period lies
 * before the panel's first (a year-on-year change in the first year); an
 * unknown unit, or any other period the panel lacks, is an `UnknownCodeError`.
 *
 * At each aggregate with mean transform φ (x for arithmetic, ln x for
 * geometric, 1/x for harmonic, xᵖ for generalised), φ(G) = Σ ŵᵢ φ(cᵢ) with
 * the weights ŵ rescaled over the children present, so
 * Δφ(G) = Σᵢ [ŵᵢ,to φ(cᵢ,to) − ŵᵢ,from φ(cᵢ,from)] exactly; child i is given
 * the share of ΔG that its term has of Δφ(G) (for the arithmetic mean this
 * is just ŵᵢ Δcᵢ when no child is missing; for the geometric mean it is the
 * log-mean Divisia split). A child's share is then split among its own
 * children the same way, down to the indicators.
 *
 * @example
 * // index = (a + b) / 2; a: 60 → 70, b: 80 → 76; change +3 = +5 from a, −2 from b
 * const d = decomposeChange(fw, exact, 'X', '2025-01', '2025-02');
 * d.change.toString(); // '3'
 * d.contributions.a.toString(); // '5'
 */
export function decomposeChange(framework: Framework, panel: ExactPanel, unit: string, from: string, to: string): ChangeDecomposition | null {
  const u = panel.units.indexOf(unit);
  const p0 = panel.periods.indexOf(from);
  const p1 = panel.periods.indexOf(to);
  if (u < 0) throw new UnknownCodeError('unit', unit, `no unit "${unit}" in the exact panel`);
  // A period before the data starts (a year-on-year change in the first year)
  // has no change to split; any other period the panel lacks is an error.
  for (const [period, p] of [[from, p0], [to, p1]] as const) {
    if (p < 0 && !(periodFrequency(period) !== undefined && periodFrequency(period) === periodFrequency(panel.periods[0] ?? '') && period < panel.periods[0])) {
      throw new UnknownCodeError('period', period, `no period "${period}" in the exact panel (${panel.periods[0]} to ${panel.periods[panel.periods.length - 1]})`);
    }
  }
  if (p0 < 0 || p1 < 0) return null;
  const C = panel.codes.length;
  const U = panel.units.length;
  const column = new Map(panel.codes.map((c, i) => [c, i]));
  const seen = new Map<number, Decimal | null>();
  const value = (code: string, p: number): Decimal | null => {
    const c = column.get(code);
    if (c === undefined) throw new PinganError('unknown-code', `the panel has no column "${code}"`);
    const i = (p * U + u) * C + c;
    let v = seen.get(i);
    if (v === undefined) seen.set(i, (v = exactAt(panel.values, i)));
    return v;
  };
  const root0 = value(framework.root, p0);
  const root1 = value(framework.root, p1);
  if (root0 === null || root1 === null) return null;

  const contributions: Record<string, Decimal> = Object.fromEntries(framework.indicators.map((c) => [c, ZERO]));
  const throughNode: Record<string, Decimal> = {};

  /**
   * Splits what reaches a node: `own`, the part that comes from the node's own
   * change, goes to its children by their terms; `composition`, the part that
   * comes from its weight moving because a sibling appeared or vanished, is
   * spread over its children by weight.
   */
  const split = (code: string, own: Decimal, composition: Decimal): void => {
    const node = framework.byCode.get(code);
    if (!node) return;
    if (node.type === 'indicator') {
      contributions[code] = contributions[code].plus(own).plus(composition);
      return;
    }
    throughNode[code] = own.plus(composition);
    const g0 = value(code, p0);
    const g1 = value(code, p1);
    const { phi, slope } = transformOf(node.aggregation);
    const weights = node.children.map((k) => new Exact(framework.byCode.get(k)?.weight ?? 1));
    const total0 = node.children.reduce((sum, k, i) => (value(k, p0) === null ? sum : sum.plus(weights[i])), ZERO);
    const total1 = node.children.reduce((sum, k, i) => (value(k, p1) === null ? sum : sum.plus(weights[i])), ZERO);
    // Each child's term ŵ₁φ(c₁) − ŵ₀φ(c₀), and the part of it that its own change makes, ŵ₁(φ(c₁) − φ(c₀)).
    const terms: Decimal[] = [];
    const ownTerms: Decimal[] = [];
    node.children.forEach((k, i) => {
      const c0 = value(k, p0);
      const c1 = value(k, p1);
      const w1 = c1 === null || g1 === null ? ZERO : weights[i].div(total1);
      const w0 = c0 === null || g0 === null ? ZERO : weights[i].div(total0);
      const term = (c1 === null ? ZERO : w1.times(phi(c1))).minus(c0 === null ? ZERO : w0.times(phi(c0)));
      terms.push(term);
      // With the same weight in both periods, the whole term is the child's own change.
      const moved = c0 !== null && c1 !== null && !w1.isZero() && !w0.isZero() && !w1.eq(w0);
      ownTerms.push(moved ? w1.times(phi(c1 as Decimal).minus(phi(c0 as Decimal))) : term);
    });
    const termSum = terms.reduce((a, b) => a.plus(b), ZERO);
    const present = node.children.map((k) => value(k, p1) !== null || value(k, p0) !== null);
    const presentWeight = weights.reduce((sum, w, i) => (present[i] ? sum.plus(w) : sum), ZERO);
    const byWeight = (x: Decimal) => weights.map((w, i) => (present[i] && !presentWeight.isZero() ? x.times(w).div(presentWeight) : ZERO));

    let allocated: Decimal[];
    if (!termSum.isZero()) {
      allocated = terms.map((t) => own.times(t).div(termSum));
    } else if (g1 !== null && terms.some((t) => !t.isZero())) {
      // Offsetting moves and no net change: each child's first-order part (they add up to zero).
      const slopeAtG = slope(g1);
      allocated = terms.map((t) => t.times(slopeAtG));
      const rest = byWeight(own);
      allocated = allocated.map((a, i) => a.plus(rest[i]));
    } else {
      allocated = byWeight(own);
    }
    // The last child with a part takes what the others leave, so that the
    // parts add up exactly, not just to the working precision.
    const last = allocated.findLastIndex((a) => !a.isZero());
    if (last >= 0) allocated[last] = allocated.reduce((rest, a, i) => (i === last ? rest : rest.minus(a)), own);
    const spread = byWeight(composition);
    node.children.forEach((k, i) => {
      const ownShare = terms[i].isZero() || ownTerms[i].eq(terms[i]) ? allocated[i] : allocated[i].times(ownTerms[i]).div(terms[i]);
      split(k, ownShare, allocated[i].minus(ownShare).plus(spread[i]));
    });
  };
  const change = root1.minus(root0);
  split(framework.root, change, ZERO);
  return { unit, from, to, change, contributions, throughNode };
}
