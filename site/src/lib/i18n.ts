import { enCount, listEn, siteFacts, zhCount, type SiteFacts } from './publication.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const htmlLang: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** A path in a language: `/2025/10/` → `/en/2025/10/`. `path` starts with `/`. */
export function href(lang: Lang, path: string): string {
  return lang === 'zh' ? path : `/en${path}`;
}
const QUARTER = /^(\d{4})-Q([1-4])$/;
/** Whether a release's period is a quarter (`YYYY-Qn`) rather than a month (`YYYY-MM`). */
export function isQuarter(period: string): boolean {
  return QUARTER.test(period);
}
/** A period's page: `/2025/10/` for a month, `/2025/q3/` for a quarter. */
export function monthPath(month: string): string {
  const q = QUARTER.exec(month);
  if (q) return `/${q[1]}/q${q[2]}/`;
  return `/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
}
export function regionPath(month: string, code: string): string {
  return `${monthPath(month)}${code}/`;
}

/** A year's name: "2025年" / "2025". */
export function yearName(lang: Lang, year: string): string {
  return lang === 'zh' ? `${year}年` : year;
}
/** A period's name: "2025年10月" / "October 2025", or for a quarter "2025年第三季度" / "2025 Q3". */
export function monthName(lang: Lang, month: string): string {
  const q = QUARTER.exec(month);
  if (q) return lang === 'zh' ? `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度` : `${q[1]} Q${q[2]}`;
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (lang === 'zh') return `${y}年${m}月`;
  return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
}
/** A period for an axis tick, never mistakable for a number: "24年10月", "Oct 2024"; "25年Q3", "Q3 2025". */
export function shortMonth(lang: Lang, month: string): string {
  const q = QUARTER.exec(month);
  if (q) return lang === 'zh' ? `${q[1].slice(2)}年Q${q[2]}` : `Q${q[2]} ${q[1]}`;
  return lang === 'zh' ? `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月` : `${monthName('en', month).slice(0, 3)} ${month.slice(0, 4)}`;
}
export function dayName(lang: Lang, day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  return lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : `${Number(d)} ${monthName('en', `${y}-${m}`).split(' ')[0]} ${y}`;
}

/**
 * A note in brackets after what it qualifies, in the page's language: full-width in Chinese, a
 * space and ASCII brackets in English (an indicator's unit after its name, "（起）", " (cases)";
 * a change's verdict after it for screen readers); empty without a note.
 */
export function bracketed(lang: Lang, note: { zh: string; en: string } | null | undefined): string {
  if (!note) return '';
  return lang === 'zh' ? `（${note.zh}）` : ` (${note.en})`;
}

/** A signed change as published: "+1.25", "−0.40" (U+2212), "0.00". */
export function signed(value: string | null | undefined): string {
  if (value == null) return '—';
  if (value.startsWith('-')) return `−${value.slice(1)}`;
  return Number(value) === 0 ? value : `+${value}`;
}
export function direction(value: string | null | undefined): 'up' | 'down' | 'flat' | 'none' {
  if (value == null) return 'none';
  const x = Number(value);
  return x > 0 ? 'up' : x < 0 ? 'down' : 'flat';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
/** "10万" for 100000; digits otherwise. */
function zhScale(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万` : String(n);
}

/**
 * The words of a period, by the index's periods (publication.json
 * `periods`): a month (本月, 上月, 去年同月) or a quarter (本季度, 上季度,
 * 上年同季). Every page text that names the period takes its words from here.
 */
export interface PeriodWords {
  /** 月 / 季度; month / quarter. */
  one: string;
  /** 本月 / 本季度; this month / this quarter. */
  current: string;
  /** 月份 / 季度; Month / Quarter (a column heading). */
  heading: string;
  /** 各月 / 各季度; every month / every quarter. */
  each: string;
  /** n个月 / n个季度; n months / n quarters. */
  count: (n: number) => string;
}
export function periodWords(lang: Lang, periods: SiteFacts['periods']): PeriodWords {
  const q = periods === 'quarterly';
  if (lang === 'zh') return { one: q ? '季度' : '月', current: q ? '本季度' : '本月', heading: q ? '季度' : '月份', each: q ? '各季度' : '各月', count: (n) => (q ? `${n}个季度` : `${n}个月`) };
  return { one: q ? 'quarter' : 'month', current: q ? 'this quarter' : 'this month', heading: q ? 'Quarter' : 'Month', each: q ? 'every quarter' : 'every month', count: (n) => `${n} ${q ? 'quarter' : 'month'}${n === 1 ? '' : 's'}` };
}

/** What the rate and survey columns hold, from the framework: each window and denominator, and the survey indicators by name. */
function rateNote(lang: Lang, f: SiteFacts): string {
  const surveyNames = f.surveys.indicators.map((c) => f.indicatorNames[c]?.[lang] ?? c);
  if (lang === 'zh') {
    const rates = f.rates.map((r) => `近${periodWords('zh', f.periods).count(r.window)}每${zhScale(r.scale)}${r.denominator.zh}的发生数`);
    const parts = [rates.length > 0 ? `发生率为${rates.join('或')}` : '', surveyNames.length > 0 ? `${surveyNames.join('、')}为最近一次调查的结果` : ''];
    return `${parts.filter(Boolean).join('；')}。`;
  }
  const rates = f.rates.map((r) => `per ${r.scale.toLocaleString('en-US')} of ${r.denominator.en.charAt(0).toLowerCase()}${r.denominator.en.slice(1)} over the last ${periodWords('en', f.periods).count(r.window)}`);
  const parts = [rates.length > 0 ? `Rates are counts ${rates.join(' or ')}` : '', surveyNames.length > 0 ? `${listEn(surveyNames)} ${surveyNames.length === 1 ? 'is' : 'are'} the latest survey’s result` : ''];
  return `${parts.filter(Boolean).join('; ')}.`;
}

const zh = (f: SiteFacts, w: PeriodWords = periodWords('zh', f.periods), q = f.periods === 'quarterly') => ({
  site: '平安指数',
  siteLong: f.name.zh,
  tagline: `每${q ? '季度' : '月'}公布的${f.place.zh}及各${f.areas.zh}平安状况`,
  skip: '跳到正文',
  nav: { home: w.current, archive: '历史发布', methodology: '编制方法', downloads: '数据下载', workbench: '统计工作台' },
  langSwitch: 'English',
  langSwitchLabel: 'Read this page in English',
  synthetic: !f.synthetic ? '' : `注意：本站数据为合成示例数据（SYNTHETIC），用于演示编制方法，不是${f.place.zh}的真实统计数字。`,
  index: '平安指数',
  band: '等级',
  mom: '环比',
  yoy: '同比',
  momLong: q ? '较上季度（环比）' : '比上月（环比）',
  yoyLong: q ? '较上年同季（同比）' : '比去年同月（同比）',
  noPrior: '无可比数据',
  subIndices: `${zhCount(f.groups.length)}个一级指标`,
  movers: `${w.current}变化的主要原因`,
  moversIntro: (n: number) => `以下${zhCount(n)}项指标对指数环比变化的贡献最大（各项贡献之和等于总变化；正的贡献使指数上升、更平安，例如案件减少）：`,
  moversNone: q ? '本季度没有可比的上季度数据。' : '本月没有可比的上月数据。',
  moversSteady: `${w.current}指数的环比变化在随机波动范围内（基本持平）。`,
  moversKey: '灰色、不带箭头的贡献在随机波动范围内；带箭头的，其指标的变化超出了随机波动。',
  map: `各${f.areas.zh}平安指数地图`,
  mapDesc: `各${f.areas.zh}按平安指数等级着色，每个等级的颜色固定不变，颜色越深越平安；每个区域可点击进入该地区页面。`,
  mapCredit: f.map?.credit.zh ?? '',
  ranking: `${f.areas.zh}排名`,
  rankingExcerpt: `${f.areas.zh}排名（节选）`,
  rankingAll: (n: number) => `全部${n}个${f.areas.zh}的排名`,
  rankingOmitted: (n: number) => `此处略去${n}个${f.areas.zh}`,
  rank: '名次',
  aheadOfNext: '高于下一名的概率',
  region: '地区',
  trend: (months: number) => `近${w.count(months)}走势`,
  trendDesc: (region: string, from: string, to: string) => `${from}至${to}${region}平安指数及${zhCount(f.groups.length)}个一级指标的折线图，最右端为最新${w.heading}；${w.each}数值见数据表。`,
  trendHint: `点按图中任一${w.heading}（或用左右方向键）可查看当${q ? '季' : '月'}数值。`,
  trendTable: (months: number) => `${w.each}数值表（${w.count(months)}）`,
  dataLink: '下载数据（全部历史，CSV）',
  dataLinkMonth: `下载${w.current}数据（CSV）`,
  mapLegend: '颜色按等级固定，颜色越深越平安：',
  rateNote: rateNote('zh', f),
  noSurvey: `（${w.current}无调查，沿用上期）`,
  late: (month: string, day: string) => `发布延迟：${month}的数据原定于${day}发布，目前尚未发布。本页仍是最新一期。`,
  // The latest month's name is the link, between these two.
  notLatestBefore: '这不是最新一期。最新一期为',
  notLatestAfter: '。',
  rankLine: (rank: number, of: number) => `在${of}个${f.areas.zh}中排第${rank}名`,
  gapToCity: `与${f.whole.zh}相差`,
  monthNav: q ? '上一季度与下一季度' : '上一月与下一月',
  firstMonth: '已是最早一期',
  newestMonth: '已是最新一期',
  fullHistory: `全部历史数据（各地区、各指标、${w.each}）`,
  syntheticShort: f.synthetic ? '合成示例数据。' : '',
  publisher: '发布者',
  contact: '联系方式',
  publisherContact: '发布者与联系方式',
  indexFacts: '本指数的构成',
  contents: '目录',
  month: w.heading,
  nextRelease: '下次发布日期',
  published: '发布日期',
  revision: '修订版本',
  revisionReason: '本次修订更正的原始数据',
  revisionMethod: '计算方法',
  revisionMethodMore: '详见编制方法',
  viewRevision: (n: number) => `查看第${n}版`,
  revisionNumber: (n: number) => `第${n}版`,
  earlierOpen: '（早期版本：',
  earlierClose: '）',
  thisIsRevision: (n: number, latest: number) => `这是第${n}版，已被第${latest}版取代。`,
  seeLatest: '查看最新版本',
  indicators: `${f.indicatorCount}个${f.indicatorsAreSecondLevel ? '二级' : ''}指标`,
  fullFigures: (month: string) => `${month}完整数据（含${f.indicatorCount}个${f.indicatorsAreSecondLevel ? '二级' : ''}指标）`,
  indicator: '指标',
  value: `${w.current}数值`,
  rate: '发生率或调查值',
  score: '得分',
  scoreNote: '得分越高越平安：案件等数量减少时得分上升（▲），增加时下降（▼）；箭头说的是得分，不是案件数。',
  scoreChange: '得分环比',
  scoreChangeYoy: '得分同比',
  districtOf: f.areas.zh,
  districts: `各${f.areas.zh}`,
  city: f.whole.zh,
  archive: '历史发布',
  archiveIntro: `每${q ? '季度' : '月'}发布的平安指数，每个${w.heading}的地址固定不变；修订过的${w.heading}列出各版本。`,
  archiveYears: '按年份跳转',
  methodology: '编制方法',
  downloads: '数据下载',
  framework: '指标体系文件',
  rss: 'RSS 订阅',
  provenance: '来源校验值',
  frameworkVersion: '指标体系版本',
  notFound: '找不到这个页面',
  notFoundText: '您要找的页面不存在，可能地址有误。',
  backHome: `返回${w.current}平安指数`,
  higherSafer: '0–100分，分数越高越平安。',
  bandWord: '等级',
  points: '分',
  main: '主要内容',
  footerNav: '页脚',
  districtPage: (name: string) => `${name}平安指数`,
  monthTitle: (m: string) => `${m}平安指数`,
  contribution: '贡献',
  allDistricts: `各${f.areas.zh}`,
  releaseFiles: `${w.current}数据文件`,
});
export type Dict = ReturnType<typeof zh>;
const en = (f: SiteFacts, w: PeriodWords = periodWords('en', f.periods), q = f.periods === 'quarterly'): Dict => ({
  site: 'Ping’an Index',
  siteLong: f.name.en,
  tagline: `How safe ${f.place.en} and its ${f.areas.enPlural} were, published every ${w.one}`,
  skip: 'Skip to content',
  nav: { home: q ? 'This quarter' : 'This month', archive: 'Archive', methodology: 'Methodology', downloads: 'Downloads', workbench: 'Workbench' },
  langSwitch: '简体中文',
  langSwitchLabel: '阅读本页中文版',
  synthetic: !f.synthetic ? '' : `Note: the data on this site are SYNTHETIC sample data, made to show the method; they are not real statistics of ${f.place.en}.`,
  index: 'Safety index',
  band: 'Band',
  mom: q ? 'Quarter on quarter' : 'Month on month',
  yoy: 'Year on year',
  momLong: q ? 'Change vs previous quarter' : 'Change from last month',
  yoyLong: q ? 'Change vs same quarter last year' : 'Change from the same month last year',
  noPrior: 'no comparable data',
  subIndices: `The ${enCount(f.groups.length)} first-level indicators`,
  movers: `What moved the index ${w.current}`,
  moversIntro: (n: number) => `The ${enCount(n)} largest contributions to the change from ${q ? 'the previous quarter' : 'last month'} (all contributions add up to the change; a positive one raises the index, i.e. safer, as fewer cases do):`,
  moversNone: `There is no comparable data for ${q ? 'the previous quarter' : 'last month'}.`,
  moversSteady: `The index’s change from ${q ? 'the previous quarter' : 'last month'} is within chance (broadly unchanged). `,
  moversKey: 'A grey contribution without an arrow is within chance; one with an arrow is an indicator that changed beyond chance.',
  map: `Map of the safety index by ${f.areas.en}`,
  mapDesc: `The ${f.areas.enPlural} shaded by their band, one fixed colour per band, darker for safer; each links to its page.`,
  mapCredit: f.map?.credit.en ?? '',
  ranking: `Ranking of ${f.areas.enPlural}`,
  rankingExcerpt: `Ranking of ${f.areas.enPlural} (excerpt)`,
  rankingAll: (n: number) => `All ${n} ${f.areas.enPlural}, ranked`,
  rankingOmitted: (n: number) => `${n} ${n === 1 ? f.areas.en : f.areas.enPlural} not shown here`,
  rank: 'Rank',
  aheadOfNext: 'Chance above the next',
  region: 'Area',
  trend: (months: number) => `The last ${w.count(months)}`,
  trendDesc: (region: string, from: string, to: string) => `Line chart of ${region}’s safety index and its ${enCount(f.groups.length)} first-level indicators from ${from} to ${to}, the newest ${w.one} at the right; the values are in the table.`,
  trendHint: `Tap any ${w.one} in the chart (or use the left and right arrow keys) to read its values.`,
  trendTable: (months: number) => `The values as a table (${w.count(months)})`,
  dataLink: 'Download the data (full history, CSV)',
  dataLinkMonth: `Download ${w.current}’s data (CSV)`,
  mapLegend: 'One fixed colour per band; darker is safer:',
  rateNote: rateNote('en', f),
  noSurvey: `(no survey ${w.current}; the last one carried forward)`,
  late: (month: string, day: string) => `Release delayed: the figures for ${month} were due on ${day} and are not out yet. This page is still the latest release.`,
  notLatestBefore: 'This is not the latest release. The latest is ',
  notLatestAfter: '.',
  rankLine: (rank: number, of: number) => `Ranked ${rank} of ${of} ${f.areas.enPlural}`,
  gapToCity: `Gap to ${f.whole.en}:`,
  monthNav: `Previous and next ${w.one}`,
  firstMonth: 'This is the first release',
  newestMonth: 'This is the newest release',
  fullHistory: `Full history (every area, indicator and ${w.one})`,
  syntheticShort: f.synthetic ? 'Synthetic sample data.' : '',
  publisher: 'Publisher',
  contact: 'Contact',
  publisherContact: 'Publisher and contact',
  indexFacts: 'How this index is made',
  contents: 'Contents',
  month: w.heading,
  nextRelease: 'Next release',
  published: 'Published',
  revision: 'Revision',
  revisionReason: 'Input data corrected in this revision',
  revisionMethod: 'How they are computed',
  revisionMethodMore: 'See the methodology',
  viewRevision: (n: number) => `View revision ${n}`,
  revisionNumber: (n: number) => `${n}`,
  earlierOpen: ' (earlier: ',
  earlierClose: ')',
  thisIsRevision: (n: number, latest: number) => `This is revision ${n}, replaced by revision ${latest}.`,
  seeLatest: 'See the latest revision',
  indicators: `The ${f.indicatorCount} ${f.indicatorsAreSecondLevel ? 'second-level ' : ''}indicators`,
  fullFigures: (month: string) => `Full figures for ${month} (with all ${f.indicatorCount} indicators)`,
  indicator: 'Indicator',
  value: q ? 'This quarter' : 'This month',
  rate: 'Rate or survey share',
  score: 'Score',
  scoreNote: 'A higher score is safer: when cases and other counts fall the score rises (▲), when they rise it falls (▼); the arrows are the score’s, not the counts’.',
  scoreChange: q ? 'Score, quarter on quarter' : 'Score, month on month',
  scoreChangeYoy: 'Score, year on year',
  districtOf: capitalise(f.areas.en),
  districts: capitalise(f.areas.enPlural),
  city: capitalise(f.whole.en),
  archive: 'Archive',
  archiveIntro: `Every ${w.one}’s release at a permanent address; revised ${w.one}s list each revision.`,
  archiveYears: 'Jump to a year',
  methodology: 'Methodology',
  downloads: 'Downloads',
  framework: 'Framework file',
  rss: 'RSS feed',
  provenance: 'Provenance hash',
  frameworkVersion: 'Framework version',
  notFound: 'Page not found',
  notFoundText: 'There is no page at this address; it may be mistyped.',
  backHome: `Back to ${w.current}’s index`,
  higherSafer: '0–100, higher is safer.',
  bandWord: 'Band',
  points: 'points',
  main: 'Main content',
  footerNav: 'Footer',
  districtPage: (name: string) => `Safety index: ${name}`,
  monthTitle: (m: string) => `Safety index, ${m}`,
  contribution: 'Contribution',
  allDistricts: capitalise(f.areas.enPlural),
  releaseFiles: q ? 'This quarter’s data files' : 'This month’s data files',
});

let cache: { facts: SiteFacts; dict: Record<Lang, Dict> } | undefined;
/** The words of a language, with this index's names, counts and windows filled in (see publication.ts). */
export function t(lang: Lang): Dict {
  const facts = siteFacts();
  if (cache?.facts !== facts) cache = { facts, dict: { zh: zh(facts), en: en(facts) } };
  return cache.dict[lang];
}
