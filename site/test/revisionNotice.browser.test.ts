/**
 * Browser test of a revised month on the repository's own releases
 * (data/releases, whose months were re-issued for new uncertainty models):
 * the notice of the revision is one sentence, with how the model computes
 * folded in a disclosure that opens without JavaScript, so that on a
 * 360 × 740 phone the index is on the first screen of the month's page, its
 * districts' and (for the latest month) the home page (the earlier
 * revisions are links by number in the line of dates); on an older month,
 * the pointer to the latest month shares that notice's box, so its index is
 * on the first screen too; the archive lists each revised month's earlier
 * revisions as numbered links, none broken across lines; and a headline
 * change whose verdict is "broadly unchanged" is shown without an arrow.
 * Both languages, at 360 px and on a desktop. Expectations are written here
 * from the manifest and release JSON, not from the site's code. Skipped,
 * with a notice, without chromium.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, servedSite } from './server.ts';
import { latestRevisionDir } from './releaseFiles.ts';

const releasesDir = join(import.meta.dirname, '..', '..', 'data', 'releases');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** revision notice browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

interface Manifest { revision: number; uncertaintyModel?: number; changed: string[]; changes: unknown[] }
interface Change { verdict: 'up' | 'down' | 'unchanged' }

/**
 * The months whose latest revision brings a new uncertainty model, newest first: each with its manifest, its city's headline changes, its
 * districts, and whether it is the latest month (the home page's).
 */
function revisedMonths() {
  const months = readdirSync(releasesDir).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort().reverse();
  const revised = months.flatMap((month) => {
    const dir = latestRevisionDir(releasesDir, month);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (!manifest.changed.includes('uncertainty') || (manifest.uncertaintyModel ?? 0) < 3) return [];
    const release = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as { regions: { code: string; parent: string | null; aggregates: { uncertainty: { mom: Change | null; yoy: Change | null } }[] }[] };
    const city = release.regions.find((r) => r.parent === null)!;
    const districts = release.regions.filter((r) => r.parent !== null).map((r) => r.code);
    return [{ month, manifest, changes: city.aggregates[0].uncertainty, districts, latest: month === months[0], newest: months[0] }];
  });
  if (revised.length === 0) throw new Error('data/releases holds no month re-issued for uncertainty model 3 or later');
  return revised;
}

/** A month's name as the site writes it (zh 2025年10月, en October 2025), written here, not taken from the site. */
function monthName(month: string, lang: 'zh' | 'en'): string {
  const [year, m] = month.split('-').map(Number);
  return lang === 'zh' ? `${year}年${m}月` : `${new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
}

describe.skipIf(!haveChromium)('a revised month on a phone', () => {
  const { month, manifest, changes, districts, latest } = revisedMonths()[0];
  const served = servedSite('pingan-site-revision-', { PINGAN_RELEASES_DIR: releasesDir });
  const path = (lang: 'zh' | 'en') => `${lang === 'zh' ? '' : '/en'}/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
  const start = {
    zh: `第 ${manifest.revision} 版采用不确定性模型 ${manifest.uncertaintyModel}：`,
    en: `Revision ${manifest.revision} uses uncertainty model ${manifest.uncertaintyModel}:`,
  };

  for (const [width, height] of [[360, 740], [1280, 900]] as const) {
    it(`folds how the model computes under a one-sentence notice, and shows the index on the first screen, in both languages at ${width} × ${height}`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
        const page = await context.newPage();
        expect((await page.goto(served.url + path(lang)))?.status()).toBe(200);
        const notice = page.locator('[data-testid=format-revision]');
        expect((await notice.locator('p').first().textContent())?.startsWith(start[lang]), `${lang} summary`).toBe(true);
        // The computation is folded away until its summary is opened (a native disclosure: no script).
        const detail = notice.locator('[data-testid=format-revision-detail]');
        const method = detail.locator('p');
        expect(await method.isVisible(), `${lang} detail folded`).toBe(false);
        // What the detail explains is the model's: how model 3 and 4 compute, model 5 how a verdict is read, from model 6 how ranks are drawn.
        const model = manifest.uncertaintyModel ?? 0;
        expect(await notice.textContent()).toContain(model >= 6 ? (lang === 'zh' ? '第 5 和第 95 百分位数' : '5th and 95th percentiles') : model >= 5 ? '0.00' : 'Cornish–Fisher');
        await detail.locator('summary').click();
        expect(await method.isVisible(), `${lang} detail opened`).toBe(true);
        await page.reload();
        // The month's index, whole, within the first screen.
        const box = await page.locator('[data-testid=headline]').boundingBox();
        expect(box, lang).not.toBeNull();
        expect(box!.y + box!.height, `${lang}: the index's bottom edge`).toBeLessThanOrEqual(height);
        // A broadly unchanged change has no arrow; an up or down one has its own.
        for (const key of ['mom', 'yoy'] as const) {
          const change = changes[key];
          if (!change) continue;
          const shown = page.locator(`[data-testid=verdict-${key}]`).locator('xpath=..').locator('.chg');
          const text = (await shown.textContent()) ?? '';
          const arrow = change.verdict === 'up' ? '▲' : change.verdict === 'down' ? '▼' : null;
          if (arrow) expect(text, `${lang} ${key}`).toContain(arrow);
          else expect(/[▲▼]/.test(text), `${lang} ${key}: ${text}`).toBe(false);
        }
        // So is every change shown with a verdict (the ranking, the groups, the indicators): its arrow agrees with it.
        const marked = await page.$$eval('.chg[data-verdict]', (els) => els.map((e) => ({ verdict: e.getAttribute('data-verdict'), text: e.textContent ?? '' })));
        expect(marked.length, lang).toBeGreaterThan(10);
        for (const { verdict, text } of marked) {
          if (verdict === 'unchanged') expect(/[▲▼]/.test(text), `${lang}: ${text}`).toBe(false);
          else expect(text, `${lang} ${verdict}`).toContain(verdict === 'up' ? '▲' : '▼');
        }
        // The earlier revisions, by number, in the line of dates.
        const earlier = page.locator('[data-testid=dates] [data-testid=older-revisions] a');
        expect(await earlier.count()).toBe(manifest.revision - 1);
        for (let n = 1; n < manifest.revision; n++) expect(await earlier.nth(n - 1).getAttribute('href')).toBe(`${path(lang)}r${n}/`);
        await expectNoSidewaysScroll(page, `${lang} at ${width}px`);
        // The home page (when this is the latest month) and every district's page: the index on the first screen too.
        const others = [...(latest ? [`${lang === 'zh' ? '' : '/en'}/`] : []), ...districts.map((code) => `${path(lang)}${code}/`)];
        for (const other of others) {
          expect((await page.goto(served.url + other))?.status(), other).toBe(200);
          expect(await page.locator('[data-testid=format-revision-detail] p').isVisible(), other).toBe(false);
          const shown = await page.locator('[data-testid=headline]').boundingBox();
          expect(shown!.y + shown!.height, `${other}: the index's bottom edge`).toBeLessThanOrEqual(height);
        }
        await context.close();
      }
    }, 120_000);
  }

  // The oldest re-issued month: a reader arriving from the archive or a search is told first that it is not the latest.
  const older = revisedMonths().at(-1)!;
  const pathOf = (m: string, lang: 'zh' | 'en') => `${lang === 'zh' ? '' : '/en'}/${m.slice(0, 4)}/${m.slice(5, 7)}/`;

  for (const [width, height] of [[360, 740], [1280, 900]] as const) {
    it(`says it is not the latest in the revision notice's box, links the latest month by name, and still shows the index on the first screen, in both languages at ${width} × ${height}`, async () => {
      expect(older.latest, `${older.month} is not the latest month`).toBe(false);
      for (const lang of ['zh', 'en'] as const) {
        const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
        const page = await context.newPage();
        for (const path of [pathOf(older.month, lang), ...older.districts.map((code) => `${pathOf(older.month, lang)}${code}/`)]) {
          expect((await page.goto(served.url + path))?.status(), path).toBe(200);
          const notLatest = page.locator('[data-testid=not-latest]');
          const link = notLatest.locator('a');
          expect(await link.textContent(), path).toBe(monthName(older.newest, lang));
          const target = path.slice(pathOf(older.month, lang).length);
          expect(await link.getAttribute('href'), path).toBe(`${pathOf(older.newest, lang)}${target}`);
          // One box: the pointer to the latest month first, then the revision's one sentence.
          const box = page.locator('.notice', { has: page.locator('[data-testid=not-latest]') });
          expect(await box.count(), path).toBe(1);
          expect((await box.locator('[data-testid=format-revision] p').first().textContent())?.includes(`${older.manifest.uncertaintyModel}`), path).toBe(true);
          expect(await box.locator('[data-testid=format-revision-detail] p').isVisible(), path).toBe(false);
          const shown = await page.locator('[data-testid=headline]').boundingBox();
          expect(shown!.y + shown!.height, `${lang} ${path}: the index's bottom edge`).toBeLessThanOrEqual(height);
          await expectNoSidewaysScroll(page, path);
        }
        await context.close();
      }
    }, 120_000);
  }

  it("an earlier revision's own page says which revision replaced it and links the month's latest page on one line, in both languages on a phone", async () => {
    const { month, manifest } = revisedMonths()[0];
    for (const lang of ['zh', 'en'] as const) {
      const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      for (let n = 1; n < manifest.revision; n++) {
        const path = `${pathOf(month, lang)}r${n}/`;
        expect((await page.goto(served.url + path))?.status(), path).toBe(200);
        const notice = page.locator('[data-testid=superseded]');
        expect(await notice.textContent(), path).toContain(lang === 'zh' ? `这是第${n}版，已被第${manifest.revision}版取代。` : `This is revision ${n}, replaced by revision ${manifest.revision}.`);
        const link = notice.locator('a');
        expect(await link.getAttribute('href'), path).toBe(pathOf(month, lang));
        // One line box: 查看最新版 / 本 split across lines reads as two words and is hard to tap.
        expect(await link.evaluate((a) => a.getClientRects().length), `${path}: the link's line boxes`).toBe(1);
        await expectNoSidewaysScroll(page, path);
      }
      await context.close();
    }
  });

  it('lists each revised month in the archive with its earlier revisions as numbered links, none broken across lines, in both languages on a phone', async () => {
    const months = revisedMonths();
    for (const lang of ['zh', 'en'] as const) {
      const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      expect((await page.goto(`${served.url}${lang === 'zh' ? '' : '/en'}/archive/`))?.status()).toBe(200);
      await expectNoSidewaysScroll(page, lang);
      for (const { month, manifest } of [months[0], months.at(-1)!]) {
        const card = page.locator('[data-testid=archive-list] li', { has: page.locator(`a[href="${pathOf(month, lang)}"]`) });
        expect(await card.count(), `${lang} ${month}`).toBe(1);
        // "Revision 5" is one unit: a line does not end between the word and its number.
        expect(await card.textContent(), `${lang} ${month}`).toContain(`${lang === 'zh' ? '修订版本' : 'Revision'}\u00a0${manifest.revision}`);
        const earlier = card.locator('[data-testid=older-revisions] a');
        expect(await earlier.count(), `${lang} ${month}`).toBe(manifest.revision - 1);
        for (let n = 1; n < manifest.revision; n++) {
          const link = earlier.nth(n - 1);
          expect(await link.getAttribute('href')).toBe(`${pathOf(month, lang)}r${n}/`);
          expect(await link.getAttribute('aria-label')).toBe(lang === 'zh' ? `查看第${n}版` : `View revision ${n}`);
          expect(await link.textContent()).toBe(lang === 'zh' ? `第${n}版` : `${n}`);
          // One line box: a link broken across two lines is twice as tall and hard to tap.
          expect((await link.boundingBox())!.height, `${lang} ${month} r${n}`).toBeLessThan(32);
        }
      }
      await context.close();
    }
  });
});
