/**
 * The ASEM runs that `pnpm bench` times and `pnpm bench:coinr` times beside
 * COINr (scripts/bench/coinr/asem.R does COINr's side of each). Every run
 * starts from the raw tables, COINr's ASEM_iData.csv and ASEM_iMeta.csv:
 * it reads and parses both files, validates them into a framework and a
 * panel (fromCoinr, zod), and builds the index as COINr's
 * `build_example_coin()` does:
 *
 *   denominate (iMeta's Denominator column) → impute (mean of the unit's
 *   EurAsia_group) → treat (winsorise up to 5 points until skew ≤ 2 or
 *   kurtosis ≤ 3.5, else log) → normalise (min-max 0–100) → aggregate
 *   (arithmetic mean, 4 levels).
 *
 * The uncertainty and sensitivity runs then vary COINr's four settings from
 * its sensitivity vignette (winmax 1–5; min-max 1–100 or z-score with mean
 * 10 and sd 2; 100 noisy weight sets, noise 0.25 at levels 2 and 3;
 * arithmetic or geometric mean), and every replication rebuilds from the
 * parsed tables' cells, as COINr's `Regen` reruns `new_coin` and every step
 * after it; the tables' shape is validated once per run, into a compiled
 * plan (`compileCoinr`), where `new_coin` checks it on every rebuild.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
  aggregationSetting,
  buildIndex,
  compileCoinr,
  defineFramework,
  denominate,
  fromCoinr,
  impute,
  noisyWeights,
  normalisationSetting,
  panelFromObservations,
  sensitivityAnalysis,
  trailingWindow,
  transform,
  uncertaintyAnalysis,
  weightSetsSetting,
  winsorisationSetting,
  type CoinrRecord,
  type Framework,
  type IndexResult,
  type Observation,
  type Panel,
  type SobolResult,
  type UncertainSetting,
  type UncertaintyResult,
} from '@pingan/core';

/** The files every run starts from. */
export const ASEM_FILES = { iData: 'ASEM_iData.csv', iMeta: 'ASEM_iMeta.csv' } as const;

/** What each run does, for the printouts. */
export const ASEM_STEPS =
  'read + parse iData/iMeta CSVs → validate (fromCoinr, zod) → denominate → impute (EurAsia_group mean) → ' +
  'treat (winsorise ≤ 5 points, else log) → normalise (min-max 0–100) → aggregate (arithmetic mean, 4 levels)';
export const ASEM_SETTINGS =
  "COINr's four settings: winmax 1–5; min-max 1–100 or z-score (10, 2); 100 noisy weight sets (noise 0.25 at levels 2 and 3); arithmetic or geometric mean";

/** Uncertainty: N Monte Carlo rebuilds. */
export const UNCERTAINTY_N = 100;
/** Sensitivity: base sample N (N × (k + 2) = 600 rebuilds for k = 4 settings) and bootstrap resamples. */
export const SENSITIVITY_N = 100;
export const SENSITIVITY_BOOTSTRAP = 100;

export interface AsemTables {
  readonly iData: CoinrRecord[];
  readonly iMeta: CoinrRecord[];
}

function parseCsv(dir: string, file: string): CoinrRecord[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}

/** Reads and parses the two CSVs (part of every timed run). */
export function readAsemTables(dir: string): AsemTables {
  return { iData: parseCsv(dir, ASEM_FILES.iData), iMeta: parseCsv(dir, ASEM_FILES.iMeta) };
}

interface AsemInputs {
  readonly framework: Framework;
  readonly observations: Observation[];
  readonly unitGroups: Record<string, Record<string, string>>;
}

/** build_example_coin's methods, set as the framework's defaults. */
const ASEM_DEFAULTS = {
  imputation: { method: 'groupMean', grouping: 'EurAsia_group' },
  treatment: { method: 'winsorise', winmax: 5 },
  normalisation: { method: 'minMax', lower: 0, upper: 100 },
  aggregation: { method: 'arithmetic' },
} as const;

/**
 * Validates the tables into the framework with build_example_coin's methods.
 * fromCoinr validates iMeta once; the methods are set as the document's
 * defaults and validated again (work COINr's side does not do twice).
 */
function validateAsem(tables: AsemTables): AsemInputs {
  const imported = fromCoinr(tables, { Denominate: {} });
  const framework = defineFramework({ ...imported.document, defaults: ASEM_DEFAULTS });
  return { framework, observations: imported.observations, unitGroups: imported.unitGroups };
}

/** The ASEM build from parsed tables: validate, then every step of the pipeline. */
export function buildAsemFromTables(tables: AsemTables): IndexResult {
  const { framework, observations, unitGroups } = validateAsem(tables);
  return buildIndex(framework, panelFromObservations(framework, observations), { unitGroups });
}

/** One timed ASEM build: read, parse, validate, build. */
export function buildAsem(dir: string): IndexResult {
  return buildAsemFromTables(readAsemTables(dir));
}

/** COINr's four uncertain settings (the noisy weights are drawn from a fixed seed). */
export function asemSettings(framework: Framework): UncertainSetting[] {
  return [
    winsorisationSetting([1, 2, 3, 4, 5]),
    normalisationSetting([
      { method: 'minMax', lower: 1, upper: 100 },
      { method: 'zScore', mean: 10, sd: 2 },
    ]),
    weightSetsSetting(noisyWeights(framework, { noise: 0.25, levels: [2, 3], samples: 100, seed: 1 })),
    aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
  ];
}

/**
 * The nominal build, whose `imputed` stage is recomputed from the raw
 * tables every time it is read. The tables are validated once, into a
 * compiled plan (`compileCoinr`: the framework, and iData's cells mapped to
 * panel indices); every read then runs the plan on the tables' cells
 * (each parsed and checked as a number), then denominate, window,
 * transform and impute. The library's analyses read it once per
 * replication (through rebuildIndex, which then treats, normalises and
 * aggregates with the replication's framework), so each replication does
 * every step from the raw tables, as COINr's Regen does, except the
 * validation of their shape, which a plan does once. `rebuilds()` counts
 * the reads.
 */
export function nominalFromRaw(tables: AsemTables): { nominal: IndexResult; rebuilds: () => number } {
  const plan = compileCoinr(tables, { Denominate: {} });
  const framework = defineFramework({ ...plan.document, defaults: ASEM_DEFAULTS });
  const nominal = buildIndex(framework, plan.panel, { unitGroups: plan.unitGroups });
  let rebuilds = 0;
  const imputedFromRaw = (): Panel => {
    rebuilds++;
    const raw = plan.read(tables.iData);
    return impute(transform(trailingWindow(denominate(raw, framework), framework), framework), framework, { unitGroups: plan.unitGroups }).panel;
  };
  // Copies the descriptors, so that the lazy provenance is not computed here.
  const fromRaw = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(nominal), imputed: { get: imputedFromRaw, enumerable: true } }) as IndexResult;
  return { nominal: fromRaw, rebuilds: () => rebuilds };
}

/** One timed uncertainty run: read, parse, validate once into a plan, nominal build, then N = 100 rebuilds from the tables. */
export function asemUncertainty(dir: string): { result: UncertaintyResult; rebuilds: number } {
  const { nominal, rebuilds } = nominalFromRaw(readAsemTables(dir));
  const result = uncertaintyAnalysis(nominal, { n: UNCERTAINTY_N, settings: asemSettings(nominal.framework), seed: 1 });
  return { result, rebuilds: rebuilds() };
}

/** One timed sensitivity run: read, parse, validate once into a plan, nominal build, then 600 rebuilds from the tables and 100 bootstraps. */
export function asemSensitivity(dir: string): { result: SobolResult; rebuilds: number } {
  const { nominal, rebuilds } = nominalFromRaw(readAsemTables(dir));
  const result = sensitivityAnalysis(nominal, { n: SENSITIVITY_N, bootstrap: SENSITIVITY_BOOTSTRAP, settings: asemSettings(nominal.framework), seed: 1 });
  return { result, rebuilds: rebuilds() };
}
