/** What the current settings give: the areas compared over the whole history, the ranking in the basis month, the overall weights. */
import { effectiveWeights, rank, type AggregateNode } from '@pingan/core';
import { LONG_RANKING } from '../../lib/rankingExcerpt.ts';
import { formatValue, percent, signed } from '../model/format.ts';
import { rankingOrder } from '../model/ranking.ts';
import { onOfficialScale } from '../model/state.ts';
import { TrendChart, type Series } from './Charts.tsx';
import type { PanelProps } from './Workbench.tsx';

export function HowTo({ t, text }: { t: PanelProps['t']; text: string }) {
  return (
    <details class="wb-howto">
      <summary>{t.howTo}</summary>
      <p>{text}</p>
    </details>
  );
}

/** A table's column groups, by how many columns each spans: what a head cell of scope "colgroup" names. */
export function ColumnGroups({ spans }: { spans: readonly number[] }) {
  return (
    <>
      {spans.map((span, i) => (
        <colgroup key={i} span={span}></colgroup>
      ))}
    </>
  );
}

export function Compare({ store, t, lang }: PanelProps) {
  const state = store.state.value;
  const months = store.months.value;
  const regions = store.shell.regions;
  const city = regions.find((r) => r.isCity)?.code ?? '';
  const decimals = store.framework.decimals;
  const official = onOfficialScale(state);
  const series: Series[] = [];
  if (official) {
    series.push({ key: 'official', label: t.official, values: months.map((m) => Number(store.publishedOf(m, city) ?? Number.NaN)), className: 'wb-line-official' });
  }
  regions.forEach((r, i) => {
    if (state.compare.includes(r.code)) series.push({ key: r.code, label: r.name[lang], values: months.map((m) => store.valueOf(m, r.code)), className: `wb-s${i}` });
  });
  const ua = store.ua.value;
  const uaBand = ua && ua.outcome.kind === 'uncertainty' && store.current.value !== null && sameRun(store) && ua.settings.every((s) => s.kind !== 'normalisation') ? ua.outcome.result : null;
  const band = uaBand
    ? (() => {
        const by = new Map(uaBand.units.filter((u) => u.unit === city).map((u) => [u.period, u]));
        return { lower: months.map((p) => by.get(p)?.lower ?? Number.NaN), upper: months.map((p) => by.get(p)?.upper ?? Number.NaN) };
      })()
    : null;
  const last = months[months.length - 1] ?? '';
  const latest = series
    .filter((s) => s.key !== 'official')
    .map((s) => `${s.label} ${formatValue(s.values[s.values.length - 1], decimals)}`)
    .join(lang === 'zh' ? '，' : ', ');
  const toggle = (code: string, on: boolean) => {
    const next = regions.map((r) => r.code).filter((c) => (c === code ? on : state.compare.includes(c)));
    if (next.length) store.update({ compare: next });
  };
  return (
    <>
      <h2 id="wb-trend-h">{t.compare}</h2>
      <p class="small">{t.compareHelp}</p>
      <fieldset class="wb-compare">
        <legend class="visually-hidden">{t.compare}</legend>
        {regions.map((r, i) => (
          <label key={r.code} class="wb-compare-item">
            <input type="checkbox" name="wb-compare" value={r.code} checked={state.compare.includes(r.code)} disabled={state.compare.length === 1 && state.compare.includes(r.code)} onChange={(e) => toggle(r.code, (e.currentTarget as HTMLInputElement).checked)} />
            <span class={`key wb-key-s${i}`} aria-hidden="true"></span>
            {r.name[lang]}
          </label>
        ))}
      </fieldset>
      <figure class="wb-figure">
        <ul class="series-key" aria-hidden="true">
          {official ? (
            <li>
              <span class="key key-official"></span>
              {t.official}
            </li>
          ) : null}
          {band ? (
            <li data-testid="band-key">
              <span class="key key-band"></span>
              {t.bandKey}
            </li>
          ) : null}
        </ul>
        <div class="wb-chart" data-wb="trend">
          <div class="chart-scroll" tabIndex={0} role="region" aria-label={t.trendTitle}>
            <TrendChart
              id="wb-trend"
              months={months}
              series={series}
              band={band}
              title={t.trendTitle}
              desc={months.length ? t.trendDesc(t.month(months[0]), t.month(last), latest) : ''}
              monthLabel={t.short}
            />
          </div>
        </div>
        <figcaption>{months.length ? t.trendDesc(t.month(months[0]), t.month(last), latest) : ''}</figcaption>
      </figure>
      <HowTo t={t} text={t.howTrend} />
    </>
  );
}

/** Whether the uncertainty results were computed with the current settings. */
export function sameRun(store: PanelProps['store']): boolean {
  const ua = store.ua.value;
  if (!ua) return false;
  const a = ua.state;
  const b = store.state.value;
  return a.normalisation === b.normalisation && a.aggregation === b.aggregation && a.ahpApplied === b.ahpApplied && a.ahp.join() === b.ahp.join() && Object.keys(a.weights).every((k) => a.weights[k] === b.weights[k]);
}

export function Ranking({ store, t, lang }: PanelProps) {
  const state = store.state.value;
  const decimals = store.framework.decimals;
  const districts = store.shell.regions.filter((r) => !r.isCity);
  const now = new Map(districts.map((r) => [r.code, formatValue(store.valueOf(state.month, r.code), decimals)]));
  // Highest first (direction −1), ties sharing the better rank, a missing value unranked.
  const ranksNow = rank(districts.map((r) => Number(now.get(r.code) === '—' ? Number.NaN : now.get(r.code))), -1);
  const ranksOfficial = rank(districts.map((r) => Number(store.publishedOf(state.month, r.code) ?? Number.NaN)), -1);
  const order = rankingOrder(districts.map((r) => r.code), ranksNow, ranksOfficial);
  return (
    <>
      <h2 id="wb-rank-h">{t.ranking}</h2>
      {/* A long list scrolls inside its box, so that the weights and the analyses below stay near. */}
      <div class={order.length > LONG_RANKING ? 'table-scroll wb-ranking-long' : 'table-scroll'} tabIndex={0} role="region" aria-labelledby="wb-rank-cap">
        <table data-testid="workbench-ranking">
          <caption id="wb-rank-cap">{t.rankingCaption(t.month(state.month))}</caption>
          {/* Two header rows (the settings over index and rank), so that short column heads let the table fit a 360 px phone. */}
          <ColumnGroups spans={[1, 2, 2, 1]} />
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t.region}
              </th>
              <th scope="colgroup" colSpan={2} class="wb-colgroup">
                {t.rankingNow}
              </th>
              <th scope="colgroup" colSpan={2} class="wb-colgroup">
                {t.rankingPublished}
              </th>
              <th scope="col" rowSpan={2}>
                {t.move}
              </th>
            </tr>
            <tr>
              <th scope="col" class="num">{t.indexColumn}</th>
              <th scope="col" class="num">{t.rankColumn}</th>
              <th scope="col" class="num">{t.indexColumn}</th>
              <th scope="col" class="num">{t.rankColumn}</th>
            </tr>
          </thead>
          <tbody>
            {order.map((i) => {
              const r = districts[i];
              const a = ranksNow[i];
              const b = ranksOfficial[i];
              // An arrow and the places moved (the words for screen readers): the column stays narrow on a phone.
              const move =
                !Number.isFinite(a) || !Number.isFinite(b) ? (
                  '—'
                ) : a === b ? (
                  t.nochange
                ) : (
                  <>
                    <span aria-hidden="true">{`${a < b ? '↑' : '↓'}\u00a0${Math.abs(b - a)}`}</span>
                    <span class="visually-hidden">{a < b ? t.up(b - a) : t.down(a - b)}</span>
                  </>
                );
              return (
                <tr key={r.code} data-region={r.code}>
                  <th scope="row" class="wb-area">
                    {r.name[lang]}
                  </th>
                  <td class="num">{now.get(r.code) === '—' && store.shell.dataUrl && !store.current.value ? '…' : now.get(r.code)}</td>
                  <td class="num">{Number.isFinite(a) ? String(a) : '—'}</td>
                  <td class="num">{store.publishedOf(state.month, r.code) ?? '—'}</td>
                  <td class="num">{Number.isFinite(b) ? String(b) : '—'}</td>
                  <td class="wb-move">{move}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HowTo t={t} text={t.howRanking} />
    </>
  );
}

export function WeightsTable({ store, t, lang }: PanelProps) {
  const tuned = store.tuned.value;
  const fw = store.framework;
  const officialEff = effectiveWeights(fw);
  const f = tuned;
  const eff = effectiveWeights(tuned);
  const root = fw.byCode.get(fw.root) as AggregateNode;
  const share = (code: string) => {
    const node = f.byCode.get(code)!;
    const parent = f.byCode.get(node.parent!) as AggregateNode;
    const total = parent.children.reduce((s, c) => s + (f.byCode.get(c)?.weight ?? 0), 0);
    return node.weight / total;
  };
  const row = (code: string, isGroup: boolean) => {
    const diff = (eff[code] ?? 0) - (officialEff[code] ?? 0);
    return (
      <tr key={code} class={isGroup ? 'wb-group-row' : undefined}>
        <th scope="row" class={isGroup ? 'wb-name' : 'wb-name wb-indent'}>
          {fw.byCode.get(code)!.name[lang]}
        </th>
        <td class="num">{percent(share(code))}</td>
        <td class="num">{percent(eff[code] ?? 0)}</td>
        <td class="num">{percent(officialEff[code] ?? 0)}</td>
        <td class="num">{Math.abs(diff) < 0.0005 ? '0.0' : signed((diff * 100).toFixed(1))}</td>
      </tr>
    );
  };
  return (
    <>
      <h2 id="wb-weights-h">{t.weightsTable}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="wb-weights-cap">
        <table data-testid="workbench-weights">
          <caption id="wb-weights-cap">{t.weightsCaption}</caption>
          <ColumnGroups spans={[1, 1, 2, 1]} />
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t.indicator}
              </th>
              <th scope="col" rowSpan={2} class="num">
                {t.inGroup}
              </th>
              <th scope="colgroup" colSpan={2} class="wb-colgroup">
                {t.overall}
              </th>
              <th scope="col" rowSpan={2} class="num">
                {t.diffPts}
              </th>
            </tr>
            <tr>
              <th scope="col" class="num">{t.overallNow}</th>
              <th scope="col" class="num">{t.officialOverall}</th>
            </tr>
          </thead>
          <tbody>{root.children.flatMap((g) => [row(g, true), ...((fw.byCode.get(g) as AggregateNode).children ?? []).map((c) => row(c, false))])}</tbody>
        </table>
      </div>
      <HowTo t={t} text={t.howWeights} />
    </>
  );
}
