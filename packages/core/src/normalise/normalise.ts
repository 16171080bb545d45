import { PinganError } from '../errors/pinganError.ts';
import { scoresAcrossPeriods } from './scoresAcrossPeriods.ts';
import type { Framework } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { indexToBaseScore } from './indexToBase.ts';
import { normaliseInto } from './normaliseColumn.ts';

/**
 * Normalises a panel with the framework: returns a new panel whose columns
 * are exactly `framework.indicators` (in that order), each scored with its
 * node's `normalisation` spec and `direction`, as COINr's `Normalise`:
 *
 * - scope `'period'`: the reference set (min, max, mean, ranks…) is the
 *   units of the same period, COINr's cross-section of one coin;
 * - scope `'panel'`: it is every unit in every period at once, as COINr's
 *   `Normalise(purse, global = TRUE)`, so scores compare across time;
 * - `goalposts` use fixed goalposts, so the scope does not matter;
 * - `distanceToReference` to `{ unit }` uses that unit's value in the same
 *   period (all of that period's scores are missing when it is missing);
 * - `indexToBase` works per unit over time: the base is the mean of the
 *   unit's values present in the base period (or the `{ from, to }` range,
 *   both ends included, compared as period strings, so give the range in
 *   the panel's own frequency), and its scores are `scale * (1 + direction *
 *   (x - base) / |base|)`; a unit whose base is missing or zero has no scores
 *   (`NaN` in every period).
 *
 * Each cell keeps its flags; `Flag.Capped` is added where a goalpost or
 * target cap changed the score. Throws a `PinganError` naming the code when
 * the panel lacks an indicator column, a reference unit is not in the panel,
 * or no panel period falls in an `indexToBase` base.
 *
 * @example
 * const fw = defineFramework({
 *   id: 'demo', version: '1', name: { zh: '示例', en: 'Demo' },
 *   nodes: [
 *     { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
 *     { code: 'x', type: 'indicator', parent: 'index', direction: -1, name: { zh: '甲', en: 'X' } },
 *   ],
 * });
 * const p = createPanel({ units: ['A', 'B', 'C'], periods: ['2025'], codes: ['x'], values: [2, 3, 6] });
 * normalise(p, fw).values; // Float64Array [100, 75, 0] (min-max 0–100, lower is better)
 */
export function normalise(panel: Panel, framework: Framework): Panel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const codes = framework.indicators;
  const K = codes.length;
  const rows = U * P;
  const inValues = panel.values;
  const inFlags = panel.flags;

  const sourceColumns = new Int32Array(K);
  const specs: NormalisationSpec[] = [];
  const directions: (1 | -1)[] = [];
  const referenceUnits = new Int32Array(K).fill(-1);
  // Columns scored within each period (in per-period blocks), and columns
  // that need every period at once (a panel scope, or a unit's base period).
  const byPeriod: number[] = [];
  const whole: number[] = [];
  // `framework.indicators` lists the indicators in `framework.nodes` order: their nodes are read from there, so that a
  // revised framework (an analysis run, a workbench change) need not build its lookup table.
  const indicatorNodes = framework.nodes.filter((node) => node.type === 'indicator');
  for (let k = 0; k < K; k++) {
    const code = codes[k];
    const c = panel.codes.indexOf(code);
    if (c < 0) throw new PinganError('unknown-code', `normalise: the panel has no column for indicator "${code}"`);
    sourceColumns[k] = c;
    const node = indicatorNodes[k]?.code === code ? indicatorNodes[k] : framework.byCode.get(code);
    if (!node || node.type !== 'indicator') throw new PinganError('unknown-code', `normalise: "${code}" is not an indicator of the framework`);
    const spec = node.normalisation;
    specs.push(spec);
    directions.push(node.direction);
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference) {
      referenceUnits[k] = panel.units.indexOf(spec.reference.unit);
      if (referenceUnits[k] < 0) {
        throw new PinganError('unknown-code', `normalise: indicator "${code}" is scored against unit "${spec.reference.unit}", which is not in the panel`);
      }
    }
    if (scoresAcrossPeriods(spec)) whole.push(k);
    else byPeriod.push(k);
  }

  const values = new Float64Array(rows * K);
  const flags = new Uint8Array(rows * K);
  for (let j = 0; j < rows; j++) {
    const from = j * C;
    const to = j * K;
    for (let k = 0; k < K; k++) flags[to + k] = inFlags[from + sourceColumns[k]];
  }

  // Period by period: gather the period's rows into a small column-major
  // block (reused, so it stays in cache), score each column in place, and
  // write the block into the period's rows of the result.
  const B = byPeriod.length;
  if (B > 0) {
    const block = new Float64Array(U * B);
    const blockCapped = new Uint8Array(U * B);
    for (let p = 0; p < P; p++) {
      for (let u = 0; u < U; u++) {
        const from = (p * U + u) * C;
        for (let b = 0; b < B; b++) block[b * U + u] = inValues[from + sourceColumns[byPeriod[b]]];
      }
      blockCapped.fill(0);
      for (let b = 0; b < B; b++) {
        const k = byPeriod[b];
        const section = block.subarray(b * U, (b + 1) * U);
        normaliseInto(section, section, blockCapped.subarray(b * U, (b + 1) * U), specs[k], directions[k], referenceUnits[k]);
      }
      for (let u = 0; u < U; u++) {
        const to = (p * U + u) * K;
        for (let b = 0; b < B; b++) {
          const k = byPeriod[b];
          values[to + k] = block[b * U + u];
          if (blockCapped[b * U + u] !== 0) flags[to + k] |= Flag.Capped;
        }
      }
    }
  }

  // Whole columns (row j = p * U + u), one at a time in one reused buffer.
  if (whole.length > 0) {
    const column = new Float64Array(rows);
    const columnCapped = new Uint8Array(rows);
    for (const k of whole) {
      const c = sourceColumns[k];
      for (let j = 0; j < rows; j++) column[j] = inValues[j * C + c];
      const spec = specs[k];
      if (spec.method === 'indexToBase') {
        scoreAgainstBase(panel, codes[k], spec, directions[k], column);
      } else {
        columnCapped.fill(0);
        normaliseInto(column, column, columnCapped, spec, directions[k], -1);
        for (let j = 0; j < rows; j++) if (columnCapped[j] !== 0) flags[j * K + k] |= Flag.Capped;
      }
      for (let j = 0; j < rows; j++) values[j * K + k] = column[j];
    }
  }
  return { units: panel.units, periods: panel.periods, codes: [...codes], values, flags };
}

type IndexToBaseSpec = Extract<NormalisationSpec, { method: 'indexToBase' }>;

/** Scores one gathered column (row j = p * U + u) against each unit's base, in place. */
function scoreAgainstBase(panel: Panel, code: string, spec: IndexToBaseSpec, direction: 1 | -1, column: Float64Array): void {
  const U = panel.units.length;
  const P = panel.periods.length;
  const basePeriods: number[] = [];
  if (typeof spec.base === 'string') {
    const p = panel.periods.indexOf(spec.base);
    if (p < 0) throw new PinganError('unknown-code', `normalise: indicator "${code}" has base period "${spec.base}", which is not in the panel`);
    basePeriods.push(p);
  } else {
    const { from, to } = spec.base;
    panel.periods.forEach((period, p) => {
      if (period >= from && period <= to) basePeriods.push(p);
    });
    if (basePeriods.length === 0) {
      throw new PinganError('unknown-code', `normalise: indicator "${code}" has base ${from} to ${to}, and no period of the panel falls in it`);
    }
  }
  for (let u = 0; u < U; u++) {
    let sum = 0;
    let count = 0;
    for (const p of basePeriods) {
      const v = column[p * U + u];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    const base = count === 0 ? Number.NaN : sum / count;
    for (let p = 0; p < P; p++) column[p * U + u] = indexToBaseScore(column[p * U + u], base, spec.scale, direction);
  }
}
