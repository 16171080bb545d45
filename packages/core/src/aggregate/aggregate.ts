import { PinganError } from '../errors/pinganError.ts';
import { copelandScores } from './copelandScores.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';

const ARITHMETIC = 0;
const GEOMETRIC = 1;
const HARMONIC = 2;
const GENERALISED = 3;
const COPELAND = 4;

interface Plan {
  code: string;
  /** Output column of each child. */
  children: Int32Array;
  childCodes: readonly string[];
  weights: Float64Array;
  method: number;
  power: number;
  minAvailability: number;
}

/**
 * Aggregates a panel of indicator scores up the framework, as COINr's
 * `Aggregate`. The result has the columns `[...framework.indicators,
 * ...framework.aggregates]`: the indicators copied (values and flags), then
 * each aggregate computed bottom-up from its children, in
 * `framework.aggregates` order, with its node's `aggregation` spec:
 *
 * - the children's weights are each child node's `weight`, rescaled over the
 *   children present (missing children are skipped, as COINr's `a_amean`,
 *   `a_gmean`, `a_hmean`);
 * - `arithmetic`: `Σ (wᵢ / Σw) xᵢ`; `geometric`: `exp(Σ wᵢ log xᵢ / Σ wᵢ)`;
 *   `harmonic`: `Σ wᵢ / Σ (wᵢ / xᵢ)`; `generalised`: `(Σ wᵢ xᵢ^p / Σ wᵢ)^(1/p)`;
 * - `minAvailability` is COINr's `dat_thresh`: the aggregate is missing when
 *   `present / children < minAvailability` (strictly less, so a share equal
 *   to the threshold is enough); with no child present it is missing anyway;
 * - a present aggregate's flags are the bitwise OR of its present children's
 *   flags (so an imputed indicator stays visible in the index), plus
 *   `Flag.Partial` when some children were missing; a missing aggregate has
 *   no flags.
 *
 * A geometric or harmonic mean (or a generalised mean with a negative power)
 * over a present value ≤ 0 throws a `PinganError` naming the node, unit,
 * period and child. A missing indicator column throws a `PinganError` naming it.
 *
 * @example
 * const fw = defineFramework({
 *   id: 'demo', version: '1', name: { zh: '示例', en: 'Demo' },
 *   nodes: [
 *     { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
 *     { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: { zh: '甲', en: 'A' } },
 *     { code: 'b', type: 'indicator', parent: 'index', direction: 1, weight: 3, name: { zh: '乙', en: 'B' } },
 *   ],
 * });
 * const scores = createPanel({ units: ['X'], periods: ['2025'], codes: ['a', 'b'], values: [40, 80] });
 * // weights 1 and 3 → 0.25 × 40 + 0.75 × 80 = 70
 * aggregate(scores, fw).values; // Float64Array [40, 80, 70]
 */
export function aggregate(panel: Panel, framework: Framework): Panel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const indicators = framework.indicators;
  const I = indicators.length;
  const outCodes = [...indicators, ...framework.aggregates];
  const K = outCodes.length;
  const columnOf = new Map<string, number>();
  outCodes.forEach((code, k) => columnOf.set(code, k));

  const inputColumns = new Int32Array(I);
  for (let k = 0; k < I; k++) {
    const c = panel.codes.indexOf(indicators[k]);
    if (c < 0) throw new PinganError('unknown-code', `aggregate: the panel has no column for indicator "${indicators[k]}"`);
    inputColumns[k] = c;
  }

  const plans: Plan[] = framework.aggregates.map((code) => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'aggregate') throw new PinganError('unknown-code', `aggregate: "${code}" is not an aggregate of the framework`);
    const spec = node.aggregation;
    const children = new Int32Array(node.children.length);
    const weights = new Float64Array(node.children.length);
    node.children.forEach((child, i) => {
      const column = columnOf.get(child);
      const childNode = framework.byCode.get(child);
      if (column === undefined || !childNode) throw new PinganError('unknown-code', `aggregate: child "${child}" of "${code}" is not in the framework`);
      children[i] = column;
      weights[i] = childNode.weight;
    });
    let method = ARITHMETIC;
    let power = 1;
    if (spec.method === 'geometric') method = GEOMETRIC;
    if (spec.method === 'harmonic') method = HARMONIC;
    if (spec.method === 'copeland') method = COPELAND;
    if (spec.method === 'generalised') {
      method = GENERALISED;
      power = spec.power ?? Number.NaN;
      if (power === 0 || power !== power) throw new PinganError('invalid-argument', `aggregate: the generalised mean of "${code}" needs a non-zero power`);
    }
    return { code, children, childCodes: node.children, weights, method, power, minAvailability: spec.minAvailability };
  });

  const rows = U * P;
  const A = plans.length;
  const inValues = panel.values;
  const inFlags = panel.flags;
  const values = new Float64Array(rows * K);
  const flags = new Uint8Array(rows * K);
  // One aggregate of one row (unit-period), its children already there.
  const cell = (a: number, r: number, base: number): void => {
    const plan = plans[a];
    const { children, weights, method, power } = plan;
    const n = children.length;
    const out = base + I + a;
    let present = 0;
    let sw = 0;
    let flagUnion = 0;
    for (let i = 0; i < n; i++) {
      const at = base + children[i];
      if (values[at] === values[at]) {
        present++;
        sw += weights[i];
        flagUnion |= flags[at];
      }
    }
    // COINr: if (sum(!is.na(x_row)) / lx < dat_thresh) NA
    if (present === 0 || present / n < plan.minAvailability) {
      values[out] = Number.NaN;
      flags[out] = Flag.None;
      return;
    }
    let result: number;
    if (method === ARITHMETIC) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = values[base + children[i]];
        if (v === v) sum += (weights[i] / sw) * v;
      }
      result = sum;
    } else if (method === GEOMETRIC) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = values[base + children[i]];
        if (v !== v) continue;
        if (v <= 0) nonPositive(panel, plan, r, i, v, 'geometric mean');
        sum += weights[i] * Math.log(v);
      }
      result = Math.exp(sum / sw);
    } else if (method === HARMONIC) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = values[base + children[i]];
        if (v !== v) continue;
        if (v <= 0) nonPositive(panel, plan, r, i, v, 'harmonic mean');
        sum += weights[i] / v;
      }
      result = sw / sum;
    } else {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = values[base + children[i]];
        if (v !== v) continue;
        if (power < 0 && v <= 0) nonPositive(panel, plan, r, i, v, `generalised mean (power ${power})`);
        sum += weights[i] * v ** power;
      }
      result = (sum / sw) ** (1 / power);
    }
    values[out] = result;
    flags[out] = present < n ? flagUnion | Flag.Partial : flagUnion;
  };
  // Copeland's method compares units, so its groups are computed over a whole
  // period once every unit's children are there.
  const copeland = (plan: Plan, a: number, p: number): void => {
    const rowsOf = Array.from({ length: U }, (_, u) => (p * U + u) * K);
    const table = rowsOf.map((base) => Array.from(plan.children, (c) => values[base + c]));
    const scores = copelandScores(table, Array.from(plan.weights));
    rowsOf.forEach((base, u) => {
      const out = base + I + a;
      let present = 0;
      let flagUnion = 0;
      for (let i = 0; i < plan.children.length; i++) {
        const v = values[base + plan.children[i]];
        if (v === v) {
          present++;
          flagUnion |= flags[base + plan.children[i]];
        }
      }
      const n = plan.children.length;
      if (present === 0 || present / n < plan.minAvailability) {
        values[out] = Number.NaN;
        flags[out] = Flag.None;
        return;
      }
      values[out] = scores[u];
      flags[out] = present < n ? flagUnion | Flag.Partial : flagUnion;
    });
  };
  const copyIndicators = (r: number): void => {
    const src = r * C;
    const base = r * K;
    for (let k = 0; k < I; k++) {
      values[base + k] = inValues[src + inputColumns[k]];
      flags[base + k] = inFlags[src + inputColumns[k]];
    }
  };
  if (!plans.some((plan) => plan.method === COPELAND)) {
    // Row-outer loops: a row's cells (indicators, then aggregates) are
    // contiguous, so each row is read and written while it is in cache.
    for (let r = 0; r < rows; r++) {
      copyIndicators(r);
      for (let a = 0; a < A; a++) cell(a, r, r * K);
    }
  } else {
    for (let p = 0; p < P; p++) {
      for (let u = 0; u < U; u++) copyIndicators(p * U + u);
      for (let a = 0; a < A; a++) {
        if (plans[a].method === COPELAND) copeland(plans[a], a, p);
        else for (let u = 0; u < U; u++) cell(a, p * U + u, (p * U + u) * K);
      }
    }
  }
  return { units: panel.units, periods: panel.periods, codes: outCodes, values, flags };
}

function nonPositive(panel: Panel, plan: Plan, row: number, child: number, value: number, what: string): never {
  const U = panel.units.length;
  const unit = panel.units[row % U];
  const period = panel.periods[Math.floor(row / U)];
  throw new PinganError('out-of-domain', 
    `${what} of "${plan.code}" needs positive values: unit "${unit}", period "${period}", child "${plan.childCodes[child]}" is ${value}`,
  );
}
