/**
 * Everything the site says about *this* index that is not a figure of a
 * release: its name, the place, what its areas are called, whether the data
 * are synthetic, the map (or none), the surveys, and the counts and windows
 * of its framework. Nothing here is written for one city: each fact comes
 * from the publication configuration, the framework or the releases, so the
 * same site builds for any index (see site/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { checkPublication, publicationFromJson, type Framework, type FrameworkNode, type Publication } from '@pingan/core';
import { dataDir, framework } from './framework.ts';
import { latest } from './releases.ts';

export interface Text {
  zh: string;
  en: string;
}

/** The map: the GeoJSON's text (features with `id` = region code) and whose boundaries they are. */
export interface MapSource {
  geojson: string;
  file: string;
  credit: Text;
  /** Where a feature's region code is: "id" or one of its properties. */
  regionKey: string;
}

/** The publication configuration's path: PINGAN_PUBLICATION, else publication.json in the data folder. */
export function publicationFile(): string {
  return resolve(process.env.PINGAN_PUBLICATION ?? join(dataDir(), 'publication.json'));
}

let configCache: { file: string; config: Publication } | undefined;
/**
 * The index's publication configuration, validated by @pingan/core's schema
 * (the one the CLI reads) and checked against the framework: a missing or
 * invalid file stops the build with every problem at its path.
 */
export function publication(): Publication {
  const file = publicationFile();
  if (configCache?.file === file) return configCache.config;
  if (!existsSync(file)) throw new Error(`pingan site: no publication configuration at ${file} (see data/README.md)`);
  let config: Publication;
  try {
    config = publicationFromJson(JSON.parse(readFileSync(file, 'utf8')));
    checkPublication(config, framework());
  } catch (error) {
    throw new Error(`pingan site: ${file}: ${(error as Error).message}`, { cause: error });
  }
  configCache = { file, config };
  return config;
}

/** Chinese numerals for the small counts a page names ("三个一级指标"); digits beyond ten. */
export function zhCount(n: number): string {
  const digits = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
  return n >= 0 && n <= 10 && Number.isInteger(n) ? digits[n] : String(n);
}

/** English words for small counts ("three"); digits beyond ten. */
export function enCount(n: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return n >= 0 && n <= 10 && Number.isInteger(n) ? words[n] : String(n);
}

export interface SurveyFacts {
  /** The indicators filled by a survey (carried forward between surveys). */
  indicators: string[];
  /** Months of the year the surveys are held (1–12), from the configuration; empty when it names none. */
  months: number[];
  /** The longest a survey is carried forward, in periods (the framework's `imputation.maxAge`). */
  carried: number;
}

export interface RateFacts {
  /** The trailing window, in periods. */
  window: number;
  /** Per how many of which denominator. */
  scale: number;
  denominator: Text;
}

export interface SiteFacts {
  /** The index's name ("某市平安指数"). */
  name: Text;
  /** The place as a whole ("某市"). */
  place: Text;
  /** The whole place in a phrase: "全市" for a city, "全县" for a county (the last character of its name); "<place> as a whole". */
  whole: Text;
  /** The region code of the whole place. */
  total: string;
  /** What the areas under it are called ("县市区" / "district"). */
  areas: { zh: string; en: string; enPlural: string };
  synthetic: boolean;
  /** The first-level groups of the framework, in its order. */
  groups: { code: string; name: Text }[];
  indicatorCount: number;
  /** Whether every indicator sits right under a first-level group (so they are the "second-level" indicators). */
  indicatorsAreSecondLevel: boolean;
  indicatorNames: Record<string, Text>;
  /** Every indicator scored as a rate, grouped by window and denominator (usually one). */
  rates: RateFacts[];
  surveys: SurveyFacts;
  map: MapSource | null;
  /** The publisher's IANA time zone (release dates are its calendar days). */
  timeZone: string;
  /** The configuration's own labels of the input flags it uses (estimated, provisional), by flag. */
  flagLabels: Record<string, Text>;
  /** The periods of the releases (publication.json `periods`): every page's words (本月/本季度, month/quarter) follow them. */
  periods: 'monthly' | 'quarterly';
}

function nodeName(node: FrameworkNode): Text {
  return node.name as Text;
}

/** The framework's facts: groups, counts, rate windows and survey carry-forward. */
export function frameworkFacts(fw: Framework): Pick<SiteFacts, 'groups' | 'indicatorCount' | 'indicatorsAreSecondLevel' | 'indicatorNames' | 'rates'> & { surveyIndicators: string[]; carried: number } {
  const groups = fw.nodes.filter((n) => n.parent === fw.root).map((n) => ({ code: n.code, name: nodeName(n) }));
  const rates = new Map<string, RateFacts>();
  const surveyIndicators: string[] = [];
  let carried = 0;
  for (const code of fw.indicators) {
    const node = fw.byCode.get(code) as FrameworkNode & {
      window?: { periods: number };
      denominator?: { code: string; scale?: number };
      imputation?: { method: string; maxAge?: number };
    };
    if (node.denominator) {
      const den = fw.denominators.find((d) => d.code === node.denominator!.code);
      const window = node.window?.periods ?? 1;
      const scale = node.denominator.scale ?? 1;
      const key = `${window}|${scale}|${node.denominator.code}`;
      if (!rates.has(key)) rates.set(key, { window, scale, denominator: (den?.name as Text | undefined) ?? { zh: node.denominator.code, en: node.denominator.code } });
    }
    if (node.imputation?.method === 'locf') {
      surveyIndicators.push(code);
      carried = Math.max(carried, node.imputation.maxAge ?? 0);
    }
  }
  const groupCodes = new Set(groups.map((g) => g.code));
  const indicatorsAreSecondLevel = fw.indicators.every((c) => groupCodes.has(fw.byCode.get(c)!.parent ?? ''));
  const indicatorNames = Object.fromEntries(fw.indicators.map((c) => [c, nodeName(fw.byCode.get(c)!)]));
  return { groups, indicatorCount: fw.indicators.length, indicatorsAreSecondLevel, indicatorNames, rates: [...rates.values()], surveyIndicators, carried };
}

/** The map named by the configuration (its file relative to the data folder), or null for none. */
function readMap(cfg: Publication): MapSource | null {
  if (!cfg.map) return null;
  const file = isAbsolute(cfg.map.file) ? cfg.map.file : resolve(dataDir(), cfg.map.file);
  if (!existsSync(file)) throw new Error(`pingan site: ${publicationFile()}: map.file names ${cfg.map.file}, which is not at ${file}`);
  return { geojson: readFileSync(file, 'utf8'), file, credit: cfg.map.credit, regionKey: cfg.map.regionKey };
}

/*
 * What the areas under the whole place are called, from their levels in the
 * releases (regions.csv's level column): the usual Chinese word for each
 * administrative level, combined in the usual order ("县市区" for districts,
 * counties and county-level cities; "乡镇" for townships). A level not listed
 * here gives the neutral "地区" / "areas".
 */
const LEVEL_WORDS: Record<string, { zh: string; en: string; enPlural: string }> = {
  county: { zh: '县', en: 'county', enPlural: 'counties' },
  'county-level city': { zh: '市', en: 'county-level city', enPlural: 'county-level cities' },
  district: { zh: '区', en: 'district', enPlural: 'districts' },
  prefecture: { zh: '市', en: 'prefecture', enPlural: 'prefectures' },
  city: { zh: '市', en: 'city', enPlural: 'cities' },
  township: { zh: '乡镇', en: 'township', enPlural: 'townships' },
  town: { zh: '镇', en: 'town', enPlural: 'towns' },
  subdistrict: { zh: '街道', en: 'subdistrict', enPlural: 'subdistricts' },
};
const ZH_ORDER = ['县', '市', '区', '乡镇', '镇', '街道'];
const COUNTY_LEVEL = new Set(['county', 'county-level city', 'district']);
const TOWNSHIP_LEVEL = new Set(['town', 'township']);

/** "A, B and C". */
export function listEn(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The word for a set of area levels (see LEVEL_WORDS). */
export function areaWords(levels: readonly string[]): SiteFacts['areas'] {
  const distinct = [...new Set(levels)];
  const words = distinct.map((l) => LEVEL_WORDS[l]);
  if (distinct.length === 0 || words.some((w) => w === undefined)) return { zh: '地区', en: 'area', enPlural: 'areas' };
  if (words.length === 1) return words[0];
  const chars = new Set(words.map((w) => w.zh));
  // Towns (镇) with townships (乡镇) are 乡镇.
  if (chars.has('乡镇')) chars.delete('镇');
  const zh = [...chars].sort((a, b) => ZH_ORDER.indexOf(a) - ZH_ORDER.indexOf(b)).join('');
  // Counties, county-level cities and districts together are, in English, "counties and districts"; towns and townships, "towns and townships".
  if (distinct.every((l) => COUNTY_LEVEL.has(l))) return { zh, en: 'county or district', enPlural: 'counties and districts' };
  if (distinct.every((l) => TOWNSHIP_LEVEL.has(l))) return { zh, en: 'town or township', enPlural: 'towns and townships' };
  return { zh, en: 'area', enPlural: 'areas' };
}

/** "全市" for 某市, "全县" for 某县（虚构）: 全 and the last character of the name without its remarks in brackets; "<place> as a whole". */
export function wholePlace(place: Text): Text {
  const bare = place.zh.replace(/[（(][^）)]*[）)]/g, '').trim();
  return { zh: `全${bare.slice(-1)}`, en: `${place.en} as a whole` };
}

let factsCache: { key: string; facts: SiteFacts } | undefined;

/** This index's facts, from the configuration, the framework and the latest release. */
export function siteFacts(): SiteFacts {
  const key = `${publicationFile()}|${dataDir()}|${latest().dir}`;
  if (factsCache?.key === key) return factsCache.facts;
  const cfg = publication();
  const fw = framework();
  const release = latest();
  // The releases' periods must be the configuration's: a quarterly configuration over monthly releases (or the reverse) would mislabel every page.
  const quarterlyRelease = /-Q[1-4]$/.test(release.release.month);
  if (quarterlyRelease !== (cfg.periods === 'quarterly')) {
    throw new Error(`pingan site: ${publicationFile()}: periods is "${cfg.periods}", but ${release.dir}/release.json is for ${release.release.month}`);
  }
  const roots = release.release.regions.filter((r) => r.isCity);
  if (roots.length !== 1) throw new Error(`pingan site: ${release.dir}/release.json has ${roots.length} regions without a parent; expected the one whole place`);
  const total = roots[0].code;
  if (cfg.place.region !== total) throw new Error(`pingan site: ${publicationFile()}: place.region is ${cfg.place.region}, but ${release.dir}/release.json's region without a parent is ${total}`);
  const placeName = cfg.place.name;
  const derived = frameworkFacts(fw);
  // Survey indicators: those the configuration schedules, and those the framework carries forward.
  const surveyIndicators = fw.indicators.filter((c) => cfg.indicators[c]?.survey !== undefined || derived.surveyIndicators.includes(c));
  const surveyMonths = [...new Set(surveyIndicators.flatMap((c) => cfg.indicators[c]?.survey?.months ?? []))].sort((a, b) => a - b);
  const facts: SiteFacts = {
    name: cfg.name,
    place: placeName,
    whole: wholePlace(placeName),
    total,
    areas: areaWords(release.release.regions.filter((r) => !r.isCity).map((r) => r.level)),
    synthetic: cfg.synthetic,
    groups: derived.groups,
    indicatorCount: derived.indicatorCount,
    indicatorsAreSecondLevel: derived.indicatorsAreSecondLevel,
    indicatorNames: derived.indicatorNames,
    rates: derived.rates,
    surveys: { indicators: surveyIndicators, months: surveyMonths, carried: derived.carried },
    map: readMap(cfg),
    timeZone: cfg.timeZone,
    flagLabels: Object.fromEntries(cfg.flags.map((f) => [f.flag, f.label])),
    periods: cfg.periods,
  };
  factsCache = { key, facts };
  return facts;
}

/** The UTC offset of a time zone on a calendar day, as "+08:00" (from the platform's time-zone data). */
export function utcOffset(timeZone: string, day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}
