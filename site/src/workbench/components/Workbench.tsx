/**
 * The statistician's workbench: islands that own their markup, sharing one
 * store. They are rendered at build time with the published figures (so
 * nothing moves when the script arrives), then hydrated; `start` reads the
 * address, fetches the observations and recomputes on every change.
 */
import { effect } from '@preact/signals';
import { getValue, VERDICT_NAMES } from '@pingan/core';
import { startAnalysisWorker } from '../analysisWorker.ts';
import { decodeAddress, encodeAddress } from '../model/address.ts';
import type { NominalRequest, WorkerMessage } from '../model/analysis.ts';
import type { Store } from '../store.ts';
import type { Lang, Text } from '../text.ts';
import { Analyses } from './Analyses.tsx';
import { AhpPanel } from './AhpPanel.tsx';
import { Controls } from './Controls.tsx';
import type { ChangeFigure, NoChance, ShownChance } from '../model/chance.ts';
import { levelText, signed } from '../model/format.ts';
import { cityChance, cityFigures } from './Readout.tsx';
import { Compare, Ranking, WeightsTable } from './Results.tsx';

export interface PanelProps {
  store: Store;
  t: Text;
  lang: Lang;
}

/**
 * The workbench's islands, in page order. Each is rendered at build time and
 * hydrated on its own (one short task each), all sharing one store of
 * signals, so that no single long task blocks a phone.
 */
export const ISLANDS = {
  status: StatusLine,
  headline: Headline,
  controls: Controls,
  compare: Compare,
  ranking: Ranking,
  weights: WeightsTable,
  ahp: AhpPanel,
  analyses: Analyses,
} satisfies Record<string, (p: PanelProps) => unknown>;
export type IslandName = keyof typeof ISLANDS;

/** Keeps the workbench's root attributes in step with the store (ready once the data are in; busy while an analysis runs). */
export function followRoot(store: Store, root: HTMLElement): () => void {
  return effect(() => {
    root.setAttribute('data-ready', store.current.value !== null ? 'true' : 'false');
    root.setAttribute('aria-busy', store.running.value !== null ? 'true' : 'false');
  });
}

/** After hydration: the address, then the data; the address follows every change from then on. */
export function start(store: Store, t: Text, lang: Lang): () => void {
  const decoded = decodeAddress(store.ctx, location.search);
  if (decoded.problems.length) {
    store.addressNotice.value = { kind: 'fallback', lines: decoded.problems.map((p) => `${p.key}: ${p[lang]}`) };
  } else if (decoded.notes.length) {
    store.addressNotice.value = { kind: 'note', lines: decoded.notes.map((p) => p[lang]) };
  }
  store.state.value = decoded.state;
  const stop = store.state.subscribe((state) => {
    const query = encodeAddress(store.ctx, state);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    // The language switch keeps the settings.
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (other) other.setAttribute('href', `${new URL(other.href).pathname}${query}`);
  });
  if (!store.shell.dataUrl) {
    store.status.value = { text: t.unavailable };
    return stop;
  }
  store.status.value = { text: t.loading };
  // The worker fetches the observations and builds the nominal index; the page only draws the result.
  const worker = startAnalysisWorker();
  const request: NominalRequest = { kind: 'nominal', framework: store.framework, dataUrl: new URL(store.shell.dataUrl, location.href).href };
  const fail = (message: string) => {
    worker.terminate();
    store.status.value = { text: t.loadFailed + message, error: true };
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const m = event.data;
    worker.terminate();
    if (m.type === 'error') return fail(m.message);
    if (m.type !== 'nominal') return;
    store.values.value = m.values;
    store.nominal.value = m.nominal;
    // Drawing the recomputed page is a task of its own.
    setTimeout(() => {
      store.ready.value = true;
      store.status.value = { text: t.ready(m.values.periods.length, m.values.units.length) };
    }, 0);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'worker error');
  };
  worker.postMessage(request);
  return stop;
}

export function StatusLine({ store, t }: PanelProps) {
  const notice = store.addressNotice.value;
  const error = store.recomputeError.value;
  return (
    <>
      <p class="wb-status" role="status" aria-live="polite" data-testid="workbench-status">
        {error ? t.recomputeFailed + (error.outOfDomain ? t.geometricZero + t.where : '') + error.message : store.status.value.text}
      </p>
      {notice ? (
        <div class={notice.kind === 'fallback' ? 'wb-warning wb-warning-bad' : 'wb-warning wb-warning-note'} role="alert" data-testid="address-notice">
          <p>{notice.kind === 'fallback' ? t.addressFallback : t.addressNote}</p>
          <ul>
            {notice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function Headline({ store, t, lang }: PanelProps) {
  const state = store.state.value;
  const { shown, published, official, band, diff } = cityFigures({ store, t });
  const timing = store.current.value;
  return (
    <section class="wb-head" aria-labelledby="wb-head-h">
      <h2 id="wb-head-h" class="wb-label">
        {t.headline(t.month(state.month))}
      </h2>
      <p class="wb-number">
        <span data-testid="workbench-index">{shown}</span>{' '}
        <span data-testid="workbench-band" class={band ? `band band-${band.code}` : 'wb-noband'}>
          {band ? band.name[lang] : ''}
        </span>
      </p>
      <p class="wb-official">
        {t.published}
        <span data-testid="workbench-published">{published ?? '—'}</span>
        {official ? (
          <>
            {' · '}
            <span data-testid="workbench-diff">{diff}</span>
          </>
        ) : null}
      </p>
      <ChanceLines chance={cityChance({ store })} t={t} lang={lang} />
      <p class="small wb-scale" data-testid="workbench-scale">
        {official ? t.bandsNote : t.otherScale}
      </p>
      <label class="wb-select" for="wb-month">
        {t.basis}
        <select id="wb-month" value={state.month} onChange={(e) => store.update({ month: (e.currentTarget as HTMLSelectElement).value })}>
          {[...store.ctx.months].reverse().map((m) => (
            <option key={m} value={m}>
              {t.month(m)}
            </option>
          ))}
        </select>
      </label>
      <p class="small wb-timing" data-testid="workbench-timing">
        {timing ? t.recomputed(timing.ms) : '\u00a0'}
      </p>
    </section>
  );
}

/**
 * The index's 90% interval and its two changes with their verdicts and intervals, under the headline's
 * number (`cityChance`): "90% 区间 84.44 至 87.24", "环比 −0.11，基本持平，90% 区间 −0.61 至 +0.39". A range
 * stays on one line where the words wrap.
 */
function ChanceLines({ chance, t, lang }: { chance: ShownChance | NoChance | null; t: Text; lang: Lang }) {
  if (chance === null) return null;
  if (chance === 'methods' || chance === 'bootstrap') {
    return (
      <p class="small wb-chance-note" data-testid="workbench-chance-note">
        {chance === 'methods' ? t.chanceMethods : t.chanceBootstrap}
      </p>
    );
  }
  const label = t.chanceLabel(levelText(chance.level));
  const range = (lower: string, upper: string, signs: boolean) => <span class="wb-range">{`${signs ? signed(lower) : lower} ${t.chanceTo} ${signs ? signed(upper) : upper}`}</span>;
  const change = (name: string, c: ChangeFigure | null, testid: string) =>
    c ? (
      <p class="wb-chance" data-testid={testid} data-verdict={c.verdict}>
        {`${name} ${signed(c.value)}${t.chanceSeparator}${VERDICT_NAMES[c.verdict][lang]}${t.chanceSeparator}${label} `}
        {range(c.lower, c.upper, true)}
      </p>
    ) : null;
  return (
    <>
      {chance.index ? (
        <p class="wb-chance" data-testid="workbench-interval">
          {`${label} `}
          {range(chance.index.lower, chance.index.upper, false)}
        </p>
      ) : null}
      {change(t.chanceMom, chance.mom, 'workbench-mom')}
      {change(t.chanceYoy, chance.yoy, 'workbench-yoy')}
      <p class="small wb-chance-note" data-testid="workbench-chance-note">
        {chance.scaled ? t.chanceScaled : t.chanceOfficial}
        {chance.incomplete ? ` ${t.chanceIncomplete}` : ''}
      </p>
    </>
  );
}

/** The whole-city index in a month with the current settings (for tests and the trend caption). */
export function cityValue(store: Store, month: string): number {
  const c = store.current.value;
  const city = store.ctx.regions.find((r) => r.isCity)?.code ?? '';
  return c ? getValue(c.panel, city, month, store.framework.root) : Number.NaN;
}
