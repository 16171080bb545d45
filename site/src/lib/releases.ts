/**
 * Reads the published releases at build time: `<releases>/YYYY-MM/rN/{release.json,
 * release.csv, manifest.json}` (+ `YYYY-MM/revisions.json`, `YYYY-MM/withdrawn.json`).
 * The latest revision of each month is the one shown; older revisions are listed.
 *
 * Before anything is read, the whole folder is verified with @pingan/core's
 * `verifyReleases`: every file against its manifest's SHA-256, every manifest
 * against `chain.json`. A folder that differs (a figure edited, a revision
 * deleted) stops the build with every problem listed. Files are read through
 * the release format's one schema in @pingan/core, the one the CLI writes through.
 *
 * The folder is `PINGAN_RELEASES_DIR` when set (tests point it at the fixtures),
 * else the data folder's `releases/` (`PINGAN_DATA_DIR`, default `../data`). A missing or empty folder is an error:
 * the site never falls back to test fixtures.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CHAIN_FILE,
  CellChangeSchema,
  ManifestSchema as CoreManifestSchema,
  ReleaseJsonSchema,
  RevisionsJsonSchema,
  verifyReleases,
  type ReleaseStore,
  type Withdrawal,
} from '@pingan/core/release';
import type { z } from 'zod';
import { dataDir } from './framework.ts';
import { regionUncertainty, releaseUncertainty, type RegionUncertainty, type ReleaseUncertainty } from './uncertainty.ts';

/** release.json, manifest.json and revisions.json as @pingan/core declares them (one schema for writer and reader). */
export const ReleaseSchema = ReleaseJsonSchema;
export const ManifestSchema = CoreManifestSchema;
export const RevisionsSchema = RevisionsJsonSchema;

type RawRelease = z.output<typeof ReleaseSchema>;
export type Manifest = z.output<typeof ManifestSchema>;
export type CellChangeInfo = z.output<typeof CellChangeSchema>;

/* The site's view of a release: the same figures, arranged for the pages. */
export interface BandInfo {
  code: string;
  name: { zh: string; en: string };
}
export interface PublishedChange {
  change: string;
  /** Per indicator; they add up to `change`. */
  contributions: Record<string, string>;
}
export interface RegionRelease {
  code: string;
  name: { zh: string; en: string };
  level: string;
  isCity: boolean;
  index: { value: string | null; band: BandInfo | null; flags: string[]; mom: PublishedChange | null; yoy: PublishedChange | null };
  subIndices: { code: string; value: string | null; band: BandInfo | null; mom: string | null; yoy: string | null; flags: string[] }[];
  indicators: { code: string; value: string | null; rate: string | null; score: string | null; mom: string | null; yoy: string | null; imputed: boolean; flags: string[] }[];
  /** Intervals, verdicts and the rank interval (release format 2; null before). */
  uncertainty: RegionUncertainty | null;
}
export interface Release {
  month: string;
  revision: number;
  date: string;
  framework: { id: string; version: string };
  decimals: number;
  note: string | null;
  subIndices: { code: string; name: { zh: string; en: string } }[];
  indicators: { code: string; parent: string; name: { zh: string; en: string }; unit: { zh: string; en: string } | null }[];
  regions: RegionRelease[];
  /** The intervals' settings and the month's early warnings (release format 2; null before). */
  uncertainty: ReleaseUncertainty | null;
}

function contributionsOf(r: RawRelease['regions'][number], which: 'mom' | 'yoy'): Record<string, string> {
  return Object.fromEntries(r.indicators.flatMap((i) => (i.contribution[which] === null ? [] : [[i.code, i.contribution[which]!]])));
}

function toView(raw: RawRelease): Release {
  const first = raw.regions[0];
  const root = first.aggregates[0];
  const subs = first.aggregates.filter((a) => a.parent === root.code);
  return {
    month: raw.month,
    revision: raw.revision,
    date: raw.date,
    framework: { id: raw.framework.id, version: raw.framework.version },
    decimals: raw.decimals,
    note: raw.note ?? null,
    subIndices: subs.map((a) => ({ code: a.code, name: a.name })),
    indicators: first.indicators.map((i) => ({ code: i.code, parent: i.parent, name: i.name, unit: i.unit })),
    regions: raw.regions.map((r) => {
      const index = r.aggregates[0];
      return {
        code: r.code,
        name: r.name,
        level: r.level,
        isCity: r.parent === null,
        index: {
          value: index.value,
          band: index.band,
          flags: index.flags,
          mom: index.change.mom === null ? null : { change: index.change.mom, contributions: contributionsOf(r, 'mom') },
          yoy: index.change.yoy === null ? null : { change: index.change.yoy, contributions: contributionsOf(r, 'yoy') },
        },
        subIndices: r.aggregates
          .filter((a) => a.parent === index.code)
          .map((a) => ({ code: a.code, value: a.value, band: a.band, mom: a.change.mom, yoy: a.change.yoy, flags: a.flags })),
        indicators: r.indicators.map((i) => ({
          code: i.code,
          value: i.raw,
          rate: i.rate,
          score: i.score,
          mom: i.change.mom,
          yoy: i.change.yoy,
          imputed: i.flags.includes('imputed'),
          flags: i.flags,
        })),
        uncertainty: regionUncertainty(raw, r),
      };
    }),
    uncertainty: releaseUncertainty(raw),
  };
}

export interface Revision {
  revision: number;
  dir: string;
  manifest: Manifest;
  /** The input cells this revision changed from the previous one. */
  changes: CellChangeInfo[];
}
export interface MonthRelease {
  /** YYYY-MM */
  month: string;
  year: string;
  mm: string;
  /** The latest revision, the one published now. */
  release: Release;
  manifest: Manifest;
  dir: string;
  /** Every revision, oldest first (the last is `release`'s). */
  revisions: Revision[];
  /** Set when the latest revision was withdrawn: the data can no longer compute the month. */
  withdrawal: Withdrawal | null;
}

/** The releases folder: PINGAN_RELEASES_DIR, else the data folder's releases/. */
export function releasesDir(): string {
  return resolve(process.env.PINGAN_RELEASES_DIR ?? join(dataDir(), 'releases'));
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`pingan site: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 8).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`pingan site: ${file} does not match the release format:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** The chain's last entry: what a reader keeps to check later that the published history was not cut back (`pingan verify --head`). */
export interface ChainHead {
  readonly hash: string;
  /** How many entries (revisions and withdrawals) the chain holds. */
  readonly entries: number;
  readonly date: string;
  readonly month: string;
  readonly revision: number;
  readonly kind: 'revision' | 'withdrawal';
}

let cache: { dir: string; months: MonthRelease[]; head: ChainHead | null } | undefined;

/** A `ReleaseStore` over a releases folder on disk, for core's `verifyReleases`. */
function storeOf(dir: string): ReleaseStore {
  return {
    list: (path) => {
      try {
        return readdirSync(join(dir, path), { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }));
      } catch {
        return undefined;
      }
    },
    read: (path) => {
      try {
        return new Uint8Array(readFileSync(join(dir, path)));
      } catch {
        return undefined;
      }
    },
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Verifies a releases folder and throws, listing every problem, when any
 * file differs from its manifest or chain, so a tampered release never
 * reaches a page. Returns what was verified.
 */
export function verifiedReleases(dir: string): ReturnType<typeof verifyReleases> {
  const verification = verifyReleases(storeOf(dir));
  const problems = [...verification.problems];
  if (problems.length > 0) {
    throw new Error(
      `pingan site: the releases in ${dir} fail verification, so the site is not built (\`pingan verify\` lists the same):\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
  return verification;
}

/** Every released month, oldest first, each at its latest revision. */
export function loadReleases(): MonthRelease[] {
  const dir = releasesDir();
  if (cache?.dir === dir) return cache.months;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `pingan site: no releases folder at ${dir}.\n` +
        'Publish a month first (`pingan release`, which writes data/releases/YYYY-MM/rN/), ' +
        'or set PINGAN_RELEASES_DIR to a releases folder (the test fixtures are for tests only).',
    );
  }
  const verification = verifiedReleases(dir);
  const months: MonthRelease[] = [];
  for (const verified of verification.months) {
    const { month } = verified;
    const monthDir = join(dir, month);
    const changes = new Map<number, CellChangeInfo[]>();
    for (const r of readJson(join(monthDir, 'revisions.json'), RevisionsSchema).revisions) changes.set(r.revision, r.changes);
    const revisions: Revision[] = verified.revisions.map((r) => ({ revision: r.revision, dir: join(dir, r.dir), manifest: r.manifest, changes: changes.get(r.revision) ?? [] }));
    const latest = revisions[revisions.length - 1];
    const release = toView(readJson(join(latest.dir, 'release.json'), ReleaseSchema));
    if (release.month !== month || release.revision !== latest.revision) {
      throw new Error(`pingan site: ${latest.dir}/release.json says ${release.month} r${release.revision}`);
    }
    const roots = release.regions.filter((r) => r.isCity).map((r) => r.code);
    if (roots.length !== 1) throw new Error(`pingan site: ${latest.dir}/release.json has ${roots.length === 0 ? 'no region' : `${roots.length} regions (${roots.join(', ')})`} without a parent; expected one, the whole place`);
    if (months.length > 0 && !months[0].release.regions.some((r) => r.code === roots[0])) {
      throw new Error(`pingan site: ${latest.dir}/release.json's whole place is ${roots[0]}, which ${months[0].dir}/release.json does not have`);
    }
    // The page's path segment: `10` for a month, `q3` for a quarter (as monthPath writes it).
    months.push({ month, year: month.slice(0, 4), mm: month.slice(5, 7).toLowerCase(), release, manifest: latest.manifest, dir: latest.dir, revisions, withdrawal: verified.withdrawal });
  }
  if (months.length === 0) {
    throw new Error(`pingan site: ${dir} holds no release (expected YYYY-MM/rN/release.json). Publish a month with \`pingan release\` first.`);
  }
  const last = verification.chain.entries.at(-1);
  const head = last ? { hash: last.hash, entries: verification.chain.entries.length, date: last.date, month: last.month, revision: last.revision, kind: last.kind } : null;
  cache = { dir, months, head };
  return months;
}

/**
 * The verified chain's head (null for a folder without a chain), as the
 * downloads page publishes it.
 *
 * @example
 * chainHead()?.hash; // '3f2a…' (64 hexadecimal digits): `pingan verify --head 3f2a…` checks a copy still holds it
 */
export function chainHead(): ChainHead | null {
  loadReleases();
  return cache!.head;
}

/** chain.json's bytes as published (the site serves them unchanged). */
export function chainFile(): Buffer {
  return readFileSync(join(releasesDir(), CHAIN_FILE));
}

/** An older revision's release.json (for its own page). */
export function loadRevision(rev: Revision): Release {
  return toView(readJson(join(rev.dir, 'release.json'), ReleaseSchema));
}

export function latest(): MonthRelease {
  const all = loadReleases();
  return all[all.length - 1];
}

/** The region code of the whole place: the one region without a parent (the same in every release; the loader checks). */
export function cityCode(release: Release = latest().release): string {
  return release.regions.find((r) => r.isCity)!.code;
}

export function region(release: Release, code: string): RegionRelease {
  const r = release.regions.find((x) => x.code === code);
  if (!r) throw new Error(`pingan site: ${release.month} has no region ${code}`);
  return r;
}

export function districts(release: Release): RegionRelease[] {
  return release.regions.filter((r) => !r.isCity);
}

/** Districts from the highest index down (ties by code). */
export function ranking(release: Release): RegionRelease[] {
  const v = (r: RegionRelease) => (r.index.value === null ? Number.NEGATIVE_INFINITY : Number(r.index.value));
  return [...districts(release)].sort((a, b) => v(b) - v(a) || a.code.localeCompare(b.code));
}

export interface TrendPoint {
  month: string;
  index: string | null;
  subs: Record<string, string | null>;
  /** The index's interval, drawn as a band (release format 2). */
  indexInterval?: { lower: string; upper: string } | null;
}

/** The last `n` released months up to `month` for one region (latest revisions). */
export function trend(code: string, month: string, n = 24): TrendPoint[] {
  return loadReleases()
    .filter((m) => m.month <= month)
    .slice(-n)
    .flatMap((m) => {
      const r = m.release.regions.find((x) => x.code === code);
      return r ? [{ month: m.month, index: r.index.value, subs: Object.fromEntries(r.subIndices.map((s) => [s.code, s.value])) }] : [];
    });
}

export interface Mover {
  code: string;
  contribution: string;
}

/** The indicators whose contributions moved the index most (by absolute size). */
export function movers(change: PublishedChange | null, n = 3): Mover[] {
  if (!change) return [];
  return Object.entries(change.contributions)
    .map(([code, contribution]) => ({ code, contribution }))
    .filter((m) => Number(m.contribution) !== 0)
    .sort((a, b) => Math.abs(Number(b.contribution)) - Math.abs(Number(a.contribution)) || a.code.localeCompare(b.code))
    .slice(0, n);
}

/** The raw bytes of a release file, for the downloads. */
export function releaseFile(dir: string, name: 'release.json' | 'release.csv' | 'manifest.json'): Buffer {
  return readFileSync(join(dir, name));
}
