/**
 * A seeded panel of observations for the exact-arithmetic tests: for every
 * month of 2024 and every unit, a count per indicator code (unit F's May
 * missing), a population `pop` and a half-yearly survey `survey`, from
 * d3-random's seeded LCG, so a run repeats exactly.
 */
import { randomLcg } from 'd3-random';
import type { Observation } from '../src/data/observations.ts';
import { periodRange } from '../src/panel/period.ts';

export interface SeededPanelOptions {
  readonly units: readonly string[];
  /** Values on a coarse grid (multiples of 0.005 over a few values; populations of four sizes), so ties and equal values abound. */
  readonly grid?: boolean;
  /** The LCG's seed (default 1: with it the grid puts values on rounding edges where naive rounding of floats goes wrong, which publishValues.test.ts checks). */
  readonly seed?: number;
}

/** The observations of `codes` (plus `pop` and `survey`) for the units, month by month. */
export function seededObservations(codes: readonly string[], options: SeededPanelOptions): Observation[] {
  const random = randomLcg(options.seed ?? 1);
  const grid = options.grid === true;
  const out: Observation[] = [];
  for (const period of periodRange('2024-01', '2024-12')) {
    for (const unit of options.units) {
      for (const code of codes) {
        const value = grid ? Math.round(1 + 8 * random()) * 2.5 + Math.round(4 * random()) * 0.005 : Math.round(5 + 30 * random());
        out.push({ unit, period, code, value: unit === 'F' && period === '2024-05' ? null : value });
      }
      out.push({ unit, period, code: 'pop', value: grid ? [800, 1000, 1250, 2000][Math.floor(4 * random())] : 900 + Math.round(200 * random()) });
      out.push({ unit, period, code: 'survey', value: period.endsWith('-06') || period.endsWith('-12') ? 90 + Math.round(900 * random()) / 100 : null });
    }
  }
  return out;
}
