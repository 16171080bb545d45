/**
 * The statistician's workbench data, assembled at build time from the published
 * releases: the framework named by the latest manifest (`framework.file`, under
 * the data folder) and the union of every month's latest `inputs.csv` (each
 * covers the 24 months up to its release; a later release's cell replaces an
 * earlier one's). These are published release files, not the raw input CSVs.
 *
 * `values` is `null` when the releases carry no `inputs.csv` (older formats,
 * the test fixtures): the page then shows the published figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkFromJson, frameworkHash, frameworkToJson, type FrameworkDocument } from '@pingan/core';
import type { ChangeFigure, PublishedChance } from '../workbench/model/chance.ts';
import { observationsOf } from '../workbench/model/analysis.ts';
import { chanceErrors, type ChanceErrors } from './chanceErrors.ts';
import { dataDir, frameworkFileName, frameworkText } from './framework.ts';
import { readInputsCsv } from './inputsCsv.ts';
import { siteFacts } from './publication.ts';
import { cityCode, latest, loadReleases, type MonthRelease, type RegionRelease } from './releases.ts';
import type { PlaceWords } from '../workbench/placeWords.ts';

export interface WorkbenchRegion {
  code: string;
  name: { zh: string; en: string };
  isCity: boolean;
}

/** Every released month's published index per region (its latest revision), as published. */
export interface ReleasedMonth {
  month: string;
  index: Record<string, string | null>;
  /** The whole place's index with its 90% interval and its changes' (release format 2; null before): what the headline scales to the current weights. */
  chance: PublishedChance | null;
}

/**
 * What the workbench's page is given at build time (its island's props): the
 * framework, validated here and sent with its defaults filled in, so that the
 * browser needs no schema (no zod); the regions; the published figures.
 */
export interface WorkbenchShell {
  /** The latest released month, YYYY-MM. */
  month: string;
  revision: number;
  /** Where the framework was read from (relative to the data folder). */
  frameworkFile: string;
  /** The validated framework document, defaults filled in (frameworkToJson). */
  framework: FrameworkDocument;
  /** Its SHA-256 (core's frameworkHash), which a tuned export names as its base. */
  frameworkSha256: string;
  regions: WorkbenchRegion[];
  released: ReleasedMonth[];
  /** Where the observations are fetched from, or null when the releases carry none. */
  dataUrl: string | null;
  /** The words for this index's areas and whole place, by language (the text dictionaries' `{areas}` and `{whole}`). */
  place: { zh: PlaceWords; en: PlaceWords };
}

/** The observations, fetched by the page from `WorkbenchShell.dataUrl`. */
export interface WorkbenchValues {
  units: string[];
  periods: string[];
  /** Input codes: the framework's indicators and denominators. */
  codes: string[];
  /** Dense values, period-major then unit then code; null where there is no observation. */
  values: (number | null)[];
  /** Which release files were read. */
  sources: string[];
  /** The whole place's indicators' standard errors by released month (null where the framework is not linear): `tunedChance` scales the published intervals with them. */
  chance: ChanceErrors | null;
}

export interface WorkbenchData {
  shell: WorkbenchShell;
  values: WorkbenchValues | null;
}

/** The framework document named by the latest manifest (`framework.file`), else the site's framework file. */
export function latestFrameworkText(): { file: string; text: string } {
  return frameworkTextOf(latest().manifest);
}

/** The framework document a release's manifest names (`framework.file`, under the data folder), else the site's framework file. */
export function frameworkTextOf(manifest: MonthRelease['manifest']): { file: string; text: string } {
  const named = manifest as { framework: { file?: unknown } };
  const file = typeof named.framework.file === 'string' ? named.framework.file : null;
  if (file) {
    const path = join(dataDir(), file);
    if (!existsSync(path)) throw new Error(`pingan site: the manifest of ${manifest.month} r${manifest.revision} names ${file}, which is not at ${path}`);
    return { file, text: readFileSync(path, 'utf8') };
  }
  return { file: `framework/${frameworkFileName()}`, text: frameworkText() };
}

/** The whole place's published index, interval and changes in a release (null for a format-1 release, which has no intervals). */
function publishedChance(m: MonthRelease, city: string): PublishedChance | null {
  const level = m.release.uncertainty?.level;
  const region: RegionRelease | undefined = m.release.regions.find((r) => r.code === city);
  const u = region?.uncertainty?.index;
  if (level === undefined || !region || !u) return null;
  const change = (value: string | undefined, interval: { lower: string; upper: string; verdict: ChangeFigure['verdict'] } | null): ChangeFigure | null =>
    value === undefined || interval === null ? null : { value, lower: interval.lower, upper: interval.upper, verdict: interval.verdict };
  return {
    level,
    index: region.index.value !== null && u.interval ? { value: region.index.value, ...u.interval } : null,
    mom: change(region.index.mom?.change, u.mom),
    yoy: change(region.index.yoy?.change, u.yoy),
  };
}

function placeWords(): WorkbenchShell['place'] {
  const f = siteFacts();
  const quarterly = f.periods === 'quarterly' ? { quarterly: true } : {};
  return { zh: { areas: f.areas.zh, whole: f.whole.zh, ...quarterly }, en: { areas: f.areas.enPlural, whole: f.whole.en, ...quarterly } };
}

let cache: { key: string; data: WorkbenchData } | undefined;

export function workbenchData(): WorkbenchData {
  const months = loadReleases();
  const key = months.map((m) => m.dir).join('|');
  if (cache?.key === key) return cache.data;
  const cells = new Map<string, number>();
  const sources: string[] = [];
  for (const m of months) {
    const file = join(m.dir, 'inputs.csv');
    if (!existsSync(file)) continue;
    sources.push(`${m.month}/r${m.manifest.revision}/inputs.csv`);
    for (const c of readInputsCsv(file)) if (c.value !== null) cells.set(`${c.region}|${c.month}|${c.indicator}`, c.value);
  }
  const { file, text } = latestFrameworkText();
  const fw = frameworkFromJson(JSON.parse(text) as unknown);
  const release = latest().release;
  const regionCodes = [cityCode(), ...release.regions.filter((r) => !r.isCity).map((r) => r.code)];
  const shell: WorkbenchShell = {
    month: release.month,
    revision: release.revision,
    frameworkFile: file,
    framework: frameworkToJson(fw),
    frameworkSha256: frameworkHash(fw),
    regions: regionCodes.map((u) => {
      const r = release.regions.find((x) => x.code === u);
      return { code: u, name: r?.name ?? { zh: u, en: u }, isCity: u === cityCode() };
    }),
    released: months.map((m) => ({
      month: m.month,
      index: Object.fromEntries(regionCodes.map((u) => [u, m.release.regions.find((r) => r.code === u)?.index.value ?? null])),
      chance: publishedChance(m, cityCode()),
    })),
    dataUrl: cells.size === 0 ? null : '/workbench/data.json',
    place: placeWords(),
  };
  if (cells.size === 0) {
    cache = { key, data: { shell, values: null } };
    return cache.data;
  }
  const codes = [...fw.indicators, ...fw.denominators.map((d) => d.code)];
  const unitSet = new Set<string>();
  const periodSet = new Set<string>();
  for (const k of cells.keys()) {
    const [u, p, c] = k.split('|');
    if (!codes.includes(c)) throw new Error(`pingan site: inputs.csv has an indicator "${c}" that the framework ${file} does not know`);
    unitSet.add(u);
    periodSet.add(p);
  }
  const periods = [...periodSet].sort();
  const units = regionCodes.filter((u) => unitSet.has(u));
  const values: (number | null)[] = [];
  for (const p of periods) for (const u of units) for (const c of codes) values.push(cells.get(`${u}|${p}|${c}`) ?? null);
  const observed: WorkbenchValues = { units, periods, codes, values, sources, chance: null };
  const released = shell.released.filter((r) => r.chance !== null).map((r) => r.month);
  const chance = released.length ? chanceErrors(fw, observationsOf(observed), cityCode(), released) : null;
  cache = { key, data: { shell: { ...shell, regions: shell.regions.filter((r) => unitSet.has(r.code)) }, values: { ...observed, chance } } };
  return cache.data;
}
