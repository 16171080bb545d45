/**
 * Benchmarks of the core library (run with `pnpm bench` from the root).
 * Prints figures; asserts nothing about time.
 *
 * 1. ASEM build: normalise (min-max 0–100) + aggregate (arithmetic mean, 4
 *    levels) on COINr's ASEM data, as in the conformance test. Target ≤ 0.5 ms;
 *    COINr takes 16.5 ms on this machine.
 * 3. Uncertainty and sensitivity on ASEM over COINr's four settings
 *    (winsorisation limit 1–5; min-max 1–100 or z-score (10, 2); 100 noisy
 *    weight sets, noise 0.25 at levels 2 and 3; arithmetic or geometric
 *    mean): Monte Carlo with N = 100 (target ≤ 0.1 s; COINr 12.6 s) and the
 *    matching Sobol' run, 600 rebuilds and 100 bootstraps (target ≤ 0.5 s;
 *    COINr 74.1 s).
 * 2. A synthetic nationwide panel, 2,844 units × 120 months × 14 indicators:
 *    the whole float pipeline (target ≤ 1 s) and the exact decimal path
 *    (normalise + aggregate in decimal.js; target ≤ 30 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomLcg, randomNormal } from 'd3-random';
import Papa from 'papaparse';
import {
  aggregate,
  aggregationSetting,
  buildExact,
  buildIndex,
  createPanel,
  defineFramework,
  fromCoinr,
  noisyWeights,
  normalise,
  normalisationSetting,
  sensitivityAnalysis,
  uncertaintyAnalysis,
  weightSetsSetting,
  winsorisationSetting,
  panelFromObservations,
  periodRange,
  type Panel,
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

/** A Xiangtan-shaped framework: 4 groups, 14 indicators, counts per 100,000 residents. */
function nationwideFramework() {
  const groups = { order: 6, traffic: 3, fire: 3, perception: 2 } as const;
  const nodes: unknown[] = [{ code: 'index', type: 'aggregate', parent: null, name: { zh: '平安指数', en: 'Safety index' } }];
  let k = 0;
  for (const [group, n] of Object.entries(groups)) {
    nodes.push({ code: group, type: 'aggregate', parent: 'index', name: { zh: group, en: group } });
    for (let i = 0; i < n; i++, k++) {
      const survey = group === 'perception';
      nodes.push({
        code: `i${k}`,
        type: 'indicator',
        parent: group,
        name: { zh: `指标${k}`, en: `Indicator ${k}` },
        direction: survey ? 1 : -1,
        ...(survey ? {} : { denominator: { code: 'population', scale: 100000 } }),
      });
    }
  }
  return defineFramework({
    id: 'nationwide-synthetic',
    version: '1',
    name: { zh: '合成全国面板', en: 'Synthetic nationwide panel' },
    denominators: [{ code: 'population', name: { zh: '常住人口', en: 'Resident population' } }],
    nodes,
  });
}

function nationwidePanel(framework: ReturnType<typeof nationwideFramework>): Panel {
  const units = Array.from({ length: 2844 }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const periods = periodRange('2016-01', '2025-12');
  const codes = [...framework.indicators, 'population'];
  const random = randomNormal.source(randomLcg(20261122))(0, 1);
  const values = new Float64Array(units.length * periods.length * codes.length);
  const population = units.map(() => 50000 + Math.abs(random()) * 400000);
  for (let p = 0; p < periods.length; p++) {
    for (let u = 0; u < units.length; u++) {
      const row = (p * units.length + u) * codes.length;
      for (let c = 0; c < 14; c++) {
        values[row + c] = c >= 12 ? 90 + 5 * Math.tanh(random()) : Math.max(0, Math.round(population[u] / 10000 * (1 + c) * (1 + 0.3 * random())));
      }
      values[row + 14] = population[u];
    }
  }
  return createPanel({ units, periods, codes, values });
}

function benchNationwide(): void {
  const framework = nationwideFramework();
  const raw = nationwidePanel(framework);
  const cells = raw.units.length * raw.periods.length * 14;
  const floatTimes: number[] = [];
  let result = buildIndex(framework, raw);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = buildIndex(framework, raw);
    floatTimes.push(performance.now() - t0);
  }
  const floatBest = Math.min(...floatTimes) / 1000;
  console.log(
    `nationwide panel, float path (2,844 units × 120 months × 14 indicators = ${cells.toLocaleString('en')} cells; ` +
      `denominate → … → aggregate): best of 3 ${floatBest.toFixed(3)} s; target ≤ 1 s`,
  );
  const tHash = performance.now();
  const hash = result.provenance.hash;
  console.log(
    `nationwide panel, provenance (SHA-256 over ${((raw.values.byteLength + raw.flags.byteLength) / 2 ** 20).toFixed(0)} MiB of data, ` +
      `computed once when first read): ${(performance.now() - tHash).toFixed(0)} ms (${hash.slice(0, 12)}…)`,
  );
  const t0 = performance.now();
  const exact = buildExact(result);
  const decimalSeconds = (performance.now() - t0) / 1000;
  let maxDiff = 0;
  exact.values.forEach((v, i) => {
    if (v !== null) maxDiff = Math.max(maxDiff, Math.abs(v.toNumber() - result.aggregated.values[i]));
  });
  console.log(
    `nationwide panel, decimal path (buildExact: rates, normalise and aggregate in decimal.js, 24 digits): ${decimalSeconds.toFixed(2)} s; target ≤ 30 s; ` +
      `largest difference from the float path ${maxDiff.toExponential(2)}`,
  );
  console.log(`memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
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
benchNationwide();
