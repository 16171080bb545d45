import type { Observation } from '../data/observations.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { FrameworkInput } from '../framework/schema.ts';
import type { BuildOptions } from '../pipeline/buildIndex.ts';
import { coinrDefaults, coinrDocument, readCoinrMeta } from './coinrMeta.ts';
import { cellText, isBlankRow, tableRecords, type CoinrRecord, type CoinrTable } from './coinrTable.ts';
import { frameworkFromCoinrDocument } from './coinrFramework.ts';


export interface CoinrImport {
  /** The framework document built from iMeta (can be saved as JSON). */
  readonly document: FrameworkInput;
  readonly framework: Framework;
  /** Indicators and denominators of iData in long form. */
  readonly observations: Observation[];
  /** COINr's group columns (`Type` "Group"): grouping → unit code → group. */
  readonly unitGroups: Record<string, Record<string, string>>;
  /** uCode → uName. */
  readonly unitNames: Record<string, string>;
  /** What `buildIndex` needs besides the framework: the unit groups and the screening, from `Impute` and `Screen`. */
  readonly options: BuildOptions;
}

/**
 * COINr's building steps and their global specifications, named as in
 * COINr (`Denominate`, `Impute`, `Screen`, `Treat`, `Normalise`,
 * `Aggregate`), each turned into the framework's defaults or the build's
 * options. A step left out keeps this library's default (no denomination,
 * imputation, screening or treatment; min-max 0–100; arithmetic mean).
 */
export interface CoinrSpecs {
  /**
   * `Denominate(coin, denoms, denomby)`: divide each indicator by its iMeta
   * `Denominator`. Denominator values come from `denoms` (a table by uCode,
   * such as COINr's `WorldDenoms`) when it has the column, else from iData's
   * own denominator columns (COINr's default); a denominator in neither is an error.
   */
  readonly Denominate?: { readonly denoms?: readonly CoinrRecord[] };
  /** `Impute(f_i = "i_mean")` or `Impute(f_i = "i_mean_grp", use_group = …)`. */
  readonly Impute?: { readonly f_i: 'i_mean' | 'i_mean_grp'; readonly use_group?: string };
  /** `Screen(dat_thresh = …, unit_screen = "byNA")`. */
  readonly Screen?: { readonly dat_thresh: number; readonly unit_screen?: 'byNA' };
  /** `Treat(global_specs = list(f1 = "winsorise", f1_para = list(winmax = …), f2 = "log_CT", f_pass_para = list(skew_thresh, kurt_thresh)))`. */
  readonly Treat?: {
    readonly global_specs?: {
      readonly f1?: 'winsorise';
      readonly f1_para?: { readonly winmax?: number };
      readonly f2?: 'log_CT' | 'none';
      readonly f_pass_para?: { readonly skew_thresh?: number; readonly kurt_thresh?: number };
    };
  };
  /** `Normalise(global_specs = list(f_n = …, f_n_para = …))`: `n_minmax` (`l_u`), `n_zscore` (`m_sd`), `n_rank`, `n_prank`, `n_dist2max`. */
  readonly Normalise?: { readonly global_specs?: { readonly f_n: string; readonly f_n_para?: { readonly l_u?: readonly [number, number]; readonly m_sd?: readonly [number, number] } } };
  /** `Aggregate(f_ag = …, f_ag_para = …, dat_thresh = …)`: `a_amean`, `a_gmean`, `a_hmean`, `a_genmean` (`p`), `a_copeland`. */
  readonly Aggregate?: { readonly f_ag?: string; readonly f_ag_para?: { readonly p?: number }; readonly dat_thresh?: number };
}

export interface CoinrOptions extends CoinrSpecs {
  readonly id?: string;
  readonly version?: string;
  /** The period for rows without a `Time` column or value. */
  readonly period?: string;
}

/**
 * Reads COINr's iData/iMeta table layout (as `new_coin` takes it) into a
 * framework and long-form data, so that a COINr user can bring their work.
 * iMeta rows of Type "Indicator" and "Aggregate" become nodes (Level 1 are
 * indicators), "Denominator" rows become denominators and "Group" rows name
 * unit groupings; iData rows are units (uCode, uName, optional Time).
 * A table is records (column → cell) or rows of cells under a header row
 * (see `CoinrTable`).
 * Every problem is reported at once, with the row it was found in. Rows
 * whose cells are all empty (a CSV's blank lines) are not data and are
 * passed over. COINr's steps and global specifications (`options.Impute`,
 * `Treat`, …; see `CoinrSpecs`) become the framework's defaults and the
 * build options returned in `options`.
 *
 * @example
 * const { framework, observations } = fromCoinr({
 *   iMeta: [
 *     { Level: '1', iCode: 'x', iName: 'X', Direction: '1', Weight: '1', Parent: 'Index', Type: 'Indicator' },
 *     { Level: '1', iCode: 'y', iName: 'Y', Direction: '-1', Weight: '1', Parent: 'Index', Type: 'Indicator' },
 *     { Level: '2', iCode: 'Index', iName: 'Index', Direction: '1', Weight: '1', Parent: '', Type: 'Aggregate' },
 *   ],
 *   iData: [{ uCode: 'A', uName: 'Aland', x: '1', y: '2' }],
 * }, { period: '2024' });
 * observations.length; // 2
 */
export function fromCoinr(tables: { readonly iData: CoinrTable; readonly iMeta: CoinrTable }, options: CoinrOptions = {}): CoinrImport {
  const issues: ValidationIssue[] = [];
  const meta = readCoinrMeta(tables.iMeta, options, issues);
  const iData = tableRecords(tables.iData);
  const { nodes, denominators, groupings, indicatorCodes } = meta;
  const denominatorCodes = denominators.map((d) => d.code);
  const observations: Observation[] = [];
  // Null-prototype objects: unit codes come from the data, and "__proto__" must be an ordinary key.
  const unitGroups: Record<string, Record<string, string>> = Object.fromEntries(groupings.map((g) => [g, Object.create(null) as Record<string, string>]));
  const unitNames: Record<string, string> = Object.create(null) as Record<string, string>;
  const denoms = new Map<string, CoinrRecord>();
  for (const row of options.Denominate?.denoms ?? []) if (cellText(row.uCode)) denoms.set(cellText(row.uCode), row);
  const denomColumns = new Set((options.Denominate?.denoms ?? []).flatMap((row) => Object.keys(row)));
  const dataCodes = [...indicatorCodes, ...denominatorCodes];
  const fromDenoms = dataCodes.map((code) => denomColumns.has(code) && denominatorCodes.includes(code));
  iData.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const where = `iData row ${i + 2}`;
    const unit = cellText(row.uCode);
    if (!unit) {
      issues.push({ path: where, message: 'uCode is empty' });
      return;
    }
    unitNames[unit] = cellText(row.uName) || unit;
    const period = cellText(row.Time) || options.period;
    if (!period) {
      issues.push({ path: `${where} (${unit})`, message: 'no Time column or value; pass options.period' });
      return;
    }
    for (const g of groupings) {
      const group = cellText(row[g]);
      if (group) unitGroups[g][unit] = group;
    }
    for (let k = 0; k < dataCodes.length; k++) {
      const code = dataCodes[k];
      if (fromDenoms[k]) {
        const cell = cellText(denoms.get(unit)?.[code]);
        const value = cell === '' || cell === 'NA' ? null : Number(cell);
        if (value !== null && !Number.isFinite(value)) issues.push({ path: `options.Denominate.denoms (${unit}).${code}`, message: `"${cell}" is not a number` });
        else observations.push({ unit, period, code, value, where: `options.Denominate.denoms, uCode ${unit}, column ${code}` });
        continue;
      }
      if (!Object.hasOwn(row, code)) {
        issues.push({ path: `${where} (${unit})`, message: `no column "${code}"` });
        continue;
      }
      const cell = cellText(row[code]);
      const value = cell === '' || cell === 'NA' ? null : Number(cell);
      if (value !== null && !Number.isFinite(value)) {
        issues.push({ path: `${where} (${unit}).${code}`, message: `"${cell}" is not a number` });
        continue;
      }
      observations.push({ unit, period, code, value, where: `${where}, column ${code}` });
    }
  });
  if (options.Denominate) {
    const used = new Set(nodes.flatMap((n) => (n.type === 'indicator' && n.denominator ? [n.denominator.code] : [])));
    for (const code of used) {
      if (!denominatorCodes.includes(code)) issues.push({ path: 'options.Denominate', message: `denominator "${code}" is neither a Denominator row of iMeta nor a column of denoms` });
    }
  }
  const defaults = coinrDefaults(options, groupings, issues);
  if (issues.length > 0) throw new ValidationError('the COINr tables', issues);
  const document = coinrDocument(meta, defaults, options);
  const { imputation } = defaults;
  const buildOptions: BuildOptions = {
    ...(imputation && groupings.length > 0 ? { unitGroups } : {}),
    ...(options.Screen ? { screen: { minAvailability: options.Screen.dat_thresh } } : {}),
  };
  return { document, framework: frameworkFromCoinrDocument(document), observations, unitGroups, unitNames, options: buildOptions };
}
