import { PinganError } from '../errors/pinganError.ts';
import type { Decimal } from 'decimal.js';
import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import { compareExact, Exact } from './decimal.ts';
import { packPanel, unpackPanel, type DecimalPanel } from './decimalPanel.ts';
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
  const capped = x.map(() => false);
  // The extremes of the raw values, found without decimal.js copying each one.
  let low: Decimal | null = null;
  let high: Decimal | null = null;
  for (const value of x) {
    if (value === null) continue;
    if (low === null || compareExact(value, low) < 0) low = value;
    if (high === null || compareExact(value, high) > 0) high = value;
  }
  // Directed values (d·x) and their extremes; negated lazily, only for the methods that need them.
  let directed: (Decimal | null)[] | null = direction === 1 ? (x as (Decimal | null)[]) : null;
  const v = (): (Decimal | null)[] => (directed ??= x.map((value) => (value === null ? null : value.neg())));
  const present = (): Decimal[] => v().filter((value): value is Decimal => value !== null);
  const min = direction === 1 ? low : high && high.neg();
  const max = direction === 1 ? high : low && low.neg();
  const each = (f: (value: Decimal, i: number) => Decimal | null) => v().map((value, i) => (value === null ? null : f(value, i)));
  const capAt = (y: Decimal, i: number, atZero: boolean, atOne: boolean): Decimal => {
    if (atOne && y.gt(ONE)) {
      capped[i] = true;
      return ONE;
    }
    if (atZero && y.lt(ZERO)) {
      capped[i] = true;
      return ZERO;
    }
    return y;
  };
  switch (spec.method) {
    case 'minMax': {
      if (!min || !max || max.eq(min)) return { scores: x.map(() => null), capped };
      // (d·x − min) / (max − min) · (u − l) + l, with one division per column;
      // for d = −1, d·x − min(d·x) is high − x, which needs no negation.
      const factor = new Exact(spec.upper).minus(spec.lower).div(max.minus(min));
      const lower = spec.lower === 0 ? null : new Exact(spec.lower);
      const top = high as Decimal;
      const bottom = low as Decimal;
      const scores = x.map((value) => {
        if (value === null) return null;
        const y = (direction === 1 ? value.minus(bottom) : top.minus(value)).times(factor);
        return lower ? y.plus(lower) : y;
      });
      return { scores, capped };
    }
    case 'zScore': {
      const values = present();
      if (values.length < 2) return { scores: x.map(() => null), capped };
      const mean = values.reduce((a, b) => a.plus(b), ZERO).div(values.length);
      const sd = values
        .reduce((a, b) => a.plus(b.minus(mean).pow(2)), ZERO)
        .div(values.length - 1)
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
      if (!low) return { scores: x.map(() => null), capped };
      const worst = (direction === -1 ? high : low) as Decimal;
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
      const sorted = present().sort(compareExact);
      const rankOf = (value: Decimal) => {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compareExact(sorted[mid], value) < 0) lo = mid + 1;
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
 * caps. Takes the exact indicator values (e.g. `exactInputs(result)`, or
 * `toExactPanel(result.treated)`) and returns exact scores, one column per
 * indicator.
 *
 * @example
 * const scores = normaliseExact(exactInputs(result), fw);
 * scores.codes; // fw.indicators
 */
export function normaliseExact(panel: ExactPanel, framework: Framework): ExactPanel {
  return packPanel(normaliseDecimals(unpackPanel(panel), framework));
}

/** `normaliseExact` on the working form (decimal objects), as the exact path runs it. */
export function normaliseDecimals(panel: DecimalPanel, framework: Framework): DecimalPanel {
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
    if (c < 0) throw new PinganError('unknown-code', `normaliseExact: the panel has no column for indicator "${code}"`);
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
      throw new PinganError('unknown-code', `normaliseExact: indicator "${code}" is scored against unit "${spec.reference.unit}", which is not in the panel`);
    }
    const sets = pooled ? [[0, rows]] : Array.from({ length: P }, (_, p) => [p * U, (p + 1) * U]);
    for (const [from, to] of sets) {
      const { scores, capped } = scoreSet(column.slice(from, to), spec, node.direction, referenceUnit);
      scores.forEach((score, i) => put(from + i, score, capped[i]));
    }
  });
  return { units: panel.units, periods: panel.periods, codes: [...codes], values, flags };
}
