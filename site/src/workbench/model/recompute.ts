/**
 * The index recomputed for a state, as the page runs it on every change:
 * the framework tuned to the state, then core's `rebuildIndex` from the
 * nominal panels. The result is written into one of two panels kept here,
 * never the one on view: after the first two recomputes none allocates a
 * panel, so that dragging a weight does not feed the garbage collector
 * (whose pauses were the slowest recomputes).
 */
import { rebuildIndex, type Framework, type Panel, type RebuildSource } from '@pingan/core';
import type { NominalPanels } from './analysis.ts';
import { tune, weightsInForce, type WorkbenchContext, type WorkbenchState } from './state.ts';

export interface Recompute {
  /** The framework tuned to `state` and the index it gives, in a panel that is not the one marked on view. */
  run(base: NominalPanels, state: WorkbenchState, inForce?: Readonly<Record<string, number>>): { framework: Framework; panel: Panel };
  /** Marks the panel on view (or none): the next `run` writes into the other one. */
  show(panel: Panel | null): void;
}

/**
 * A recompute over `ctx`, with its two panels.
 *
 * @example
 * const recompute = createRecompute(ctx);
 * const { panel } = recompute.run(nominal, state);
 * recompute.show(panel); // the next run writes elsewhere
 */
export function createRecompute(ctx: WorkbenchContext): Recompute {
  const panels: Panel[] = [];
  let onView: Float64Array | null = null;
  let source: RebuildSource | null = null;
  let sourceOf: NominalPanels | null = null;
  return {
    run(base, state, inForce = weightsInForce(ctx, state)) {
      if (sourceOf !== base) {
        // A new nominal index: its shape may differ, so the panels start again.
        source = { ...base, framework: ctx.framework };
        sourceOf = base;
        panels.length = 0;
      }
      const framework = tune(ctx, state, inForce);
      const into = panels[0] && panels[0].values !== onView ? panels[0] : panels[1];
      const panel = rebuildIndex(source as RebuildSource, framework, into ? { into } : {});
      if (!into) panels.push(panel);
      return { framework, panel };
    },
    show(panel) {
      onView = panel && panel.values;
    },
  };
}
