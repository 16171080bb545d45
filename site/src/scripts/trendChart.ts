/**
 * The trend chart's interaction, a small enhancement over a page that is
 * complete without it (the read-out shows the newest month; the table holds
 * every value). A tap or hover picks the nearest month; the arrow keys, Page
 * Up and Page Down (a year), Home and End move the choice when the chart has
 * focus. The read-out is an HTML line under the chart, so it is never cut off
 * at the chart's edge. To assistive technology the chart becomes a slider
 * (WAI-ARIA's pattern) named by the chart's heading, whose value is the month
 * read out: a screen reader passes a slider's keys to it, where it may keep
 * the arrow keys of a plain group for its own reading, and announces the new
 * value itself (so the read-out is no longer a live region as well).
 */
export function enhanceTrendCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.trend')) {
    const plots = figure.querySelector<HTMLElement>('[data-trend-plots]');
    const readout = figure.querySelector<HTMLElement>('.trend-readout');
    if (!plots || !readout) continue;
    const svgs = [...plots.querySelectorAll<SVGSVGElement>('svg')];
    const count = svgs[0]?.querySelectorAll('circle.point').length ?? 0;
    if (count === 0) continue;
    let current = count - 1;
    const select = (i: number) => {
      current = Math.max(0, Math.min(count - 1, i));
      for (const svg of svgs) {
        const point = svg.querySelectorAll<SVGCircleElement>('circle.point')[current];
        const focus = svg.querySelector<SVGCircleElement>('[data-focus]');
        if (!point || !focus) continue;
        focus.setAttribute('cx', point.getAttribute('cx') ?? '0');
        focus.setAttribute('cy', point.getAttribute('cy') ?? '0');
        if (svg.checkVisibility()) readout.textContent = point.dataset.readout ?? '';
      }
      plots.setAttribute('aria-valuenow', String(current + 1));
      plots.setAttribute('aria-valuetext', readout.textContent ?? '');
    };
    const nearest = (event: PointerEvent) => {
      const svg = svgs.find((s) => s.checkVisibility());
      if (!svg) return;
      const box = svg.getBoundingClientRect();
      const scale = Number(svg.dataset.width) / box.width;
      const x = (event.clientX - box.left) * scale;
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      svg.querySelectorAll<SVGCircleElement>('circle.point').forEach((c, i) => {
        const distance = Math.abs(Number(c.getAttribute('cx')) - x);
        if (distance < bestDistance) [best, bestDistance] = [i, distance];
      });
      select(best);
    };
    plots.tabIndex = 0;
    plots.setAttribute('role', 'slider');
    plots.setAttribute('aria-orientation', 'horizontal');
    plots.setAttribute('aria-valuemin', '1');
    plots.setAttribute('aria-valuemax', String(count));
    const heading = figure.getAttribute('aria-labelledby');
    if (heading) {
      plots.removeAttribute('aria-label');
      plots.setAttribute('aria-labelledby', heading);
    }
    readout.setAttribute('aria-live', 'off');
    plots.setAttribute('aria-valuenow', String(count));
    plots.setAttribute('aria-valuetext', readout.textContent ?? '');
    plots.addEventListener('pointerdown', nearest);
    plots.addEventListener('pointermove', (e) => {
      if (e.pointerType === 'mouse') nearest(e);
    });
    plots.addEventListener('keydown', (e) => {
      // A slider's keys: up and right are later, down and left earlier; a page is a year.
      const moves: Record<string, number> = { ArrowLeft: current - 1, ArrowDown: current - 1, ArrowRight: current + 1, ArrowUp: current + 1, PageDown: current - 12, PageUp: current + 12, Home: 0, End: count - 1 };
      if (!(e.key in moves)) return;
      e.preventDefault();
      select(moves[e.key]);
    });
  }
}
