import type { Lang } from './i18n.ts';
import type { Manifest } from './releases.ts';

/** A revision notice: one sentence for every reader, and how the new model computes, for those who open it. */
export interface RevisionNotice {
  summary: string;
  /** The computation in detail (null: the summary says it all). */
  detail: string | null;
}

/**
 * Why a revision was written when it corrects no input cell but brings a new
 * release format (the manifest's `changed` holds `format`) or a new
 * uncertainty model (`uncertainty`), in the page's language; null for any
 * other revision. The summary says what was recomputed; from model 3 on, how
 * it is computed is the detail, which a page folds away (a phone reader
 * should not scroll past it to reach the month's index). The manifest's own
 * `reason` (English) stays in manifest.json.
 *
 * @example
 * revisionNotice({ revision: 3, format: 2, uncertaintyModel: 2, changed: ['uncertainty'], changes: [] }, 'en')
 * // → { summary: 'Revision 3 uses uncertainty model 2: the figures are unchanged; only the intervals, verdicts and rank intervals are recomputed, from the exact distributions of rare counts.', detail: null }
 */
export function revisionNotice(manifest: Pick<Manifest, 'revision' | 'format' | 'uncertaintyModel' | 'changed' | 'changes'>, lang: Lang): RevisionNotice | null {
  const same = manifest.changes.length === 0;
  if (manifest.changed.includes('format') && manifest.format !== undefined) {
    const summary =
      lang === 'zh'
        ? `第 ${manifest.revision} 版采用发布格式 ${manifest.format}：${same ? '数字与上一版相同，' : ''}另附每个数字的区间、环比与同比的判断（上升、下降或基本持平）、各县市区的排名区间和当月预警。`
        : `Revision ${manifest.revision} is in release format ${manifest.format}: ${same ? 'the figures are those of the revision before, now ' : ''}with each figure's interval, the verdicts of the month-on-month and year-on-year changes (up, down or broadly unchanged), the districts' rank intervals and the month's early warnings.`;
    return { summary, detail: null };
  }
  if (!manifest.changed.includes('uncertainty') || manifest.uncertaintyModel === undefined) return null;
  const model = manifest.uncertaintyModel;
  // What was recomputed, in one short sentence (a phone shows it above the month's index).
  const recomputed =
    lang === 'zh'
      ? `第 ${manifest.revision} 版采用不确定性模型 ${model}：${same ? '数字未变，只' : ''}重新计算了区间、判断和排名区间`
      : `Revision ${manifest.revision} uses uncertainty model ${model}: ${same ? 'the figures are unchanged; only ' : ''}the intervals, verdicts and rank intervals are recomputed`;
  if (model < 3) return { summary: lang === 'zh' ? `${recomputed}，依据罕见计数的精确分布。` : `${recomputed}, from the exact distributions of rare counts.`, detail: null };
  // Model 6 keeps model 5's intervals and verdicts and draws the ranks to match the published intervals. Its summary is
  // short: an old month's phone page shows it above a line saying the month is not the latest, with the index still on the first screen.
  if (model >= 6) {
    return lang === 'zh'
      ? {
          summary: `第 ${manifest.revision} 版采用不确定性模型 ${model}：${same ? '数字未变，' : ''}排名区间改为按公布的区间计算。`,
          detail: '各地区的名次区间和“高于下一名的概率”现在按各自指数公布的区间抽样：以公布值为中位数，区间两端为第 5 和第 95 百分位数，下方和上方各用其宽度（分段正态）。此前按指数的标准误从对称的正态分布抽样；对指数取决于罕见计数的小地区，区间偏向一侧，对称正态会使其名次显得过于肯定。',
        }
      : {
          summary: `Revision ${manifest.revision} uses uncertainty model ${model}: ${same ? 'the same figures; ' : ''}ranks now follow the intervals.`,
          detail: 'Each region’s rank interval and its chance of being safer than the next one down are now drawn to match its published interval of the index: the published value as the median and the interval’s ends as the 5th and 95th percentiles, with one width below and another above (a split normal). Before, they were drawn from a symmetric normal of the index’s standard error, which ranked a small district whose interval leans to one side, because its index hangs on a rare count, too surely.',
        };
  }
  // Model 5 computes the intervals as model 4 does and reads each verdict off the interval as published.
  if (model >= 5) {
    return lang === 'zh'
      ? {
          summary: `第 ${manifest.revision} 版采用不确定性模型 ${model}：${same ? '数字未变，' : ''}变化的判断改为按公布的区间作出。`,
          detail: '变化的判断（上升、下降或基本持平）现在按页面上显示的区间作出：例如显示为“−2.48 至 0.00”或“0.00 至 0.00”的区间包含 0，判为基本持平。此前按未四舍五入的区间判断，上限为 −0.001、或两个月都为满分的得分之差留下 −10⁻¹⁵ 的舍入误差时，会判为下降或上升，与显示的数字不符。',
        }
      : {
          summary: `Revision ${manifest.revision} uses uncertainty model ${model}: ${same ? 'the figures are unchanged; ' : ''}each change’s verdict is now read off its interval as published.`,
          detail: 'A change’s verdict (up, down or broadly unchanged) is now read off the interval as the page shows it: an interval shown as “−2.48 to 0.00” or “0.00 to 0.00” holds zero and is broadly unchanged. Before, the unrounded interval was read, where an upper end of −0.001, or a rounding residue of −10⁻¹⁵ in the change of a score at the maximum in both months, gave down or up, against the numbers shown.',
        };
  }
  // Model 3 takes smooth figures by Cornish–Fisher and rare-count figures still exactly; model 4
  // builds only a rare-count figure's lead components, and enumerates a capped score only where
  // its counts reach the cap.
  const rare =
    lang === 'zh'
      ? model >= 4
        ? '罕见计数主导的数字只精确计算其主要的一至四个分量，其余部分按其前四阶累积量（Edgeworth 展开）计算，截断得分只在其计数可能取到的值（概率不小于 10⁻¹⁰）达到截断点时才逐一枚举（与分辨率高 16 倍的精确计算相差不超过区间宽度的 2%）'
        : '罕见计数主导的数字仍按精确分布'
      : model >= 4
        ? 'a figure dominated by rare counts builds only its one to four leading components exactly, the rest from its first four cumulants (an Edgeworth expansion), and a capped score is enumerated only where a value its counts can take (probability at least 10⁻¹⁰) reaches the cap (within 2% of the interval’s width of the exact computation at 16 times the resolution)'
        : 'a figure dominated by rare counts is still taken from its exact distribution';
  return lang === 'zh'
    ? { summary: `${recomputed}。`, detail: `分布已平滑的数字用其累积量的 Cornish–Fisher 展开（与精确分布相差不超过区间宽度的 2%），${rare}。` }
    : {
        summary: `${recomputed}.`,
        detail: `A figure whose distribution is smooth is taken from the Cornish–Fisher expansion of its cumulants (within 2% of the interval’s width of its exact distribution); ${rare}.`,
      };
}
