import { aggregateInto } from '../aggregate/aggregate.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { denominate } from '../denominate/index.ts';
import { impute, type ImputationReport } from '../impute/index.ts';
import { normalise } from '../normalise/index.ts';
import { selectColumns, type Panel } from '../panel/panel.ts';
import { buildFromRaw, scoreAndAggregate } from '../plan/scorePlan.ts';
import { screenUnits, type ScreenOptions, type ScreenedUnit } from '../screen/index.ts';
import { provenance, type Provenance } from '../provenance/provenance.ts';
import { transform } from '../transform/index.ts';
import { trailingWindow } from '../window/index.ts';
import { treat, type TreatmentReport } from '../treat/index.ts';

export interface BuildOptions {
  /** Unit groupings for group-mean imputation: grouping name → unit → group. */
  readonly unitGroups?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Screen units by data availability after imputation (COINr's `Screen`, byNA); no screening when absent. */
  readonly screen?: ScreenOptions;
  /**
   * A panel to write the aggregated panel into instead of new arrays, for
   * repeated builds of one shape (say, the previous result's `aggregated`):
   * it must hold as many cells as the result (units × periods ×
   * `[...indicators, ...aggregates]`), and not be `raw`. Its values and flags are
   * overwritten, and the new result's `aggregated` shares its arrays, so a
   * result built into it earlier changes with it. Not part of the provenance.
   */
  readonly into?: Panel;
}

/** Every stage of a build, as COINr keeps them in `coin$Data`, with reports and provenance. */
export interface IndexResult {
  readonly framework: Framework;
  /** The data as given: indicators and denominators. */
  readonly raw: Panel;
  /** Indicators divided by their denominators. */
  readonly denominated: Panel;
  /** After the trailing windows (e.g. the rate over the last 12 months). */
  readonly windowed: Panel;
  /** After the per-indicator transforms (log). */
  readonly transformed: Panel;
  readonly imputed: Panel;
  /** After screening (the imputed panel itself when `options.screen` is absent). */
  readonly screened: Panel;
  readonly treated: Panel;
  /** Indicator scores. */
  readonly normalised: Panel;
  /** Indicator scores followed by every aggregate, up to the index. */
  readonly aggregated: Panel;
  readonly imputation: ImputationReport;
  /** The units removed by screening, with their data availability. */
  readonly screening: readonly ScreenedUnit[];
  readonly treatment: readonly TreatmentReport[];
  /** Hashes of the framework, data, options and library version; computed on first read. */
  readonly provenance: Provenance;
}

/**
 * Runs the framework's pipeline on a raw panel, in the handbook's order:
 * denominate → trailing window → transform → impute → (screen) → treat →
 * normalise → aggregate. Each step
 * uses the methods the framework sets per node; every stage is kept.
 *
 * @example
 * const result = buildIndex(fw, panelFromObservations(fw, observations));
 * getValue(result.aggregated, 'X', '2025-01', fw.root); // the index
 */
export function buildIndex(framework: Framework, raw: Panel, options: BuildOptions = {}): IndexResult {
  const { into, ...hashed } = options;
  // The fused pass: when only denominate, normalise and aggregate have work
  // to do, one pass per period through the compiled plan writes the
  // aggregated panel alone; the rates and scores between are the same
  // numbers, made when first read (by `denominate`, and as the aggregated
  // panel's indicator columns).
  const fused = options.screen ? null : buildFromRaw(raw, framework, into);
  if (fused) {
    return withLazyStages(
      {
        framework,
        raw,
        get denominated() {
          return denominatedOf(this);
        },
        get windowed() {
          return denominatedOf(this);
        },
        get transformed() {
          return denominatedOf(this);
        },
        get imputed() {
          return denominatedOf(this);
        },
        get screened() {
          return denominatedOf(this);
        },
        get treated() {
          return denominatedOf(this);
        },
        get normalised() {
          return normalisedOf(this);
        },
        aggregated: fused,
        imputation: [],
        screening: [],
        treatment: [],
        get provenance() {
          return provenanceOf(this);
        },
      },
      { framework, raw, hashed, aggregated: fused },
    );
  }
  const denominated = denominate(raw, framework);
  const windowed = trailingWindow(denominated, framework);
  const transformed = transform(windowed, framework);
  const { panel: imputed, report: imputation } = impute(transformed, framework, options.unitGroups ? { unitGroups: options.unitGroups } : {});
  const { panel: screened, removed: screening } = options.screen ? screenUnits(imputed, framework, options.screen) : { panel: imputed, removed: [] };
  const { panel: treated, report: treatment } = treat(screened, framework);
  // Scores and aggregates in one pass per period where every method scores
  // within a period; otherwise normalise, then aggregate.
  const together = scoreAndAggregate(treated, framework, into);
  const normalised = together ? undefined : normalise(treated, framework);
  const aggregated = together ?? aggregateInto(normalised as Panel, framework, into);
  return withLazyStages(
    {
      framework,
      raw,
      denominated,
      windowed,
      transformed,
      imputed,
      screened,
      treated,
      get normalised() {
        return normalisedOf(this);
      },
      aggregated,
      imputation,
      screening,
      treatment,
      get provenance() {
        return provenanceOf(this);
      },
    },
    { framework, raw, hashed, aggregated, denominated, normalised },
  );
}

/**
 * What a result's lazy stages are made from, and the stages once made. It
 * is kept on the result, under a symbol, and its getters read it through
 * `this` instead of closing over a build's panels: V8 keeps a getter's
 * closure alive from old space until its next full GC, so a closure over
 * the panels kept every build's panels through each young-generation GC,
 * which then copied tens of MB (ASEM builds in a loop: 20-40 ms a scavenge
 * where these take about 1 ms).
 */
interface LazyStages {
  readonly framework: Framework;
  readonly raw: Panel;
  /** The build options the provenance hashes (all but `into`). */
  readonly hashed: BuildOptions;
  readonly aggregated: Panel;
  denominated?: Panel;
  normalised?: Panel;
  provenance?: Provenance;
}

const LAZY_STAGES = Symbol('lazy stages');

function withLazyStages(result: IndexResult, stages: LazyStages): IndexResult {
  // Not enumerable: a copy or comparison of the result sees its stages, not this.
  return Object.defineProperty(result, LAZY_STAGES, { value: stages });
}

const stagesOf = (result: object): LazyStages => (result as { readonly [LAZY_STAGES]: LazyStages })[LAZY_STAGES];

/** The rates (`denominate`), made when first read; the fused pass's stages up to treatment are these. */
function denominatedOf(result: object): Panel {
  const stages = stagesOf(result);
  return (stages.denominated ??= denominate(stages.raw, stages.framework));
}

/** The scores: the aggregated panel's indicator columns, unless normalised apart. */
function normalisedOf(result: object): Panel {
  const stages = stagesOf(result);
  return (stages.normalised ??= selectColumns(stages.aggregated, stages.framework.indicators));
}

/** The provenance hashes every data value (SHA-256 of tens of MB for a large panel), so it is computed when first read, then kept. */
function provenanceOf(result: object): Provenance {
  const stages = stagesOf(result);
  return (stages.provenance ??= provenance(stages.framework, stages.raw, stages.hashed));
}
