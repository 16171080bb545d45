/**
 * The synthetic nationwide benchmark (run with `pnpm bench` from the root).
 * Prints figures; asserts nothing about time. A Xiangtan-shaped framework
 * (4 groups, 14 indicators, counts per 100,000 residents, min-max scores per
 * month) over 2,844 units × 120 months:
 *
 * - the whole float pipeline, denominate → … → aggregate: median of 5 runs
 *   after one untimed run, with IQR and range (target ≤ 100 ms);
 * - the exact decimal path (rates, scores and means in decimal.js, 24
 *   digits; one run each, as each takes seconds) on every core
 *   (`buildExactOnThreads`, target ≤ 30 s), then on one thread (`buildExact`;
 *   target ≤ 2 s); the two must agree digit for digit, and the benchmark
 *   fails if they do not;
 * - the process's peak memory (resident set, target ≤ 1 GB).
 */
import { availableParallelism } from 'node:os';
import { buildExact, buildIndex, compareExact, exactAt, type Exact, type ExactPanel } from '@pingan/core';
import { nationwideFramework, nationwidePanel } from '../../core/bench/nationwidePanel.ts';
import { formatTiming, summarise } from '../../core/bench/timing.ts';
import { buildExactOnThreads } from '../src/exactThreads.ts';

/** The first cell where two exact panels differ in value or flags, or -1. */
function firstDifference(a: ExactPanel, b: ExactPanel): number {
  if (a.values.length !== b.values.length) return 0;
  const x = a.values;
  const y = b.values;
  for (let i = 0; i < x.length; i++) {
    if (a.flags[i] !== b.flags[i] || x.signs[i] !== y.signs[i]) return i;
    const same =
      x.exponents[i] === y.exponents[i] &&
      x.offsets[i + 1] - x.offsets[i] === y.offsets[i + 1] - y.offsets[i] &&
      x.words.subarray(x.offsets[i], x.offsets[i + 1]).every((w, k) => w === y.words[y.offsets[i] + k]);
    // Packed alike means equal; packed differently, compare the values themselves.
    if (!same && compareExact(exactAt(x, i) as Exact, exactAt(y, i) as Exact) !== 0) return i;
  }
  return -1;
}

async function benchNationwide(): Promise<void> {
  const framework = nationwideFramework('nationwide-synthetic', { zh: '合成全国面板', en: 'Synthetic nationwide panel' });
  const raw = nationwidePanel(framework);
  const cells = raw.units.length * raw.periods.length * 14;
  const floatTimes: number[] = [];
  let result = buildIndex(framework, raw);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    result = buildIndex(framework, raw);
    floatTimes.push(performance.now() - t0);
  }
  console.log(
    `nationwide panel, float path (2,844 units × 120 months × 14 indicators = ${cells.toLocaleString('en')} cells; ` +
      `denominate → … → aggregate): ${formatTiming(summarise(floatTimes), 'ms', 0)}; target ≤ 100 ms`,
  );
  const tHash = performance.now();
  const hash = result.provenance.hash;
  console.log(
    `nationwide panel, provenance (SHA-256 over ${((raw.values.byteLength + raw.flags.byteLength) / 2 ** 20).toFixed(0)} MiB of data, ` +
      `computed once when first read): ${(performance.now() - tHash).toFixed(0)} ms (${hash.slice(0, 12)}…)`,
  );

  const threads = availableParallelism();
  const t0 = performance.now();
  const onThreads = await buildExactOnThreads(result);
  const threadSeconds = (performance.now() - t0) / 1000;
  let maxDiff = 0;
  for (let i = 0; i < onThreads.values.length; i++) {
    const v = exactAt(onThreads.values, i);
    if (v !== null) maxDiff = Math.max(maxDiff, Math.abs(v.toNumber() - result.aggregated.values[i]));
  }
  console.log(
    `nationwide panel, decimal path on ${threads} thread${threads === 1 ? '' : 's'} (buildExactOnThreads: rates, scores and means in decimal.js, 24 digits): ` +
      `${threadSeconds.toFixed(2)} s (one run); target ≤ 30 s; largest difference from the float path ${maxDiff.toExponential(2)}`,
  );

  const t1 = performance.now();
  const oneThread = buildExact(result);
  const oneSeconds = (performance.now() - t1) / 1000;
  const differs = firstDifference(onThreads, oneThread);
  console.log(
    `nationwide panel, decimal path on one thread (buildExact): ${oneSeconds.toFixed(2)} s (one run); target ≤ 2 s; ${threads} threads are ${(oneSeconds / threadSeconds).toFixed(2)}× as fast; ` +
      (differs < 0 ? 'the two panels agree digit for digit' : `the panels DIFFER at cell ${differs}`),
  );
  console.log(
    `memory: peak resident set ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB (target ≤ 1 GB); ` +
      `now rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );
  if (differs >= 0) process.exitCode = 1;
}

console.log('== @pingan/cli benchmarks');
await benchNationwide();
