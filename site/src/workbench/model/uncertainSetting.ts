/**
 * An analysis setting as core's analyses vary it, from the JSON the page
 * sends to the worker (built without zod: every spec is complete). A module
 * of its own that only the worker's analyses (analysisEngine.ts) import, so
 * that the page does not load core's weight sampling with it.
 */
import { noisyWeights, reviseNodes, weightSetsSetting, type Framework, type UncertainSetting } from '@pingan/core';
import type { AnalysisRequest, AnalysisSetting } from './analysis.ts';
import { MIN_MAX_PANEL } from './state.ts';

/** An uncertain setting of core's analyses from its JSON description. */
export function uncertainSetting(setting: AnalysisSetting, framework: Framework, officialNormalisation: AnalysisRequest['officialNormalisation']): UncertainSetting {
  switch (setting.kind) {
    case 'noisyWeights':
      return weightSetsSetting(noisyWeights(framework, setting), setting.name);
    case 'aggregation':
      return {
        name: setting.name,
        levels: setting.methods.length,
        apply: (fw, level) => reviseNodes(fw, (node) => (node.type === 'aggregate' ? { aggregation: { ...node.aggregation, method: setting.methods[level] } } : undefined)),
      };
    case 'normalisation':
      return {
        name: setting.name,
        levels: setting.methods.length,
        apply: (fw, level) =>
          reviseNodes(fw, (node) =>
            node.type === 'indicator' ? { normalisation: setting.methods[level] === 'minmax' ? MIN_MAX_PANEL : (officialNormalisation[node.code] ?? node.normalisation) } : undefined,
          ),
      };
  }
}
