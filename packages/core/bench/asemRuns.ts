/**
 * The ASEM runs that `pnpm bench` times and `pnpm bench:coinr` times beside
 * COINr (scripts/bench/coinr/asem.R does COINr's side of each). Every run
 * starts from the raw tables, COINr's ASEM_iData.csv and ASEM_iMeta.csv:
 * it reads and parses both files (R: read.csv; see parseCsv), imports and
 * validates them into a framework and a raw panel (compileCoinr; COINr:
 * new_coin), and builds the index as COINr's `build_example_coin()` does,
 * with the same step specifications (ASEM_SPECS):
 *
 *   denominate (iMeta's Denominator column) → impute (mean of the unit's
 *   EurAsia_group) → treat (winsorise up to 5 points until skew ≤ 2 or
 *   kurtosis ≤ 3.5, else log) → normalise (min-max 0–100) → aggregate
 *   (arithmetic mean, 4 levels).
 *
 * The uncertainty and sensitivity runs then vary COINr's four settings from
 * its sensitivity vignette (winmax 1–5; min-max 1–100 or z-score with mean
 * 10 and sd 2; 100 noisy weight sets, noise 0.25 at levels 2 and 3;
 * arithmetic or geometric mean), and every replication rebuilds every step
 * from the raw data (denominate → … → aggregate), as COINr's `Regen` reruns
 * `new_coin` and every step after it. The one difference: the tables are
 * imported and validated once per run, into a compiled plan, where
 * `new_coin` checks them again on every rebuild.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
  aggregationSetting,
  buildIndex,
  compileCoinr,
  noisyWeights,
  normalisationSetting,
  rebuildFromRaw,
  sensitivityAnalysis,
  uncertaintyAnalysis,
  weightSetsSetting,
  winsorisationSetting,
  type CoinrSpecs,
  type CoinrTable,
  type Framework,
  type IndexResult,
  type Rebuild,
  type SobolResult,
  type UncertainSetting,
  type UncertaintyResult,
} from '@pingan/core';

/** The files every run starts from. */
export const ASEM_FILES = { iData: 'ASEM_iData.csv', iMeta: 'ASEM_iMeta.csv' } as const;

/** What each run does, for the printouts. */
export const ASEM_STEPS =
  'read + parse iData/iMeta CSVs → import + validate (compileCoinr) → denominate → impute (EurAsia_group mean) → ' +
  'treat (winsorise ≤ 5 points, else log) → normalise (min-max 0–100) → aggregate (arithmetic mean, 4 levels)';
export const ASEM_SETTINGS =
  "COINr's four settings: winmax 1–5; min-max 1–100 or z-score (10, 2); 100 noisy weight sets (noise 0.25 at levels 2 and 3); arithmetic or geometric mean";

/**
 * Untimed builds before the timed ones: V8 compiles the hot functions
 * over the first runs (a build is called once per run, so its functions
 * reach V8's optimising tier only after tens to hundreds of runs, and some
 * are optimised again after a deoptimisation), and the build reaches its
 * steady time after about 600 runs. Measured in one process, CPU time per
 * build, median of each 50 builds, four processes on an idle 2-core
 * machine: builds 1-50 1.5-1.8 ms, 51-500 0.48-0.59 ms, 501-600 up to
 * 0.66-0.72 ms in every process (a second round of V8's optimisation),
 * then 0.43-0.47 ms from the 601st on. (Before this session's import and
 * build changes the figures were 1.8-1.9, 0.7-1.3, 0.9-1.1 around the
 * 350th, and 0.63-0.75 ms from the 501st.) With fewer untimed builds,
 * `bench:coinr`'s first timed builds (5 per turn between COINr's R
 * processes) fell in that second climb. COINr's code is byte-compiled when
 * installed, so one untimed build per R process warms it (asem.R).
 */
export const BUILD_WARM_UP = 600;

/**
 * Untimed runs of an analysis before its timed ones, for the same reason:
 * the first runs of a process also pay V8 for compiling the analysis's
 * code, and the functions called once a run or once a unit (the run's
 * set-up, the statistics at its end) reach the optimising tier only after
 * several runs. Measured in 6 processes after the 100 untimed builds, CPU
 * time per uncertainty run, median over the processes (runs 1–25, 2 cores
 * at load 4–5): 66, 59, 27, 22, 29, 26, 28, 21, 20, 12, 22, 11, 14, 11,
 * then 10.2, 10.2, 10.1, 10.7, 10.4, 10.4, 10.4, 10.9, 10.7, 28 (a major
 * garbage collection, in every process), 10.3 ms: within 10% of the steady
 * time from the 15th run on. The sensitivity runs after them: 77, 66, 55,
 * 51, 50, 60, 58, 56, 68, 50 ms. With two untimed runs, `bench:coinr`
 * timed uncertainty runs 3–7 of that climb. COINr's side needs none: its
 * code is byte-compiled when installed.
 */
export const ANALYSIS_WARM_UP = 15;

/** Uncertainty: N Monte Carlo rebuilds. */
export const UNCERTAINTY_N = 100;
/** Sensitivity: base sample N (N × (k + 2) = 600 rebuilds for k = 4 settings) and bootstrap resamples. */
export const SENSITIVITY_N = 100;
export const SENSITIVITY_BOOTSTRAP = 100;

/** The two tables as rows of cells under their header row (papaparse without `header: true`). */
export interface AsemTables {
  readonly iData: CoinrTable;
  readonly iMeta: CoinrTable;
}

/**
 * One CSV's rows of cells, as papaparse's full parser gives them: a text
 * whose every cell is quoted by parseAllQuoted's one pass, any other by
 * that parser. The delimiter and line ending are given (as read.csv is
 * told the separator), so nothing is guessed. `Papa.Parser` is the parser
 * `Papa.parse` runs, without the handle around it: the handle keeps its
 * last results in closures held by its own properties, which V8's
 * young-generation GC keeps until the next full GC, so in a loop of builds
 * every table parsed stayed alive through each scavenge (20-40 ms each
 * instead of about 1). The handle's other work (guessing, streaming,
 * header and typing options) is not asked for here; a CSV's blank lines,
 * which it would drop, are passed over by `compileCoinr`.
 */
function parseCsv(dir: string, file: string): string[][] {
  const text = readFileSync(join(dir, file), 'utf8');
  const quoted = parseAllQuoted(text);
  if (quoted) return quoted;
  const parsed = new Papa.Parser({ delimiter: ',', newline: '\n' }).parse(text, 0, false) as Papa.ParseResult<string[]>;
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * The rows of a CSV whose every cell is quoted and holds no quote (as R's
 * write.csv writes a table without quotes in its text, and COINr's ASEM
 * files are), or undefined for any other text, which the caller parses
 * with papaparse's full parser. A line is blank (one empty cell, as the
 * full parser gives it) or exactly `"c1","c2",…,"ck"`: each cell runs from
 * after an opening quote to the next quote, which must end the line or be
 * followed by `,"`. So a cell holds neither a quote nor a line break, and
 * a comma or line break inside a cell, an escaped quote, a space after a
 * closing quote, an unquoted cell or a CR before the line feed fails, and
 * the cells are those the full parser gives. The empty text (no row for
 * the full parser) is left to it too.
 *
 * Hand-written, for this narrow case only, because papaparse's fast mode
 * (split on line feeds, then each line on `","`) made an array of line
 * strings and needed a second pass over every cell to check its quotes;
 * this finds each cell with one indexOf of its closing quote and slices
 * it into a row of the right length (both ASEM files, median in a loop
 * of builds on a 2-core machine: about 75 µs against 160 µs). Any text it
 * does not take goes through papaparse.
 *
 * @example
 * parseAllQuoted('"a","b"\n"1",""\n'); // [['a', 'b'], ['1', ''], ['']]
 * parseAllQuoted('"a,b",c\n'); // undefined: an unquoted cell
 */
export function parseAllQuoted(text: string): string[][] | undefined {
  const end = text.length;
  if (end === 0) return undefined;
  const rows: string[][] = [];
  let previous: string[] = [];
  for (let lineStart = 0; ; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = end;
    if (lineStart === lineEnd) rows.push(['']);
    else {
      if (text.charCodeAt(lineStart) !== QUOTE) return undefined;
      // A copy of the previous row: one array of the right length for a table's rows, where pushing
      // 60 cells into an empty array grows it three times, and packed (`new Array(n)` would be holey).
      const row = previous.slice();
      let cells = 0;
      for (let cellStart = lineStart + 1; ; ) {
        const close = text.indexOf('"', cellStart);
        if (close === -1 || close >= lineEnd) return undefined;
        row[cells++] = text.slice(cellStart, close);
        if (close === lineEnd - 1) break;
        if (text.charCodeAt(close + 1) !== COMMA || text.charCodeAt(close + 2) !== QUOTE) return undefined;
        cellStart = close + 3;
      }
      if (cells !== row.length) row.length = cells;
      rows.push(row);
      previous = row;
    }
    if (lineEnd === end) return rows;
    lineStart = lineEnd + 1;
  }
}

const QUOTE = 34;
const COMMA = 44;

/** Reads and parses the two CSVs (part of every timed run). */
export function readAsemTables(dir: string): AsemTables {
  return { iData: parseCsv(dir, ASEM_FILES.iData), iMeta: parseCsv(dir, ASEM_FILES.iMeta) };
}

/** build_example_coin's steps, with COINr's names and global specifications (asem.R makes the same calls). */
export const ASEM_SPECS = {
  Denominate: {},
  Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' },
  Treat: { global_specs: { f1_para: { winmax: 5 } } },
  Normalise: { global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } } },
  Aggregate: { f_ag: 'a_amean' },
} as const satisfies CoinrSpecs;

/** The ASEM build from parsed tables: import and validate them (compileCoinr), then every step of the pipeline. */
export function buildAsemFromTables(tables: AsemTables): IndexResult {
  const plan = compileCoinr(tables, ASEM_SPECS);
  return buildIndex(plan.framework, plan.panel, plan.options);
}

/** One timed ASEM build: read, parse, import, validate, build. */
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
 * The nominal build from the tables, and a rebuild for the analyses that
 * starts every run from the raw data, as COINr's `Regen` reruns `new_coin`
 * and every step after it: denominate, window, transform, impute, treat,
 * normalise and aggregate, with the run's framework (`rebuildFromRaw`:
 * the same numbers as `buildIndex`, every step run again, into buffers
 * reused across the runs). The tables are
 * imported and validated once, into a compiled plan (`compileCoinr`), as
 * the project does where COINr's `new_coin` checks them on every rebuild;
 * the raw panel is what both sides' steps start from (COINr's data frame of
 * numbers, read once from the CSV). `rebuilds()` counts the runs.
 */
export function nominalFromRaw(tables: AsemTables): { nominal: IndexResult; rebuild: Rebuild; rebuilds: () => number } {
  const plan = compileCoinr(tables, ASEM_SPECS);
  const nominal = buildIndex(plan.framework, plan.panel, plan.options);
  const fromRaw = rebuildFromRaw(plan.framework, plan.panel, plan.options);
  let rebuilds = 0;
  const rebuild: Rebuild = (framework) => {
    rebuilds++;
    return fromRaw(framework);
  };
  return { nominal, rebuild, rebuilds: () => rebuilds };
}

/** One timed uncertainty run: read, parse, import and validate once into a plan, nominal build, then N = 100 rebuilds from the raw data. */
export function asemUncertainty(dir: string): { result: UncertaintyResult; rebuilds: number } {
  const { nominal, rebuild, rebuilds } = nominalFromRaw(readAsemTables(dir));
  const result = uncertaintyAnalysis(nominal, { n: UNCERTAINTY_N, settings: asemSettings(nominal.framework), seed: 1, rebuild });
  return { result, rebuilds: rebuilds() };
}

/** One timed sensitivity run: read, parse, import and validate once into a plan, nominal build, then 600 rebuilds from the raw data and 100 bootstraps. */
export function asemSensitivity(dir: string): { result: SobolResult; rebuilds: number } {
  const { nominal, rebuild, rebuilds } = nominalFromRaw(readAsemTables(dir));
  const result = sensitivityAnalysis(nominal, { n: SENSITIVITY_N, bootstrap: SENSITIVITY_BOOTSTRAP, settings: asemSettings(nominal.framework), seed: 1, rebuild });
  return { result, rebuilds: rebuilds() };
}
