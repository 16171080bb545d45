/**
 * Browser test of a long ranking: an index of 30 areas (the fictional
 * example's configuration, examples/shifan-county, with 30 townships instead
 * of 3; SYNTHETIC data made here by the generator from that configuration,
 * 15 months, so 4 months with an index). On a phone every place of a ranking
 * is a card about 100 px tall, so a ranking of more than 12 places shows an
 * excerpt (the first and last three, and on a township's page that township
 * with two either side). The county's page holds the whole ranking in a
 * `<details>`, closed, which opens without JavaScript; a township's page
 * links to it. The workbench keeps its ranking of all 30 in a box that
 * scrolls. Both languages, at 360 × 740 and on a
 * desktop. Expectations are written here from the release JSON, not from
 * the site's code. Skipped, with a notice, without chromium.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFromConfiguration } from '../../scripts/syntheticFromConfiguration.ts';
import { exampleReleases } from './exampleReleases.ts';
import { axeViolations } from './axe.ts';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, servedSite } from './server.ts';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** long ranking browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

const AREAS = 30;
const WHOLE = '990000';
const codes = Array.from({ length: AREAS }, (_, i) => `99${String(i + 1).padStart(4, '0')}`);

/** The example's data folder with 30 townships under one county, and its SYNTHETIC data. */
function manyAreas(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-long-ranking-'));
  const example = join(import.meta.dirname, '..', '..', 'examples', 'shifan-county');
  for (const part of ['framework', 'publication.json', 'synthetic.json']) cpSync(join(example, part), join(dir, part), { recursive: true });
  const rows = ['地区代码,中文名称,英文名称,级别,上级代码', `${WHOLE},多乡县,Duoxiang County,county,`, ...codes.map((c, i) => `${c},第${i + 1}乡,Township ${i + 1},township,${WHOLE}`)];
  writeFileSync(join(dir, 'regions.csv'), `${rows.join('\n')}\n`);
  const publication = JSON.parse(readFileSync(join(dir, 'publication.json'), 'utf8'));
  publication.place.region = WHOLE;
  publication.regions.totals = [{ region: WHOLE, of: codes }];
  writeFileSync(join(dir, 'publication.json'), JSON.stringify(publication, null, 2));
  const model = JSON.parse(readFileSync(join(dir, 'synthetic.json'), 'utf8'));
  model.months = { from: '2024-07', to: '2025-09' };
  // Each township its own size, growth and level: a spread of indices to rank.
  const factor = (i: number, k: number) => 0.6 + ((i * 37 + k * 11) % 90) / 100;
  for (const d of Object.values(model.denominators) as { base: Record<string, number>; growth: Record<string, number> }[]) {
    d.base = Object.fromEntries(codes.map((c, i) => [c, 8000 + ((i * 7919) % 40000)]));
    d.growth = Object.fromEntries(codes.map((c, i) => [c, ((i % 7) - 3) / 1000]));
  }
  Object.values(model.indicators).forEach((ind, k) => {
    const indicator = ind as { perYear?: number; regions: Record<string, number> };
    indicator.regions = Object.fromEntries(codes.map((c, i) => [c, indicator.perYear === undefined ? (factor(i, k) - 1.05) / 50 : factor(i, k)]));
  });
  model.flags = [];
  writeFileSync(join(dir, 'synthetic.json'), JSON.stringify(model, null, 2));
  generateFromConfiguration(dir);
  return dir;
}

const dataDir = haveChromium ? manyAreas() : '';
const releasesDir = haveChromium ? await exampleReleases(dataDir) : '';

interface RegionJson { code: string; parent: string | null; name: { zh: string; en: string }; aggregates: { value: string | null }[] }
/** The latest month's release: its month and its townships ranked by index, highest first (ties by code), as written here. */
function latestRanking() {
  const month = readdirSync(releasesDir).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort().at(-1)!;
  const release = JSON.parse(readFileSync(join(releasesDir, month, 'r1', 'release.json'), 'utf8')) as { regions: RegionJson[] };
  const townships = release.regions.filter((r) => r.parent !== null && r.aggregates[0].value !== null);
  townships.sort((a, b) => Number(b.aggregates[0].value) - Number(a.aggregates[0].value) || a.code.localeCompare(b.code));
  return { month, townships };
}

describe.skipIf(!haveChromium)('a ranking of 30 areas', () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(releasesDir, { recursive: true, force: true });
  });
  const served = servedSite('pingan-site-long-ranking-', { PINGAN_DATA_DIR: dataDir, PINGAN_RELEASES_DIR: releasesDir });
  /** A month's page on the served site, in a language. */
  const monthPage = (month: string, lang: 'zh' | 'en') => `${served.url}${lang === 'zh' ? '' : '/en'}/${month.slice(0, 4)}/${month.slice(5, 7)}/`;

  for (const [width, height] of [[360, 740], [1280, 900]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`shows the first and last three, and a township with two either side, with all ${AREAS} in a closed disclosure on the county's page, at ${width} × ${height} (${lang})`, async () => {
        const { month, townships } = latestRanking();
        expect(townships).toHaveLength(AREAS);
        const names = townships.map((r) => r.name[lang]);
        const base = monthPage(month, lang);
        // Without JavaScript: the disclosure is the browser's own.
        const page = await served.browser.newPage({ viewport: { width, height }, javaScriptEnabled: false });
        try {
          // The whole county's page: the first three and the last three, 24 left out between them.
          await page.goto(base);
          const excerpt = page.getByTestId('ranking-excerpt');
          await expect(excerpt.locator('tbody th a').allTextContents()).resolves.toEqual([...names.slice(0, 3), ...names.slice(-3)]);
          await expect(excerpt.locator('tr.rank-gap').allTextContents()).resolves.toEqual([lang === 'zh' ? '此处略去24个乡镇' : '24 townships not shown here']);
          await expect(excerpt.locator('tbody th a').first().evaluate((a) => a.closest('tr')!.querySelector('.rank-index')!.firstChild!.textContent)).resolves.toBe(townships[0].aggregates[0].value);
          // The whole ranking: closed, every township in order once opened; the excerpt is well under half its height, so what comes
          // after it (the trend chart, the indicators) moves up by the rest.
          const all = page.getByTestId('ranking-all');
          await expect(all.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
          await expect(page.getByTestId('ranking').isVisible()).resolves.toBe(false);
          await all.locator('summary').click();
          await expect(page.getByTestId('ranking').isVisible()).resolves.toBe(true);
          await expect(page.getByTestId('ranking').locator('tbody th a').allTextContents()).resolves.toEqual(names);
          const excerptHeight = await excerpt.evaluate((t) => t.getBoundingClientRect().height);
          const wholeHeight = await page.getByTestId('ranking').evaluate((t) => t.getBoundingClientRect().height);
          expect(excerptHeight / wholeHeight, 'the excerpt (6 places, 1 note) against all 30').toBeLessThan(0.4);
          if (width === 360) {
            await expectNoSidewaysScroll(page, `${lang}: the whole county's page at 360px`);
            const summary = await all.locator('summary').boundingBox();
            expect(summary!.height, 'the disclosure is a full-size tap target').toBeGreaterThanOrEqual(44);
          }

          // A township ranked 15th: the first three, it with two either side, the last three, and a link to the whole ranking on the
          // county's page (not a copy of it on each township's page).
          const mid = townships[14];
          await page.goto(`${base}${mid.code}/`);
          const around = page.getByTestId('ranking-excerpt');
          await expect(around.locator('tbody th a').allTextContents()).resolves.toEqual([...names.slice(0, 3), ...names.slice(12, 17), ...names.slice(-3)]);
          await expect(around.locator('tr.rank-gap').allTextContents()).resolves.toEqual(lang === 'zh' ? ['此处略去9个乡镇', '此处略去10个乡镇'] : ['9 townships not shown here', '10 townships not shown here']);
          await expect(around.locator('tr[aria-current] th a').textContent()).resolves.toBe(mid.name[lang]);
          await expect(page.getByTestId('ranking').count()).resolves.toBe(0);
          const link = page.getByTestId('ranking-all-link');
          await expect(link.textContent()).resolves.toBe(lang === 'zh' ? '全部30个乡镇的排名 →' : 'All 30 townships, ranked →');
          if (width === 360) {
            await expectNoSidewaysScroll(page, `${lang}: a township's page at 360px`);
            expect((await link.boundingBox())!.height, 'the link is a full-size tap target').toBeGreaterThanOrEqual(44);
          }
          // Followed, it opens the county's page at the whole ranking, its disclosure opened by the browser (no script).
          await link.click();
          await page.waitForURL(`${base}#ranking`);
          await expect(page.getByTestId('ranking').isVisible()).resolves.toBe(true);
        } finally {
          await page.close();
        }
      });
    }
  }

  it(`prints all ${AREAS} on the county's page in place of the excerpt, and a township's excerpt without the link, in both languages`, async () => {
    const { month, townships } = latestRanking();
    // A4 at 96 dpi less 12 mm margins each side: about 703 CSS pixels.
    const page = await served.browser.newPage({ viewport: { width: 703, height: 1000 }, javaScriptEnabled: false });
    try {
      await page.emulateMedia({ media: 'print' });
      for (const lang of ['zh', 'en'] as const) {
        const names = townships.map((r) => r.name[lang]);
        const base = monthPage(month, lang);
        await page.goto(base);
        // The disclosure stays closed (nothing opened it); its content is laid out for paper all the same.
        await expect(page.getByTestId('ranking-all').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
        await expect(page.getByTestId('ranking-all').locator('summary').isVisible()).resolves.toBe(false);
        await expect(page.getByTestId('ranking-excerpt').isVisible()).resolves.toBe(false);
        const whole = page.getByTestId('ranking');
        await expect(whole.isVisible()).resolves.toBe(true);
        const printed = await whole.locator('tbody th a').evaluateAll((as) => as.filter((a) => a.getBoundingClientRect().height > 0).map((a) => a.textContent));
        expect(printed, `${lang}: every township, in order`).toEqual(names);
        // A township's page: its excerpt, and no link to follow on paper.
        await page.goto(`${base}${townships[14].code}/`);
        await expect(page.getByTestId('ranking-excerpt').locator('tbody th a').allTextContents()).resolves.toEqual([...names.slice(0, 3), ...names.slice(12, 17), ...names.slice(-3)]);
        await expect(page.getByTestId('ranking-excerpt').isVisible()).resolves.toBe(true);
        await expect(page.getByTestId('ranking-all-link').isVisible()).resolves.toBe(false);
      }
    } finally {
      await page.close();
    }
  });

  it('keeps the workbench\'s ranking of all 30 in a box of its own, which scrolls, at 360 px and on a desktop', async () => {
    for (const width of [360, 1280]) {
      const page = await served.browser.newPage({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${served.url}/workbench/`);
        await page.waitForSelector('#wb[data-ready="true"]', { timeout: 60_000 });
        const table = page.getByTestId('workbench-ranking');
        await expect(table.locator('tbody tr').count()).resolves.toBe(AREAS);
        const box = await table.evaluate((t) => {
          const region = t.closest('.wb-ranking-long') as HTMLElement | null;
          return region && { height: region.getBoundingClientRect().height, clientHeight: region.clientHeight, scrollHeight: region.scrollHeight, tabIndex: region.tabIndex };
        });
        expect(box, 'the ranking is in its scrolling box').not.toBeNull();
        expect(box!.height, '32rem at most').toBeLessThanOrEqual(512 + 1);
        expect(box!.scrollHeight, 'all 30 rows are in it, scrolled to').toBeGreaterThan(box!.clientHeight);
        expect(box!.tabIndex, 'reachable by keyboard').toBe(0);
        await expectNoSidewaysScroll(page, `the workbench at ${width}px`);
      } finally {
        await page.close();
      }
    }
  });

  it('has no accessibility violations (axe) on a township page with the excerpt, and on the county page with the whole ranking opened, on a phone', async () => {
    const { month, townships } = latestRanking();
    // axe is injected as an inline script, which the site's CSP rightly blocks: bypass it for axe only.
    const context = await served.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      for (const [lang, path] of [['zh', townships[14].code + '/'], ['en', '']] as const) {
        await page.goto(`${monthPage(month, lang)}${path}`);
        if (path === '') await page.getByTestId('ranking-all').locator('summary').click();
        const violations = await axeViolations(page);
        expect(violations, `${lang} ${path || 'the county'}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
