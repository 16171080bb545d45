import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestSchema, UNCERTAINTY_MODEL } from '@pingan/core/release';
import { describe, expect, it } from 'vitest';

/**
 * A revision written for a new uncertainty model (`changed: ["uncertainty"]`,
 * e.g. the committed r3 (model 2), r4 (model 3), r5 (model 4), r6 (model 5) and r7 (model 6) of every month) may change the uncertainty fields
 * only: its release.json equals the revision before with the `uncertainty`
 * and `rank` objects (and its own revision number and date) set aside, its
 * release.csv equals it outside the interval, verdict and rank-interval
 * columns, and it read the same input cells.
 */
const RELEASES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/releases');
const UNCERTAINTY_KEYS = new Set(['uncertainty', 'rank']);
const UNCERTAINTY_COLUMNS = /^(lower|upper|(mom|yoy)_(lower|upper|verdict|verdict_en)|rank_lower|rank_upper)$/;

function withoutUncertainty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUncertainty);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !UNCERTAINTY_KEYS.has(key) && key !== 'revision' && key !== 'date')
      .map(([key, v]) => [key, withoutUncertainty(v)]),
  );
}

/** One CSV line's fields (quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The release.csv rows with the uncertainty columns (by their English names) left out. */
function csvWithoutUncertainty(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  const keep = fields(lines[0])
    .map((header, i) => (UNCERTAINTY_COLUMNS.test(header.split(' ').at(-1)!) ? -1 : i))
    .filter((i) => i >= 0);
  return lines.map((line) => {
    const row = fields(line);
    return keep.map((i) => row[i]);
  });
}

describe('revisions for a new uncertainty model (data/releases)', () => {
  const months = readdirSync(RELEASES).filter((m) => /^\d{4}-\d{2}$/.test(m));
  const revised = months.flatMap((month) =>
    readdirSync(join(RELEASES, month))
      .filter((r) => /^r\d+$/.test(r))
      .map((r) => ({ month, revision: Number(r.slice(1)), manifest: ManifestSchema.parse(JSON.parse(readFileSync(join(RELEASES, month, r, 'manifest.json'), 'utf8'))) }))
      .filter((r) => r.manifest.changed.includes('uncertainty')),
  );

  it('exist for every month and every model since 1 (r3: model 2, r4: model 3, r5: model 4, r6: model 5, r7: model 6), each changing nothing else', () => {
    for (let model = 2; model <= UNCERTAINTY_MODEL; model++) {
      const months_ = revised.filter((r) => r.manifest.uncertaintyModel === model).map((r) => r.month);
      expect(months_, `months revised for uncertainty model ${model}`).toEqual(months);
    }
    expect(revised.length).toBe(months.length * (UNCERTAINTY_MODEL - 1));
    for (const r of revised) expect(r.manifest.changed, `${r.month} r${r.revision}`).toEqual(['uncertainty']);
  });

  it('differ from the revision before only in uncertainty fields', () => {
    for (const { month, revision } of revised) {
      const read = (r: number, file: string) => readFileSync(join(RELEASES, month, `r${r}`, file), 'utf8');
      const before = JSON.parse(read(revision - 1, 'release.json')) as unknown;
      const after = JSON.parse(read(revision, 'release.json')) as unknown;
      expect(withoutUncertainty(after), `${month} r${revision} release.json`).toEqual(withoutUncertainty(before));
      expect(csvWithoutUncertainty(read(revision, 'release.csv')), `${month} r${revision} release.csv`).toEqual(csvWithoutUncertainty(read(revision - 1, 'release.csv')));
      expect(read(revision, 'inputs.csv'), `${month} r${revision} inputs.csv`).toBe(read(revision - 1, 'inputs.csv'));
    }
  });

  it('do change the intervals (the check above can fail)', () => {
    for (let model = 2; model <= UNCERTAINTY_MODEL; model++) {
      const { month, revision } = revised.filter((r) => r.manifest.uncertaintyModel === model).at(-1)!;
      const read = (r: number) => readFileSync(join(RELEASES, month, `r${r}`, 'release.json'), 'utf8');
      expect(read(revision), `${month} r${revision}`).not.toBe(read(revision - 1));
      expect(JSON.stringify(withoutUncertainty(JSON.parse(read(revision))))).toBe(JSON.stringify(withoutUncertainty(JSON.parse(read(revision - 1)))));
    }
  });

  it('model 5 keeps every interval and reads each verdict off the published interval: what it changed is what the methodology says', () => {
    type Change = { lower: string; upper: string; verdict: string } | null;
    type Node = { code: string; uncertainty?: { mom: Change; yoy: Change } | null };
    type Release = { regions: { indicators: Node[]; aggregates: Node[] }[] };
    let changes = 0;
    let reread = 0;
    for (const { month, revision } of revised.filter((r) => r.manifest.uncertaintyModel === 5)) {
      const read = (r: number) => JSON.parse(readFileSync(join(RELEASES, month, `r${r}`, 'release.json'), 'utf8')) as Release;
      const [before, after] = [read(revision - 1), read(revision)];
      before.regions.forEach((region, i) => {
        const nodes = [...region.indicators, ...region.aggregates];
        const next = [...after.regions[i].indicators, ...after.regions[i].aggregates];
        nodes.forEach((node, j) => {
          for (const lag of ['mom', 'yoy'] as const) {
            const [b, a] = [node.uncertainty?.[lag] ?? null, next[j].uncertainty?.[lag] ?? null];
            if (!b || !a) continue;
            changes++;
            expect([a.lower, a.upper], `${month} ${node.code} ${lag}`).toEqual([b.lower, b.upper]);
            // The stated rule, on the published numbers.
            expect(a.verdict).toBe(Number(a.lower) > 0 ? 'up' : Number(a.upper) < 0 ? 'down' : 'unchanged');
            if (a.verdict !== b.verdict) reread++;
          }
        });
      });
    }
    expect([reread, changes]).toEqual([227, 14832]);
    // The methodology states these numbers (section 9, the verdict), in both languages.
    for (const lang of ['zh', 'en']) {
      const text = readFileSync(join(RELEASES, '..', 'methodology', `methodology.${lang}.md`), 'utf8');
      expect(text).toContain('227');
      expect(text).toContain('14,832');
    }
  });

  it('model 6 keeps every interval and verdict and redraws only the ranks and the neighbours\' probabilities, the observed ranks the same', () => {
    type Release = { uncertainty: { ranking: { neighbours: { higher: string; lower: string; probability: string }[] } }; regions: { code: string; rank?: { rank: number; lower: number; upper: number }; indicators: unknown[]; aggregates: unknown[] }[] };
    let ranks = 0;
    let redrawn = 0;
    for (const { month, revision } of revised.filter((r) => r.manifest.uncertaintyModel === 6)) {
      const read = (r: number) => JSON.parse(readFileSync(join(RELEASES, month, `r${r}`, 'release.json'), 'utf8')) as Release;
      const [before, after] = [read(revision - 1), read(revision)];
      before.regions.forEach((region, i) => {
        const next = after.regions[i];
        // Every interval and verdict of every indicator and aggregate: as model 5 published them.
        expect([next.indicators, next.aggregates], `${month} ${region.code}`).toEqual([region.indicators, region.aggregates]);
        if (!region.rank) return;
        ranks++;
        expect(next.rank!.rank, `${month} ${region.code}`).toBe(region.rank.rank);
        expect(next.rank!.lower).toBeLessThanOrEqual(next.rank!.rank);
        expect(next.rank!.upper).toBeGreaterThanOrEqual(next.rank!.rank);
        if (next.rank!.lower !== region.rank.lower || next.rank!.upper !== region.rank.upper) redrawn++;
      });
      const pairs = (r: Release) => r.uncertainty.ranking.neighbours.map((n) => `${n.higher}>${n.lower}`);
      expect(pairs(after), month).toEqual(pairs(before));
    }
    expect(ranks).toBeGreaterThan(0);
    // The check above can fail: some rank intervals did change.
    expect(redrawn).toBeGreaterThan(0);
    // The methodology (section 9, ranks) states the latest month's first neighbours' probability before and after, in both languages.
    const latest = revised.filter((r) => r.manifest.uncertaintyModel === 6).sort((a, b) => a.month.localeCompare(b.month)).at(-1)!;
    const first = (r: number) => (JSON.parse(readFileSync(join(RELEASES, latest.month, `r${r}`, 'release.json'), 'utf8')) as Release).uncertainty.ranking.neighbours[0].probability;
    const percent = (p: string) => `${Math.round(Number(p) * 100)}%`;
    for (const lang of ['zh', 'en']) {
      const text = readFileSync(join(RELEASES, '..', 'methodology', `methodology.${lang}.md`), 'utf8');
      expect(text, lang).toContain(lang === 'en' ? `${percent(first(latest.revision - 1))} likely safer` : `概率为 ${percent(first(latest.revision - 1))}`);
      expect(text, lang).toContain(lang === 'en' ? `and ${percent(first(latest.revision))} likely safer` : `概率 ${percent(first(latest.revision))}`);
    }
  });
});
