import type { Framework } from '@pingan/core';
import { t } from './i18n/t.ts';

/**
 * The notice printed when a command computes with a framework tuned from an
 * official one (it carries a `tuned` record, as the workbench's exports do):
 * its results are not the official figures. Empty for any other framework.
 */
export function tunedFrameworkNotice(framework: Framework | undefined): string {
  const tuned = framework?.document.tuned;
  if (!framework || !tuned) return '';
  const { from, changes } = tuned;
  const lines = [
    t`NOTICE: not the official framework (非正式指标体系): ${framework.id} ${framework.version} was tuned from ${from.id} ${from.version} (sha256 ${from.sha256}); these results are not the official figures.`,
    `  ${t`${changes.length} change${changes.length === 1 ? '' : 's'} from the official framework:`}`,
    ...changes.map((c) => `    ${c.path}: ${c.official} → ${c.tuned}`),
  ];
  if (tuned.ahp) {
    const { node, order, consistencyRatio, applied } = tuned.ahp;
    lines.push(`  ${applied ? t`AHP judgements on ${node} (${order.join(', ')}): CR ${consistencyRatio.toFixed(3)}, applied to the weights` : t`AHP judgements on ${node} (${order.join(', ')}): CR ${consistencyRatio.toFixed(3)}, not applied`}`);
  }
  return `${lines.join('\n')}\n`;
}
