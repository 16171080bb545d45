import type { Observation } from '../data/observations.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { AggregationInput, ImputationSpec, NormalisationInput, TreatmentInput } from '../framework/methods.ts';
import type { FrameworkInput } from '../framework/schema.ts';
import type { BuildOptions } from '../pipeline/buildIndex.ts';

/** A row of a COINr table as read from CSV: column name → cell text (or number). */
export type CoinrRecord = Readonly<Record<string, string | number | null | undefined>>;

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

function normalisationFrom(spec: NonNullable<CoinrSpecs['Normalise']>['global_specs'], issues: ValidationIssue[]): NormalisationInput | undefined {
  if (!spec) return undefined;
  const para = spec.f_n_para ?? {};
  switch (spec.f_n) {
    case 'n_minmax':
      return { method: 'minMax', lower: para.l_u?.[0] ?? 0, upper: para.l_u?.[1] ?? 100 };
    case 'n_dist2max':
      return { method: 'minMax', lower: 0, upper: 1 };
    case 'n_zscore':
      return { method: 'zScore', mean: para.m_sd?.[0] ?? 0, sd: para.m_sd?.[1] ?? 1 };
    case 'n_rank':
      return { method: 'rank' };
    case 'n_prank':
      return { method: 'percentileRank', scale: 1 };
    default:
      issues.push({ path: 'options.Normalise.global_specs.f_n', message: `"${spec.f_n}" has no counterpart here (n_minmax, n_zscore, n_rank, n_prank, n_dist2max)` });
      return undefined;
  }
}

function aggregationFrom(spec: CoinrSpecs['Aggregate'], issues: ValidationIssue[]): AggregationInput | undefined {
  if (!spec) return undefined;
  const minAvailability = spec.dat_thresh ?? 0;
  switch (spec.f_ag ?? 'a_amean') {
    case 'a_amean':
      return { method: 'arithmetic', minAvailability };
    case 'a_gmean':
      return { method: 'geometric', minAvailability };
    case 'a_hmean':
      return { method: 'harmonic', minAvailability };
    case 'a_genmean':
      return { method: 'generalised', power: spec.f_ag_para?.p, minAvailability };
    case 'a_copeland':
      return { method: 'copeland', minAvailability };
    default:
      issues.push({ path: 'options.Aggregate.f_ag', message: `"${spec.f_ag}" has no counterpart here (a_amean, a_gmean, a_hmean, a_genmean, a_copeland)` });
      return undefined;
  }
}

function treatmentFrom(spec: CoinrSpecs['Treat']): TreatmentInput | undefined {
  if (!spec) return undefined;
  const g = spec.global_specs ?? {};
  return {
    method: 'winsorise',
    winmax: g.f1_para?.winmax ?? 5,
    skewThreshold: g.f_pass_para?.skew_thresh ?? 2,
    kurtosisThreshold: g.f_pass_para?.kurt_thresh ?? 3.5,
    fallback: g.f2 === 'none' ? 'none' : 'log',
  };
}

const text = (v: CoinrRecord[string]): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Reads COINr's iData/iMeta table layout (as `new_coin` takes it) into a
 * framework and long-form data, so that a COINr user can bring their work.
 * iMeta rows of Type "Indicator" and "Aggregate" become nodes (Level 1 are
 * indicators), "Denominator" rows become denominators and "Group" rows name
 * unit groupings; iData rows are units (uCode, uName, optional Time).
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
export function fromCoinr(tables: { iData: readonly CoinrRecord[]; iMeta: readonly CoinrRecord[] }, options: CoinrOptions = {}): CoinrImport {
  const issues: ValidationIssue[] = [];
  const metaRow = (i: number) => `iMeta row ${i + 2}`; // +1 for the header, +1 to count from 1
  const nodes: FrameworkInput['nodes'] = [];
  const denominators: NonNullable<FrameworkInput['denominators']> = [];
  const groupings: string[] = [];
  const indicatorCodes: string[] = [];

  const blank = (row: CoinrRecord) => Object.values(row).every((v) => text(v) === '');
  tables.iMeta.forEach((row, i) => {
    if (blank(row)) return;
    const type = text(row.Type);
    const code = text(row.iCode);
    const name = text(row.iName) || code;
    if (!code) {
      issues.push({ path: metaRow(i), message: 'iCode is empty' });
      return;
    }
    if (type === 'Group') {
      groupings.push(code);
      return;
    }
    if (type === 'Denominator') {
      denominators.push({ code, name: { zh: name, en: name } });
      return;
    }
    if (type === 'Other') return;
    if (type !== 'Indicator' && type !== 'Aggregate') {
      issues.push({ path: `${metaRow(i)} (${code})`, message: `unknown Type "${type}" (expected Indicator, Aggregate, Group, Denominator or Other)` });
      return;
    }
    const weight = Number(text(row.Weight) || '1');
    const parent = text(row.Parent);
    const unit = text(row.Unit);
    if (type === 'Indicator') {
      const direction = Number(text(row.Direction));
      if (direction !== 1 && direction !== -1) {
        issues.push({ path: `${metaRow(i)} (${code}).Direction`, message: `must be 1 or -1, got "${text(row.Direction)}"` });
        return;
      }
      const denominator = text(row.Denominator);
      indicatorCodes.push(code);
      nodes.push({
        code,
        type: 'indicator',
        parent,
        name: { zh: name, en: name },
        ...(unit ? { unit: { zh: unit, en: unit } } : {}),
        direction,
        weight,
        ...(options.Denominate && denominator ? { denominator: { code: denominator } } : {}),
      });
    } else {
      nodes.push({ code, type: 'aggregate', parent: parent || null, name: { zh: name, en: name }, weight });
    }
  });

  const denominatorCodes = denominators.map((d) => d.code);
  const observations: Observation[] = [];
  // Null-prototype objects: unit codes come from the data, and "__proto__" must be an ordinary key.
  const unitGroups: Record<string, Record<string, string>> = Object.fromEntries(groupings.map((g) => [g, Object.create(null) as Record<string, string>]));
  const unitNames: Record<string, string> = Object.create(null) as Record<string, string>;
  const denoms = new Map<string, CoinrRecord>();
  for (const row of options.Denominate?.denoms ?? []) if (text(row.uCode)) denoms.set(text(row.uCode), row);
  const denomColumns = new Set((options.Denominate?.denoms ?? []).flatMap((row) => Object.keys(row)));
  const dataCodes = [...indicatorCodes, ...denominatorCodes];
  const fromDenoms = dataCodes.map((code) => denomColumns.has(code) && denominatorCodes.includes(code));
  tables.iData.forEach((row, i) => {
    if (blank(row)) return;
    const where = `iData row ${i + 2}`;
    const unit = text(row.uCode);
    if (!unit) {
      issues.push({ path: where, message: 'uCode is empty' });
      return;
    }
    unitNames[unit] = text(row.uName) || unit;
    const period = text(row.Time) || options.period;
    if (!period) {
      issues.push({ path: `${where} (${unit})`, message: 'no Time column or value; pass options.period' });
      return;
    }
    for (const g of groupings) {
      const group = text(row[g]);
      if (group) unitGroups[g][unit] = group;
    }
    for (let k = 0; k < dataCodes.length; k++) {
      const code = dataCodes[k];
      if (fromDenoms[k]) {
        const cell = text(denoms.get(unit)?.[code]);
        const value = cell === '' || cell === 'NA' ? null : Number(cell);
        if (value !== null && !Number.isFinite(value)) issues.push({ path: `options.Denominate.denoms (${unit}).${code}`, message: `"${cell}" is not a number` });
        else observations.push({ unit, period, code, value, where: `options.Denominate.denoms, uCode ${unit}, column ${code}` });
        continue;
      }
      if (!Object.hasOwn(row, code)) {
        issues.push({ path: `${where} (${unit})`, message: `no column "${code}"` });
        continue;
      }
      const cell = text(row[code]);
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
  const grouping = options.Impute?.use_group;
  if (options.Impute?.f_i === 'i_mean_grp' && (!grouping || !groupings.includes(grouping))) {
    issues.push({ path: 'options.Impute.use_group', message: `i_mean_grp needs use_group, one of iMeta's Group rows (${groupings.join(', ')}); got "${grouping ?? ''}"` });
  }
  const imputation: ImputationSpec | undefined = options.Impute
    ? options.Impute.f_i === 'i_mean_grp' && grouping ? { method: 'groupMean', grouping } : { method: 'groupMean' }
    : undefined;
  const normalisation = normalisationFrom(options.Normalise?.global_specs, issues);
  const aggregation = aggregationFrom(options.Aggregate, issues);
  const treatment = treatmentFrom(options.Treat);
  if (issues.length > 0) throw new ValidationError('the COINr tables', issues);

  const defaults = {
    ...(imputation ? { imputation } : {}),
    ...(treatment ? { treatment } : {}),
    ...(normalisation ? { normalisation } : {}),
    ...(aggregation ? { aggregation } : {}),
  };
  const document: FrameworkInput = {
    id: options.id ?? 'coinr',
    version: options.version ?? '1',
    name: { zh: options.id ?? 'COINr', en: options.id ?? 'COINr' },
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    denominators,
    nodes,
  };
  const buildOptions: BuildOptions = {
    ...(imputation && groupings.length > 0 ? { unitGroups } : {}),
    ...(options.Screen ? { screen: { minAvailability: options.Screen.dat_thresh } } : {}),
  };
  return { document, framework: defineFramework(document), observations, unitGroups, unitNames, options: buildOptions };
}
