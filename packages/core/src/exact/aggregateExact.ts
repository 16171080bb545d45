import { Flag } from '../panel/flags.ts';
import { PinganError } from '../errors/pinganError.ts';
import type { Decimal } from 'decimal.js';
import type { AggregateNode, Framework } from '../framework/defineFramework.ts';
import { Exact } from './decimal.ts';
import { aggregationMethods } from '../methods/aggregationMethods.ts';
import { packPanel, unpackPanel, type DecimalPanel } from './decimalPanel.ts';
import type { ExactPanel } from './exactPanel.ts';

const ZERO = new Exact(0);
const ONE = new Exact(1);

/**
 * One weighted mean in exact arithmetic, over the present (non-null) values
 * with their weights rescaled, as `aggregate` does in float64. `null` when
 * fewer than `minAvailability` of the values are present, or none are.
 *
 * @example
 * aggregateValuesExact([new Exact(50), null, new Exact(80)], [new Exact(1), new Exact(1), new Exact(2)], { method: 'arithmetic', minAvailability: 0 })
 *   ?.toString(); // '70' = (50·1 + 80·2) / 3
 */
export function aggregateValuesExact(
  values: readonly (Decimal | null)[],
  weights: readonly Decimal[],
  spec: AggregateNode['aggregation'],
): Decimal | null {
  return meanOfPresent(values, prepareWeights(weights), spec);
}

/** A group's weights with what every cell of it needs, computed once. */
interface PreparedWeights {
  readonly weights: readonly Decimal[];
  /** Every weight is exactly 1, so no multiplication is needed. */
  readonly allOne: boolean;
  /** Σw, for the usual case of every child present. */
  readonly total: Decimal;
}

function prepareWeights(weights: readonly Decimal[]): PreparedWeights {
  return {
    weights,
    allOne: weights.every((w) => w.eq(ONE)),
    total: weights.reduce((a, b) => a.plus(b), ZERO),
  };
}

function meanOfPresent(values: readonly (Decimal | null)[], prepared: PreparedWeights, spec: AggregateNode['aggregation']): Decimal | null {
  const { weights, allOne } = prepared;
  // The method's exact kernel, from its one record (methods/aggregationMethods.ts).
  const method = aggregationMethods[spec.method];
  const exact = method.exact;
  if (exact === null) throw new PinganError('invalid-argument', 'a Copeland aggregate compares units: use aggregateDecimals');
  const power = spec.power ?? 1;
  const positiveOnly = method.positiveOnly(power);
  let present = 0;
  // The sum starts at the first term (0 + t is t exactly): one decimal
  // operation fewer per aggregate.
  let sum: Decimal | null = null;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null) continue;
    present++;
    if (positiveOnly && x.lte(0)) throw new PinganError('out-of-domain', `${method.label(power)} needs positive values, got ${x.toString()}`);
    const term = exact.term(x, weights[i], allOne, power);
    sum = sum === null ? term : sum.plus(term);
  }
  if (sum === null) return null;
  if (present / values.length < spec.minAvailability) return null;
  // Missing children: the remaining weights are rescaled. Dividing (not
  // multiplying by a reciprocal) keeps exact means exact: 270 / 3 is 90, where
  // 270 × 0.333… is not, and a value on a rounding edge must round the right way.
  const total =
    present === values.length ? prepared.total : values.reduce((sum: Decimal, x, i) => (x === null ? sum : sum.plus(weights[i])), ZERO);
  return exact.finish(sum, total, spec.method === 'generalised' ? ONE.div(power) : null);
}

/**
 * `aggregate` in exact decimal arithmetic: takes exact indicator scores and
 * returns them followed by every aggregate, computed bottom-up. Weights enter
 * as the decimals of their float64 values.
 *
 * @example
 * const exact = aggregateExact(normaliseExact(exactInputs(result), fw), fw);
 * exact.codes; // [...fw.indicators, ...fw.aggregates]
 */
export function aggregateExact(scores: ExactPanel, framework: Framework): ExactPanel {
  return packPanel(aggregateDecimals(unpackPanel(scores), framework));
}

/** `aggregateExact` on the working form (decimal objects), as the exact path runs it. */
export function aggregateDecimals(scores: DecimalPanel, framework: Framework): DecimalPanel {
  const codes = [...framework.indicators, ...framework.aggregates];
  const column = new Map(codes.map((c, i) => [c, i]));
  const source = framework.indicators.map((code) => {
    const c = scores.codes.indexOf(code);
    if (c < 0) throw new PinganError('unknown-code', `the scores have no column for indicator "${code}"`);
    return c;
  });
  const plan = framework.aggregates.map((code) => {
    const node = framework.byCode.get(code) as AggregateNode;
    return {
      at: column.get(code) as number,
      children: node.children.map((k) => column.get(k) as number),
      weights: prepareWeights(node.children.map((k) => new Exact(framework.byCode.get(k)?.weight ?? 1))),
      spec: node.aggregation,
      code,
    };
  });
  const rows = scores.units.length * scores.periods.length;
  const C = codes.length;
  const S = scores.codes.length;
  const values: (Decimal | null)[] = new Array(rows * C).fill(null);
  const flags = new Uint8Array(rows * C);
  const buffer: (Decimal | null)[] = [];
  const copyIndicators = (r: number): void => {
    for (let k = 0; k < source.length; k++) {
      values[r * C + k] = scores.values[r * S + source[k]];
      flags[r * C + k] = scores.flags[r * S + source[k]];
    }
  };
  const stepRow = (step: (typeof plan)[number], r: number): void => {
    const n = step.children.length;
    buffer.length = n;
    let f = 0;
    let present = 0;
    for (let i = 0; i < n; i++) {
      const at = r * C + step.children[i];
      buffer[i] = values[at];
      if (buffer[i] !== null) {
        f |= flags[at];
        present++;
      }
    }
    if (present < n) f |= Flag.Partial;
    try {
      values[r * C + step.at] = meanOfPresent(buffer, step.weights, step.spec);
    } catch (error) {
      const u = r % scores.units.length;
      const p = Math.floor(r / scores.units.length);
      throw new PinganError(error instanceof PinganError ? error.code : 'invalid-argument', `${(error as Error).message}: aggregate "${step.code}", unit "${scores.units[u]}", period "${scores.periods[p]}"`, { cause: error });
    }
    flags[r * C + step.at] = values[r * C + step.at] === null ? 0 : f;
  };
  // Copeland's method compares units: a whole period at once, in exact arithmetic.
  const copelandPeriod = (step: (typeof plan)[number], p: number): void => {
    const U = scores.units.length;
    const rowsOf = Array.from({ length: U }, (_, u) => p * U + u);
    const shares = step.weights.weights.map((w) => w.div(step.weights.total));
    const half = new Exact('0.5');
    const wins = new Array<number>(U).fill(0);
    for (let i = 0; i < U; i++) {
      for (let j = i + 1; j < U; j++) {
        let outrank = ZERO;
        step.children.forEach((c, k) => {
          const a = values[rowsOf[i] * C + c];
          const b = values[rowsOf[j] * C + c];
          if (a === null || b === null) return;
          const cmp = a.cmp(b);
          if (cmp > 0) outrank = outrank.plus(shares[k]);
          else if (cmp === 0) outrank = outrank.plus(shares[k].div(2));
        });
        const back = ONE.minus(outrank);
        wins[i] += outrank.gt(half) ? 1 : outrank.lt(half) ? -1 : 0;
        wins[j] += back.gt(half) ? 1 : back.lt(half) ? -1 : 0;
      }
    }
    rowsOf.forEach((r, u) => {
      const n = step.children.length;
      let f = 0;
      let present = 0;
      for (const c of step.children) {
        if (values[r * C + c] !== null) {
          f |= flags[r * C + c];
          present++;
        }
      }
      const missing = present === 0 || present / n < step.spec.minAvailability;
      values[r * C + step.at] = missing ? null : new Exact(wins[u]);
      flags[r * C + step.at] = missing ? 0 : present < n ? f | Flag.Partial : f;
    });
  };
  if (!plan.some((step) => step.spec.method === 'copeland')) {
    for (let r = 0; r < rows; r++) {
      copyIndicators(r);
      for (const step of plan) stepRow(step, r);
    }
  } else {
    const U = scores.units.length;
    for (let p = 0; p < scores.periods.length; p++) {
      for (let u = 0; u < U; u++) copyIndicators(p * U + u);
      for (const step of plan) {
        if (step.spec.method === 'copeland') copelandPeriod(step, p);
        else for (let u = 0; u < U; u++) stepRow(step, p * U + u);
      }
    }
  }
  return { units: scores.units, periods: scores.periods, codes, values, flags };
}
