import { VERDICT_NAMES } from '@pingan/core';
import {
  formatInputsCsv,
  RELEASE_FORMAT,
  ReleaseJsonSchema,
  writeThrough,
  type InputCell,
  type PublishedUncertainty,
  type PublishedMonth,
  type PublishedRegion,
} from '@pingan/core/release';
import { writeCsv } from './csv.ts';

/** The bilingual header of release.csv. */
export const RELEASE_CSV_HEADER = [
  '地区代码 region',
  '地区 region_zh',
  'Region region_en',
  '地区层级 region_level',
  '代码 code',
  '类型 type',
  '层级 level',
  '上级 parent',
  '名称 name_zh',
  'Name name_en',
  '原始值 raw',
  '比率 rate',
  '指数或得分 value',
  '等级 band',
  'Band band_en',
  '环比 change_mom',
  '同比 change_yoy',
  '环比贡献 contribution_mom',
  '同比贡献 contribution_yoy',
  '标记 flags',
  '下限 lower',
  '上限 upper',
  '环比下限 mom_lower',
  '环比上限 mom_upper',
  '环比判断 mom_verdict',
  'MoM verdict mom_verdict_en',
  '同比下限 yoy_lower',
  '同比上限 yoy_upper',
  '同比判断 yoy_verdict',
  'YoY verdict yoy_verdict_en',
  '排名 rank',
  '排名下限 rank_lower',
  '排名上限 rank_upper',
] as const;

/** The uncertainty columns of a row (format 2): the interval, the changes' intervals and verdicts, and for the index the region's rank interval. */
function uncertaintyColumns(u: PublishedUncertainty | undefined, rank: PublishedRegion['rank'] | null): (string | null)[] {
  const change = (c: PublishedUncertainty['mom'] | undefined) =>
    c ? [c.lower, c.upper, VERDICT_NAMES[c.verdict].zh, VERDICT_NAMES[c.verdict].en] : [null, null, null, null];
  return [
    u?.interval?.lower ?? null,
    u?.interval?.upper ?? null,
    ...change(u?.mom),
    ...change(u?.yoy),
    rank ? String(rank.rank) : null,
    rank ? String(rank.lower) : null,
    rank ? String(rank.upper) : null,
  ];
}

/**
 * release.json: the published month with its revision and date, in the
 * current release format, checked against the release format's schema;
 * `notes` (the data-quality warnings it was published with) only when there
 * are any.
 */
export function releaseJson(published: PublishedMonth, revision: number, date: string, notes: readonly string[] = []): string {
  const { month, framework, decimals, note, uncertainty, warnings, regions } = published;
  return writeThrough(ReleaseJsonSchema, 'release.json', {
    format: RELEASE_FORMAT,
    month,
    revision,
    date,
    framework,
    decimals,
    ...(note !== undefined ? { note } : {}),
    ...(notes.length ? { notes: [...notes] } : {}),
    ...(uncertainty !== undefined ? { uncertainty } : {}),
    ...(warnings !== undefined ? { warnings } : {}),
    regions,
  });
}

/**
 * release.csv: one row per region and node (the index, the sub-indices,
 * then the indicators), UTF-8 with a byte order mark and CRLF line breaks so
 * that Excel opens it correctly.
 */
export function releaseCsv(published: PublishedMonth): string {
  const rows: (string | null)[][] = [[...RELEASE_CSV_HEADER]];
  for (const region of published.regions) {
    const lead = [region.code, region.name.zh, region.name.en, region.level];
    for (const a of region.aggregates) {
      rows.push([
        ...lead,
        a.code,
        a.parent === null ? 'index' : 'aggregate',
        String(a.level),
        a.parent,
        a.name.zh,
        a.name.en,
        null,
        null,
        a.value,
        a.band?.name.zh ?? null,
        a.band?.name.en ?? null,
        a.change.mom,
        a.change.yoy,
        null,
        null,
        a.flags.join(';'),
        ...uncertaintyColumns(a.uncertainty, a.parent === null ? (region.rank ?? null) : null),
      ]);
    }
    for (const i of region.indicators) {
      rows.push([
        ...lead,
        i.code,
        'indicator',
        '1',
        i.parent,
        i.name.zh,
        i.name.en,
        i.raw,
        i.rate,
        i.score,
        null,
        null,
        i.change.mom,
        i.change.yoy,
        i.contribution.mom,
        i.contribution.yoy,
        i.flags.join(';'),
        ...uncertaintyColumns(i.uncertainty, null),
      ]);
    }
  }
  return writeCsv(rows, { newline: '\r\n', bom: true });
}

/** inputs.csv: every input cell the release read (UTF-8, LF), to recompute it and to list what a revision changed. */
export function inputsCsv(cells: readonly InputCell[]): string {
  return formatInputsCsv(cells);
}
