/** The browser tests' check that a page does not scroll sideways (a module of its own: site and workbench tests share it). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** How far a page reaches beyond its window sideways, and what reaches beyond it. */
interface SidewaysOverflow {
  /** The document's width beyond the window's, in CSS px (0 or less: it fits). */
  readonly overflow: number;
  /** Up to three of the outermost elements that reach beyond the window outside any box that scrolls, as `tag.class "text"`. */
  readonly beyond: readonly string[];
}

/**
 * Measures whether the page scrolls sideways as a whole, and names what makes it: a failing test
 * says which element to look at, not only by how many pixels. Wide content inside a box that
 * scrolls (a table's `.table-scroll`) is the box's, not the page's.
 */
function sidewaysOverflow(page: Page): Promise<SidewaysOverflow> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const beyond = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1 && !inScroller(e));
    return {
      overflow: document.documentElement.scrollWidth - width,
      beyond: beyond
        .filter((e) => !beyond.includes(e.parentElement!))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
    };
  });
}

/** Fails, naming what reaches beyond the window, where the page scrolls sideways as a whole (`what` says where). */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const found = await sidewaysOverflow(page);
  expect(found.overflow, `${what}: the page scrolls sideways; beyond the window: ${found.beyond.join('; ')}`).toBeLessThanOrEqual(0);
}
