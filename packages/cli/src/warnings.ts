import { controlCharts, DEFAULT_CHART, earlyWarnings, nearestLimit, panelFromObservations, monthsAsPeriods, periodFrequency, periodsPerYear, shiftPeriod, CHART_HISTORY_MONTHS, type EarlyWarning } from '@pingan/core';
import { loadData, problems, type CommandResult, type CommonOptions } from './commands.ts';
import { askedPeriod, monthSlice } from './computeIndex.ts';
import { ExitCode } from './issues.ts';
import { stableJson } from './json.ts';
import { textTable } from './textTable.ts';
import { localised, t } from './i18n/t.ts';

export const WARNINGS_HELP = `pingan warnings [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--near N] [--json]

Validates the data, then prints MONTH's out-of-control indicators (default:
the latest month with data): for every region and count indicator, a control
chart against the region's own history flags a month whose counts are out of
line with the same calendar month of the previous three years (seasonality),
allowing for the indicator's own over-dispersion. An indicator stays on the
list while its chart is above the limit; "new" marks the month it crossed. The chart is a one-sided
EWMA (λ = 0.2) of each month's normal score, signalling "worse than usual";
its in-control average run length is 500 months (at most one false alarm per
chart in about 42 years; for counts the charts are conservative and alarm less
often). A chart needs 36 months of history before MONTH; it reads the same
months as MONTH's release, so it lists the release's warnings. Then it lists
the N charts still in control whose EWMA is nearest its limit (default 5;
--near 0 leaves them out): the ones to keep an eye on. Writes nothing.
For a quarterly index (publication.json "periods": "quarterly") MONTH is a
quarter YYYY-Qn, compared with the same quarter of the previous three years;
a chart then needs 12 quarters of history and its run length is in quarters.

Examples:
  pingan warnings                            the latest month's warnings
  pingan warnings 2025-10 --json             October 2025's, as JSON
  pingan warnings 2025-10 --near 10          and the 10 charts nearest their limits
  pingan warnings 2025-Q3                    a quarterly index's third quarter of 2025

Options:
  --data DIR          the data directory (default: data)
  --framework FILE    use this framework file instead of DIR/framework/*.json
  --today YYYY-MM-DD  the date to judge future months by (default: today)
  --near N            list the N in-control charts nearest their limits (default 5)
  --json              print {ok, month, chart, charted, history, firstCharted, warnings: [{region, indicator, observed,
                      expected, ewma, limit, newAlarm}], near: [{region, indicator, observed, expected, ewma, limit,
                      share}]} (share: EWMA / limit; history: the periods of history a chart needs; firstCharted: the
                      first period with charts, so charted 0 before it)

Exit codes: 0 ok (with or without warnings); 1 the data is invalid; 2 usage error.
`;

export interface WarningsOptions extends CommonOptions {
  readonly month?: string;
  /** How many in-control charts nearest their limits to list (default 5). */
  readonly near?: number;
}

/** How many in-control charts nearest their limits `pingan warnings` lists by default. */
export const NEAR_DEFAULT = 5;

/** A chart's reading in the month: what a warning and a chart near its limit both print. */
type Reading = Pick<EarlyWarning, 'unit' | 'code' | 'observed' | 'expected' | 'ewma' | 'limit'>;

/** `pingan warnings [MONTH]`: the month's out-of-control region × indicator charts. */
export function warningsCommand(options: WarningsOptions): CommandResult {
  const valid = loadData(options.dataDir, options.today, options.frameworkFile);
  if (valid.issues.length) return problems(valid, options.json);
  const framework = valid.framework!;
  const month = askedPeriod(valid, options.month, 'data');
  const first = valid.months[0];
  // The same months as the month's release reads, so both list the same warnings.
  const { periods, observations } = monthSlice(valid, framework, month);
  const raw = panelFromObservations(framework, observations, { units: valid.units, periods });
  const charts = controlCharts(raw, framework, DEFAULT_CHART);
  const at = periods.indexOf(month);
  const charted = charts.filter((c) => c.charted[at] === 1).length;
  const warnings = earlyWarnings(charts, month);
  // The charts nearest their limits, after the warnings: what would be the next ones.
  const near = nearestLimit(charts, month, options.near ?? NEAR_DEFAULT).map(({ chart, share }) => ({
    reading: { unit: chart.unit, code: chart.code, observed: chart.observed[at], expected: chart.expected[at], ewma: chart.ewma[at], limit: chart.limit },
    share,
  }));
  const regions = new Map(valid.data.regions.map((r) => [r.code, r]));
  const round = (x: number, d: number) => x.toFixed(d);
  // A warning and a chart near its limit are read out alike: the same fields in JSON, the same first columns in text.
  const nameOf = (r: Reading) => ({ region: regions.get(r.unit)!, node: framework.byCode.get(r.code)! });
  const readingJson = (r: Reading) => {
    const { region, node } = nameOf(r);
    return {
      region: r.unit,
      regionName: { zh: region.name.zh, en: region.name.en },
      indicator: r.code,
      indicatorName: { zh: node.name.zh, en: node.name.en },
      observed: r.observed,
      expected: Number(round(r.expected, 2)),
      ewma: Number(round(r.ewma, 3)),
      limit: Number(round(r.limit, 3)),
    };
  };
  const readingCells = (r: Reading) => {
    const { region, node } = nameOf(r);
    return [`${r.unit} ${localised(region.name)}`, `${r.code} ${localised(node.name)}`, String(r.observed), round(r.expected, 2), round(r.ewma, 3), round(r.limit, 3)];
  };
  const quarterly = periodFrequency(month) === 'quarter';
  // The chart's three years of history (36 months or 12 quarters), and so the first period charted.
  const history = monthsAsPeriods(CHART_HISTORY_MONTHS, periodsPerYear(month));
  const firstCharted = shiftPeriod(first, history);
  if (options.json) {
    return {
      exitCode: ExitCode.Ok,
      stdout: stableJson({
        ok: true,
        month,
        chart: DEFAULT_CHART,
        charted,
        history,
        firstCharted,
        warnings: warnings.map((w) => ({ ...readingJson(w), newAlarm: w.newAlarm })),
        near: near.map(({ reading, share }) => ({ ...readingJson(reading), share: Number(round(share, 3)) })),
      }),
      stderr: '',
    };
  }
  const title = `${t`Early warning`} · ${month} · ${localised(valid.data.publication?.name ?? framework.name)}`;
  const settings = quarterly
    ? t`EWMA λ = ${DEFAULT_CHART.lambda}, limit ${DEFAULT_CHART.limitSigmas} σ, in-control average run length ${DEFAULT_CHART.runLength} quarters`
    : t`EWMA λ = ${DEFAULT_CHART.lambda}, limit ${DEFAULT_CHART.limitSigmas} σ, in-control average run length ${DEFAULT_CHART.runLength} months`;
  if (charted === 0) {
    const reason = quarterly
      ? t`no chart for ${month}: a chart needs ${history} quarters of history (the first charted quarter is ${firstCharted})`
      : t`no chart for ${month}: a chart needs ${CHART_HISTORY_MONTHS} months of history (the first charted month is ${firstCharted})`;
    return { exitCode: ExitCode.Ok, stdout: `${title}\n${reason}\n`, stderr: '' };
  }
  const observedHeader = quarterly ? t`Observed this quarter` : t`Observed`;
  const nearBlock =
    near.length === 0
      ? ''
      : `\n${t`Nearest their limits, in control:`}\n${textTable(
          [
            [t`Region`, t`Indicator`, observedHeader, t`Expected`, 'EWMA', t`Limit`, t`Share of limit`],
            // Rounded down: a chart in control never reads 100%.
            ...near.map(({ reading, share }) => [...readingCells(reading), `${Math.floor(share * 100)}%`]),
          ],
          2,
        )}`;
  if (warnings.length === 0) return { exitCode: ExitCode.Ok, stdout: `${title}\n${settings}\n${t`no indicator out of control in ${month} (${charted} charts)`}\n${nearBlock}`, stderr: '' };
  const header = [t`Region`, t`Indicator`, observedHeader, t`Expected`, 'EWMA', t`Limit`, t`New`];
  const body = warnings.map((w) => [...readingCells(w), w.newAlarm ? t`new` : '']);
  return { exitCode: ExitCode.Ok, stdout: `${title}\n${settings}\n\n${textTable([header, ...body], 2)}${t`${warnings.length} of ${charted} charts out of control`}\n${nearBlock}`, stderr: '' };
}
