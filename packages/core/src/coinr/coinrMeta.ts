import type { ValidationIssue } from '../framework/frameworkError.ts';
import type { AggregationInput, ImputationSpec, NormalisationInput, TreatmentInput } from '../framework/methods.ts';
import type { FrameworkInput } from '../framework/schema.ts';
import { cellText, tableReader, type CoinrTable } from './coinrTable.ts';
import type { CoinrOptions, CoinrSpecs } from './fromCoinr.ts';

type IndicatorInput = Extract<FrameworkInput['nodes'][number], { type: 'indicator' }>;

/** iMeta read into the framework's parts. */
export interface CoinrMeta {
  readonly nodes: FrameworkInput['nodes'];
  readonly denominators: NonNullable<FrameworkInput['denominators']>;
  /** The `Type` "Group" rows: unit groupings, in iMeta's order. */
  readonly groupings: readonly string[];
  readonly indicatorCodes: readonly string[];
}

/**
 * Reads iMeta's rows into nodes, denominators and groupings, adding every
 * problem to `issues` with its row: "Indicator" and "Aggregate" rows become
 * nodes, "Denominator" rows denominators, "Group" rows unit groupings,
 * "Other" rows are passed over, and so are blank rows. The table is
 * records or rows of cells under a header row (see `CoinrTable`).
 *
 * @example
 * const issues = [];
 * readCoinrMeta([{ iCode: 'x', Type: 'Indicator', Direction: '1', Parent: 'Index' }, { iCode: 'Index', Type: 'Aggregate' }], {}, issues).nodes.length; // 2
 */
export function readCoinrMeta(iMeta: CoinrTable, options: CoinrOptions, issues: ValidationIssue[]): CoinrMeta {
  const metaRow = (i: number) => `iMeta row ${i + 2}`; // +1 for the header, +1 to count from 1
  const nodes: FrameworkInput['nodes'] = [];
  const denominators: NonNullable<FrameworkInput['denominators']> = [];
  const groupings: string[] = [];
  const indicatorCodes: string[] = [];
  // Read through column handles: no record object per row.
  const table = tableReader(iMeta);
  const [TYPE, CODE, NAME, WEIGHT, PARENT, UNIT, DIRECTION, DENOMINATOR] = ['Type', 'iCode', 'iName', 'Weight', 'Parent', 'Unit', 'Direction', 'Denominator'].map((name) => table.column(name));
  for (let i = 0; i < table.length; i++) {
    if (table.blank(i)) continue;
    const row = table.cells(i);
    const type = cellText(row[TYPE]);
    const code = cellText(row[CODE]);
    const name = cellText(row[NAME]) || code;
    if (!code) {
      issues.push({ path: metaRow(i), message: 'iCode is empty' });
      continue;
    }
    if (type === 'Group') {
      groupings.push(code);
      continue;
    }
    if (type === 'Denominator') {
      denominators.push({ code, name: { zh: name, en: name } });
      continue;
    }
    if (type === 'Other') continue;
    if (type !== 'Indicator' && type !== 'Aggregate') {
      issues.push({ path: `${metaRow(i)} (${code})`, message: `unknown Type "${type}" (expected Indicator, Aggregate, Group, Denominator or Other)` });
      continue;
    }
    const weight = Number(cellText(row[WEIGHT]) || '1');
    const parent = cellText(row[PARENT]);
    const unit = cellText(row[UNIT]);
    if (type === 'Indicator') {
      const direction = Number(cellText(row[DIRECTION]));
      if (direction !== 1 && direction !== -1) {
        issues.push({ path: `${metaRow(i)} (${code}).Direction`, message: `must be 1 or -1, got "${cellText(row[DIRECTION])}"` });
        continue;
      }
      const denominator = cellText(row[DENOMINATOR]);
      indicatorCodes.push(code);
      // The optional keys set one by one, in this order (an object spread per key cost more than the node).
      const node: { -readonly [K in keyof IndicatorInput]: IndicatorInput[K] } = { code, type: 'indicator', parent, name: { zh: name, en: name } } as IndicatorInput;
      if (unit) node.unit = { zh: unit, en: unit };
      node.direction = direction;
      node.weight = weight;
      if (options.Denominate && denominator) node.denominator = { code: denominator };
      nodes.push(node);
    } else {
      nodes.push({ code, type: 'aggregate', parent: parent || null, name: { zh: name, en: name }, weight });
    }
  }
  return { nodes, denominators, groupings, indicatorCodes };
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

/** COINr's steps turned into the framework's defaults, with the imputation (whose grouping the build options need). */
export interface CoinrDefaults {
  readonly defaults: NonNullable<FrameworkInput['defaults']>;
  readonly imputation?: ImputationSpec;
}

/**
 * COINr's step specifications (`Impute`, `Treat`, `Normalise`, `Aggregate`)
 * as the framework's defaults; a specification with no counterpart here, or
 * an `i_mean_grp` without one of iMeta's groupings, is added to `issues`.
 *
 * @example
 * coinrDefaults({ Aggregate: { f_ag: 'a_gmean' } }, [], []).defaults; // { aggregation: { method: 'geometric', minAvailability: 0 } }
 */
export function coinrDefaults(options: CoinrSpecs, groupings: readonly string[], issues: ValidationIssue[]): CoinrDefaults {
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
  const defaults = {
    ...(imputation ? { imputation } : {}),
    ...(treatment ? { treatment } : {}),
    ...(normalisation ? { normalisation } : {}),
    ...(aggregation ? { aggregation } : {}),
  };
  return { defaults, ...(imputation ? { imputation } : {}) };
}

/**
 * The framework document of iMeta's parts and COINr's steps.
 *
 * @example
 * coinrDocument(meta, coinrDefaults(options, meta.groupings, issues), options).id; // 'coinr'
 */
export function coinrDocument(meta: CoinrMeta, { defaults }: CoinrDefaults, options: CoinrOptions): FrameworkInput {
  return {
    id: options.id ?? 'coinr',
    version: options.version ?? '1',
    name: { zh: options.id ?? 'COINr', en: options.id ?? 'COINr' },
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    denominators: meta.denominators,
    nodes: meta.nodes,
  };
}
