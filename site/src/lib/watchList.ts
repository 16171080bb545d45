/**
 * The early warning's watch list, at build time: the latest release's
 * control charts recomputed with the library from the release's own files
 * (its `inputs.csv`, and the framework file its manifest names, checked
 * against the manifest's SHA-256), and the in-control charts nearest their
 * limits (`nearestLimit`), each in the release's own form
 * (`publishedChart`), so the page draws them as it draws a warning.
 *
 * A release publishes only its out-of-control charts. Before anything is
 * shown, the recomputation must give exactly those (every field, every
 * month of their history) and the same number of charts: a page that
 * disagreed with its release would fail the build, not go out.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { controlCharts, frameworkFromJson, nearestLimit, panelFromObservations, publishedChart, type ControlChart, type PublishedChart } from '@pingan/core';
import type { ReleaseEarlyWarning } from '@pingan/core/release';
import { readInputsCsv } from './inputsCsv.ts';
import { latest, type MonthRelease } from './releases.ts';
import { frameworkTextOf } from './workbench.ts';

/** One chart of the watch list: as a warning is published, and its EWMA's share of its limit. */
export interface WatchedChart {
  warning: ReleaseEarlyWarning;
  share: number;
}

/** How many charts the watch list shows. */
export const WATCH_COUNT = 5;

const asWarning = (c: PublishedChart): ReleaseEarlyWarning => ({
  region: c.unit,
  indicator: c.code,
  observed: c.observed,
  expected: c.expected,
  ewma: c.ewma,
  limit: c.limit,
  newAlarm: c.newAlarm,
  history: c.history.map((h) => ({ ...h })),
});

/**
 * A release's control charts (and the decimals of its expected counts),
 * recomputed from its own files and checked against what it published: the
 * same number of charts charted in its month, and exactly its
 * out-of-control charts (every field, every month of their history). Null when the release carries no early warning or no
 * inputs.csv (older formats). Throws, naming the release and the files,
 * when they disagree or the framework file has changed since.
 */
export function releaseCharts(entry: MonthRelease): { charts: ControlChart[]; decimals: number } | null {
  const warnings = entry.release.uncertainty?.warnings ?? null;
  const inputs = join(entry.dir, 'inputs.csv');
  if (warnings === null || !existsSync(inputs)) return null;
  const where = `${entry.month}/r${entry.manifest.revision}`;
  const { file, text } = frameworkTextOf(entry.manifest);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const named = (entry.manifest as { framework: { sha256?: unknown } }).framework.sha256;
  if (typeof named === 'string' && named !== sha256) {
    throw new Error(`pingan site: ${file} has changed since release ${where} (SHA-256 ${sha256}, the manifest says ${named}): its control charts cannot be recomputed from it; restore the file, or release with it first (pingan release)`);
  }
  const framework = frameworkFromJson(JSON.parse(text) as unknown);
  const observations = readInputsCsv(inputs).map((c) => ({ unit: c.region, period: c.month, code: c.indicator, value: c.value }));
  const charts = controlCharts(panelFromObservations(framework, observations), framework, warnings.chart);
  const month = entry.month;
  const recomputed = charts.filter((c) => c.outOfControl[c.periods.indexOf(month)] === 1).map((c) => asWarning(publishedChart(c, month, { decimals: framework.decimals })));
  const charted = charts.filter((c) => c.charted[c.periods.indexOf(month)] === 1).length;
  if (charted !== warnings.charted || JSON.stringify(recomputed) !== JSON.stringify(warnings.outOfControl)) {
    const list = (ws: readonly ReleaseEarlyWarning[]) => ws.map((w) => `${w.region} × ${w.indicator} (EWMA ${w.ewma})`).join(', ') || 'none';
    throw new Error(
      `pingan site: the control charts recomputed from ${where}/inputs.csv and ${file} do not reproduce the release's early warning: ` +
        `${charted} charts, out of control: ${list(recomputed)}; the release says ${warnings.charted} charts, out of control: ${list(warnings.outOfControl)}`,
    );
  }
  return { charts, decimals: framework.decimals };
}

let cache: { dir: string; list: WatchedChart[] | null } | undefined;

/**
 * The latest release's watch list (at most WATCH_COUNT charts, the nearest
 * its limit first; empty when every in-control EWMA is at 0), or null when
 * the release carries no early warning or no inputs.csv (older formats).
 */
export function watchList(): WatchedChart[] | null {
  const entry = latest();
  if (cache?.dir === entry.dir) return cache.list;
  const recomputed = releaseCharts(entry);
  const list = recomputed && nearestLimit(recomputed.charts, entry.month, WATCH_COUNT).map((n) => ({ warning: asWarning(publishedChart(n.chart, entry.month, { decimals: recomputed.decimals })), share: n.share }));
  cache = { dir: entry.dir, list };
  return list;
}
