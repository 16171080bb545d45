import type { Decimal } from 'decimal.js';
import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import { Exact } from './decimal.ts';
import type { ExactPanel } from './exactPanel.ts';

const ZERO = new Exact(0);
const ONE = new Exact(1);

/** Scores of one reference set (a cross-section, or the pooled panel), in exact arithmetic. */
function scoreSet(
  x: readonly (Decimal | null)[],
  spec: Exclude<NormalisationSpec, { method: 'indexToBase' }>,
  direction: 1 | -1,
  referenceIndex: number,
): { scores: (Decimal | null)[]; capped: boolean[] } {
  const d = new Exact(direction);
  const v = direction === 1 ? x : x.map((value) => (value === null ? null : value.neg()));
  const present = v.filter((value): value is Decimal => value !== null);
  const capped = x.map(() => false);
  const min = present.length ? Exact.min(...present) : null;
  const max = present.length ? Exact.max(...present) : null;
  const each = (f: (value: Decimal, i: number) => Decimal | null) => v.map((value, i) => (value === null ? null : f(value, i)));
  const capAt = (y: Decimal, i: number, low: boolean, high: boolean): Decimal => {
    if (high && y.gt(ONE)) {
      capped[i] = true;
      return ONE;
    }
    if (low && y.lt(ZERO)) {
      capped[i] = true;
      return ZERO;
    }
    return y;
  };
  switch (spec.method) {
    case 'minMax': {
      if (!min || !max || max.eq(min)) return { scores: x.map(() => null), capped };
      // (d·x − min) / (max − min) · (u − l) + l, with one division per column.
      const factor = new Exact(spec.upper).minus(spec.lower).div(max.minus(min));
      if (spec.lower === 0) return { scores: each((value) => value.minus(min).times(factor)), capped };
      const lower = new Exact(spec.lower);
      return { scores: each((value) => value.minus(min).times(factor).plus(lower)), capped };
    }
    case 'zScore': {
      if (present.length < 2) return { scores: x.map(() => null), capped };
      const mean = present.reduce((a, b) => a.plus(b), ZERO).div(present.length);
      const sd = present
        .reduce((a, b) => a.plus(b.minus(mean).pow(2)), ZERO)
        .div(present.length - 1)
        .sqrt();
      if (sd.isZero()) return { scores: x.map(() => null), capped };
      return { scores: each((value) => value.minus(mean).div(sd).times(spec.sd).plus(spec.mean)), capped };
    }
    case 'goalposts': {
      const lo = new Exact(spec.min);
      const hi = new Exact(spec.max);
      const width = hi.minus(lo);
      return {
        scores: x.map((value, i) => {
          if (value === null) return null;
          const y = direction === -1 ? hi.minus(value).div(width) : value.minus(lo).div(width);
          return (spec.cap ? capAt(y, i, true, true) : y).times(spec.scale);
        }),
        capped,
      };
    }
    case 'distanceToReference': {
      const raw = 'unit' in spec.reference ? x[referenceIndex] : new Exact(spec.reference.value);
      if (raw === null || raw === undefined || !min) return { scores: x.map(() => null), capped };
      const ref = raw.times(d);
      const width = ref.minus(min);
      if (width.isZero()) return { scores: x.map(() => null), capped };
      return { scores: each((value, i) => capAt(ONE.minus(ref.minus(value).div(width)), i, false, spec.cap).times(spec.scale)), capped };
    }
    case 'distanceToTarget': {
      const target = new Exact(spec.target);
      const raw = x.filter((value): value is Decimal => value !== null);
      if (!raw.length) return { scores: x.map(() => null), capped };
      const worst = direction === -1 ? Exact.max(...raw) : Exact.min(...raw);
      const width = direction === -1 ? worst.minus(target) : target.minus(worst);
      if (width.isZero()) return { scores: x.map(() => null), capped };
      const scores = x.map((value, i) => {
        if (value === null) return null;
        const y = direction === -1 ? worst.minus(value).div(width) : value.minus(worst).div(width);
        return capAt(y, i, false, spec.cap).times(spec.scale);
      });
      return { scores, capped };
    }
    case 'rank':
    case 'percentileRank': {
      const sorted = [...present].sort((a, b) => a.comparedTo(b));
      const rankOf = (value: Decimal) => {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid].lt(value)) lo = mid + 1;
          else hi = mid;
        }
        return lo + 1;
      };
      if (spec.method === 'rank') return { scores: each((value) => new Exact(rankOf(value))), capped };
      const denominator = sorted.length - 1;
      if (denominator === 0) return { scores: x.map(() => null), capped };
      return { scores: each((value) => new Exact(rankOf(value) - 1).div(denominator).times(spec.scale)), capped };
    }
  }
}

/**
 * `normalise` in exact decimal arithmetic, method for method: the same
 * reference sets (each period, or the pooled panel), the same directions and
 * caps. Takes the exact indicator values (e.g. `toExactPanel(result.treated)`)
 * and returns exact scores, one column per indicator.
 *
 * @example
 * const scores = normaliseExact(toExactPanel(result.treated), fw);
 * scores.codes; // fw.indicators
 */
export function normaliseExact(panel: ExactPanel, framework: Framework): ExactPanel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const codes = framework.indicators;
  const K = codes.length;
  const rows = U * P;
  const values: (Decimal | null)[] = new Array(rows * K).fill(null);
  const flags = new Uint8Array(rows * K);
  codes.forEach((code, k) => {
    const c = panel.codes.indexOf(code);
    if (c < 0) throw new RangeError(`normaliseExact: the panel has no column for indicator "${code}"`);
    const node = framework.byCode.get(code) as IndicatorNode;
    const spec = node.normalisation;
    const column = Array.from({ length: rows }, (_, j) => panel.values[j * C + c]);
    const put = (j: number, score: Decimal | null, capped: boolean) => {
      values[j * K + k] = score;
      flags[j * K + k] = capped ? panel.flags[j * C + c] | Flag.Capped : panel.flags[j * C + c];
    };
    if (spec.method === 'indexToBase') {
      const inBase = panel.periods.map((period) =>
        typeof spec.base === 'string' ? period === spec.base : period >= spec.base.from && period <= spec.base.to,
      );
      for (let u = 0; u < U; u++) {
        const baseValues = panel.periods.flatMap((_, p) => (inBase[p] && column[p * U + u] !== null ? [column[p * U + u] as Decimal] : []));
        const base = baseValues.length ? baseValues.reduce((a, b) => a.plus(b), ZERO).div(baseValues.length) : null;
        for (let p = 0; p < P; p++) {
          const x = column[p * U + u];
          const score =
            x === null || base === null || base.isZero()
              ? null
              : ONE.plus(x.minus(base).times(node.direction).div(base.abs())).times(spec.scale);
          put(p * U + u, score, false);
        }
      }
      return;
    }
    const pooled = spec.method === 'goalposts' || ('scope' in spec && spec.scope === 'panel');
    const referenceUnit = spec.method === 'distanceToReference' && 'unit' in spec.reference ? panel.units.indexOf(spec.reference.unit) : -1;
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference && referenceUnit < 0) {
      throw new RangeError(`normaliseExact: indicator "${code}" is scored against unit "${spec.reference.unit}", which is not in the panel`);
    }
    const sets = pooled ? [[0, rows]] : Array.from({ length: P }, (_, p) => [p * U, (p + 1) * U]);
    for (const [from, to] of sets) {
      const { scores, capped } = scoreSet(column.slice(from, to), spec, node.direction, referenceUnit);
      scores.forEach((score, i) => put(from + i, score, capped[i]));
    }
  });
  return { units: panel.units, periods: panel.periods, codes: [...codes], values, flags };
}
