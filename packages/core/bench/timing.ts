/**
 * How every benchmark of the project reports time: the median of repeated
 * runs with its spread (interquartile range and min–max), never the best run.
 */
import { quantileSorted } from 'd3-array';

export interface Timing {
  readonly runs: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises run times (any unit) into median, quartiles, p95 and range. */
export function summarise(times: readonly number[]): Timing {
  if (times.length === 0) throw new RangeError('no runs to summarise');
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p) as number;
  return { runs: sorted.length, median: q(0.5), q1: q(0.25), q3: q(0.75), p95: q(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** "median 12.3 ms (IQR 12.0–12.9, range 11.8–14.1, 15 runs)", in the unit given (times are in ms). */
export function formatTiming(t: Timing, unit: 'µs' | 'ms' | 's' = 'ms', digits = unit === 's' ? 2 : 1): string {
  const scale = unit === 'µs' ? 1000 : unit === 's' ? 1 / 1000 : 1;
  const f = (v: number) => (v * scale).toFixed(digits);
  return `median ${f(t.median)} ${unit} (IQR ${f(t.q1)}–${f(t.q3)}, range ${f(t.min)}–${f(t.max)}, ${t.runs} runs)`;
}

/**
 * A target and whether a median meets it, to print beside the figure: "target ≤ 50 ms: NOT met".
 *
 * @example
 * againstTarget(151.9, 50, 'ms'); // 'target ≤ 50 ms: NOT met'
 * againstTarget(3200, 5000, 's'); // 'target ≤ 5 s: met'
 */
export function againstTarget(medianMs: number, targetMs: number, unit: 'ms' | 's'): string {
  const target = unit === 's' ? targetMs / 1000 : targetMs;
  return `target ≤ ${target} ${unit}: ${medianMs <= targetMs ? 'met' : 'NOT met'}`;
}

/** Times `run` `runs` times after `warmUp` untimed calls; returns the times in ms. */
export function timeRuns(run: () => unknown, runs: number, warmUp = 1): number[] {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Times `run` as `timeRuns` does, with the process's CPU time (user +
 * system, its garbage collector's and compiler's threads included) beside
 * each wall time: on a loaded machine the wall time also counts the time
 * the process waited for a core.
 */
export function timeRunsWithCpu(run: () => unknown, runs: number, warmUp = 1): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmUp; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** "wall median … (IQR …); CPU median … (IQR …)": both, from `timeRunsWithCpu`. */
export function formatWallAndCpu(times: { wall: number[]; cpu: number[] }, unit: 'µs' | 'ms' | 's' = 'ms', digits?: number): string {
  const cpu = summarise(times.cpu);
  const scale = unit === 'µs' ? 1000 : unit === 's' ? 1 / 1000 : 1;
  const d = digits ?? (unit === 's' ? 2 : 1);
  return `wall ${formatTiming(summarise(times.wall), unit, d)}; CPU median ${(cpu.median * scale).toFixed(d)} ${unit} (IQR ${(cpu.q1 * scale).toFixed(d)}–${(cpu.q3 * scale).toFixed(d)})`;
}
