import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';

/** The publisher's flags that travel from a denominator to the rate made with it. */
const DENOMINATOR_FLAGS = Flag.Estimated | Flag.Provisional;

/**
 * Turns raw counts into rates: for every indicator with a `denominator`,
 * `value / denominator × scale` in the same unit and period. Indicators
 * without a denominator pass through unchanged.
 *
 * The result has the framework's indicators as its columns, in
 * `framework.indicators` order; denominator columns are dropped. A missing
 * denominator makes the rate missing (`NaN`). A zero, negative or infinite
 * denominator where the value is present is an error: every such cell is
 * listed in one `ValidationError`, as are indicator or denominator columns
 * the panel lacks. Each cell keeps its indicator flags, plus the
 * denominator's estimated/provisional flags when the denominator is present.
 * The input panel is not changed.
 *
 * @example
 * // framework: indicator "homicide" with denominator { code: "pop", scale: 100000 }
 * const raw = createPanel({
 *   units: ['430302'], periods: ['2025-10'], codes: ['homicide', 'pop'],
 *   values: [3, 150_000],
 * });
 * const rates = denominate(raw, framework);
 * rates.codes; // ['homicide']
 * rates.values; // Float64Array [2]   (3 / 150,000 × 100,000)
 */
export function denominate(panel: Panel, framework: Framework): Panel {
  const issues: ValidationIssue[] = [];
  const columnOf = new Map(panel.codes.map((code, c) => [code, c]));
  const K = framework.indicators.length;
  const source = new Int32Array(K);
  const denominatorSource = new Int32Array(K).fill(-1);
  const scales = new Float64Array(K).fill(1);
  framework.indicators.forEach((code, k) => {
    const node = framework.byCode.get(code);
    const c = columnOf.get(code);
    if (c === undefined) {
      issues.push({ path: `indicator "${code}"`, message: 'is not a column of the panel' });
    } else {
      source[k] = c;
    }
    if (node?.type === 'indicator' && node.denominator) {
      const d = columnOf.get(node.denominator.code);
      if (d === undefined) {
        issues.push({ path: `indicator "${code}"`, message: `its denominator "${node.denominator.code}" is not a column of the panel` });
      } else {
        denominatorSource[k] = d;
        scales[k] = node.denominator.scale;
      }
    }
  });
  if (issues.length > 0) throw new ValidationError('the panel', issues);

  const U = panel.units.length;
  const C = panel.codes.length;
  const rows = U * panel.periods.length;
  const values = new Float64Array(rows * K);
  const flags = new Uint8Array(rows * K);
  const inValues = panel.values;
  const inFlags = panel.flags;
  for (let r = 0; r < rows; r++) {
    const inRow = r * C;
    const outRow = r * K;
    for (let k = 0; k < K; k++) {
      const i = inRow + source[k];
      const d = denominatorSource[k];
      const v = inValues[i];
      let f = inFlags[i];
      if (d < 0) {
        values[outRow + k] = v;
      } else {
        const den = inValues[inRow + d];
        if (Number.isNaN(den)) {
          values[outRow + k] = Number.NaN;
        } else {
          f |= inFlags[inRow + d] & DENOMINATOR_FLAGS;
          if (Number.isNaN(v)) {
            values[outRow + k] = Number.NaN;
          } else if (den > 0 && den !== Number.POSITIVE_INFINITY) {
            values[outRow + k] = (v / den) * scales[k];
          } else {
            values[outRow + k] = Number.NaN;
            const p = Math.floor(r / U);
            const u = r - p * U;
            const denCode = panel.codes[d];
            issues.push({
              path: `unit "${panel.units[u]}", period "${panel.periods[p]}", indicator "${framework.indicators[k]}"`,
              message: `denominator "${denCode}" is ${den}; it must be positive and finite where the value (${v}) is present`,
            });
          }
        }
      }
      flags[outRow + k] = f;
    }
  }
  if (issues.length > 0) throw new ValidationError('the data', issues);
  return { units: [...panel.units], periods: [...panel.periods], codes: [...framework.indicators], values, flags };
}
