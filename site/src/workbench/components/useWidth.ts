import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The width in CSS pixels of the element given `ref`, measured before the first
 * paint and again whenever it resizes (a phone turned sideways): a chart drawn
 * at that width has one user unit per pixel, so its text is the size its CSS
 * says on any screen. `fallback` is the width until the first measurement.
 *
 * @example
 * const [box, width] = useWidth<HTMLDivElement>(520);
 * return <div ref={box}><svg viewBox={`0 0 ${width} 200`}>…</svg></div>;
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
