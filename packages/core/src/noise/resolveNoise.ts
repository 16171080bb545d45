import type { Framework } from '../framework/defineFramework.ts';
import type { NoiseSpec } from '../framework/noiseSpec.ts';

/** The default level of intervals and of the verdict rule. */
export const DEFAULT_LEVEL = 0.9;
/** The sample size assumed for a survey share that states neither a size nor a margin of error. */
export const DEFAULT_SURVEY_SAMPLE_SIZE = 1000;
/** The months of a region's own history that estimate a count's mean and over-dispersion. */
export const DEFAULT_BASELINE_MONTHS = 36;

/** An indicator's noise model with every default filled in. */
export type ResolvedNoise =
  | { readonly model: 'poisson'; readonly dispersion: 'estimate' | number }
  | { readonly model: 'survey'; readonly total: number; readonly sampleSize: number | null; readonly marginOfError: number | null }
  | { readonly model: 'none' };

/** The framework-wide uncertainty settings with defaults filled in. */
export interface UncertaintySettings {
  readonly level: number;
  readonly surveySampleSize: number;
  readonly baselineMonths: number;
}

/**
 * The framework's uncertainty settings (`uncertainty` in the framework file),
 * defaults filled in: level 0.9, survey sample size 1,000, a baseline of 36 months.
 *
 * @example
 * resolveUncertaintySettings(fw); // { level: 0.9, surveySampleSize: 1000, baselineMonths: 36 }
 */
export function resolveUncertaintySettings(framework: Framework): UncertaintySettings {
  const spec = framework.document.uncertainty;
  return {
    level: spec?.level ?? DEFAULT_LEVEL,
    surveySampleSize: spec?.surveySampleSize ?? DEFAULT_SURVEY_SAMPLE_SIZE,
    baselineMonths: spec?.baselineMonths ?? DEFAULT_BASELINE_MONTHS,
  };
}

/**
 * Each indicator's noise model: its `noise` in the framework file or, when
 * absent, the documented default:
 *
 * - an indicator with a denominator or a summed window is a count:
 *   `poisson`, over-dispersion estimated from the region's own history
 *   (amounts such as a fire's property loss too: the estimated dispersion
 *   absorbs their unit, as in a quasi-Poisson model);
 * - an indicator measured in percent (unit "%") is a survey share of
 *   `surveySampleSize` respondents (default 1,000);
 * - any other indicator carries no sampling noise (`none`).
 *
 * @example
 * resolveNoise(fw).homicide; // { model: 'poisson', dispersion: 'estimate' }
 * resolveNoise(fw).sense_of_safety; // { model: 'survey', total: 100, sampleSize: 1000, marginOfError: null }
 */
export function resolveNoise(framework: Framework): Readonly<Record<string, ResolvedNoise>> {
  const settings = resolveUncertaintySettings(framework);
  const declared = new Map<string, NoiseSpec | undefined>();
  for (const node of framework.document.nodes) if (node.type === 'indicator') declared.set(node.code, node.noise);
  const out: Record<string, ResolvedNoise> = {};
  for (const code of framework.indicators) {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'indicator') continue;
    const spec = declared.get(code);
    if (spec?.model === 'poisson' || spec?.model === 'none') out[code] = spec;
    else if (spec?.model === 'survey') {
      out[code] = {
        model: 'survey',
        total: spec.total,
        marginOfError: spec.marginOfError ?? null,
        sampleSize: spec.marginOfError !== undefined ? (spec.sampleSize ?? null) : (spec.sampleSize ?? settings.surveySampleSize),
      };
    } else if (node.denominator || node.window?.statistic === 'sum') out[code] = { model: 'poisson', dispersion: 'estimate' };
    else if (node.unit?.en.trim() === '%' || node.unit?.zh.trim() === '%') {
      out[code] = { model: 'survey', total: 100, sampleSize: settings.surveySampleSize, marginOfError: null };
    } else out[code] = { model: 'none' };
  }
  return out;
}
