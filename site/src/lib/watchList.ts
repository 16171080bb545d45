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
import { controlCharts, frameworkFromJson, nearestLimit, panelFromObservations, publishedChart, type ControlChart } from '@pingan/core';
import { releaseWarning, writeCsv, type ReleaseEarlyWarning } from '@pingan/core/release';
import { readInputsCsv } from './inputsCsv.ts';
import { siteFacts } from './publication.ts';
import { latest, type MonthRelease } from './releases.ts';
import { frameworkTextOf } from './workbench.ts';

/** One chart of the watch list: as a warning is published, and its EWMA's share of its limit. */
export interface WatchedChart {
  warning: ReleaseEarlyWarning;
  share: number;
}

/** How many charts the watch list shows. */
export const WATCH_COUNT = 5;

/** The month's place in the charts' periods (the charts of one panel share them), or -1. */
const monthIndex = (charts: readonly ControlChart[], month: string) => (charts.length ? charts[0].periods.indexOf(month) : -1);

/**
 * A release's control charts (and the decimals of its expected counts),
 * recomputed from its own files and checked against what it published: the
 * same number of charts charted in its month, and exactly its
 * out-of-control charts (every field, every month of their history). Null
 * when the release carries no early warning or no inputs.csv (older
 * formats). Throws, naming the release and the files, when they disagree or
 * the framework file has changed since.
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
  const at = monthIndex(charts, month);
  const recomputed = charts.filter((c) => c.outOfControl[at] === 1).map((c) => releaseWarning(publishedChart(c, month, { decimals: framework.decimals })));
  const charted = charts.filter((c) => c.charted[at] === 1).length;
  if (charted !== warnings.charted || JSON.stringify(recomputed) !== JSON.stringify(warnings.outOfControl)) {
    const list = (ws: readonly ReleaseEarlyWarning[]) => ws.map((w) => `${w.region} × ${w.indicator} (EWMA ${w.ewma})`).join(', ') || 'none';
    throw new Error(
      `pingan site: the control charts recomputed from ${where}/inputs.csv and ${file} do not reproduce the release's early warning: ` +
        `${charted} charts, out of control: ${list(recomputed)}; the release says ${warnings.charted} charts, out of control: ${list(warnings.outOfControl)}`,
    );
  }
  return { charts, decimals: framework.decimals };
}

let cache: { dir: string; recomputed: ReturnType<typeof releaseCharts> } | undefined;

/** The latest release and its charts, recomputed once per build (the page and the download both read them). */
function latestCharts(): { entry: MonthRelease; recomputed: ReturnType<typeof releaseCharts> } {
  const entry = latest();
  if (cache?.dir !== entry.dir) cache = { dir: entry.dir, recomputed: releaseCharts(entry) };
  return { entry, recomputed: cache.recomputed };
}

/**
 * The latest release's watch list (at most WATCH_COUNT charts, the nearest
 * its limit first; empty when every in-control EWMA is at 0), or null when
 * the release carries no early warning or no inputs.csv (older formats).
 */
export function watchList(): WatchedChart[] | null {
  const { entry, recomputed } = latestCharts();
  return recomputed && nearestLimit(recomputed.charts, entry.month, WATCH_COUNT).map((n) => ({ warning: releaseWarning(publishedChart(n.chart, entry.month, { decimals: recomputed.decimals })), share: n.share }));
}

/**
 * Every chart's reading in the latest release's month (`charts-YYYY-MM.csv`,
 * `SYNTHETIC-charts-YYYY-MM.csv` for synthetic data), one row a chart charted
 * that month (chart order: region, then framework order), as the early-warning
 * page offers it for download: UTF-8 with a BOM and CRLF, headed in Chinese and
 * English as release.csv is. The readings are the library's control charts
 * recomputed from the release's own files and checked against its warnings
 * (`releaseCharts`). Null when the release carries no early warning.
 */
export function chartReadingsCsv(): { file: string; text: string } | null {
  const { entry, recomputed } = latestCharts();
  if (recomputed === null) return null;
  const { charts, decimals } = recomputed;
  const month = entry.month;
  const regions = new Map(entry.release.regions.map((r) => [r.code, r.name]));
  const indicators = new Map(entry.release.indicators.map((i) => [i.code, i.name]));
  const header = ['地区代码 region', '地区 region_zh', 'Region region_en', '代码 code', '名称 name_zh', 'Name name_en', '计数 observed', '预期 expected', 'EWMA ewma', '控制界限 limit', '占界限 share', '失控 out_of_control', '新出现 new_alarm'];
  const t = monthIndex(charts, month);
  const rows = charts.flatMap((chart) => {
    if (chart.charted[t] !== 1) return [];
    const p = publishedChart(chart, month, { decimals });
    const region = regions.get(chart.unit);
    const indicator = indicators.get(chart.code);
    const share = (chart.ewma[t] / chart.limit).toFixed(3);
    return [[p.unit, region?.zh ?? '', region?.en ?? '', p.code, indicator?.zh ?? '', indicator?.en ?? '', p.observed, p.expected, p.ewma, p.limit, share, String(chart.outOfControl[t]), p.newAlarm ? '1' : '0']];
  });
  // A file of SYNTHETIC readings says so in its name, as the sample's input files do, wherever it is saved.
  return { file: `${siteFacts().synthetic ? 'SYNTHETIC-' : ''}charts-${month}.csv`, text: writeCsv([header, ...rows], { newline: '\r\n', bom: true }) };
}
