/**
 * Shows "the next release is late" once its scheduled moment has passed on
 * the reader's clock. The page is built once and read for weeks, so only the
 * reader's browser can tell; without JavaScript the scheduled date is still
 * shown beside the publication date.
 */
export function revealLateNotices(now: number = Date.now()): void {
  for (const notice of document.querySelectorAll<HTMLElement>('[data-due]')) {
    const due = Date.parse(notice.dataset.due ?? '');
    if (Number.isFinite(due) && now > due) notice.hidden = false;
  }
}
