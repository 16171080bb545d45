import type { Interval } from './intervals.ts';

/** The verdict on a change: up, down, or broadly unchanged. */
export type Verdict = 'up' | 'down' | 'unchanged';

/** The verdicts' words, as published. */
export const VERDICT_NAMES: Readonly<Record<Verdict, { readonly zh: string; readonly en: string }>> = {
  up: { zh: '上升', en: 'up' },
  down: { zh: '下降', en: 'down' },
  unchanged: { zh: '基本持平', en: 'broadly unchanged' },
};

/**
 * The stated rule: a change is 上升 (up) when its whole interval lies above
 * zero, 下降 (down) when it lies below zero, and 基本持平 (broadly unchanged)
 * when the interval contains zero (at the framework's level, 90% by
 * default), as the UK's ONS writes "broadly unchanged" for a change within
 * its uncertainty. A missing interval gives `null`. Releases apply it to the
 * interval as published, rounded to the framework's decimals
 * (`monthUncertainty`, uncertainty model 5), so the verdict always agrees
 * with the numbers a reader sees: "−2.48 to 0.00" holds zero.
 *
 * @example
 * changeVerdict({ lower: 0.2, upper: 1.4 }); // 'up'
 * changeVerdict({ lower: -0.77, upper: 0.55 }); // 'unchanged'
 */
export function changeVerdict(interval: Interval): Verdict | null {
  if (!(interval.lower === interval.lower && interval.upper === interval.upper)) return null;
  if (interval.lower > 0) return 'up';
  if (interval.upper < 0) return 'down';
  return 'unchanged';
}
