import type { PublishedChart } from '../warning/publishedChart.ts';
import type { ReleaseEarlyWarning } from './schema.ts';

/**
 * A chart's month as a release's early warning lists it (release.json
 * `warnings.outOfControl[]`): `region` and `indicator` for the chart's unit
 * and code, keys in the schema's order, so the same chart always gives the
 * same bytes.
 *
 * @example
 * releaseWarning(publishedChart(chart, '2025-10', { decimals: 2 }));
 * // { region: '430382', indicator: 'accidents', observed: '2', expected: '1.50', ewma: '0.589', limit: '0.957', newAlarm: false, history: [ … ] }
 */
export function releaseWarning(chart: PublishedChart): ReleaseEarlyWarning {
  return {
    region: chart.unit,
    indicator: chart.code,
    observed: chart.observed,
    expected: chart.expected,
    ewma: chart.ewma,
    limit: chart.limit,
    newAlarm: chart.newAlarm,
    history: chart.history.map((h) => ({ ...h })),
  };
}
