import type { Lang } from './i18n.ts';
import type { Manifest } from './releases.ts';

/**
 * Why a revision was written when it corrects no input cell but brings a new
 * release format (the manifest's `changed` holds `format`) or a new
 * uncertainty model (`uncertainty`), in the page's language; null for any
 * other revision. The manifest's own `reason` (English) stays in
 * manifest.json.
 *
 * @example
 * revisionNotice({ revision: 3, format: 2, uncertaintyModel: 2, changed: ['uncertainty'], changes: [] }, 'en')
 * // → 'Revision 3 uses uncertainty model 2: the figures are those of the revision before; only the intervals, verdicts (up, down or broadly unchanged) and rank intervals are recomputed from the exact distributions of rare counts.'
 */
export function revisionNotice(manifest: Pick<Manifest, 'revision' | 'format' | 'uncertaintyModel' | 'changed' | 'changes'>, lang: Lang): string | null {
  const same = manifest.changes.length === 0;
  if (manifest.changed.includes('format') && manifest.format !== undefined) {
    return lang === 'zh'
      ? `第 ${manifest.revision} 版采用发布格式 ${manifest.format}：${same ? '数字与上一版相同，' : ''}另附每个数字的区间、环比与同比的判断（上升、下降或基本持平）、各县市区的排名区间和当月预警。`
      : `Revision ${manifest.revision} is in release format ${manifest.format}: ${same ? 'the figures are those of the revision before, now ' : ''}with each figure's interval, the verdicts of the month-on-month and year-on-year changes (up, down or broadly unchanged), the districts' rank intervals and the month's early warnings.`;
  }
  if (!manifest.changed.includes('uncertainty') || manifest.uncertaintyModel === undefined) return null;
  // Model 2 brought the exact distributions of rare counts; model 3 takes smooth figures by
  // Cornish–Fisher and rare-count figures still exactly; model 4 builds only a rare-count
  // figure's lead components, and enumerates a capped score only where its counts reach the cap.
  const model = manifest.uncertaintyModel;
  const rare =
    lang === 'zh'
      ? model >= 4
        ? '罕见计数主导的数字只精确计算其主要的一至四个分量，其余部分按其前四阶累积量（Edgeworth 展开）计算，截断得分只在其计数可能取到的值（概率不小于 10⁻¹⁰）达到截断点时才逐一枚举（与分辨率高 16 倍的精确计算相差不超过区间宽度的 2%）'
        : '罕见计数主导的数字仍按精确分布'
      : model >= 4
        ? 'a figure dominated by rare counts builds only its one to four leading components exactly, the rest from its first four cumulants (an Edgeworth expansion), and a capped score is enumerated only where a value its counts can take (probability at least 10⁻¹⁰) reaches the cap (within 2% of the interval’s width of the exact computation at 16 times the resolution)'
        : 'a figure dominated by rare counts still from its exact distribution';
  return lang === 'zh'
    ? `第 ${manifest.revision} 版采用不确定性模型 ${model}：${same ? '数字与上一版相同，只有' : ''}区间、判断（上升、下降或基本持平）和排名区间${model >= 3 ? `重新计算：分布已平滑的数字用其累积量的 Cornish–Fisher 展开（与精确分布相差不超过区间宽度的 2%），${rare}` : '按罕见计数的精确分布重新计算'}。`
    : `Revision ${manifest.revision} uses uncertainty model ${model}: ${same ? 'the figures are those of the revision before; only ' : ''}the intervals, verdicts (up, down or broadly unchanged) and rank intervals are recomputed${model >= 3 ? `: a figure whose distribution is smooth from the Cornish–Fisher expansion of its cumulants (within 2% of the interval’s width of its exact distribution), ${rare}` : ' from the exact distributions of rare counts'}.`;
}
