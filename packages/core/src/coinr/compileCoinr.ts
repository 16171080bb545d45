import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { Panel } from '../panel/panel.ts';
import { cellText, tableReader, type CoinrTable } from './coinrTable.ts';
import { LONG_FORM, cellNumber, compileFast, compileFromImport, importWithLongForm, type CellMap, type CoinrTables, type LongForm } from './compileTables.ts';
import type { CoinrImport, CoinrOptions } from './fromCoinr.ts';

export type { CoinrTables } from './compileTables.ts';

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
  readonly read: (iData: CoinrTable) => Panel;
}

/**
 * `fromCoinr` and `panelFromObservations` done once, compiled into a reader
 * of iData's cells: what a run that rebuilds an index many times from the
 * raw tables (COINr's `Regen`, an uncertainty or sensitivity analysis) does
 * once instead of on every rebuild. Every problem of the tables is reported
 * here, as by `fromCoinr` and `panelFromObservations`; `read` then checks
 * only that each cell is a number, or empty / NA for missing.
 *
 * The tables are checked in one typed pass straight into the panel (no
 * observation objects, no zod over every node: see
 * `frameworkFromCoinrDocument`); tables with any problem go through
 * `fromCoinr` and `panelFromObservations`, whose report says what is wrong
 * and where. `observations` is made when first read.
 *
 * @example
 * const plan = compileCoinr({ iMeta, iData });
 * const panel = plan.read(iData); // the same values as plan.panel
 * buildIndex(plan.framework, panel, plan.options);
 */
export function compileCoinr(tables: CoinrTables, options: CoinrOptions = {}): CoinrPlan {
  const compiled = (options.Denominate?.denoms ? undefined : compileFast(tables, options)) ?? compileFromImport(tables, options);
  return withReader(compiled.imported, compiled.panel, compiled.map, compiled.rowCount);
}

/** The plan: the import, its panel, and `read`, which reads tables of the same shape through the map. */
function withReader(imported: CoinrImport, panel: Panel, map: CellMap, rowCount: number): CoinrPlan {
  const { columns, rows, units, cells } = map;
  const K = columns.length;
  const read = (table: CoinrTable): Panel => {
    const iData = tableReader(table);
    const issues: ValidationIssue[] = [];
    if (iData.length !== rowCount) issues.push({ path: 'iData', message: `has ${iData.length} rows where the plan was compiled for ${rowCount}: compile a new plan` });
    const uCode = iData.column('uCode');
    const handles = columns.map((code) => iData.column(code));
    const values = Float64Array.from(panel.values);
    for (let r = 0; r < rows.length && issues.length === 0; r++) {
      const i = rows[r];
      const unit = cellText(iData.cell(i, uCode));
      if (unit !== units[r]) {
        issues.push({ path: `iData row ${i + 2}`, message: `uCode is "${unit}" where the plan was compiled for "${units[r]}": compile a new plan` });
        break;
      }
      for (let k = 0; k < K; k++) {
        const cell = iData.cell(i, handles[k]);
        const value = cellNumber(cell);
        if (value === undefined) issues.push({ path: `iData row ${i + 2} (${units[r]}).${columns[k]}`, message: `"${cellText(cell)}" is not a number` });
        else values[cells ? cells[r * K + k] : r * K + k] = value;
      }
    }
    if (issues.length > 0) throw new ValidationError('the COINr tables', issues);
    return { units: panel.units, periods: panel.periods, codes: panel.codes, values, flags: Uint8Array.from(panel.flags) };
  };
  return planOf(imported, panel, read);
}

/** The plan object, made outside `withReader`: a getter keeps the scope it was made in, which there holds `read`'s. */
function planOf(imported: CoinrImport, panel: Panel, read: CoinrPlan['read']): CoinrPlan {
  // The fast path's long form is made when first read (observationsOf); the slow path has it already.
  return importWithLongForm(imported, longFormOf(imported), { panel, read });
}

/** The import's long form: the fast path's, or the slow path's observations. */
function longFormOf(imported: CoinrImport): LongForm {
  const kept = (imported as { readonly [LONG_FORM]?: LongForm })[LONG_FORM];
  return kept ?? { codes: [], rows: [], units: [], rowPeriods: [], read: new Float64Array(0), observations: imported.observations };
}
