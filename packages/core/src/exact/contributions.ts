import type { Decimal } from 'decimal.js';
import type { AggregateNode, Framework } from '../framework/defineFramework.ts';
import { Exact } from './decimal.ts';
import type { ExactPanel } from './exactPanel.ts';

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
  }
}

/**
 * Splits the change of the index of `unit` from period `from` to period `to`
 * into per-indicator contributions that add up exactly to the change;
 * `null` when the index is missing in either period or a period is not in
 * the panel.
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
  if (u < 0) throw new RangeError(`no unit "${unit}"`);
  // A period before the data starts (a year-on-year change in the first year) has no change to split.
  if (p0 < 0 || p1 < 0) return null;
  const C = panel.codes.length;
  const U = panel.units.length;
  const column = new Map(panel.codes.map((c, i) => [c, i]));
  const value = (code: string, p: number): Decimal | null => {
    const c = column.get(code);
    if (c === undefined) throw new RangeError(`the panel has no column "${code}"`);
    return panel.values[(p * U + u) * C + c];
  };
  const root0 = value(framework.root, p0);
  const root1 = value(framework.root, p1);
  if (root0 === null || root1 === null) return null;

  const contributions: Record<string, Decimal> = Object.fromEntries(framework.indicators.map((c) => [c, ZERO]));
  const throughNode: Record<string, Decimal> = {};

  const split = (code: string, amount: Decimal): void => {
    const node = framework.byCode.get(code);
    if (!node) return;
    if (node.type === 'indicator') {
      contributions[code] = contributions[code].plus(amount);
      return;
    }
    throughNode[code] = amount;
    const g0 = value(code, p0);
    const g1 = value(code, p1);
    const { phi, slope } = transformOf(node.aggregation);
    const weights = node.children.map((k) => new Exact(framework.byCode.get(k)?.weight ?? 1));
    const total0 = node.children.reduce((s, k, i) => (value(k, p0) === null ? s : s.plus(weights[i])), ZERO);
    const total1 = node.children.reduce((s, k, i) => (value(k, p1) === null ? s : s.plus(weights[i])), ZERO);
    const terms = node.children.map((k, i) => {
      const c0 = value(k, p0);
      const c1 = value(k, p1);
      const t1 = c1 === null || g1 === null ? ZERO : weights[i].div(total1).times(phi(c1));
      const t0 = c0 === null || g0 === null ? ZERO : weights[i].div(total0).times(phi(c0));
      return t1.minus(t0);
    });
    const termSum = terms.reduce((a, b) => a.plus(b), ZERO);
    const change = g0 !== null && g1 !== null ? g1.minus(g0) : null;
    let shares: Decimal[];
    if (!termSum.isZero()) {
      shares = terms.map((t) => t.div(termSum));
    } else if (change !== null && change.isZero() && g1 !== null && terms.some((t) => !t.isZero())) {
      // Offsetting moves: no net change; give each child its first-order part.
      const s = slope(g1);
      const parts = node.children.map((_, i) => terms[i].times(s).plus(amount.times(weights[i]).div(total1)));
      parts[parts.length - 1] = parts.slice(0, -1).reduce((rest, part) => rest.minus(part), amount);
      node.children.forEach((k, i) => split(k, parts[i]));
      return;
    } else {
      // Nothing moved at this node (or it cannot be compared): spread by weight over the children present.
      const present = node.children.map((k) => value(k, p1) !== null || value(k, p0) !== null);
      const w = weights.map((wt, i) => (present[i] ? wt : ZERO));
      const sum = w.reduce((a, b) => a.plus(b), ZERO);
      shares = w.map((wt) => (sum.isZero() ? ZERO : wt.div(sum)));
    }
    // The last child with a share takes what the others leave, so that the
    // parts add up to the amount exactly, not just to 34 digits.
    const parts = shares.map((share) => amount.times(share));
    const last = shares.findLastIndex((share) => !share.isZero());
    if (last >= 0) parts[last] = parts.reduce((rest, part, i) => (i === last ? rest : rest.minus(part)), amount);
    node.children.forEach((k, i) => split(k, parts[i]));
  };
  const change = root1.minus(root0);
  split(framework.root, change);
  return { unit, from, to, change, contributions, throughNode };
}
