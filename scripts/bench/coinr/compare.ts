/**
 * `pnpm bench:coinr`: COINr and this project on identical work, side by
 * side. For each ASEM benchmark (build; uncertainty N = 100; Sobol'
 * sensitivity with 600 rebuilds and 100 bootstraps) it runs COINr's side
 * (scripts/bench/coinr/asem.R, a fresh R process per run, timed inside R)
 * and the project's side (packages/core/bench/asemRuns.ts, timed in this
 * process) alternately, both starting from the raw iData/iMeta CSVs, and prints each side's median with its spread and
 * the ratios, of the wall times and of each process's CPU time (user +
 * system), with the load average while they ran: on a loaded machine the
 * wall time also counts the time a process waited for a core. It also
 * checks that both sides built the same nominal index.
 *
 * Needs R and COINr (see the README's Benchmarks section); where either is
 * absent, it says so and exits 0. Nothing here asserts a timing.
 *
 *   pnpm bench:coinr [--quick] [--build N] [--uncertainty N] [--sensitivity N]
 *
 * The options set how many timed runs of COINr (0 leaves a benchmark out;
 * defaults 50, 5 and 3: about 40 minutes on a loaded 2-core machine,
 * nearly all of it COINr's). `--quick` is the short run, 10 builds and one
 * uncertainty and one sensitivity run of COINr (about 10 minutes): the same
 * work, fewer repetitions, so its medians have less to go on and it says
 * so; an explicit count still wins. Builds take milliseconds, so they
 * alternate in turns of 5: one R process times five builds, then this
 * process does, and so on. An analysis alternates one R process timing
 * one run with this process timing `PROJECT_ANALYSIS_BATCH` runs (see
 * there), so this side's medians rest on 5 times as many runs. RSCRIPT names the Rscript to use (default:
 * Rscript on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANALYSIS_WARM_UP, ASEM_SETTINGS, ASEM_STEPS, BUILD_WARM_UP, SENSITIVITY_BOOTSTRAP, SENSITIVITY_N, UNCERTAINTY_N, asemSensitivity, asemUncertainty, buildAsem } from '../../../packages/core/bench/asemRuns.ts';
import { formatTiming, summarise } from '../../../packages/core/bench/timing.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REFERENCE = resolve(ROOT, '../shared/reference/coinr-asem');
const R_SCRIPT = join(ROOT, 'scripts/bench/coinr/asem.R');
const RSCRIPT = process.env.RSCRIPT || 'Rscript';
const WANTED_COINR = '1.1.14';
/**
 * Timed runs of an analysis on this side in each turn, where each R process
 * times one. A COINr run takes 10–70 s, so its median over 5 runs rests on
 * 5 long runs whose own start-up and cache misses are a small share of
 * them; a run here takes 10–80 ms, and one run a turn would rest the
 * median on 5 short runs each timed right after a 10–70 s R process, on a
 * machine whose state (caches, the core's clock, other tenants) moves
 * these runs by up to half their time. Timing 5 a turn puts the median on
 * 25 runs of the same work; the first run of each turn is printed apart,
 * so that what it costs to come back after R stays in view.
 */
const PROJECT_ANALYSIS_BATCH = 5;

/** COINr's timed runs in one turn of the alternation (builds take tens of milliseconds in R and about one here, so this side times as many builds; an analysis, `PROJECT_ANALYSIS_BATCH`). */
const COINR_BATCH: Record<Benchmark, number> = { build: 5, uncertainty: 1, sensitivity: 1 };
type Benchmark = 'build' | 'uncertainty' | 'sensitivity';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    build: { type: 'string' },
    uncertainty: { type: 'string' },
    sensitivity: { type: 'string' },
  },
});
/** Timed runs of COINr (builds: of each side; analyses: this side times `PROJECT_ANALYSIS_BATCH` times as many): the full run, and the short one (`--quick`). */
const DEFAULT_RUNS: Record<'full' | 'quick', Record<Benchmark, number>> = {
  full: { build: 50, uncertainty: 5, sensitivity: 3 },
  quick: { build: 10, uncertainty: 1, sensitivity: 1 },
};
const runs: Record<Benchmark, number> = { build: 0, uncertainty: 0, sensitivity: 0 };
for (const name of Object.keys(runs) as Benchmark[]) {
  const n = Number(options[name] ?? DEFAULT_RUNS[options.quick ? 'quick' : 'full'][name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number of runs, got "${options[name]}"`);
    process.exit(2);
  }
  runs[name] = n;
}

const DESCRIPTION: Record<Benchmark, string> = {
  build:
    `ASEM build (${ASEM_STEPS}; COINr: read.csv, new_coin, Denominate, Impute i_mean_grp, Treat winmax 5, Normalise n_minmax, Aggregate a_amean; ` +
    `warmed up with one untimed build per R process, ${BUILD_WARM_UP} untimed builds here)`,
  uncertainty:
    `ASEM uncertainty, N = ${UNCERTAINTY_N}: the build above, then ${UNCERTAINTY_N} replications, each every step from the raw data (denominate → impute → treat → normalise → aggregate); ` +
    `the tables are imported and validated once per run, where COINr's Regen reruns new_coin (${ASEM_SETTINGS}; COINr: get_sensitivity SA_type "UA"; ` +
    `${ANALYSIS_WARM_UP} untimed runs here first, as V8 compiles the replication path)`,
  sensitivity:
    `ASEM Sobol' sensitivity, N = ${SENSITIVITY_N} → ${SENSITIVITY_N * 6} replications as above, ${SENSITIVITY_BOOTSTRAP} bootstraps ` +
    `(same settings; COINr: get_sensitivity SA_type "SA", Nboot ${SENSITIVITY_BOOTSTRAP}; ${ANALYSIS_WARM_UP} untimed runs here first)`,
};

function skip(reason: string): never {
  console.log(`bench:coinr skipped (NOTICE: ${reason}). Nothing was timed.`);
  process.exit(0);
}

console.log('== COINr and @pingan/core on identical work (pnpm bench:coinr)');
if (!existsSync(REFERENCE)) skip(`${REFERENCE}, COINr's ASEM tables, is absent`);
const probe = spawnSync(RSCRIPT, ['-e', 'cat(R.version$version.string, "\\n", as.character(utils::packageVersion("COINr")), sep = "")'], { encoding: 'utf8' });
if (probe.error) skip(`R is not installed (${RSCRIPT}: ${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}); see the README's Benchmarks section to install R and COINr`);
if (probe.status !== 0) skip(`COINr is not installed in R (${probe.stderr.trim().split('\n').pop()}); see the README's Benchmarks section`);
const [rVersion, coinrVersion] = probe.stdout.trim().split('\n');
console.log(
  `${rVersion}, COINr ${coinrVersion}; Node ${process.version}. Runs alternate between the two sides (ABBA order); times are wall-clock, with each process's CPU time (user + system) beside them.`,
);
if (options.quick) {
  console.log(
    `NOTICE: --quick, the short run: ${runs.build} builds, ${runs.uncertainty} uncertainty and ${runs.sensitivity} sensitivity runs of COINr (the full run: ` +
      `${DEFAULT_RUNS.full.build}, ${DEFAULT_RUNS.full.uncertainty}, ${DEFAULT_RUNS.full.sensitivity}); the work of each run is the same, its medians rest on fewer runs.`,
  );
}
if (coinrVersion !== WANTED_COINR) console.log(`NOTICE: COINr ${coinrVersion} is installed; the matched runs were written against ${WANTED_COINR}.`);

interface CoinrRun {
  readonly benchmark: Benchmark;
  readonly ms: number[];
  /** User + system CPU time of the R process for each run. */
  readonly cpu_ms: number[];
  readonly rebuilds: number;
  readonly aggregated: Record<string, Record<string, number | null>>;
}

function runCoinr(benchmark: Benchmark, batch: number): CoinrRun {
  const r = spawnSync(RSCRIPT, [R_SCRIPT, benchmark, REFERENCE, String(batch)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`COINr's ${benchmark} run failed (exit ${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as CoinrRun;
}

interface ProjectRun {
  readonly ms: number[];
  /** User + system CPU time of this process for each run (its garbage collector's threads included). */
  readonly cpu_ms: number[];
  readonly rebuilds: number;
}

function runProject(benchmark: Benchmark, batch: number): ProjectRun {
  const ms: number[] = [];
  const cpu: number[] = [];
  let rebuilds = 0;
  // One untimed build at the start of each turn, as each R process makes one before its timed runs
  // (asem.R): both sides start a turn from the same point, after the other side's process has had the
  // machine (and its caches) to itself.
  buildAsem(REFERENCE);
  for (let i = 0; i < batch; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    rebuilds = benchmark === 'build' ? (buildAsem(REFERENCE), 1) : benchmark === 'uncertainty' ? asemUncertainty(REFERENCE).rebuilds : asemSensitivity(REFERENCE).rebuilds;
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms, cpu_ms: cpu, rebuilds };
}

/** Untimed runs of an analysis (see ANALYSIS_WARM_UP). */
function runProjectUntimed(benchmark: 'uncertainty' | 'sensitivity', runs: number): void {
  for (let i = 0; i < runs; i++) (benchmark === 'uncertainty' ? asemUncertainty : asemSensitivity)(REFERENCE);
}

/** The largest difference between COINr's nominal build and the project's, over every unit and column both have. */
function compareNominal(coinr: CoinrRun['aggregated']): string {
  const ours = buildAsem(REFERENCE).aggregated;
  let largest = 0;
  let cells = 0;
  const mismatched: string[] = [];
  for (const [unit, row] of Object.entries(coinr)) {
    const u = ours.units.indexOf(unit);
    for (const [code, value] of Object.entries(row)) {
      const c = ours.codes.indexOf(code);
      if (u < 0 || c < 0) {
        mismatched.push(`${unit}.${code} absent here`);
        continue;
      }
      const mine = ours.values[u * ours.codes.length + c];
      cells++;
      if (value === null || Number.isNaN(mine)) {
        if ((value === null) !== Number.isNaN(mine)) mismatched.push(`${unit}.${code}: COINr ${value}, here ${mine}`);
      } else largest = Math.max(largest, Math.abs(value - mine));
    }
  }
  const summary = `${cells} cells of the nominal build compared (every unit, every indicator and aggregate): largest difference ${largest.toExponential(2)}`;
  return mismatched.length ? `${summary}; MISMATCHES: ${mismatched.slice(0, 5).join('; ')}${mismatched.length > 5 ? ` … (${mismatched.length})` : ''}` : summary;
}

// Untimed builds on each side first, so that neither times lazy loading or a cold JIT: one in every R
// process (COINr's code is byte-compiled when installed), BUILD_WARM_UP here (V8 compiles the hot code over the first hundreds of runs).
for (let i = 0; i < BUILD_WARM_UP; i++) buildAsem(REFERENCE);
let checked = false;
for (const benchmark of ['build', 'uncertainty', 'sensitivity'] as const) {
  const n = runs[benchmark];
  if (n === 0) continue;
  console.log(`\n${DESCRIPTION[benchmark]}`);
  if (benchmark !== 'build') runProjectUntimed(benchmark, ANALYSIS_WARM_UP);
  const coinrTimes: number[] = [];
  const ourTimes: number[] = [];
  const coinrCpu: number[] = [];
  const ourCpu: number[] = [];
  const ratios: number[] = [];
  const loads: number[] = [];
  let rebuilds = '';
  const firstOfTurn: number[] = [];
  const turns = Math.ceil(n / COINR_BATCH[benchmark]);
  for (let i = 0; i < turns; i++) {
    const batch = Math.min(COINR_BATCH[benchmark], n - i * COINR_BATCH[benchmark]);
    const ourBatch = benchmark === 'build' ? batch : PROJECT_ANALYSIS_BATCH;
    // ABBA: COINr first in runs 0, 3, 4, 7, …; ours first in runs 1, 2, 5, 6, …, so that a drift in load favours neither side.
    const coinrFirst = i % 4 === 0 || i % 4 === 3;
    let coinr: CoinrRun;
    let ours: ProjectRun;
    loads.push(loadavg()[0]);
    if (coinrFirst) {
      coinr = runCoinr(benchmark, batch);
      ours = runProject(benchmark, ourBatch);
    } else {
      ours = runProject(benchmark, ourBatch);
      coinr = runCoinr(benchmark, batch);
    }
    if (!checked) {
      console.log(`  same result: ${compareNominal(coinr.aggregated)}`);
      checked = true;
    }
    rebuilds = `rebuilds per run: COINr ${coinr.rebuilds}, project ${ours.rebuilds}`;
    coinrTimes.push(...coinr.ms);
    ourTimes.push(...ours.ms);
    firstOfTurn.push(ours.ms[0]);
    coinrCpu.push(...coinr.cpu_ms);
    ourCpu.push(...ours.cpu_ms);
    const [c, o] = [summarise(coinr.ms).median, summarise(ours.ms).median];
    ratios.push(c / o);
    const runsOf = (k: number) => (k === 1 ? '1 run' : `median of ${k} runs`);
    console.log(
      `  turn ${i + 1}/${turns}: COINr ${c.toFixed(1)} ms (${runsOf(batch)}), project ${o.toFixed(1)} ms (${runsOf(ourBatch)}: ${ours.ms.map((t) => t.toFixed(1)).join(', ')}) → ${(c / o).toFixed(1)}×`,
    );
  }
  loads.push(loadavg()[0]);
  const c = summarise(coinrTimes);
  const o = summarise(ourTimes);
  const r = summarise(ratios);
  const cc = summarise(coinrCpu);
  const oc = summarise(ourCpu);
  const unit = c.median >= 10_000 ? 's' : 'ms';
  console.log(`  ${rebuilds}`);
  console.log(`  COINr:   wall ${formatTiming(c, unit)}; CPU median ${(cc.median / (unit === 's' ? 1000 : 1)).toFixed(unit === 's' ? 2 : 1)} ${unit}`);
  console.log(`  project: wall ${formatTiming(o, o.median >= 10_000 ? 's' : 'ms', 2)}; CPU median ${oc.median.toFixed(2)} ms`);
  if (benchmark !== 'build') {
    const f = summarise(firstOfTurn);
    console.log(`  project, the first run of each turn only: wall ${formatTiming(f, 'ms', 2)} → ${(c.median / f.median).toFixed(1)}× COINr's median`);
  }
  console.log(
    `  ratio of wall medians ${(c.median / o.median).toFixed(1)}×; per-turn ratios median ${r.median.toFixed(1)}× (IQR ${r.q1.toFixed(1)}–${r.q3.toFixed(1)}, range ${r.min.toFixed(1)}–${r.max.toFixed(1)}); ` +
      `ratio of CPU medians ${(cc.median / oc.median).toFixed(1)}×; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`,
  );
}
