/**
 * `pingan sensitivity`: Monte Carlo uncertainty and Sobol' sensitivity of
 * the index over every month of the data, computed in a worker thread with
 * core's analysis protocol (`startAnalysis`), written atomically as
 * uncertainty.csv, sensitivity.csv and sensitivity.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { siblingModule } from './siblingModule.ts';
import {
  SOBOL_CONFIDENCE,
  buildIndex,
  frameworkToJson,
  panelFromObservations,
  startAnalysis,
  type AnalysisMessage,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisWorker,
  type Framework,
  type Observation,
  type Provenance,
  type SettingSpec,
  type SobolResult,
  type UncertaintyResult,
} from '@pingan/core';
import { defaultSettings, describeSetting, parseSettings } from './analysis.ts';
import { loadData, problems, type CommandResult, type CommonOptions } from './commands.ts';
import { writeCsv } from './csv.ts';
import { CliError, ExitCode, UsageError } from './issues.ts';
import { stableJson } from './json.ts';
import { parseJsonStrict } from './strictJson.ts';
import { sha256Hex } from './readInputs.ts';
import { textTable } from './textTable.ts';
import { denominatorObservations, type ValidatedData } from './validateData.ts';
import { CLI_NAME, CLI_VERSION } from './version.ts';
import { because, localise } from './i18n/reason.ts';
import { localised, t } from './i18n/t.ts';

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
export const EXIT_CANCELLED = 130;

export const SENSITIVITY_DEFAULTS = { outDir: 'artifacts/sensitivity', n: 200, sobolN: 128, bootstrap: 100, seed: 1 } as const;
export const SENSITIVITY_FILES = ['uncertainty.csv', 'sensitivity.csv', 'sensitivity.json'] as const;

export type AnalysisPhase = 'uncertainty' | 'sensitivity';

export interface SensitivityOptions extends CommonOptions {
  /** Where the three files go (default `artifacts/sensitivity`). */
  readonly outDir?: string;
  /** Monte Carlo runs of the uncertainty analysis (default 200). */
  readonly n?: number;
  /** Base sample size of the Sobol' design (default 128: N × (k + 2) runs). */
  readonly sobolN?: number;
  /** Bootstrap resamples of the Sobol' intervals (default 100). */
  readonly bootstrap?: number;
  /** Seed of the Monte Carlo draws, the noisy weights and the bootstrap (default 1). */
  readonly seed?: number;
  /** A JSON file with an array of SettingSpec, instead of the default settings. */
  readonly settingsFile?: string;
  /** Progress of each analysis. */
  readonly onProgress?: (phase: AnalysisPhase, done: number, total: number) => void;
  /** Subscribes a handler to Ctrl-C (SIGINT); returns the unsubscribe. */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** Makes the worker an analysis runs on (default: a Node worker thread on sensitivity.worker.ts). */
  readonly createWorker?: () => AnalysisWorker;
  /** Test hook: called after each file is written into the temporary directory. */
  readonly afterWrite?: (file: string) => void;
}

/**
 * A Node worker thread running sensitivity.worker.ts, as an `AnalysisWorker`
 * for core's `startAnalysis`. `listen` replaces the previous listener, so
 * one thread can run several analyses one after the other. A crash of the
 * thread (or its failing to start) is reported as an error message, so the
 * running analysis's promise rejects.
 */
export function nodeAnalysisWorker(): AnalysisWorker {
  const worker = new Worker(siblingModule('sensitivity.worker', import.meta.url));
  let id = 0;
  let listener: ((message: AnalysisMessage) => void) | undefined;
  let stopped = false;
  worker.on('message', (message: AnalysisMessage) => listener?.(message));
  worker.on('error', (error) => {
    if (!stopped) listener?.({ id, type: 'error', message: error.message });
  });
  worker.on('exit', (code) => {
    if (!stopped) listener?.({ id, type: 'error', message: because`the analysis worker stopped (exit code ${code})` });
  });
  return {
    postMessage: (message) => {
      id = (message as { id: number }).id;
      worker.postMessage(message);
    },
    listen: (next) => {
      listener = next;
    },
    terminate: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

class Cancelled extends Error {}

const integer = (value: number, label: string, min: number) => {
  if (!Number.isInteger(value) || value < min) throw new UsageError(because`${label} must be a whole number ≥ ${min}, got ${value}`);
  return value;
};

function readSettingsFile(file: string, framework: Framework, seed: number): SettingSpec[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--settings ${file}: ${code === 'ENOENT' ? because`file not found` : because`cannot read the file (${code ?? String(error)})`}`);
  }
  // Duplicate keys are refused too: the last one would win unseen.
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) throw new UsageError(parsed.problems.map((p) => `--settings ${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  const json = parsed.value;
  try {
    return parseSettings(json, framework, seed);
  } catch (error) {
    throw new UsageError(`--settings ${file}: ${(error as Error).message}`);
  }
}

/** The observations the analyses read: every input row and every denominator of every month. */
function analysisObservations(valid: ValidatedData): Observation[] {
  const inputs = valid.observations.map((o) => ({ unit: o.unit, period: o.period, code: o.code, value: o.value, ...(o.flag ? { flag: o.flag } : {}) }));
  return [...inputs, ...denominatorObservations(valid, valid.months).map((o) => ({ unit: o.unit, period: o.period, code: o.code, value: o.value }))];
}

/** A number for the CSV files: rounded to 6 decimals, empty when missing. */
function cell(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Math.round(x * 1e6) / 1e6;
  return String(r === 0 ? 0 : r);
}

export interface SensitivityReport {
  readonly uncertainty: UncertaintyResult;
  readonly sensitivity: SobolResult;
  readonly settings: readonly string[];
  readonly files: Readonly<Record<(typeof SENSITIVITY_FILES)[number], string>>;
}

/** The three files' contents. */
export function sensitivityFiles(input: {
  valid: ValidatedData;
  framework: Framework;
  provenance: Provenance;
  specs: readonly SettingSpec[];
  names: readonly string[];
  n: number;
  sobolN: number;
  bootstrap: number;
  seed: number;
  uncertainty: UncertaintyResult;
  sensitivity: SobolResult;
}): Record<(typeof SENSITIVITY_FILES)[number], string> {
  const { valid, framework, uncertainty, sensitivity, names } = input;
  const unitOrder = new Map(valid.units.map((u, i) => [u, i]));
  const rows = uncertainty.units
    .filter((u) => Number.isFinite(u.nominal))
    .sort((a, b) => (a.period !== b.period ? (a.period < b.period ? -1 : 1) : (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0)));
  const uncertaintyCsv = writeCsv(
    [
      ['region', 'month', 'nominal', 'median', 'p05', 'p95', 'rank_nominal', 'rank_median', 'rank_p05', 'rank_p95', 'mean_abs_rank_shift'],
      ...rows.map((u) => [
        u.unit,
        u.period,
        cell(u.nominal),
        cell(u.median),
        cell(u.lower),
        cell(u.upper),
        cell(u.rank.nominal),
        cell(u.rank.median),
        cell(u.rank.lower),
        cell(u.rank.upper),
        cell(u.rank.meanAbsoluteShift),
      ]),
    ],
    { newline: '\r\n', bom: true },
  );
  const sensitivityCsv = writeCsv(
    [
      ['setting', 'first', 'first_low', 'first_high', 'total', 'total_low', 'total_high'],
      ...sensitivity.indices.map((s, i) => [names[i], cell(s.first), cell(s.firstInterval[0]), cell(s.firstInterval[1]), cell(s.total), cell(s.totalInterval[0]), cell(s.totalInterval[1])]),
    ],
    { newline: '\r\n', bom: true },
  );
  const months = valid.months;
  const document = {
    output: { code: framework.root, name: { zh: framework.byCode.get(framework.root)?.name.zh ?? '', en: framework.byCode.get(framework.root)?.name.en ?? '' } },
    framework: {
      id: framework.id,
      version: framework.version,
      file: valid.data.frameworkFile?.file ?? null,
      sha256: valid.data.frameworkFile?.sha256 ?? null,
    },
    data: {
      regions: valid.units,
      months: { from: months[0], to: months[months.length - 1], count: months.length },
      inputs: valid.data.inputs.map((f) => ({ file: f.file, sha256: f.sha256 })),
      reference: valid.data.reference.map((f) => ({ file: f.file, sha256: f.sha256 })),
    },
    provenance: { ...input.provenance },
    software: { cli: { name: CLI_NAME, version: CLI_VERSION }, library: { name: input.provenance.library, version: input.provenance.libraryVersion } },
    seed: input.seed,
    settings: input.specs.map((spec, i) => ({ name: names[i], kind: spec.kind, description: describeSetting(spec), spec })),
    uncertainty: {
      method: 'Monte Carlo: each run draws one alternative of every setting (seeded), rebuilds the index and ranks the regions within each month',
      n: input.n,
      seed: input.seed,
      quantiles: [0.05, 0.5, 0.95],
      runs: uncertainty.runs.map((r) => ({ levels: r.levels, meanAbsoluteRankShift: r.meanAbsoluteRankShift })),
      units: rows.map((u) => ({
        region: u.unit,
        month: u.period,
        nominal: u.nominal,
        median: u.median,
        p05: u.lower,
        p95: u.upper,
        rank: { nominal: u.rank.nominal, median: u.rank.median, p05: u.rank.lower, p95: u.rank.upper, meanAbsoluteShift: u.rank.meanAbsoluteShift },
      })),
    },
    sensitivity: {
      method: "Sobol' indices of the mean absolute rank shift (over every region and month) to each setting: Saltelli's design, Jansen's estimators, bootstrap percentile intervals",
      n: input.sobolN,
      runs: sensitivity.runs,
      bootstrap: input.bootstrap,
      confidence: SOBOL_CONFIDENCE,
      seed: input.seed,
      variance: sensitivity.variance,
      indices: sensitivity.indices.map((s, i) => ({ setting: names[i], first: s.first, firstInterval: [...s.firstInterval], total: s.total, totalInterval: [...s.totalInterval] })),
    },
  };
  return { 'uncertainty.csv': uncertaintyCsv, 'sensitivity.csv': sensitivityCsv, 'sensitivity.json': stableJson(document) };
}

/**
 * Writes the files into a temporary directory inside `outDir`, then renames
 * each into place (a rename replaces a file atomically), and removes the
 * temporary directory; on an error nothing new is left behind.
 */
function writeAtomically(outDir: string, content: Record<string, string>, afterWrite?: (file: string) => void): void {
  let tmp: string;
  try {
    mkdirSync(outDir, { recursive: true });
    tmp = mkdtempSync(join(outDir, '.tmp-sensitivity-'));
  } catch (error) {
    throw new CliError(ExitCode.ReleaseFailed, because`cannot write into ${outDir}: ${(error as Error).message}`);
  }
  try {
    for (const [file, text] of Object.entries(content)) {
      writeFileSync(join(tmp, file), text);
      afterWrite?.(file);
    }
    for (const file of Object.keys(content)) renameSync(join(tmp, file), join(outDir, file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(ExitCode.ReleaseFailed, because`cannot write into ${outDir}: ${(error as Error).message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const fixed = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** `pingan sensitivity`: validates the data, runs both analyses in a worker thread and writes the three files. */
export async function sensitivityCommand(options: SensitivityOptions): Promise<CommandResult> {
  const n = integer(options.n ?? SENSITIVITY_DEFAULTS.n, '--n', 1);
  const sobolN = integer(options.sobolN ?? SENSITIVITY_DEFAULTS.sobolN, '--sobol-n', 2);
  const bootstrap = integer(options.bootstrap ?? SENSITIVITY_DEFAULTS.bootstrap, '--bootstrap', 0);
  const seed = integer(options.seed ?? SENSITIVITY_DEFAULTS.seed, '--seed', 0);
  const outDir = options.outDir ?? SENSITIVITY_DEFAULTS.outDir;
  // The thread starts (and loads the library) while the data is read and validated.
  const worker = (options.createWorker ?? nodeAnalysisWorker)();
  try {
    return await analyseAndWrite(options, worker, { n, sobolN, bootstrap, seed, outDir });
  } finally {
    worker.terminate();
  }
}

async function analyseAndWrite(
  options: SensitivityOptions,
  worker: AnalysisWorker,
  { n, sobolN, bootstrap, seed, outDir }: { n: number; sobolN: number; bootstrap: number; seed: number; outDir: string },
): Promise<CommandResult> {
  const valid = loadData(options.dataDir, options.today, options.frameworkFile);
  if (valid.issues.length || !valid.framework) return problems(valid, options.json);
  const framework = valid.framework;
  if (valid.months.length === 0) throw new UsageError(t`there is no data to analyse`);
  const specs = options.settingsFile === undefined ? defaultSettings(framework, seed) : readSettingsFile(options.settingsFile, framework, seed);
  const observations = analysisObservations(valid);
  const provenance = buildIndex(framework, panelFromObservations(framework, observations, { units: valid.units, periods: valid.months })).provenance;
  const base = { framework: frameworkToJson(framework), observations, settings: specs, seed };

  let current: { cancel: () => void } | undefined;
  let cancelled = false;
  const unsubscribe = options.onInterrupt?.(() => {
    cancelled = true;
    current?.cancel();
  });
  const analyse = async (phase: AnalysisPhase, request: AnalysisRequest): Promise<AnalysisResult> => {
    if (cancelled) throw new Cancelled();
    const running = startAnalysis(worker, request as AnalysisRequest, (done, total) => options.onProgress?.(phase, done, total));
    current = running;
    try {
      return await running.result;
    } catch (error) {
      if (cancelled) throw new Cancelled();
      throw new CliError(ExitCode.ReleaseFailed, because`the ${phase} analysis failed: ${(error as Error).message}`);
    } finally {
      current = undefined;
    }
  };
  let ua: AnalysisResult;
  let sa: AnalysisResult;
  try {
    ua = await analyse('uncertainty', { ...base, kind: 'uncertainty', n });
    sa = await analyse('sensitivity', { ...base, kind: 'sensitivity', n: sobolN, bootstrap });
    if (cancelled) throw new Cancelled();
  } catch (error) {
    if (error instanceof Cancelled) {
      const message = t`cancelled: nothing was written`;
      return { exitCode: EXIT_CANCELLED, stdout: options.json ? stableJson({ ok: false, error: message }) : '', stderr: options.json ? '' : `pingan: ${message}\n` };
    }
    throw error;
  } finally {
    unsubscribe?.();
  }
  if (ua.kind !== 'uncertainty' || sa.kind !== 'sensitivity') throw new Error('the worker answered with the wrong analysis');
  const names = ua.settings;
  const content = sensitivityFiles({ valid, framework, provenance, specs, names, n, sobolN, bootstrap, seed, uncertainty: ua.result, sensitivity: sa.result });
  writeAtomically(outDir, content, options.afterWrite);

  const files = SENSITIVITY_FILES.map((file) => ({ file: join(outDir, file), sha256: sha256Hex(content[file]) }));
  const shifts = ua.result.runs.map((r) => r.meanAbsoluteRankShift).filter(Number.isFinite);
  const meanShift = shifts.length ? shifts.reduce((a, b) => a + b, 0) / shifts.length : Number.NaN;
  if (options.json) {
    return {
      exitCode: ExitCode.Ok,
      stdout: stableJson({
        ok: true,
        outDir,
        files,
        provenance: provenance.hash,
        uncertainty: { n, meanAbsoluteRankShift: Number.isFinite(meanShift) ? meanShift : null },
        sensitivity: sa.result.indices.map((s, i) => ({ setting: names[i], first: s.first, total: s.total })),
      }),
      stderr: '',
    };
  }
  const months = valid.months;
  const table = textTable([
    [t`setting`, t`first order (${SOBOL_CONFIDENCE * 100}%)`, t`total order (${SOBOL_CONFIDENCE * 100}%)`],
    ...sa.result.indices.map((s, i) => [
      names[i],
      `${fixed(s.first)} [${fixed(s.firstInterval[0])}, ${fixed(s.firstInterval[1])}]`,
      `${fixed(s.total)} [${fixed(s.totalInterval[0])}, ${fixed(s.totalInterval[1])}]`,
    ]),
  ]);
  const described = specs.map((spec, i) => `  ${names[i]}: ${localise(describeSetting(spec))}\n`).join('');
  return {
    exitCode: ExitCode.Ok,
    stdout:
      `${localised(valid.data.publication?.name ?? framework.name)} · ${framework.id} ${framework.version} · ${t`${valid.units.length} regions × ${months.length} months (${months[0]} to ${months[months.length - 1]})`}\n` +
      `${t`settings:`}\n${described}` +
      `${t`uncertainty (N = ${n}, seed ${seed}): mean absolute rank shift ${fixed(meanShift)} on average over the runs`}\n` +
      `${t`Sobol' sensitivity of the rank shift (N = ${sobolN}, ${sa.result.runs} runs, bootstrap ${bootstrap}):`}\n${table}` +
      `${t`wrote ${files.map((f) => f.file).join(', ')}`}\n`,
    stderr: '',
  };
}
