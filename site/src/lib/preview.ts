/**
 * The share preview of a month and region (og:image, 1200 × 630), drawn as
 * SVG and rasterised at build time. It draws its figures and words as strokes
 * (seven-segment digits, a small stroke alphabet) rather than with system
 * fonts, so the PNG is the same on every machine; the page's og:title and
 * og:description carry the words in either language.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/* Seven segments a–g of a digit in a 60 × 100 box. */
const SEGMENTS: Record<string, [number, number, number, number]> = {
  a: [8, 0, 52, 0],
  b: [60, 8, 60, 46],
  c: [60, 54, 60, 92],
  d: [8, 100, 52, 100],
  e: [0, 54, 0, 92],
  f: [0, 8, 0, 46],
  g: [8, 50, 52, 50],
};
const DIGITS: Record<string, string> = {
  '0': 'abcdef', '1': 'bc', '2': 'abged', '3': 'abgcd', '4': 'fgbc', '5': 'afgcd', '6': 'afgedc', '7': 'abc', '8': 'abcdefg', '9': 'abcdfg', '-': 'g',
};

/** A number such as "85.93" as stroked seven-segment paths; returns the path and its width. */
export function segmentNumber(text: string, x: number, y: number, scale: number): { d: string; width: number } {
  const parts: string[] = [];
  let cursor = x;
  for (const ch of text) {
    if (ch === '.') {
      parts.push(`M${cursor + 4 * scale},${y + 100 * scale}h0.1`);
      cursor += 24 * scale;
      continue;
    }
    for (const s of DIGITS[ch] ?? '') {
      const [x1, y1, x2, y2] = SEGMENTS[s];
      parts.push(`M${(cursor + x1 * scale).toFixed(1)},${(y + y1 * scale).toFixed(1)}L${(cursor + x2 * scale).toFixed(1)},${(y + y2 * scale).toFixed(1)}`);
    }
    cursor += 84 * scale;
  }
  return { d: parts.join(''), width: cursor - x };
}

/* A stroke alphabet on a 4 × 6 grid, for the few capitals the preview writes. */
const LETTERS: Record<string, string> = {
  A: 'M0,6L0,1L1,0L3,0L4,1L4,6M0,3L4,3',
  C: 'M4,0L0,0L0,6L4,6',
  D: 'M0,0L0,6L3,6L4,5L4,1L3,0Z',
  E: 'M4,0L0,0L0,6L4,6M0,3L3,3',
  H: 'M0,0L0,6M4,0L4,6M0,3L4,3',
  I: 'M0,0L4,0M2,0L2,6M0,6L4,6',
  N: 'M0,6L0,0L4,6L4,0',
  S: 'M4,0L0,0L0,3L4,3L4,6L0,6',
  T: 'M0,0L4,0M2,0L2,6',
  Y: 'M0,0L2,3L4,0M2,3L2,6',
};

/** Capitals as stroked paths (unknown letters are a gap). */
export function strokeText(text: string, x: number, y: number, unit: number): string {
  let cursor = x;
  const parts: string[] = [];
  for (const ch of text) {
    const shape = LETTERS[ch];
    if (shape) {
      parts.push(shape.replace(/([ML])(\d+),(\d+)/g, (_, cmd: string, gx: string, gy: string) => `${cmd}${cursor + Number(gx) * unit},${y + Number(gy) * unit}`));
    }
    cursor += 6 * unit;
  }
  return parts.join('');
}

export interface PreviewInput {
  value: string | null;
  /** The band's colour (framework publication.bands[].colour). */
  bandColour: string;
  /** Every band's colour, highest band first, and which one this value is in. */
  bands: { colour: string; current: boolean }[];
  /** The index over recent months, oldest first. */
  series: (string | null)[];
}

/** The preview as SVG text. */
export function previewSvg(input: PreviewInput): string {
  const number = segmentNumber(input.value ?? '-', 80, 130, 1.9);
  const chartLeft = 720;
  const chartRight = 1140;
  const values = input.series.map((v) => (v === null ? null : Number(v)));
  const finite = values.filter((v): v is number => v !== null);
  const lo = finite.length ? Math.floor(Math.min(...finite) - 1) : 0;
  const hi = finite.length ? Math.ceil(Math.max(...finite) + 1) : 100;
  const x = scalePoint<number>().domain(values.map((_, i) => i)).range([chartLeft, chartRight]);
  const y = scaleLinear().domain([lo, hi]).range([500, 150]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i) ?? chartLeft)
    .y((v) => y(v ?? lo))
    .digits(1)(values) ?? '';
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  const bandBlocks = input.bands
    .map((b, i) => `<rect x="${80 + i * 140}" y="${b.current ? 440 : 452}" width="128" height="${b.current ? 56 : 32}" rx="6" fill="${b.colour}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">
<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>
<rect width="${PREVIEW_WIDTH}" height="28" fill="#1f4e79"/>
<rect x="0" y="${PREVIEW_HEIGHT - 70}" width="${PREVIEW_WIDTH}" height="70" fill="#fff4d6"/>
<path d="${strokeText('SYNTHETIC DATA', 80, PREVIEW_HEIGHT - 53, 6)}" fill="none" stroke="#4d3800" stroke-width="5" stroke-linecap="square" stroke-linejoin="miter"/>
<rect x="60" y="100" width="18" height="${190 + 60}" fill="${input.bandColour}"/>
<path d="${number.d}" fill="none" stroke="#1a1a1a" stroke-width="22" stroke-linecap="round"/>
${bandBlocks}
<line x1="${chartLeft}" y1="505" x2="${chartRight}" y2="505" stroke="#c9ced6" stroke-width="3"/>
<path d="${path}" fill="none" stroke="#1a1a1a" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>
${last === null || last === undefined ? '' : `<circle cx="${x(lastIndex)}" cy="${y(last).toFixed(1)}" r="14" fill="${input.bandColour}" stroke="#1a1a1a" stroke-width="4"/>`}
</svg>`;
}
