/** The sideways-scroll check the browser tests share (overflow.ts), on pages made to pass and to fail it. */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, launchChromium } from './server.ts';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** sideways-scroll check tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

describe.skipIf(!haveChromium)('expectNoSidewaysScroll', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const phone = async (body: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.setContent(`<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${body}</body>`);
    return page;
  };

  it('passes a page that fits, and one whose wide table scrolls in its own box', async () => {
    const page = await phone('<p>短文本 short text</p><div style="overflow-x:auto"><table style="width:900px"><tr><td>wide</td></tr></table></div>');
    await expectNoSidewaysScroll(page, 'fits');
    await page.close();
  });

  it('fails a page that scrolls sideways, naming the outermost element beyond the window, not its children', async () => {
    const page = await phone('<p>fits</p><div class="too-wide" style="width:500px"><span>五百像素 500 px</span></div>');
    await expect(expectNoSidewaysScroll(page, 'a 500 px box')).rejects.toThrow(/a 500 px box: the page scrolls sideways; beyond the window: div\.too-wide "五百像素 500 px": expected 140 to be less than or equal to 0/);
    await page.close();
  });
});
