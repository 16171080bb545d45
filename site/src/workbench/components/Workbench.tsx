/**
 * The statistician's workbench: one island that owns its markup. It is
 * rendered at build time with the published figures (so nothing moves when
 * the script arrives), then hydrated: it reads the address, fetches the
 * observations and recomputes on every change.
 */
import { useSignalEffect } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { bandOf, getValue } from '@pingan/core';
import type { WorkbenchShell, WorkbenchValues } from '../../lib/workbench.ts';
import { decodeAddress, encodeAddress } from '../model/address.ts';
import { formatValue, signed } from '../model/format.ts';
import { onOfficialScale } from '../model/state.ts';
import { createStore, type Store } from '../store.ts';
import type { Lang, Text } from '../text.ts';
import { Analyses } from './Analyses.tsx';
import { AhpPanel } from './AhpPanel.tsx';
import { Controls } from './Controls.tsx';
import { Compare, Ranking, WeightsTable } from './Results.tsx';

export interface PanelProps {
  store: Store;
  t: Text;
  lang: Lang;
}

/** `t` is the page's language's words (each page's script bundles only its own language). */
export function Workbench(props: { lang: Lang; shell: WorkbenchShell; t: Text }) {
  const store = useMemo(() => createStore(props.shell), [props.shell]);
  const t = props.t;
  const p: PanelProps = { store, t, lang: props.lang };
  useEffect(() => start(store, t, props.lang), [store]);
  const rootRef = useRef<HTMLDivElement>(null);
  // The root's attributes follow the signals directly, so that a change does not re-render the whole tree.
  useSignalEffect(() => {
    const ready = store.current.value !== null;
    const busy = store.running.value !== null;
    rootRef.current?.setAttribute('data-ready', ready ? 'true' : 'false');
    rootRef.current?.setAttribute('aria-busy', busy ? 'true' : 'false');
  });
  return (
    <div class="wb" data-lang={props.lang} data-ready="false" aria-busy="false" ref={rootRef}>
      <StatusLine {...p} />
      <Headline {...p} />
      <div class="wb-grid">
        <Controls {...p} />
        <section class="wb-results" aria-labelledby="wb-trend-h">
          <Compare {...p} />
          <Ranking {...p} />
          <WeightsTable {...p} />
        </section>
      </div>
      <AhpPanel {...p} />
      <Analyses {...p} />
    </div>
  );
}

/** After hydration: the address, then the data; the address follows every change from then on. */
function start(store: Store, t: Text, lang: Lang): () => void {
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
  // One short task each: read the data, build the nominal index, then recompute and draw (no long task blocks the page).
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  fetch(store.shell.dataUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<WorkbenchValues>;
    })
    .then(async (values) => {
      store.values.value = values;
      await nextTask();
      if (!store.nominal.value) throw new Error('no observations');
      await nextTask();
      store.ready.value = true;
      store.status.value = { text: t.ready(values.periods.length, values.units.length) };
    })
    .catch((error: Error) => {
      store.status.value = { text: t.loadFailed + error.message, error: true };
    });
  return stop;
}

function StatusLine({ store, t }: PanelProps) {
  const notice = store.addressNotice.value;
  const error = store.recomputeError.value;
  return (
    <>
      <p class="wb-status" role="status" aria-live="polite" data-testid="workbench-status">
        {error ? t.recomputeFailed + error : store.status.value.text}
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

function Headline({ store, t, lang }: PanelProps) {
  const state = store.state.value;
  const city = store.ctx.regions.find((r) => r.isCity)?.code ?? '';
  const decimals = store.framework.decimals;
  const value = formatValue(store.valueOf(state.month, city), decimals);
  const published = store.publishedOf(state.month, city);
  const official = onOfficialScale(state);
  const band = official && value !== '—' ? bandOf(store.framework, value) : undefined;
  let diff = '';
  if (official && published !== null && value !== '—') {
    const d = Number(value) - Number(published);
    diff = Math.abs(d) < 10 ** -(decimals + 2) ? t.same : t.diff(signed(d.toFixed(decimals)));
  }
  const timing = store.current.value;
  return (
    <section class="wb-head" aria-labelledby="wb-head-h">
      <h2 id="wb-head-h" class="wb-label">
        {t.headline(t.month(state.month))}
      </h2>
      <p class="wb-number">
        <span data-testid="workbench-index">{value === '—' && !store.current.value && store.shell.dataUrl ? '…' : value}</span>{' '}
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

/** The whole-city index in a month with the current settings (for tests and the trend caption). */
export function cityValue(store: Store, month: string): number {
  const c = store.current.value;
  const city = store.ctx.regions.find((r) => r.isCity)?.code ?? '';
  return c ? getValue(c.panel, city, month, store.framework.root) : Number.NaN;
}
