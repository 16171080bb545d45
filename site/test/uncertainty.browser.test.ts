/**
 * Browser tests of the uncertainty on the built site (issue 9): the verdict
 * and interval beside the headline changes, the rank intervals and the
 * trend band on home, month and district pages in both languages, at a
 * 360 px phone width and on a desktop, each equal to the release JSON (read
 * straight from the files, and put into words here independently of the
 * site's code); and the early-warning page with a control chart per
 * out-of-control indicator, the in-control charts nearest their limits, and
 * what each of the last 12 months found.
 * Built against the test fixtures (or PINGAN_RELEASES_DIR), with
 * JavaScript off: everything is in the HTML.
 * Skipped, with a notice, without chromium.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, servedSite } from './server.ts';
import { watchList } from '../src/lib/watchList.ts';
import { latestRevisionDir } from './releaseFiles.ts';

/** The watch list the build computed, computed again here from the same releases (the library's numbers are tested in watchList.test.ts). */
function watchListOf(dir: string): NonNullable<ReturnType<typeof watchList>> {
  const saved = { PINGAN_RELEASES_DIR: process.env.PINGAN_RELEASES_DIR, PINGAN_DATA_DIR: process.env.PINGAN_DATA_DIR };
  process.env.PINGAN_RELEASES_DIR = dir;
  // The build's data folder: the site's default, whatever folder the tests run from.
  process.env.PINGAN_DATA_DIR ??= join(import.meta.dirname, '..', '..', 'data');
  try {
    return watchList()!;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const site = join(import.meta.dirname, '..');
const releasesDir = process.env.PINGAN_RELEASES_DIR ?? join(site, 'test', 'fixtures', 'releases');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** uncertainty browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

interface Change { lower: string; upper: string; verdict: 'up' | 'down' | 'unchanged' }
interface RawRelease {
  format?: number;
  uncertainty: { level: number };
  warnings: { charted: number; outOfControl: { region: string; indicator: string; observed: string; expected: string; ewma: string; limit: string; history: unknown[] }[] };
  regions: {
    code: string;
    parent: string | null;
    rank?: { rank: number; lower: number; upper: number };
    aggregates: { code: string; parent: string | null; uncertainty: { interval: { lower: string; upper: string } | null; mom: Change | null; yoy: Change | null } }[];
    indicators: { code: string; uncertainty?: { interval: { lower: string; upper: string } | null; mom: Change | null } | null }[];
  }[];
}

/** The released months, oldest first, straight from the folder names. */
function releasedMonths(): string[] {
  return readdirSync(releasesDir).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort();
}

/** A month's latest revision, straight from its files (an older format may lack the uncertainty). */
function latestRevision(month: string): Partial<RawRelease> {
  return JSON.parse(readFileSync(join(latestRevisionDir(releasesDir, month), 'release.json'), 'utf8')) as Partial<RawRelease>;
}

/** The latest month's latest revision, straight from the files. */
function latestRaw(): { month: string; json: RawRelease } {
  const month = releasedMonths().at(-1)!;
  return { month, json: latestRevision(month) as RawRelease };
}

/** What the page must say, written out here from the release JSON (U+2212 for minus, + for a positive bound). */
const sign = (v: string) => (v.startsWith('-') ? `\u2212${v.slice(1)}` : Number(v) === 0 ? v : `+${v}`);
const words = { zh: { up: '上升', down: '下降', unchanged: '基本持平' }, en: { up: 'up', down: 'down', unchanged: 'broadly unchanged' } } as const;
/** A value's own interval, as the page must say it: "90% 区间 80.56 至 84.75" (no signs: a level, not a change). */
function expectedInterval(lang: 'zh' | 'en', interval: { lower: string; upper: string }, level: number): string {
  const pct = `${Math.round(level * 100)}%`;
  return lang === 'zh' ? `${pct} 区间 ${interval.lower} 至 ${interval.upper}` : `${pct} interval ${interval.lower} to ${interval.upper}`;
}
function expectedVerdict(lang: 'zh' | 'en', c: Change, level: number): string {
  const pct = `${Math.round(level * 100)}%`;
  return lang === 'zh'
    ? `${words.zh[c.verdict]}，${pct} 区间 ${sign(c.lower)} 至 ${sign(c.upper)}`
    : `${words.en[c.verdict]}, ${pct} interval ${sign(c.lower)} to ${sign(c.upper)}`;
}

describe.skipIf(!haveChromium)('uncertainty on the built site', () => {
  const { month, json } = latestRaw();
  const monthPath = `/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
  const level = json.uncertainty.level;
  const city = json.regions.find((r) => r.parent === null)!;
  const districts = json.regions.filter((r) => r.parent !== null);

  const served = servedSite('pingan-site-u-', { PINGAN_RELEASES_DIR: releasesDir }, () => {
    expect(json.format, 'the fixtures must be in release format 2').toBe(2);
  });

  async function open(path: string, width: number, bypassCSP = false): Promise<Page> {
    const context = await served.browser.newContext({ javaScriptEnabled: bypassCSP, bypassCSP, viewport: { width, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(served.url + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  const pages = (lang: 'zh' | 'en') => {
    const p = lang === 'zh' ? '' : '/en';
    return [
      { path: `${p}/`, region: city },
      { path: `${p}${monthPath}`, region: city },
      ...districts.map((d) => ({ path: `${p}${monthPath}${d.code}/`, region: d })),
    ];
  };

  for (const width of [360, 1280]) {
    it(`shows the verdict and interval of every headline change, equal to the release JSON, in both languages at ${width}px`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        for (const { path, region } of pages(lang)) {
          const page = await open(path, width);
          const index = region.aggregates[0].uncertainty;
          for (const key of ['mom', 'yoy'] as const) {
            const change = index[key];
            const shown = page.locator(`[data-testid=verdict-${key}]`);
            if (!change) {
              expect(await shown.count(), `${path} ${key}`).toBe(0);
              continue;
            }
            expect((await shown.textContent())?.trim(), `${path} ${key}`).toBe(expectedVerdict(lang, change, level));
            expect(await shown.getAttribute('data-verdict')).toBe(change.verdict);
            expect(await shown.isVisible(), `${path} ${key} visible`).toBe(true);
          }
          // A share preview's text says it too: "环比 -0.11 (基本持平)".
          if (index.mom) {
            const description = (await page.locator('meta[name=description]').getAttribute('content')) ?? '';
            expect(description, path).toContain(` (${words[lang][index.mom.verdict]})`);
          }
          // Nothing runs off a phone's screen.
          await expectNoSidewaysScroll(page, path);
          await page.context().close();
        }
      }
    }, 240_000);
  }

  // 768: a tablet, where the table is a table again and the interval takes two short lines.
  for (const width of [360, 768, 1280]) {
    it(`shows the interval of the index, of every first-level indicator and of every indicator's score under its value, equal to the release JSON, in both languages at ${width}px`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        for (const { path, region } of pages(lang)) {
          const page = await open(path, width);
          const index = region.aggregates[0].uncertainty.interval;
          expect(index, `${path}: the fixtures give the index an interval`).not.toBeNull();
          const shown = page.locator('[data-testid=interval-index]');
          expect((await shown.textContent())?.trim(), `${path} index`).toBe(expectedInterval(lang, index!, level));
          expect(await shown.isVisible(), `${path} index visible`).toBe(true);
          // The first-level cards, in the release's order, each under its own value.
          const cards = page.locator('ul.cards > li.card');
          const codes = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
          expect(codes, `${path}: a card per first-level indicator`).toEqual(region.aggregates.filter((a) => a.parent === region.aggregates[0].code).map((a) => a.code));
          for (const a of region.aggregates.filter((x) => x.parent === region.aggregates[0].code)) {
            const card = cards.and(page.locator(`[data-code="${a.code}"]`));
            const text = (await card.locator('[data-testid=interval-subindex]').textContent())?.trim();
            expect(text, `${path} ${a.code}`).toBe(expectedInterval(lang, a.uncertainty.interval!, level));
            // Under the value, not beside it.
            const [value, interval] = await Promise.all([card.locator('.value').boundingBox(), card.locator('[data-testid=interval-subindex]').boundingBox()]);
            expect(interval!.y, `${path} ${a.code} under its value`).toBeGreaterThanOrEqual(value!.y + value!.height - 1);
          }
          // Every indicator's row (month and district pages; home links to the month's table): its score's interval, or none where the release gives none.
          const rows = page.locator('[data-testid=indicator-table] tr[data-code]');
          const rowCount = await rows.count();
          expect(rowCount, `${path}: a row per indicator`).toBe(path === `${lang === 'zh' ? '' : '/en'}/` ? 0 : region.indicators.length);
          for (const i of rowCount ? region.indicators : []) {
            const cell = rows.and(page.locator(`[data-code="${i.code}"]`)).locator('[data-testid=interval-indicator]');
            const interval = i.uncertainty?.interval;
            if (!interval) expect(await cell.count(), `${path} ${i.code}: no interval`).toBe(0);
            else expect((await cell.textContent())?.trim(), `${path} ${i.code}`).toBe(expectedInterval(lang, interval, level));
          }
          // The range under its words on a tablet's table (the names keep their width), beside them on a phone's card and a desktop.
          const first = rows.first().locator('[data-testid=interval-indicator]');
          if (rowCount && (await first.count())) {
            const [words, range] = await Promise.all([first.boundingBox(), first.locator('.level-interval-range').boundingBox()]);
            // An inline box is its text's height, a line a little more: one line is less than 1.6 ranges tall.
            if (width === 768) expect(range!.y, `${path}: the range on a line of its own`).toBeGreaterThan(words!.y + 0.8 * range!.height);
            else expect(words!.height, `${path}: the range beside its words, on one line`).toBeLessThan(1.6 * range!.height);
          }
          expect(region.indicators.some((i) => i.uncertainty?.interval), `${path}: the fixtures give the indicators intervals`).toBe(true);
          await expectNoSidewaysScroll(page, path);
          await page.context().close();
        }
      }
    }, 240_000);
  }

  it('gives each of the main movers its indicator’s verdict with a key, which first says when the index’s own change is within chance, in both languages', async () => {
    // Besides the latest month's pages, the first page whose index changed beyond chance (up or down), so both cases are seen.
    const moved = releasedMonths().flatMap((m) => {
      const raw = latestRevision(m);
      const region = raw.regions?.find((r) => r.aggregates[0].uncertainty?.mom && r.aggregates[0].uncertainty.mom.verdict !== 'unchanged');
      return region ? [{ path: `/${m.slice(0, 4)}/${m.slice(5, 7)}/${region.parent === null ? '' : `${region.code}/`}`, region }] : [];
    })[0];
    expect(moved, 'a month whose index changed beyond chance').toBeDefined();
    for (const lang of ['zh', 'en'] as const) {
      for (const { path, region } of [...pages(lang), { path: `${lang === 'zh' ? '' : '/en'}${moved!.path}`, region: moved!.region }]) {
        const page = await open(path, 360);
        const movers = page.locator('ol.movers li');
        for (let i = 0; i < (await movers.count()); i++) {
          const code = await movers.nth(i).getAttribute('data-indicator');
          const verdict = region.indicators.find((x) => x.code === code)?.uncertainty?.mom?.verdict;
          expect(verdict, `${path} ${code}`).toBeDefined();
          const shown = movers.nth(i).locator('.chg');
          expect(await shown.getAttribute('data-verdict'), `${path} ${code}`).toBe(verdict);
          if (verdict === 'unchanged') expect(/[▲▼]/.test((await shown.textContent()) ?? ''), `${path} ${code}`).toBe(false);
          // Read out as "−0.20 分（下降）": the unit stays with its number, the verdict's word after both.
          expect((await movers.nth(i).textContent())?.trim(), `${path} ${code}`).toMatch(lang === 'zh' ? /\d 分（[^）]+）$/ : /\d points \([^)]+\)$/);
        }
        const chance = page.locator('[data-testid=movers-chance]');
        const steady = region.aggregates[0].uncertainty.mom?.verdict === 'unchanged';
        const key = lang === 'zh' ? '灰色、不带箭头的贡献在随机波动范围内；带箭头的，其指标的变化超出了随机波动。' : 'A grey contribution without an arrow is within chance; one with an arrow is an indicator that changed beyond chance.';
        const first = lang === 'zh' ? '本月指数的环比变化在随机波动范围内（基本持平）。' : 'The index’s change from last month is within chance (broadly unchanged). ';
        if ((await movers.count()) > 0) expect((await chance.textContent())?.trim(), path).toBe(`${steady ? first : ''}${key}`);
        else expect(await chance.count(), path).toBe(0);
        await page.context().close();
      }
    }
  }, 240_000);

  it('shows each district\'s rank interval as the release gives it, on its page and in the ranking, at 360px and on a desktop', async () => {
    for (const width of [360, 1280]) {
      for (const d of districts) {
        const zh = await open(`${monthPath}${d.code}/`, width);
        const rank = d.rank!;
        const span = rank.lower === rank.upper ? `${rank.lower}` : `${rank.lower}–${rank.upper}`;
        expect((await zh.textContent('[data-testid=rank-range]'))?.trim()).toBe(`（${Math.round(level * 100)}% 区间：第${span}名）`);
        expect(await zh.locator('[data-testid=ranking] .rank-range').count()).toBe(districts.length);
        await zh.context().close();
        const en = await open(`/en${monthPath}${d.code}/`, width);
        expect((await en.textContent('[data-testid=rank-range]'))?.trim()).toBe(`(${Math.round(level * 100)}% interval: ${rank.lower === rank.upper ? 'rank' : 'ranks'} ${span})`);
        await en.context().close();
      }
    }
  }, 240_000);

  it('gives the band\'s numbers in the trend chart\'s table and its read-out: each month\'s index interval, from that month\'s own release, in both languages', async () => {
    // Each month's latest revision, straight from the files: the table's rows run newest first.
    const months = releasedMonths();
    const intervalOf = (m: string, code: string) => latestRevision(m).regions?.find((r) => r.code === code)?.aggregates[0].uncertainty?.interval ?? null;
    for (const lang of ['zh', 'en'] as const) {
      for (const { path, region } of [pages(lang)[1], pages(lang)[2]]) {
        const page = await open(path, 360);
        const table = page.locator('[data-testid=trend-table]');
        const pct = `${Math.round(level * 100)}%`;
        expect((await table.locator('thead th').nth(2).textContent())?.trim(), path).toBe(lang === 'zh' ? `指数 ${pct} 区间` : `Index, ${pct} interval`);
        const shown = (await table.locator('[data-testid=trend-interval]').allTextContents()).map((x) => x.trim());
        const expected = months.slice(-shown.length).reverse().map((m) => {
          const iv = intervalOf(m, region.code);
          return iv ? (lang === 'zh' ? `${iv.lower} 至 ${iv.upper}` : `${iv.lower} to ${iv.upper}`) : '—';
        });
        expect(shown.length, `${path}: a row per month`).toBe(await table.locator('tbody tr').count());
        expect(shown, path).toEqual(expected);
        expect(shown.filter((x) => x !== '—').length, `${path}: the fixtures give months intervals`).toBeGreaterThan(0);
        // The read-out under the chart (the newest month without JavaScript) gives its interval beside the index.
        const newest = intervalOf(months.at(-1)!, region.code)!;
        const note = lang === 'zh' ? `（${pct} 区间 ${newest.lower} 至 ${newest.upper}），` : ` (${pct} interval ${newest.lower} to ${newest.upper}), `;
        expect(await page.locator('[data-testid=trend-readout]').textContent(), path).toContain(note);
        await page.context().close();
      }
    }
  });

  it('draws the index\'s interval as a band behind the trend lines, without JavaScript', async () => {
    for (const path of ['/', `/en${monthPath}${districts[0].code}/`]) {
      const page = await open(path, 1280);
      const band = page.locator('[data-testid=trend-band]');
      expect(await band.count()).toBe(2); // the narrow and the wide drawing
      expect(await band.first().getAttribute('d')).toMatch(/^M[\d.,]+L/);
      await page.context().close();
    }
  });

  it('lists this month\'s out-of-control indicators by region with their control charts, in both languages', async () => {
    const list = json.warnings.outOfControl;
    for (const [path, lang] of [['/warnings/', 'zh'], ['/en/warnings/', 'en']] as const) {
      for (const width of [360, 1280]) {
        const page = await open(path, width);
        const summary = (await page.textContent('[data-testid=warnings-summary]'))?.trim();
        if (lang === 'zh') expect(summary).toBe(list.length === 0 ? `本月没有指标失控（共 ${json.warnings.charted} 张控制图）。` : `本月 ${json.warnings.charted} 张控制图中有 ${list.length} 项失控。`);
        else expect(summary).toBe(list.length === 0 ? `No indicator is out of control this month (${json.warnings.charted} charts).` : `${list.length} of ${json.warnings.charted} charts ${list.length === 1 ? 'is' : 'are'} out of control this month.`);
        const shown = page.locator('[data-testid=warning]');
        expect(await shown.count()).toBe(list.length);
        for (let i = 0; i < list.length; i++) {
          const w = list[i];
          const item = shown.nth(i);
          expect([await item.getAttribute('data-region'), await item.getAttribute('data-indicator')]).toEqual([w.region, w.indicator]);
          const text = (await item.textContent()) ?? '';
          for (const figure of [w.observed, w.expected, w.ewma, w.limit]) expect(text).toContain(figure);
          // One point per charted month, and the limit drawn.
          expect(await item.locator('[data-testid=control-chart] svg circle').count()).toBe(w.history.length);
          expect(await item.locator('[data-testid=control-chart] svg .cc-limit').count()).toBe(1);
          expect(await item.locator('[data-testid=control-chart] svg').isVisible()).toBe(true);
          // Its axis labels read at about body text's size on a phone and on a desktop, not scaled to 20 px.
          const labelPx = await item.locator('[data-testid=control-chart] svg').evaluate((svg) => {
            const shown = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return shown * Number(svg.querySelector('.cc-axis')!.getAttribute('font-size'));
          });
          expect(labelPx, `${path} at ${width}px`).toBeGreaterThanOrEqual(10);
          expect(labelPx, `${path} at ${width}px`).toBeLessThanOrEqual(15);
          // The y-axis is titled, above the plot: clear of the highest tick label.
          const [axisTitle, titleBottom, topTick] = await item.locator('[data-testid=control-chart] svg').evaluate((svg) => {
            const title = svg.querySelector('.cc-axis-title')!;
            const ticks = [...svg.querySelectorAll('.cc-axis > g > text')].map((t) => t.getBoundingClientRect().top);
            return [title.textContent, title.getBoundingClientRect().bottom, Math.min(...ticks)];
          });
          expect(axisTitle).toBe('EWMA');
          expect(titleBottom, `${path} at ${width}px`).toBeLessThanOrEqual(topTick);
        }
        await expectNoSidewaysScroll(page, `${path} at ${width}px`);
        await page.context().close();
      }
    }
    // The fixtures plant an anomaly (make-fixtures.ts), so the page has a chart to show.
    expect(list.length).toBeGreaterThan(0);
  }, 120_000);

  it('shows the in-control charts nearest their limits, each with its chart, and every chart’s reading as a CSV, as recomputed from the release, in both languages', async () => {
    const watched = watchListOf(releasesDir);
    expect(watched.length).toBeGreaterThan(0);
    for (const [path, lang] of [['/warnings/', 'zh'], ['/en/warnings/', 'en']] as const) {
      for (const width of [360, 1280]) {
        const page = await open(path, width);
        // Every chart's reading, as a download beside the settings.
        const readings = page.locator('[data-testid=chart-readings]');
        // The fixtures are SYNTHETIC, and the file's name says so.
        expect(await readings.getAttribute('href')).toBe(`/warnings/SYNTHETIC-charts-${month}.csv`);
        expect((await readings.textContent())?.trim()).toBe(
          lang === 'zh' ? `全部 ${json.warnings.charted} 张控制图本月的读数（CSV，UTF-8 带 BOM，可直接用 Excel 打开）` : `Every chart’s reading this month, all ${json.warnings.charted} (CSV, UTF-8 with a BOM, opens in Excel)`,
        );
        const csv = await fetch(`${served.url}/warnings/SYNTHETIC-charts-${month}.csv`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
        expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(json.warnings.charted + 1);
        const section = page.locator('[data-testid=watch-list]');
        expect(await section.locator('h2').textContent()).toBe(lang === 'zh' ? '接近控制界限' : 'Nearest their limits');
        const shown = section.locator('[data-testid=watched]');
        expect(await shown.count()).toBe(watched.length);
        for (let i = 0; i < watched.length; i++) {
          const { warning: w, share } = watched[i];
          const item = shown.nth(i);
          expect([await item.getAttribute('data-region'), await item.getAttribute('data-indicator')]).toEqual([w.region, w.indicator]);
          // Its title leads to the region's page this month (the whole place's: the month's page).
          expect(await item.locator('h3 a').getAttribute('href')).toBe(`${lang === 'zh' ? '' : '/en'}${monthPath}${w.region === city.code ? '' : `${w.region}/`}`);
          const pct = Math.floor(share * 100);
          expect((await item.locator('p').first().textContent())?.trim()).toBe(
            lang === 'zh' ? `本月 ${w.observed}，预期 ${w.expected}；EWMA ${w.ewma}，为控制界限 ${w.limit} 的 ${pct}%。` : `This month ${w.observed}, expected ${w.expected}; EWMA ${w.ewma}, ${pct}% of the limit ${w.limit}.`,
          );
          expect(pct).toBeLessThan(100);
          expect(await item.locator('[data-testid=control-chart] svg circle').count()).toBe(w.history.length);
          // In control this month: the last point is not marked above the limit.
          expect(await item.locator('[data-testid=control-chart] svg circle').last().getAttribute('class')).not.toMatch(/cc-above/);
          expect(await item.locator('[data-testid=control-chart] svg').isVisible()).toBe(true);
          // Its axis labels read at about body text's size on a phone and on a desktop, not scaled to 20 px.
          const labelPx = await item.locator('[data-testid=control-chart] svg').evaluate((svg) => {
            const shown = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return shown * Number(svg.querySelector('.cc-axis')!.getAttribute('font-size'));
          });
          expect(labelPx, `${path} at ${width}px`).toBeGreaterThanOrEqual(10);
          expect(labelPx, `${path} at ${width}px`).toBeLessThanOrEqual(15);
          // Read once: the drawing is named by its title (the caption says the rest); its table's disclosure names the chart.
          const title = await item.locator('[data-testid=control-chart] svg > title').textContent();
          expect(await item.locator('[data-testid=control-chart] svg').getAttribute('aria-labelledby')).toBe(await item.locator('[data-testid=control-chart] svg > title').getAttribute('id'));
          expect(await item.locator('[data-testid=control-chart] svg desc').count()).toBe(0);
          expect(await item.locator('[data-testid=control-chart] summary').textContent()).toContain(title!);
        }
        await expectNoSidewaysScroll(page, `${path} at ${width}px`);
        await page.context().close();
      }
    }
  }, 120_000);

  it('lists what each of the last 12 months found out of control, from that month’s own release, in both languages', async () => {
    const months = releasedMonths().slice(-12).reverse();
    const found = months.map((m) => ({ month: m, warnings: latestRevision(m).warnings ?? null }));
    const quiet = found.every((f) => f.warnings !== null && f.warnings.outOfControl.length === 0);
    for (const [path, lang] of [['/warnings/', 'zh'], ['/en/warnings/', 'en']] as const) {
      const page = await open(path, 360);
      const section = page.locator('[data-testid=recent-warnings]');
      if (quiet) {
        expect((await section.locator('[data-testid=recent-quiet]').textContent())?.trim()).toBe(lang === 'zh' ? '近 12 个月均没有指标失控。' : 'No indicator was out of control in the last 12 months.');
      } else {
        const rows = section.locator('[data-testid=recent-month]');
        expect(await rows.count()).toBe(found.length);
        for (let i = 0; i < found.length; i++) {
          const { month: m, warnings } = found[i];
          const row = rows.nth(i);
          expect(await row.getAttribute('data-month')).toBe(m);
          expect(await row.locator('th a').getAttribute('href')).toBe(`${lang === 'zh' ? '' : '/en'}/${m.slice(0, 4)}/${m.slice(5, 7)}/`);
          const items = await row.locator('li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-region'), li.getAttribute('data-indicator')]));
          expect(items, m).toEqual((warnings?.outOfControl ?? []).map((x) => [x.region, x.indicator]));
          expect((await row.locator('td.num').textContent())?.trim(), m).toBe(warnings ? String(warnings.charted) : '—');
        }
      }
      await expectNoSidewaysScroll(page, path);
      await page.context().close();
    }
  });

  it('has no accessibility violations (axe) on the early-warning page and a district page with intervals', async () => {
    for (const [path, width] of [['/warnings/', 360], ['/en/warnings/', 1280], [`${monthPath}${districts[0].code}/`, 360]] as const) {
      // axe is injected as an inline script, which the site's CSP rightly blocks: bypass it for axe only.
      const page = await open(path, width, true);
      const violations = await axeViolations(page);
      expect(violations, `${path} at ${width}px`).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});
