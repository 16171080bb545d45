/** A small enhancement: a visible tooltip over the trend chart's points (the <title> and the table work without it). */
export function enhanceTrendTooltips(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('.trend')) {
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.hidden = true;
    tip.setAttribute('aria-hidden', 'true');
    figure.append(tip);
    const show = (target: Element) => {
      const text = target.getAttribute('data-tip');
      if (!text) return;
      const box = target.getBoundingClientRect();
      const base = figure.getBoundingClientRect();
      tip.textContent = text;
      tip.style.left = `${box.left - base.left + box.width / 2}px`;
      tip.style.top = `${box.top - base.top}px`;
      tip.hidden = false;
    };
    figure.addEventListener('pointerover', (e) => {
      if (e.target instanceof Element && e.target.matches('circle[data-tip]')) show(e.target);
    });
    figure.addEventListener('pointerout', () => {
      tip.hidden = true;
    });
  }
}
