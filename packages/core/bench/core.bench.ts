/**
 * Benchmarks of the core library (run with `pnpm bench` from the root).
 * Prints figures; asserts nothing about time.
 *
 * 1. ASEM build: normalise (min-max 0–100) + aggregate (arithmetic mean, 4
 *    levels) on COINr's ASEM data, as in the conformance test. Target ≤ 0.5 ms;
 *    COINr takes 16.5 ms on this machine.
 * 2. Uncertainty and sensitivity on ASEM over COINr's four settings
 *    (winsorisation limit 1–5; min-max 1–100 or z-score (10, 2); 100 noisy
 *    weight sets, noise 0.25 at levels 2 and 3; arithmetic or geometric
 *    mean): Monte Carlo with N = 100 (target ≤ 0.1 s; COINr 12.6 s) and the
 *    matching Sobol' run, 600 rebuilds and 100 bootstraps (target ≤ 0.5 s;
 *    COINr 74.1 s).
 * The synthetic nationwide panel (float and decimal paths) is benchmarked in
 * packages/cli/bench/nationwide.bench.ts, where the decimal path can use
 * worker threads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  aggregate,
  aggregationSetting,
  buildIndex,
  fromCoinr,
  noisyWeights,
  normalise,
  normalisationSetting,
  sensitivityAnalysis,
  uncertaintyAnalysis,
  weightSetsSetting,
  winsorisationSetting,
  panelFromObservations,
} from '@pingan/core';

const REFERENCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/coinr-asem');
const COINR_ASEM_MS = 16.5;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(REFERENCE, file), 'utf8').split('\n').filter((l) => !l.startsWith('# ')).join('\n');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function benchAsem(): void {
  if (!existsSync(REFERENCE)) {
    console.log(`ASEM build: skipped (NOTICE: ${REFERENCE} is absent)`);
    return;
  }
  const { framework, observations } = fromCoinr({ iData: readCsv('ASEM_iData.csv'), iMeta: readCsv('ASEM_iMeta.csv') });
  const raw = panelFromObservations(framework, observations);
  for (let i = 0; i < 500; i++) aggregate(normalise(raw, framework), framework);
  const times: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = performance.now();
    aggregate(normalise(raw, framework), framework);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  console.log(
    `ASEM build (51 units × 49 indicators, normalise + aggregate over 4 levels): median ${(median * 1000).toFixed(1)} µs, ` +
      `p95 ${(quantile(times, 0.95) * 1000).toFixed(1)} µs over ${times.length} runs; target ≤ 500 µs; ` +
      `COINr ${COINR_ASEM_MS} ms on this machine → ${(COINR_ASEM_MS / median).toFixed(0)}× faster`,
  );
}

function benchUncertainty(): void {
  if (!existsSync(REFERENCE)) {
    console.log(`ASEM uncertainty and sensitivity: skipped (NOTICE: ${REFERENCE} is absent)`);
    return;
  }
  const { framework, observations } = fromCoinr({ iData: readCsv('ASEM_iData.csv'), iMeta: readCsv('ASEM_iMeta.csv') });
  const nominal = buildIndex(framework, panelFromObservations(framework, observations));
  const settings = [
    winsorisationSetting([1, 2, 3, 4, 5]),
    normalisationSetting([{ method: 'minMax', lower: 1, upper: 100 }, { method: 'zScore', mean: 10, sd: 2 }]),
    weightSetsSetting(noisyWeights(framework, { noise: 0.25, levels: [2, 3], samples: 100, seed: 1 })),
    aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
  ];
  const best = (f: () => void) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      f();
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  const ua = best(() => uncertaintyAnalysis(nominal, { n: 100, settings, seed: 1 }));
  console.log(`ASEM uncertainty analysis (N = 100, COINr's four settings): best of 5 ${ua.toFixed(1)} ms; target ≤ 100 ms; COINr 12.6 s → ${(12600 / ua).toFixed(0)}× faster`);
  let runs = 0;
  const sa = best(() => {
    runs = sensitivityAnalysis(nominal, { n: 100, bootstrap: 100, settings, seed: 1 }).runs;
  });
  console.log(`ASEM Sobol' sensitivity (${runs} rebuilds, 100 bootstraps): best of 5 ${sa.toFixed(1)} ms; target ≤ 500 ms; COINr 74.1 s → ${(74100 / sa).toFixed(0)}× faster`);
}

console.log('== @pingan/core benchmarks');
benchAsem();
benchUncertainty();
