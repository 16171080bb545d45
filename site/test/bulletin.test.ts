/** The public bulletin's build-time modules: standing, history downloads, flags, methodology, share previews. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notesFor, notesUsed } from '../src/lib/flags.ts';
import { historyCsv, historyJson } from '../src/lib/history.ts';
import { formulaToMathML, methodologyText, WORKED_EXAMPLE_MARK } from '../src/lib/methodology.ts';
import { previewSvg, segmentNumber } from '../src/lib/preview.ts';
import { cityCode, districts, loadReleases, region, type Release } from '../src/lib/releases.ts';
import { siteFacts } from '../src/lib/publication.ts';
import { difference, neighbours, standing } from '../src/lib/standing.ts';
import { bandFills, compactPath, mapShapes, placeLabels, readingOrder, MAP_HEIGHT, MAP_WIDTH } from '../src/lib/charts.ts';
import { labelWidth } from '../src/lib/labelWidth.ts';

// The data folder beside the site (astro.config.ts sets the same default for builds; vitest may run from the root).
process.env.PINGAN_DATA_DIR ??= join(import.meta.dirname, '..', '..', 'data');

const fixtures = join(import.meta.dirname, 'fixtures', 'releases');
const saved = process.env.PINGAN_RELEASES_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.PINGAN_RELEASES_DIR;
  else process.env.PINGAN_RELEASES_DIR = saved;
});

describe('standing', () => {
  it('subtracts published decimals exactly', () => {
    expect(difference('85.93', '86.00', 2)).toBe('-0.07');
    expect(difference('0.10', '0.05', 2)).toBe('0.05');
    expect(difference('90.00', '90.00', 2)).toBe('0.00');
    expect(difference('100.00', '0.01', 2)).toBe('99.99');
    expect(difference('0.1', '0.3', 1)).toBe('-0.2');
  });

  it('ranks tied districts alike and measures the gap to the city', () => {
    const base = (code: string, value: string, parent: string | null) => ({
      code, name: { zh: code, en: code }, level: 'district', isCity: parent === null,
      index: { value, band: null, flags: [], mom: null, yoy: null }, subIndices: [], indicators: [], uncertainty: null,
    });
    const release = {
      month: '2025-10', revision: 1, date: '2025-11-15', framework: { id: 'f', version: '1' }, decimals: 2, note: null, subIndices: [], indicators: [], uncertainty: null,
      regions: [base('P', '85.00', null), base('A', '86.50', 'P'), base('B', '86.50', 'P'), base('C', '84.25', 'P')],
    } as Release;
    expect(standing(release, 'A')).toEqual({ rank: 1, of: 3, gap: '1.50' });
    expect(standing(release, 'B')).toEqual({ rank: 1, of: 3, gap: '1.50' });
    expect(standing(release, 'C')).toEqual({ rank: 3, of: 3, gap: '-0.75' });
    expect(standing(release, 'P')).toBeNull();
  });

  it('finds the months before and after, and the latest', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const all = loadReleases();
    const n = neighbours(all[1].month);
    expect(n.previous?.month).toBe(all[0].month);
    expect(n.next?.month).toBe(all[2].month);
    expect(n.latest.month).toBe(all.at(-1)!.month);
    expect(neighbours(all[0].month).previous).toBeNull();
    expect(neighbours(all.at(-1)!.month).next).toBeNull();
    expect(() => neighbours('1999-01')).toThrow(/no release for 1999-01/);
  });
});

describe('full-history downloads', () => {
  it('puts every month’s release.csv rows, unchanged, behind month and revision', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const months = loadReleases();
    const csv = historyCsv(months, false);
    expect(csv.startsWith('\uFEFF月份 month,修订 revision,')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    let rows = 0;
    for (const m of months) {
      const own = readFileSync(join(m.dir, 'release.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).slice(1);
      for (const row of own) expect(lines).toContain(`${m.month},${m.manifest.revision},${row}`);
      rows += own.length;
    }
    expect(lines.length - 1).toBe(rows);
  });

  it('says SYNTHETIC on every row of synthetic data, in a first column, and nowhere else', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const months = loadReleases();
    const plain = historyCsv(months, false).slice(1).split('\r\n').filter(Boolean);
    const marked = historyCsv(months, true).slice(1).split('\r\n').filter(Boolean);
    expect(marked.length).toBe(plain.length);
    expect(marked[0]).toBe(`数据 data,${plain[0]}`);
    marked.slice(1).forEach((line, k) => expect(line).toBe(`合成数据 SYNTHETIC,${plain[k + 1]}`));
    expect(plain.some((line) => /SYNTHETIC|合成/.test(line))).toBe(false);
  });

  it('refuses months whose release.csv headers differ, naming the file', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const months = loadReleases().slice(0, 2);
    const dir = mkdtempSync(join(tmpdir(), 'pingan-history-'));
    cpSync(months[1].dir, dir, { recursive: true });
    const file = join(dir, 'release.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('地区代码 region', '地区 code'));
    expect(() => historyCsv([months[0], { ...months[1], dir }])).toThrow(new RegExp(`${dir.replace(/[\\/]/g, '.')}.release\\.csv has the header`));
  });

  it('gives the same figures as series by region and code', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const months = loadReleases();
    const history = historyJson(months);
    const last = months.at(-1)!;
    const city = region(last.release, cityCode());
    const root = history.codes.find((c) => c.parent === null)!;
    const series = history.series.find((s) => s.region === cityCode() && s.code === root.code)!;
    expect(series.points).toHaveLength(months.length);
    expect(series.points.at(-1)).toMatchObject({ month: last.month, value: city.index.value, flags: city.index.flags });
    const indicator = history.series.find((s) => s.type === 'indicator' && s.region === districts(last.release)[0].code)!;
    expect(indicator.points.at(-1)).toHaveProperty('rate');
    expect(history.series).toHaveLength(last.release.regions.length * (history.codes.length));
    expect(history.months.map((m) => m.month)).toEqual(months.map((m) => m.month));
  });
});

describe('flags', () => {
  it('keeps the legend order and never drops a flag it has no words for', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    expect(notesFor(['imputed', 'provisional']).map((n) => n.flag)).toEqual(['provisional', 'imputed']);
    expect(notesFor(['mystery']).map((n) => n.label.en)).toEqual(['mystery']);
    expect(notesUsed([['imputed'], [], ['estimated', 'imputed']]).map((n) => n.flag)).toEqual(['estimated', 'imputed']);
  });
});

describe('methodology page text', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`renders every formula of methodology.${lang}.md as MathML, with no inline style`, () => {
      const md = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'methodology', `methodology.${lang}.md`), 'utf8');
      const doc = methodologyText(lang);
      const html = doc.before + doc.after;
      expect((html.match(/<math\b/g) ?? []).length).toBe((md.match(/\$\$[\s\S]+?\$\$/g) ?? []).length);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toContain('$$');
      expect(doc.hasWorkedExample).toBe(md.includes('```json worked-example'));
      expect(html).not.toContain(WORKED_EXAMPLE_MARK);
      expect(doc.title).toBe(/^# (.+)$/m.exec(md)![1]);
    });
  }

  it('names the file and the formula when a formula cannot render', () => {
    expect(() => formulaToMathML('\\frac{1}{', true, 'data/methodology/x.md')).toThrow(/data\/methodology\/x\.md: the formula "\\\\frac\{1\}\{" does not render/);
    expect(formulaToMathML('x^2', false, 'here')).toMatch(/^<math[^>]*><semantics>|^<math/);
  });
});

/** The configured map of the data folder's index (its publication configuration names the GeoJSON). */
function configuredShapes() {
  process.env.PINGAN_RELEASES_DIR = fixtures;
  const map = siteFacts().map;
  if (!map) throw new Error('the data folder\'s publication configuration names no map');
  return mapShapes(map.geojson, map.file, map.regionKey);
}

describe('map and share preview', () => {
  it('fills by band, darkest for the safest, the same whatever the month’s values', () => {
    const fills = bandFills([{ code: 'poor', min: -1e6 }, { code: 'excellent', min: 90 }, { code: 'good', min: 80 }, { code: 'stable', min: 70 }]);
    const lum = (hex: string) => { const n = /rgb\((\d+), (\d+), (\d+)\)/.exec(hex) ?? [0, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]; return Number(n[1]) + Number(n[2]) + Number(n[3]); };
    const order = ['excellent', 'good', 'stable', 'poor'].map((c) => lum(fills.get(c)!));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('orders the areas for the keyboard as they read: by rows from the top, left to right within a row', () => {
    const at = (code: string, x: number, y: number) => ({ code, x, y });
    // Two on the top row (the right one a little higher), one below them, two at the bottom.
    const shapes = [at('5', 500, 560), at('2', 450, 90), at('3', 300, 300), at('1', 120, 120), at('4', 100, 590)];
    expect(readingOrder(shapes).map((s) => s.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(shapes.map((s) => s.code)).toEqual(['5', '2', '3', '1', '4']);
    // The configured map: every area once, each row's areas no further down than the next row's first.
    const configured = readingOrder(configuredShapes());
    expect(configured.map((s) => s.code).sort()).toEqual(configuredShapes().map((s) => s.code).sort());
    for (let i = 1; i < configured.length; i++) if (configured[i].x < configured[i - 1].x) expect(configured[i].y).toBeGreaterThan(configured[i - 1].y);
  });

  it('keeps long labels inside the map and apart', () => {
    const shapes = configuredShapes();
    const lines = (s: { code: string }) => [{ text: `A long district name ${s.code}`, fontSize: 21 }, { text: '100.00 Excellent', fontSize: 19 }];
    const placed = placeLabels(shapes.map((s) => ({ shape: s, lines: lines(s) })));
    const boxes = placed.map((p, i) => ({ l: p.x - labelWidth(lines(shapes[i])[0].text, 21) / 2, r: p.x + labelWidth(lines(shapes[i])[0].text, 21) / 2, t: p.y - 21, b: p.y + 19 * 1.2 }));
    for (const b of boxes) {
      expect(b.l).toBeGreaterThanOrEqual(0);
      expect(b.r).toBeLessThanOrEqual(MAP_WIDTH);
      expect(b.t).toBeGreaterThanOrEqual(0);
      expect(b.b).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b, `${shapes[i].code} and ${shapes[j].code} overlap`).toBe(false);
    }
  });

  it('draws the preview from its inputs alone (the same SVG every time)', () => {
    const input = { value: '85.93', bandColour: '#2E7D32', bands: [{ colour: '#1B5E20', current: false }, { colour: '#2E7D32', current: true }], series: ['84.10', null, '85.93'] };
    expect(previewSvg(input)).toBe(previewSvg(input));
    expect(previewSvg(input)).not.toMatch(/<text/);
    const one = segmentNumber('8', 0, 0, 1);
    expect((one.d.match(/M/g) ?? []).length).toBe(7);
    expect(segmentNumber('85.93', 0, 0, 1).width).toBeGreaterThan(one.width * 4);
  });
});

describe('compact map paths', () => {
  it('rounds to whole units, drops near points and keeps each ring closed', () => {
    expect(compactPath('M0.4,0.4L0.9,0.2L10.2,0.1L10.4,10.6L0,10Z')).toBe('M0,0L10,0L10,11L0,10Z');
    expect(compactPath('M0,0L0.5,0.5L1,1Z')).toBe('');
    const shape = configuredShapes()[0];
    expect(shape.d).toMatch(/^M\d+,\d+(L\d+,\d+)+Z/);
  });
});
