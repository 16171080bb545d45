/**
 * The workbench's live state as Preact signals: the settings, the fetched
 * observations, the index recomputed from them (computed signals, so a weight
 * change recomputes once), and the analyses' progress and results. The rules
 * live in model/; this file only wires them to signals.
 */
import { batch, computed, signal } from '@preact/signals';
import { frameworkFromDocument, getValue, PinganError, type Framework, type Observation, type Panel } from '@pingan/core';
import type { WorkbenchShell, WorkbenchValues } from '../lib/workbench.ts';
import { observationsOf, type AnalysisOutcome, type AnalysisSetting, type NominalPanels } from './model/analysis.ts';
import { createRecompute } from './model/recompute.ts';
import { ahpOf, contextOf, officialState, sameSettings, tune, weightsInForce, type WorkbenchContext, type WorkbenchState } from './model/state.ts';

export interface Recomputed {
  readonly framework: Framework;
  readonly panel: Panel;
  readonly ms: number;
}

export interface AnalysisView {
  readonly outcome: AnalysisOutcome;
  readonly settings: readonly AnalysisSetting[];
  readonly n: number;
  readonly runs: number;
  /** The state it was run with (the results are stale once the settings differ). */
  readonly state: WorkbenchState;
}

export type Store = ReturnType<typeof createStore>;

export function createStore(shell: WorkbenchShell) {
  const framework = frameworkFromDocument(shell.framework);
  const ctx: WorkbenchContext = contextOf(
    framework,
    shell.released.map((r) => r.month),
    shell.regions,
  );
  const official = officialState(ctx);
  const state = signal<WorkbenchState>(official);
  const values = signal<WorkbenchValues | null>(null);
  // Derived once per change of the settings, however many components read them.
  const ahp = computed(() => ahpOf(ctx, state.value));
  const inForce = computed(() => weightsInForce(ctx, state.value, ahp.value));
  const tuned = computed(() => tune(ctx, state.value, inForce.value));
  const status = signal<{ text: string; error?: boolean }>({ text: '' });
  const addressNotice = signal<{ kind: 'fallback' | 'note'; lines: string[] } | null>(null);

  const observations = computed<Observation[] | null>(() => (values.value ? observationsOf(values.value) : null));
  /** The nominal index's panels, built by the worker from the fetched observations. */
  const nominal = signal<NominalPanels | null>(null);
  /**
   * Set once the nominal index is built: until then the page shows what was
   * rendered at build time. Kept apart from `values` so that reading the
   * data, building the index and drawing the result run as separate short
   * tasks (see Workbench's start), not one long one.
   */
  const ready = signal(false);
  /** Why the settings in force cannot be computed (core's message), cleared by the next result. */
  const recomputeError = signal<{ message: string; outOfDomain: boolean } | null>(null);
  /**
   * A change that `update` refused because the index is not defined with it
   * (a geometric mean meeting a score of 0), with core's words on where. A new
   * object each time, so that the controls redraw their choice.
   */
  const refused = signal<{ detail: string } | null>(null);
  // rebuildIndex starts from the nominal index's imputed panel, or reuses its scores when only weights or means changed.
  const recompute = createRecompute(ctx);
  const compute = (base: NominalPanels, s: WorkbenchState, inForce = weightsInForce(ctx, s)): Recomputed => {
    const started = performance.now();
    const { framework, panel } = recompute.run(base, s, inForce);
    return { framework, panel, ms: performance.now() - started };
  };
  /** The result of a change `update` tried first, taken by `current` rather than computed twice. */
  let tried: { state: WorkbenchState; result: Recomputed } | null = null;
  const current = computed<Recomputed | null>(() => {
    if (!ready.value) return null;
    const base = nominal.value;
    const s = state.value;
    if (!base) return null;
    try {
      const result = tried?.state === s ? tried.result : compute(base, s, weightsInForce(ctx, s, ahp.value));
      tried = null;
      // The panel on view is not written by the next recompute (nor by `update`'s trial).
      recompute.show(result.panel);
      if (recomputeError.peek() !== null) queueMicrotask(() => (recomputeError.value = null));
      return result;
    } catch (error) {
      recompute.show(null);
      queueMicrotask(() => (recomputeError.value = { message: (error as Error).message, outOfDomain: error instanceof PinganError && error.code === 'out-of-domain' }));
      return null;
    }
  });
  /** The months with a whole-city index: the released ones until the data are in. */
  const months = computed<string[]>(() => {
    const base = ready.value ? nominal.value : null;
    const city = ctx.regions.find((r) => r.isCity)?.code;
    if (!base || !city) return [...ctx.months];
    return base.aggregated.periods.filter((p) => Number.isFinite(getValue(base.aggregated, city, p, framework.root)));
  });
  const publishedOf = (month: string, region: string): string | null => shell.released.find((r) => r.month === month)?.index[region] ?? null;
  /**
   * A region's index in a month with the current settings: recomputed once
   * the data are in; before that, the published value when the settings are
   * the official ones (the page as built), else NaN.
   */
  const valueOf = (month: string, region: string): number => {
    const c = current.value;
    if (c) return c.panel.periods.includes(month) ? getValue(c.panel, region, month, framework.root) : Number.NaN;
    if (sameSettings(state.value, official)) {
      const p = publishedOf(month, region);
      return p === null ? Number.NaN : Number(p);
    }
    return Number.NaN;
  };

  const ua = signal<AnalysisView | null>(null);
  const sa = signal<AnalysisView | null>(null);
  const running = signal<{ what: 'ua' | 'sa'; cancel: () => void } | null>(null);
  const progress = signal<{ done: number; total: number }>({ done: 0, total: 0 });
  const analysisStatus = signal('');

  /**
   * Applies a change of the settings, or refuses it (returns false, says why
   * in `refused`, and the result in view stays) when the index is not defined
   * with it: core's geometric mean, as COINr's, needs every score positive, so
   * a score of 0 under the framework's goalposts rules it out.
   */
  const update = (change: Partial<WorkbenchState>): boolean => {
    const before = state.value;
    const next = { ...before, ...change };
    const base = ready.value ? nominal.value : null;
    refused.value = null;
    if (base && next.aggregation === 'geometric' && (next.aggregation !== before.aggregation || next.normalisation !== before.normalisation)) {
      try {
        tried = { state: next, result: compute(base, next) };
      } catch (error) {
        // Any other failure is the settings' own, reported by `current` as before.
        if (error instanceof PinganError && error.code === 'out-of-domain') {
          refused.value = { detail: error.message };
          return false;
        }
      }
    }
    state.value = next;
    return true;
  };

  return {
    shell,
    ctx,
    framework,
    official,
    state,
    values,
    ahp,
    inForce,
    tuned,
    status,
    addressNotice,
    observations,
    nominal,
    ready,
    current,
    recomputeError,
    refused,
    months,
    publishedOf,
    valueOf,
    ua,
    sa,
    running,
    progress,
    analysisStatus,
    update,
    batch,
  };
}
