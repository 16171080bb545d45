/**
 * The synthetic nationwide benchmark (run with `pnpm bench` from the root).
 * Prints figures; asserts nothing about time. A Xiangtan-shaped framework
 * (4 groups, 14 indicators, counts per 100,000 residents, min-max scores per
 * month) over 2,844 units × 120 months:
 *
 * - the whole float pipeline, denominate → … → aggregate (`buildIndex`
 *   alone, which runs the compiled plan's fused pass and writes the
 *   aggregated panel; the stages between are made when first read; drawing
 *   the panel and validating the framework are not timed): median of 5 runs
 *   after one untimed run, with IQR and range, in wall and CPU time (the
 *   process's, and the main thread's where Node has `threadCpuUsage`), with
 *   the page faults a build and the garbage collector's pauses during the
 *   builds, and the machine's load average (target ≤ 100 ms), both cold (a
 *   new output panel each build, whose first write costs the operating
 *   system's page mapping: a fault per 4 KiB page) and repeated (each build
 *   into the previous result's panel, through buildIndex's explicit `into`
 *   option);
 * - the exact published values on one thread (`publishValues`: float64
 *   with a rigorous per-cell bound, decimal.js only for cells whose rounding
 *   the bound leaves ambiguous): median of 3 runs after one untimed run
 *   (target ≤ 2 s), and the process's peak memory after it (target ≤ 1 GB);
 * - the reference, today's full decimal path (rates, scores and means in
 *   decimal.js, 24 digits) on every core (`buildExactOnThreads`, one run):
 *   every cell rounded must equal `publishValues`' text byte for byte, and
 *   the benchmark fails if one does not.
 */
import { availableParallelism, loadavg } from 'node:os';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { buildIndex, exactAt, publishedAt, publishValues, roundHalfUp, type IndexResult } from '@pingan/core';
import { nationwideFramework, nationwidePanel } from '../../core/bench/nationwidePanel.ts';
import { formatTiming, summarise } from '../../core/bench/timing.ts';
import { buildExactOnThreads } from '../src/exactThreads.ts';

/** The main thread's CPU time in ms (user + system), or null where Node has no `process.threadCpuUsage` (before 23.9). */
function threadCpu(): number | null {
  if (typeof process.threadCpuUsage !== 'function') return null;
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

async function benchNationwide(): Promise<void> {
  const framework = nationwideFramework('nationwide-synthetic', { zh: '合成全国面板', en: 'Synthetic nationwide panel' });
  const raw = nationwidePanel(framework);
  const cells = raw.units.length * raw.periods.length * 14;
  // The float path, timed as buildIndex alone (the panel is drawn and the
  // framework validated before the clock starts; the provenance hash is
  // computed when first read, below, so it is not in it), two ways:
  // - cold: every build writes a new aggregated panel (58 MB), so its time
  //   includes the first write into fresh memory (the operating system
  //   mapping the pages);
  // - repeated: every build writes into the previous result's aggregated
  //   panel, handed over with buildIndex's explicit `into` option.
  // Beside each build's wall time, what it is made of: the process's CPU
  // time (its garbage collector's threads included), the main thread's, the
  // page faults (each 4 KiB page of a new panel is mapped and zeroed by the
  // operating system when first written) and the garbage collector's pauses
  // that began during a build.
  let result: IndexResult;
  const timeBuilds = async (into: boolean) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    const mainCpu: number[] = [];
    const faults: number[] = [];
    const spans: [number, number][] = [];
    const collections: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 5; i++) {
      const f0 = process.resourceUsage().minorPageFault;
      const m0 = threadCpu();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      result = buildIndex(framework, raw, into ? { into: result.aggregated } : {});
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      const m = threadCpu();
      faults.push(process.resourceUsage().minorPageFault - f0);
      wall.push(t1 - t0);
      spans.push([t0, t1]);
      cpu.push((c.user + c.system) / 1000);
      if (m0 !== null && m !== null) mainCpu.push(m - m0);
    }
    // The runtime reports a collection after it, on the event loop.
    await new Promise((resolve) => setTimeout(resolve, 10));
    collections.push(...observer.takeRecords());
    observer.disconnect();
    const during = collections.filter((gc) => spans.some(([t0, t1]) => gc.startTime >= t0 && gc.startTime < t1));
    const paused = during.reduce((sum, gc) => sum + gc.duration, 0);
    return (
      `${formatTiming(summarise(wall), 'ms', 0)}, CPU ${formatTiming(summarise(cpu), 'ms', 0)}` +
      (mainCpu.length > 0 ? `; main thread CPU median ${summarise(mainCpu).median.toFixed(0)} ms` : '') +
      `; ${summarise(faults).median.toLocaleString('en')} page faults a build (median); ` +
      `${during.length} garbage collector pause${during.length === 1 ? '' : 's'} in the 5 builds, ${paused.toFixed(0)} ms in all`
    );
  };
  result = buildIndex(framework, raw);
  const cold = await timeBuilds(false);
  result = buildIndex(framework, raw, { into: result.aggregated });
  const repeated = await timeBuilds(true);
  // CPU time beside wall time: on a shared machine the wall time counts the other processes' turns too.
  console.log(
    `nationwide panel, float path (2,844 units × 120 months × 14 indicators = ${cells.toLocaleString('en')} cells; ` +
      `buildIndex alone: denominate → score → aggregate through the compiled plan's fused pass, the aggregated panel written; ` +
      `median of 5 builds after one untimed build; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; target ≤ 100 ms):\n` +
      `  cold, each build into a new 58 MB panel: ${cold}\n` +
      `  repeated, each build into the previous result's panel (buildIndex's \`into\` option): ${repeated}`,
  );
  const tHash = performance.now();
  const hash = result.provenance.hash;
  console.log(
    `nationwide panel, provenance (SHA-256 over ${((raw.values.byteLength + raw.flags.byteLength) / 2 ** 20).toFixed(0)} MiB of data, ` +
      `computed once when first read): ${(performance.now() - tHash).toFixed(0)} ms (${hash.slice(0, 12)}…)`,
  );

  // The fast exact path: float64 with a per-cell bound, decimal only where a rounding is ambiguous.
  const publishTimes: number[] = [];
  const publishCpu: number[] = [];
  let published = publishValues(result);
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    published = publishValues(result);
    publishTimes.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    publishCpu.push((c.user + c.system) / 1000);
  }
  const { fallback } = published;
  console.log(
    `nationwide panel, exact published values on one thread (publishValues: float64 with a per-cell error bound, ${fallback.cells} ambiguous cells ` +
      `settled in decimal over ${fallback.periods} periods${fallback.whole ? `; whole build in decimal: ${fallback.whole}` : ''}): ` +
      `${formatTiming(summarise(publishTimes), 'ms', 0)}, CPU median ${summarise(publishCpu).median.toFixed(0)} ms; target ≤ 2 s`,
  );
  const peakFast = (process.resourceUsage().maxRSS * 1024) / 1e6;
  console.log(`memory: peak resident set ${peakFast.toFixed(0)} MB after the float and fast exact paths (target ≤ 1 GB)`);

  // The reference: today's full decimal path on every core, rounded cell by cell.
  const threads = availableParallelism();
  const t0 = performance.now();
  const onThreads = await buildExactOnThreads(result);
  const threadSeconds = (performance.now() - t0) / 1000;
  let maxDiff = 0;
  let differs = -1;
  for (let i = 0; i < onThreads.values.length; i++) {
    const v = exactAt(onThreads.values, i);
    if (v !== null) maxDiff = Math.max(maxDiff, Math.abs(v.toNumber() - result.aggregated.values[i]));
    if (differs < 0 && (v === null ? null : roundHalfUp(v, framework.decimals)) !== publishedAt(published, i)) differs = i;
  }
  console.log(
    `nationwide panel, full decimal path on ${threads} thread${threads === 1 ? '' : 's'} (buildExactOnThreads: rates, scores and means in decimal.js, 24 digits): ` +
      `${threadSeconds.toFixed(2)} s (one run); largest difference from the float path ${maxDiff.toExponential(2)}; ` +
      (differs < 0
        ? `publishValues gives its published text byte for byte in all ${onThreads.values.length.toLocaleString('en')} cells`
        : `publishValues DIFFERS at cell ${differs}`),
  );
  console.log(
    `memory: peak resident set ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB including the full decimal path's workers; ` +
      `now rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );
  if (differs >= 0) process.exitCode = 1;
}

console.log('== @pingan/cli benchmarks');
await benchNationwide();
