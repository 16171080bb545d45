/**
 * The whole place's index with the current settings, as the headline shows it, and a compact read-out of it
 * that stays at the top of the screen while the weights are adjusted below the headline (on a phone the
 * headline is a long way up). The read-out is not a live region: it would speak on every keystroke.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { bandOf, effectiveWeights } from '@pingan/core';
import { headlineChance, type NoChance, type ShownChance } from '../model/chance.ts';
import { formatValue, signed } from '../model/format.ts';
import { onOfficialScale, sameSettings } from '../model/state.ts';
import type { PanelProps } from './Workbench.tsx';

/** The index shown, the published value, whether they share a scale, the band and the difference in words. */
export function cityFigures({ store, t }: Pick<PanelProps, 'store' | 't'>) {
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
  const shown = value === '—' && !store.current.value && store.shell.dataUrl ? '…' : value;
  return { value, shown, published, official, band, diff };
}

/** The whole place's intervals in the basis month with the current settings (`headlineChance`). */
export function cityChance({ store }: Pick<PanelProps, 'store'>): ShownChance | NoChance | null {
  const state = store.state.value;
  const errors = store.values.value?.chance ?? null;
  const city = store.ctx.regions.find((r) => r.isCity)?.code ?? '';
  const periods = store.current.value?.panel.periods ?? [];
  const at = periods.indexOf(state.month);
  const value = store.valueOf(state.month, city);
  const before = (lag: number) => (at >= lag ? store.valueOf(periods[at - lag], city) : Number.NaN);
  const tuned = effectiveWeights(store.tuned.value);
  const official = effectiveWeights(store.framework);
  const indicators = errors?.indicators ?? [];
  return headlineChance({
    published: store.shell.released.find((r) => r.month === state.month)?.chance ?? null,
    official: sameSettings(state, store.official),
    linearSettings: onOfficialScale(state) && state.aggregation === 'arithmetic',
    loaded: store.current.value !== null,
    errors,
    period: state.month,
    tuned: { value, mom: value - before(1), yoy: value - before(errors?.yearLag ?? Number.NaN) },
    weights: indicators.map((c) => tuned[c] ?? 0),
    officialWeights: indicators.map((c) => official[c] ?? 0),
    decimals: store.framework.decimals,
  });
}

/**
 * The read-out: in a slot of no height that sticks to the top of the screen within the controls, shown
 * only while the headline is out of view and the controls are on screen below it (so it never sits over
 * the start of the panels that follow). Controls scroll to below it when focused (workbench.css).
 */
export function Readout(p: PanelProps) {
  const f = cityFigures(p);
  const slot = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    const head = document.querySelector('.wb-head');
    const controls = slot.current?.parentElement;
    if (!head || !controls || typeof IntersectionObserver !== 'function') return;
    let headInView = true;
    let controlsBelow = true;
    const watchHead = new IntersectionObserver(([e]) => {
      headInView = e.isIntersecting;
      setShow(!headInView && controlsBelow);
    });
    // The controls' part below the bar (at most 5rem tall, two lines on a phone): none once their end has scrolled up under it.
    const watchControls = new IntersectionObserver(
      ([e]) => {
        controlsBelow = e.isIntersecting;
        setShow(!headInView && controlsBelow);
      },
      { rootMargin: '-80px 0px 0px 0px' },
    );
    watchHead.observe(head);
    watchControls.observe(controls);
    return () => {
      watchHead.disconnect();
      watchControls.disconnect();
    };
  }, []);
  return (
    <div class="wb-readout-slot" ref={slot}>
      <p class="wb-readout" data-testid="workbench-readout" hidden={!show}>
        <strong>{p.t.readout(f.shown)}</strong>
        {f.official ? (f.diff ? ` · ${f.diff}` : '') : ` · ${p.t.readoutOtherScale}`}
      </p>
    </div>
  );
}
