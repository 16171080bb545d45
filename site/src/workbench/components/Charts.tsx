/** The workbench's charts as SVG (model/chart.ts computes, Preact draws). Text always accompanies them in tables and captions. */
import { labelWidth } from '../../lib/labelWidth.ts';
import { areaPath, linePath, linear, pointPositions } from '../model/chart.ts';
import { useWidth } from './useWidth.ts';

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
  /** One of the palette's classes (colour and dash), so every series differs by more than colour. */
  readonly className: string;
}

const W = 720;
const H = 300;
const M = { top: 14, bottom: 30 };
/** The largest size of the trend chart's axis text, in its units (workbench.css: 17 on a phone, where it is drawn at two thirds). */
const AXIS_FONT = 17;

/**
 * A line chart over months, with an optional 5–95% band. Its values are written on both sides: on a
 * phone it scrolls sideways in its box from the newest month (workbench.css), so the right-hand
 * values are the ones in view; on a wider screen it fits and only the left-hand ones show.
 */
export function TrendChart(props: {
  id: string;
  months: readonly string[];
  series: readonly Series[];
  band?: { lower: readonly number[]; upper: readonly number[] } | null;
  title: string;
  desc: string;
  monthLabel: (m: string) => string;
}) {
  const { months, series, band } = props;
  const all: number[] = [];
  for (const s of series) for (const v of s.values) if (Number.isFinite(v)) all.push(v);
  if (band) for (const v of [...band.lower, ...band.upper]) if (Number.isFinite(v)) all.push(v);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 100;
  const pad = Math.max(1, (hi - lo) * 0.08);
  const y = linear([lo - pad, hi + pad], [H - M.bottom, M.top], true);
  const ticks = y.ticks(5);
  // Room on each side for the widest value at the largest axis font.
  const side = Math.ceil(Math.max(0, ...ticks.map((t) => labelWidth(String(t), AXIS_FONT)))) + 10;
  const left = side;
  const right = W - side;
  const xs = pointPositions(months.length, [left, right]);
  const step = Math.max(1, Math.ceil(months.length / 7));
  const bandPath = band ? areaPath(xs, band.lower, band.upper, y) : null;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`}>
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      <g class="axis" aria-hidden="true">
        {ticks.map((t) => (
          <g key={`y${t}`}>
            <line x1={left} x2={right} y1={y(t)} y2={y(t)} />
            <text x={left - 6} y={y(t) + 4} text-anchor="end">
              {String(t)}
            </text>
            <text class="axis-right" x={right + 6} y={y(t) + 4} text-anchor="start">
              {String(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          (months.length - 1 - i) % step === 0 ? (
            // The newest month's label ends at its point (centred, it would run past the drawing's edge).
            <text key={m} x={xs[i]} y={H - M.bottom + 18} text-anchor={i === months.length - 1 ? 'end' : 'middle'} dx={i === months.length - 1 ? 6 : 0}>
              {props.monthLabel(m)}
            </text>
          ) : null,
        )}
      </g>
      {bandPath ? <path class="wb-band" d={bandPath} /> : null}
      {series.map((s) => (
        <path
          key={s.key}
          class={`wb-line ${s.className}`}
          data-series={s.key}
          d={linePath(xs, s.values, y)}
        />
      ))}
    </svg>
  );
}

export interface IntervalRow {
  readonly label: string;
  readonly nominal: number;
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
}

/** The row labels' font size (workbench.css's `.wb-rowlabel`), which the left margin is made for. */
const ROW_LABEL_FONT = 14;
/** The narrowest plot beside the labels; a box narrower than labels + this scales the drawing down instead of cutting a label. */
const MIN_PLOT = 160;

/**
 * The drawing's width and the x where its plot starts, for rows labelled on the left: the plot starts
 * after the longest label, and the drawing is as wide as its box (one unit a pixel) unless that leaves
 * the plot less than MIN_PLOT.
 */
function rowLabelLayout(labels: readonly string[], boxWidth: number): { width: number; left: number } {
  const left = Math.ceil(Math.max(0, ...labels.map((label) => labelWidth(label, ROW_LABEL_FONT)))) + 16;
  return { width: Math.max(boxWidth, left + MIN_PLOT), left };
}

/** Vertical grid lines from `top` to the plot's foot, each value written under its line (a drawing `height` tall). */
function ColumnAxis(props: { values: readonly number[]; x: (value: number) => number; top: number; height: number }) {
  const { x, height } = props;
  return (
    <g class="axis" aria-hidden="true">
      {props.values.map((value) => (
        <g key={value}>
          <line x1={x(value)} x2={x(value)} y1={props.top} y2={height - 26} />
          <text x={x(value)} y={height - 8} text-anchor="middle">
            {String(value)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Ranks as dots (current settings), diamonds (median) and a 5–95% line, one row per district; drawn at its box's width. */
export function RankChart(props: { rows: readonly IntervalRow[]; maxRank: number; title: string }) {
  const [box, boxWidth] = useWidth<HTMLDivElement>(520);
  const { width: w, left } = rowLabelLayout(props.rows.map((r) => r.label), boxWidth);
  const rowH = 34;
  const h = props.rows.length * rowH + 36;
  const x = linear([0.5, props.maxRank + 0.5], [left, w - 16]);
  const ranks = Array.from({ length: props.maxRank }, (_, i) => i + 1);
  return (
    <div class="wb-small-chart" ref={box}>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
        <ColumnAxis values={ranks} x={x} top={6} height={h} />
        {props.rows.map((r, i) => {
          const cy = 6 + i * rowH + rowH / 2;
          return (
            <g key={r.label} aria-hidden="true">
              <text x={left - 8} y={cy + 4} text-anchor="end" class="wb-rowlabel">
                {r.label}
              </text>
              <line x1={x(r.lower)} x2={x(r.upper)} y1={cy} y2={cy} class="wb-interval" />
              <rect x={x(r.median) - 5} y={cy - 5} width={10} height={10} transform={`rotate(45 ${x(r.median)} ${cy})`} class="wb-median" />
              <circle cx={x(r.nominal)} cy={cy} r={9} class="wb-nominal" />
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export interface SobolBar {
  readonly label: string;
  readonly first: number;
  readonly total: number;
  readonly firstInterval: readonly [number, number];
  readonly totalInterval: readonly [number, number];
}

/** First-order and total Sobol' indices as bars on [0, 1] with their intervals (already clipped to [0, 1]); drawn at its box's width. */
export function SobolChart(props: { rows: readonly SobolBar[]; title: string }) {
  const [box, boxWidth] = useWidth<HTMLDivElement>(520);
  const { width: w, left } = rowLabelLayout(props.rows.map((r) => r.label), boxWidth);
  const groupH = 56;
  const h = props.rows.length * groupH + 30;
  const x = linear([0, 1], [left, w - 16]);
  // Two bars per row in groupH − 14 pixels, with gaps of 15% of a step around them (as a band scale with padding 0.15).
  const stepH = (groupH - 14) / (2 + 0.15);
  const bh = stepH * 0.85;
  const band = (kind: 'first' | 'total') => stepH * 0.15 + (kind === 'first' ? 0 : stepH);
  return (
    <div class="wb-small-chart" ref={box}>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
        <ColumnAxis values={x.ticks(5)} x={x} top={4} height={h} />
        {props.rows.map((r, i) => {
          const top = 6 + i * groupH;
          return (
            <g key={r.label} aria-hidden="true">
              <text x={left - 8} y={top + (groupH - 14) / 2 + 4} text-anchor="end" class="wb-rowlabel">
                {r.label}
              </text>
              {(['first', 'total'] as const).map((kind) => {
                const v = r[kind];
                const [a, b] = kind === 'first' ? r.firstInterval : r.totalInterval;
                const yy = top + band(kind);
                const cy = yy + bh / 2;
                return (
                  <g key={kind}>
                    {Number.isFinite(v) ? <rect x={x(0)} y={yy} width={Math.max(1, x(v) - x(0))} height={bh} class={`wb-bar wb-bar-${kind}`} /> : null}
                    {Number.isFinite(a) && Number.isFinite(b) ? (
                      <g class="wb-whisker">
                        <line x1={x(a)} x2={x(b)} y1={cy} y2={cy} />
                        <line x1={x(a)} x2={x(a)} y1={cy - 4} y2={cy + 4} />
                        <line x1={x(b)} x2={x(b)} y1={cy - 4} y2={cy + 4} />
                      </g>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
