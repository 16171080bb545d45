/** Uncertainty and Sobol' sensitivity analyses, run in a worker, with progress, cancel, results and how to read them. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NormalisationSpec } from '@pingan/core';
import { startAnalysisWorker } from '../analysisWorker.ts';
import { bandMode, runsOf, sensitivitySettings, sobolRows, uncertaintySettings, type AnalysisRequest } from '../model/analysis.ts';
import { fixed3, formatValue } from '../model/format.ts';
import { CancelledError, startJob } from '../model/jobs.ts';
import { sameSettings } from '../model/state.ts';
import type { AnalysisView } from '../store.ts';
import { RankChart, SobolChart } from './Charts.tsx';
import { ColumnGroups, HowTo } from './Results.tsx';
import type { PanelProps } from './Workbench.tsx';

const UA_N = [100, 200, 500, 1000, 2000, 5000];
const UA_DEFAULT = 500;
/**
 * Saltelli's base sample: N × (k + 2) runs. On the published panel the widest
 * 95% interval is about 0.19 at N = 512, 0.11 at 1024 and under 0.1 at 2048
 * (measured), so the default is 2048: converged, at 12,288 runs in the worker.
 */
const SA_N = [64, 128, 256, 512, 1024, 2048, 4096];
const SA_DEFAULT = 2048;

export function Analyses(p: PanelProps) {
  const { store, t } = p;
  const [uaN, setUaN] = useState(UA_DEFAULT);
  const [saN, setSaN] = useState(SA_DEFAULT);
  const [varyNorm, setVaryNorm] = useState(false);
  const ready = store.current.value !== null;
  const running = store.running.value;
  const progress = store.progress.value;
  // Keyboard focus: a run button and Cancel are disabled in turn, which would drop the focus to <body>.
  // Where the focus goes once the run starts or ends (drawn), when it was on the button being disabled.
  const runButtons = { ua: useRef<HTMLButtonElement>(null), sa: useRef<HTMLButtonElement>(null) };
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<HTMLButtonElement | null>(null);
  const focusLost = (on: HTMLElement | null) => document.activeElement === on || document.activeElement === document.body || document.activeElement === null;
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target && !target.disabled) target.focus();
  }, [running]);

  const run = async (what: 'ua' | 'sa') => {
    const observations = store.observations.value;
    if (!observations) return;
    const state = store.state.value;
    const settings = what === 'ua' ? uncertaintySettings(state, varyNorm) : sensitivitySettings(state);
    const n = what === 'ua' ? uaN : saN;
    const request: AnalysisRequest = {
      kind: what === 'ua' ? 'uncertainty' : 'sensitivity',
      framework: store.tuned.value,
      officialNormalisation: Object.fromEntries(store.framework.nodes.flatMap((node): [string, NormalisationSpec][] => (node.type === 'indicator' ? [[node.code, node.normalisation]] : []))),
      observations,
      settings,
      n,
      bootstrap: 100,
      seed: 1,
      rankAmong: store.shell.regions.filter((r) => !r.isCity).map((r) => r.code),
    };
    const runs = runsOf(request);
    store.progress.value = { done: 0, total: runs };
    store.analysisStatus.value = t.running(what);
    const started = performance.now();
    const job = startJob(startAnalysisWorker, request, (done, total) => (store.progress.value = { done, total }));
    focusNext.current = focusLost(runButtons[what].current) ? cancelButton.current : null;
    store.running.value = { what, cancel: job.cancel };
    try {
      const outcome = await job.result;
      const view: AnalysisView = { outcome, settings, n, runs, state };
      if (what === 'ua') store.ua.value = view;
      else store.sa.value = view;
      store.progress.value = { done: runs, total: runs };
      store.analysisStatus.value = t.done(what, (performance.now() - started) / 1000);
    } catch (error) {
      store.progress.value = { done: 0, total: runs };
      store.analysisStatus.value = error instanceof CancelledError ? t.cancelled : t.failed + (error as Error).message;
    } finally {
      // Back to the button that started it (the status line, a live region, says how it ended).
      focusNext.current = focusLost(cancelButton.current) ? runButtons[what].current : null;
      store.running.value = null;
    }
  };

  const stale = (view: AnalysisView | null) => view !== null && !sameSettings(view.state, store.state.value);
  return (
    <section class="wb-analyses" aria-labelledby="wb-ua-h">
      <h2 id="wb-ua-h">{t.analyses}</h2>
      <p class="small">{t.analysesHelp}</p>
      <div class="wb-ua-grid">
        <div class="wb-ua-controls">
          <h3>{t.ua}</h3>
          <p class="small">{t.uaHelp}</p>
          <label for="wb-ua-n">
            {t.uaN}
            <select id="wb-ua-n" value={String(uaN)} onChange={(e) => setUaN(Number((e.currentTarget as HTMLSelectElement).value))}>
              {UA_N.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label class="wb-check">
            <input type="checkbox" id="wb-ua-norm" checked={varyNorm} onChange={(e) => setVaryNorm((e.currentTarget as HTMLInputElement).checked)} /> {t.varyNorm}
          </label>
          <p class="small" data-testid="ua-runs">
            {t.runs(uaN)}
          </p>
          <button type="button" data-wb="ua-run" ref={runButtons.ua} disabled={!ready || running !== null} onClick={() => run('ua')}>
            {t.runUa}
          </button>
        </div>
        <div class="wb-ua-controls">
          <h3>{t.sa}</h3>
          <p class="small">{t.saHelp}</p>
          <label for="wb-sa-n">
            {t.saN}
            <select id="wb-sa-n" value={String(saN)} onChange={(e) => setSaN(Number((e.currentTarget as HTMLSelectElement).value))}>
              {SA_N.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p class="small" data-testid="sa-runs">
            {t.runs(saN * (sensitivitySettings(store.state.value).length + 2))}
          </p>
          <button type="button" data-wb="sa-run" ref={runButtons.sa} disabled={!ready || running !== null} onClick={() => run('sa')}>
            {t.runSa}
          </button>
        </div>
      </div>
      <div class="wb-progress">
        <label for="wb-progress">{t.progress}</label>
        <progress id="wb-progress" max={Math.max(1, progress.total)} value={progress.done}></progress>
        <span data-wb="progress-text">{progress.total ? `${progress.done} / ${progress.total}` : ''}</span>
        <button type="button" data-wb="cancel" ref={cancelButton} disabled={running === null} onClick={() => running?.cancel()}>
          {t.cancel}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="analysis-status">
        {store.analysisStatus.value}
      </p>
      {stale(store.ua.value) || stale(store.sa.value) ? <p class="wb-warning wb-warning-note">{t.stale}</p> : null}
      <div class="wb-ua-results">
        <UncertaintyResults {...p} />
        <SensitivityResults {...p} />
      </div>
    </section>
  );
}

function UncertaintyResults({ store, t, lang }: PanelProps) {
  const view = store.ua.value;
  if (!view || view.outcome.kind !== 'uncertainty') return <div data-wb="ua-out" hidden></div>;
  const month = store.state.value.month;
  const mode = bandMode(view.settings);
  const decimals = store.framework.decimals;
  const latest = view.outcome.result.units.filter((u) => u.period === month);
  const rows = store.shell.regions
    .filter((r) => !r.isCity)
    .flatMap((r) => {
      const u = latest.find((x) => x.unit === r.code);
      return u ? [{ r, u }] : [];
    })
    .sort((a, b) => a.u.rank.nominal - b.u.rank.nominal);
  const scale = view.state.normalisation === 'minmax' ? t.scaleMinmax : t.scaleFramework;
  return (
    <div data-wb="ua-out" data-band-mode={mode}>
      <h3>{t.rankDist(t.month(month))}</h3>
      <p class="small" data-testid="ua-not-published">
        {t.uaNotPublished}
      </p>
      <div class="wb-chart">
        <RankChart rows={rows.map(({ r, u }) => ({ label: r.name[lang], nominal: u.rank.nominal, median: u.rank.median, lower: u.rank.lower, upper: u.rank.upper }))} maxRank={rows.length} title={t.rankChartTitle} />
      </div>
      <ul class="series-key" aria-hidden="true">
        <li>
          <span class="key key-nominal"></span>
          {t.keyNominal}
        </li>
        <li>
          <span class="key key-median"></span>
          {t.keyMedian}
        </li>
        <li>
          <span class="key key-interval"></span>
          {t.keyInterval}
        </li>
      </ul>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="wb-ua-cap">
        <table data-testid="rank-distribution">
          <caption id="wb-ua-cap">{t.rankDistCaption(t.month(month), view.n)}</caption>
          {/* Two header rows (rank over its three columns), so that short column heads let the table fit a 360 px phone. */}
          <ColumnGroups spans={[1, 3, 1]} />
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t.region}
              </th>
              <th scope="colgroup" colSpan={3} class="wb-colgroup">
                {t.rankColumn}
              </th>
              <th scope="col" class="wb-colgroup">
                {t.indexColumn}
              </th>
            </tr>
            <tr>
              <th scope="col" class="num">{t.nominal}</th>
              <th scope="col" class="num">{t.median}</th>
              <th scope="col" class="num">{t.rankInterval}</th>
              <th scope="col" class="num">{t.valueInterval}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, u }) => (
              <tr key={r.code}>
                <th scope="row" class="wb-area">
                  {r.name[lang]}
                </th>
                <td class="num">{String(u.rank.nominal)}</td>
                <td class="num">{String(u.rank.median)}</td>
                <td class="num">{`${u.rank.lower} – ${u.rank.upper}`}</td>
                <td class="num">{mode === 'value' ? `${formatValue(u.lower, decimals)} – ${formatValue(u.upper, decimals)}` : t.rankOnly}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HowTo t={t} text={mode === 'value' ? t.howUa(scale) : t.howUaRank} />
    </div>
  );
}

function SensitivityResults({ store, t }: PanelProps) {
  const view = store.sa.value;
  if (!view || view.outcome.kind !== 'sensitivity') return <div data-wb="sa-out" hidden></div>;
  const rows = sobolRows(view.outcome.result).map((r, i) => ({ ...r, label: t.settingNames[i] ?? view.settings[i].name }));
  return (
    <div data-wb="sa-out" data-n={view.n} data-runs={view.outcome.result.runs}>
      <h3>{t.sa}</h3>
      <ul class="series-key" aria-hidden="true">
        <li>
          <span class="key key-first"></span>
          {t.keyFirst}
        </li>
        <li>
          <span class="key key-total"></span>
          {t.keyTotal}
        </li>
        <li>
          <span class="key key-whisker"></span>
          {t.keyWhisker}
        </li>
      </ul>
      <div class="wb-chart" data-wb="sobol-chart">
        <SobolChart rows={rows.map((r) => ({ label: r.label, ...r.clipped }))} title={t.sobolTitle} />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="wb-sa-cap">
        <table data-testid="sobol-table">
          <caption id="wb-sa-cap">{t.sobolCaption(view.n, view.outcome.result.runs)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.choice}</th>
              <th scope="col" class="num">{t.first}</th>
              <th scope="col" class="num">{t.total}</th>
              <th scope="col" class="wb-converged-col">
                {t.convergence}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" class="wb-name">
                  {r.label}
                  {/* On a phone the convergence goes under the choice's name (a fourth column would not fit beside two intervals). */}
                  <span class="wb-converged-inline">{r.converged ? `✓ ${t.converged}` : `⚠ ${t.notConverged}`}</span>
                </th>
                <td class="num">
                  {fixed3(r.first)}
                  <span class="wb-interval-text">{`(${fixed3(r.firstInterval[0])} – ${fixed3(r.firstInterval[1])})`}</span>
                </td>
                <td class="num">
                  {fixed3(r.total)}
                  <span class="wb-interval-text">{`(${fixed3(r.totalInterval[0])} – ${fixed3(r.totalInterval[1])})`}</span>
                </td>
                <td class="wb-converged wb-converged-col" data-converged={r.converged ? 'true' : 'false'}>
                  {r.converged ? `✓ ${t.converged}` : `⚠ ${t.notConverged}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HowTo t={t} text={t.howSobol} />
    </div>
  );
}
