import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';

/**
 * Applies each indicator's `transform`: the natural logarithm for `'log'`,
 * nothing for `'none'`. Missing values stay missing; columns that are not
 * indicators of the framework pass through.
 *
 * The log needs positive values: every present value ≤ 0 of a logged
 * indicator is listed in one `ValidationError` (as are indicators the
 * panel lacks). Flags are copied. The input panel is not changed.
 *
 * @example
 * // framework: indicator "gdp" with transform "log"
 * const p = createPanel({ units: ['A', 'B'], periods: ['2025'], codes: ['gdp'], values: [1, Math.E ** 2] });
 * transform(p, framework).values; // Float64Array [0, 2]
 */
export function transform(panel: Panel, framework: Framework): Panel {
  const issues: ValidationIssue[] = [];
  const logged: number[] = [];
  for (let k = 0; k < framework.indicators.length; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code);
    const c = columnIndex(panel.codes, code, k);
    if (c < 0) issues.push({ path: `indicator "${code}"`, message: 'is not a column of the panel' });
    else if (node?.type === 'indicator' && node.transform === 'log') logged.push(c);
  }
  if (issues.length > 0) throw new ValidationError('the panel', issues);
  // Nothing to log: the panel passes unchanged (panels are never written to), with no copy.
  if (logged.length === 0) return panel;

  const values = Float64Array.from(panel.values);
  const U = panel.units.length;
  const C = panel.codes.length;
  const rows = U * panel.periods.length;
  // Period by period, unit by unit, so that issues come out in panel order.
  for (let r = 0; r < rows; r++) {
    for (const c of logged) {
      const i = r * C + c;
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (v > 0) {
        values[i] = Math.log(v);
      } else {
        const p = Math.floor(r / U);
        issues.push({
          path: `unit "${panel.units[r - p * U]}", period "${panel.periods[p]}", indicator "${panel.codes[c]}"`,
          message: `cannot take the log of ${v}: the value must be positive`,
        });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError('the data', issues);
  return {
    units: [...panel.units],
    periods: [...panel.periods],
    codes: [...panel.codes],
    values,
    flags: Uint8Array.from(panel.flags),
  };
}
