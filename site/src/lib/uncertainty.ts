/**
 * The uncertainty a release of format 2 carries (issue 9), arranged for the
 * pages, and its words in both languages: a change's verdict and interval
 * ("基本持平，90% 区间 −0.61 至 +0.39"), a rank interval ("第1–3名"), the
 * early warning's charts. A format-1 release (no `format`) has none: every
 * function then gives null and the pages show the figures alone.
 */
import type { PublishedRegion, PublishedUncertainty, ReleaseJson, ReleaseWarnings } from '@pingan/core/release';
import { levelText } from '../workbench/model/format.ts';
import { signed, type Lang } from './i18n.ts';

export type ChangeInterval = NonNullable<PublishedUncertainty['mom']>;
export type Rank = NonNullable<PublishedRegion['rank']>;
export type Verdict = ChangeInterval['verdict'];

/** A region's uncertainty: its index's, each aggregate's and indicator's by code, and its rank interval. */
export interface RegionUncertainty {
  /** The intervals' level, e.g. 0.9. */
  level: number;
  index: PublishedUncertainty | null;
  nodes: Record<string, PublishedUncertainty>;
  rank: Rank | null;
  /**
   * The ranking's next place below this region and the probability that this region is really
   * safer than it (the release's neighbours, as text, e.g. "0.82"); null for the last place.
   */
  aheadOfNext: { lower: string; probability: string } | null;
}

/** The release's uncertainty settings and the month's early warnings. */
export interface ReleaseUncertainty {
  level: number;
  method: 'analytic' | 'bootstrap';
  /** The months read for the noise model's baseline. */
  baseline: { from: string; to: string };
  warnings: ReleaseWarnings;
  /** Neighbours in the ranking and the probability that the higher-ranked one is really safer. */
  neighbours: { higher: string; lower: string; probability: string }[];
}

/** The release's uncertainty, or null for a format-1 release. */
export function releaseUncertainty(raw: ReleaseJson): ReleaseUncertainty | null {
  if (!raw.uncertainty || !raw.warnings) return null;
  const u = raw.uncertainty;
  return { level: u.level, method: u.method, baseline: { ...u.baseline }, warnings: raw.warnings, neighbours: u.ranking.neighbours.map((n) => ({ ...n })) };
}

/** One region's uncertainty, or null for a format-1 release. */
export function regionUncertainty(raw: ReleaseJson, region: ReleaseJson['regions'][number]): RegionUncertainty | null {
  if (!raw.uncertainty) return null;
  const nodes: Record<string, PublishedUncertainty> = {};
  for (const n of [...region.aggregates, ...region.indicators]) if (n.uncertainty) nodes[n.code] = n.uncertainty;
  const next = raw.uncertainty.ranking.neighbours.find((n) => n.higher === region.code);
  return { level: raw.uncertainty.level, index: region.aggregates[0].uncertainty ?? null, nodes, rank: region.rank ?? null, aheadOfNext: next ? { lower: next.lower, probability: next.probability } : null };
}

/** The verdicts' words (the same as @pingan/core's VERDICT_NAMES, which the release's CSV uses). */
export const VERDICT_WORDS: Record<Verdict, Record<Lang, string>> = {
  up: { zh: '上升', en: 'up' },
  down: { zh: '下降', en: 'down' },
  unchanged: { zh: '基本持平', en: 'broadly unchanged' },
};

// "90%" for 0.9: one definition for the pages and the workbench's island, which cannot import this file (through i18n.ts it reads the publication's files).
export { levelText };

/**
 * An interval's name and its range, apart so that a page can keep the range on one line where the words wrap:
 * { label: "90% 区间", range: "−0.61 至 +0.39" } / { label: "90% interval", range: "−0.61 to +0.39" }.
 */
export function intervalParts(lang: Lang, interval: { lower: string; upper: string }, level: number, signs = true): { label: string; range: string } {
  const f = (v: string) => (signs ? signed(v) : v);
  return lang === 'zh'
    ? { label: `${levelText(level)} 区间`, range: `${f(interval.lower)} 至 ${f(interval.upper)}` }
    : { label: `${levelText(level)} interval`, range: `${f(interval.lower)} to ${f(interval.upper)}` };
}

/**
 * A change's verdict and interval: its words and its range, apart as in `intervalParts`:
 * { words: "基本持平，90% 区间", range: "−0.61 至 +0.39" } / { words: "broadly unchanged, 90% interval", range: "−0.61 to +0.39" }.
 */
export function verdictParts(lang: Lang, change: ChangeInterval, level: number): { words: string; range: string } {
  const { label, range } = intervalParts(lang, change, level);
  return { words: `${VERDICT_WORDS[change.verdict][lang]}${lang === 'zh' ? '，' : ', '}${label}`, range };
}

/** A rank interval: "第1–3名" / "ranks 1–3"; "第1名" / "rank 1" when it is one rank. */
export function rankRangeText(lang: Lang, rank: Rank): string {
  const span = rank.lower === rank.upper ? `${rank.lower}` : `${rank.lower}–${rank.upper}`;
  if (lang === 'zh') return `第${span}名`;
  return rank.lower === rank.upper ? `rank ${span}` : `ranks ${span}`;
}

/**
 * A neighbour probability as a percentage: "82%" for "0.82"; "> 99%" for "1.00" (the release rounds to
 * two decimals, so 1.00 is at least 0.995, never certainty).
 *
 * @example
 * probabilityText('0.82'); // "82%"
 * probabilityText('1.00'); // "> 99%"
 */
export function probabilityText(probability: string): string {
  const percent = Math.round(Number(probability) * 100);
  return percent >= 100 ? '> 99%' : `${percent}%`;
}

/** The sentence that explains the rule, for a page's small print (`methodologyPointer` says where it is explained). */
export function verdictRule(lang: Lang, level: number): string {
  const l = levelText(level);
  return lang === 'zh'
    ? `判断规则：变化的 ${l} 区间（按公布的小数位）全部高于 0 为“上升”，全部低于 0 为“下降”，包含 0 则为“基本持平”（变化可能只是偶然波动），此时变化以灰色显示、不加箭头。排名后括号内为 ${l} 区间内可能的名次；“高于下一名的概率”为该地区确实比排在其后的一名更平安的概率。数值下方的 ${l} 区间为该数值本身可能的范围。区间反映计数本身的随机性，详见`
    : `The rule: a change is "up" when its whole ${l} interval (as published, rounded) lies above 0, "down" when it lies below 0, and "broadly unchanged" when it contains 0 (the change may be chance; it is then shown grey, without an arrow). Beside a rank, in brackets: the ranks within the ${l} interval; "chance above the next": how likely the area is really safer than the one ranked next below it. Under a value, its own ${l} interval: where it could lie. The intervals reflect the randomness of the counts; see`;
}

/**
 * The words of the link after `verdictRule`: the methodology's section on the intervals by its number
 * ("方法说明第 9 节" / "section 9 of the methodology"), by its title where its heading has no number, or the
 * methodology as a whole where no section is marked (`intervalsSection`).
 */
export function methodologyPointer(lang: Lang, section: { title: string; number: string | null } | null): string {
  if (section === null) return lang === 'zh' ? '方法说明' : 'the methodology';
  if (section.number !== null) return lang === 'zh' ? `方法说明第 ${section.number} 节` : `section ${section.number} of the methodology`;
  return lang === 'zh' ? `方法说明“${section.title}”一节` : `“${section.title}” in the methodology`;
}

/** The trend chart's key for the index's band: "指数 90% 区间" / "Index, 90% interval". */
export function trendBandLabel(lang: Lang, level: number): string {
  return lang === 'zh' ? `指数 ${levelText(level)} 区间` : `Index, ${levelText(level)} interval`;
}

/** The trend chart's caption for the band. */
export function trendBandNote(lang: Lang, level: number): string {
  return lang === 'zh'
    ? `阴影为指数的 ${levelText(level)} 区间：计数的随机波动使指数可能落在其中。`
    : `The shaded band is the index's ${levelText(level)} interval: where chance variation in the counts could have put it.`;
}

/** The early-warning page's words; a quarterly index's (`quarterly`) speak of quarters, its charts comparing the same quarter of earlier years. */
export function warningsPage(lang: Lang, quarterly = false) {
  const zh = lang === 'zh';
  const q = quarterly;
  // 本月 / 本季度, this month / this quarter, and periods a year.
  const now = zh ? (q ? '本季度' : '本月') : q ? 'this quarter' : 'this month';
  const Now = zh ? now : q ? 'This quarter' : 'This month';
  const perYear = q ? 4 : 12;
  return {
    title: zh ? '预警' : 'Early warning',
    nav: zh ? '预警' : 'Early warning',
    intro: zh
      ? `供统计人员使用：每个地区的每项计数指标都有一张控制图，把${now}的计数与该地区自己前三年${q ? '同季度' : '同月'}的水平（已考虑季节性和过度离散）相比。图中指数加权移动平均（EWMA）超过控制界限的指标，即为${now}“失控”的指标，值得核查。`
      : `For statisticians: every count indicator of every region has a control chart that compares ${q ? 'the quarter’s count with the same quarter' : 'the month’s count with the same calendar month'} of the region’s own previous three years (allowing for seasonality and over-dispersion). Indicators whose EWMA is above the limit are out of control ${now} and worth a look.`,
    summary: (n: number, charted: number) =>
      zh ? (n === 0 ? `${now}没有指标失控（共 ${charted} 张控制图）。` : `${now} ${charted} 张控制图中有 ${n} 项失控。`) : n === 0 ? `No indicator is out of control ${now} (${charted} charts).` : `${n} of ${charted} charts ${n === 1 ? 'is' : 'are'} out of control ${now}.`,
    settings: (lambda: number, sigmas: number, runLength: number) =>
      zh
        ? `控制图：单侧 EWMA，λ = ${lambda}，界限 ${sigmas} 倍标准差；受控时平均运行长度 ${runLength} 个${q ? '季度' : '月'}（每张图约 ${Math.round(runLength / perYear)} 年至多误报一次；计数的控制图偏保守，实际更少），已用模拟检验。`
        : `Chart: one-sided EWMA, λ = ${lambda}, limit ${sigmas} standard deviations; in-control average run length ${runLength} ${q ? 'quarters' : 'months'} (at most one false alarm per chart in about ${Math.round(runLength / perYear)} years; fewer for counts, whose charts are conservative), checked by simulation.`,
    line: (observed: string, expected: string, ewma: string, limit: string) =>
      zh ? `${now} ${observed}，预期 ${expected}；EWMA ${ewma}，高于控制界限 ${limit}。` : `${Now} ${observed}, expected ${expected}; EWMA ${ewma}, above the limit ${limit}.`,
    newAlarm: zh ? `${now}新出现` : `new ${now}`,
    readings: (charted: number) =>
      zh ? `全部 ${charted} 张控制图${now}的读数（CSV，UTF-8 带 BOM，可直接用 Excel 打开）` : `Every chart’s reading ${now}, all ${charted} (CSV, UTF-8 with a BOM, opens in Excel)`,
    watchTitle: zh ? '接近控制界限' : 'Nearest their limits',
    watchIntro: (n: number) =>
      zh
        ? `${now}仍受控、但 EWMA 最接近控制界限的 ${n} 张控制图，越近越靠前：下一步值得留意的指标。本节由本站用本期发布的输入数据（inputs.csv）重新计算控制图得出，且已核对与发布的预警完全一致。`
        : `The ${n} charts still in control ${now} whose EWMA is nearest its limit, nearest first: the ones to keep an eye on. This site recomputed every chart from the release’s own inputs (inputs.csv) for this list, and checked that they give exactly the release’s early warning.`,
    watchNone: zh ? `${now}所有受控图的 EWMA 都在 0，没有接近控制界限的指标。` : `Every chart in control has its EWMA at 0 ${now}: none is near its limit.`,
    // Rounded down, so that a chart in control never reads "100% of the limit".
    watchLine: (observed: string, expected: string, ewma: string, limit: string, share: number) =>
      zh
        ? `${now} ${observed}，预期 ${expected}；EWMA ${ewma}，为控制界限 ${limit} 的 ${Math.floor(share * 100)}%。`
        : `${Now} ${observed}, expected ${expected}; EWMA ${ewma}, ${Math.floor(share * 100)}% of the limit ${limit}.`,
    noIntervals: zh ? `${now}的发布没有预警信息（旧的发布格式）。` : `${Now}’s release carries no early warning (an older release format).`,
    // How many periods the history lists: a year's, as its title says.
    recentPeriods: perYear,
    recentTitle: zh ? `近 ${perYear} ${q ? '个季度' : '个月'}` : `The last ${perYear} ${q ? 'quarters' : 'months'}`,
    recentIntro: zh
      ? `各${q ? '季度' : '月'}发布时失控的指标（取自该${q ? '季度' : '月'}的发布）。EWMA 不会自动归零：一个持续的问题会连续数${q ? '季度' : '月'}出现在这里，直到计数回落。`
      : `The indicators out of control when each ${q ? 'quarter' : 'month'} was published (from that ${q ? 'quarter' : 'month'}’s release). An alarm does not reset the EWMA: a lasting problem stays on the list ${q ? 'quarter after quarter' : 'month after month'} until the counts come back.`,
    recentQuiet: (n: number) => (zh ? `近 ${n} ${q ? '个季度' : '个月'}均没有指标失控。` : `No indicator was out of control in the last ${n} ${q ? 'quarters' : 'months'}.`),
    recentPeriod: zh ? (q ? '季度' : '月份') : q ? 'Quarter' : 'Month',
    recentOut: zh ? '失控指标' : 'Out of control',
    recentCharted: zh ? '控制图数' : 'Charts',
    recentNone: zh ? '无' : 'none',
    recentNew: zh ? '新出现' : 'new',
    recentNoWarnings: zh ? '（旧格式，无预警信息）' : '(older format: no early warning)',
    backToMonth: (month: string) => (zh ? `返回${month}` : `Back to ${month}`),
    method: zh ? '方法说明' : 'Methodology',
  };
}
