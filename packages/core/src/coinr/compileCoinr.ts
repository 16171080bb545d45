import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import { panelFromObservations } from '../data/observations.ts';
import type { Panel } from '../panel/panel.ts';
import { fromCoinr, type CoinrImport, type CoinrOptions, type CoinrRecord } from './fromCoinr.ts';

/** COINr's tables as `fromCoinr` takes them. */
export interface CoinrTables {
  readonly iData: readonly CoinrRecord[];
  readonly iMeta: readonly CoinrRecord[];
}

/** COINr's tables validated once, with a reader of their data cells compiled to panel indices. */
export interface CoinrPlan extends CoinrImport {
  /** The panel of the tables given to `compileCoinr`. */
  readonly panel: Panel;
  /**
   * The panel of iData tables of the same shape (the same rows, units and
   * columns; the values may differ), read through the compiled indices:
   * no schema, no Map, no observation objects; only each cell's number is
   * checked. A table of another shape needs a new plan (an error says so).
   */
  readonly read: (iData: readonly CoinrRecord[]) => Panel;
}

const text = (v: CoinrRecord[string]): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * `fromCoinr` and `panelFromObservations` done once, compiled into a reader
 * of iData's cells: what a run that rebuilds an index many times from the
 * raw tables (COINr's `Regen`, an uncertainty or sensitivity analysis) does
 * once instead of on every rebuild. Every problem of the tables is reported
 * here, as by `fromCoinr`; `read` then checks only that each cell is a
 * number, or empty / NA for missing.
 *
 * @example
 * const plan = compileCoinr({ iMeta, iData });
 * const panel = plan.read(iData); // the same values as plan.panel
 * buildIndex(plan.framework, panel, plan.options);
 */
export function compileCoinr(tables: CoinrTables, options: CoinrOptions = {}): CoinrPlan {
  const imported = fromCoinr(tables, options);
  const { framework } = imported;
  const panel = panelFromObservations(framework, imported.observations);
  const denomColumns = new Set((options.Denominate?.denoms ?? []).flatMap((row) => Object.keys(row)));
  const denominators = framework.denominators.map((d) => d.code);
  // The data columns, as fromCoinr reads them: indicators, then the denominators not given in `denoms`.
  const columns = [...framework.indicators, ...denominators.filter((code) => !denomColumns.has(code))];
  const columnIndex = columns.map((code) => panel.codes.indexOf(code));
  const units: string[] = [];
  const rows: number[] = [];
  const cells: number[] = [];
  const C = panel.codes.length;
  const U = panel.units.length;
  tables.iData.forEach((row, i) => {
    if (Object.values(row).every((v) => text(v) === '')) return;
    const unit = text(row.uCode);
    const p = panel.periods.indexOf(text(row.Time) || (options.period ?? ''));
    const u = panel.units.indexOf(unit);
    units.push(unit);
    rows.push(i);
    for (const c of columnIndex) cells.push((p * U + u) * C + c);
  });
  const K = columns.length;
  const read = (iData: readonly CoinrRecord[]): Panel => {
    const issues: ValidationIssue[] = [];
    if (iData.length !== tables.iData.length) issues.push({ path: 'iData', message: `has ${iData.length} rows where the plan was compiled for ${tables.iData.length}: compile a new plan` });
    const values = Float64Array.from(panel.values);
    for (let r = 0; r < rows.length && issues.length === 0; r++) {
      const row = iData[rows[r]];
      if (text(row.uCode) !== units[r]) {
        issues.push({ path: `iData row ${rows[r] + 2}`, message: `uCode is "${text(row.uCode)}" where the plan was compiled for "${units[r]}": compile a new plan` });
        break;
      }
      for (let k = 0; k < K; k++) {
        const cell = text(row[columns[k]]);
        const value = cell === '' || cell === 'NA' ? Number.NaN : Number(cell);
        if (cell !== '' && cell !== 'NA' && !Number.isFinite(value)) issues.push({ path: `iData row ${rows[r] + 2} (${units[r]}).${columns[k]}`, message: `"${cell}" is not a number` });
        values[cells[r * K + k]] = value;
      }
    }
    if (issues.length > 0) throw new ValidationError('the COINr tables', issues);
    return { units: panel.units, periods: panel.periods, codes: panel.codes, values, flags: Uint8Array.from(panel.flags) };
  };
  return { ...imported, panel, read };
}
