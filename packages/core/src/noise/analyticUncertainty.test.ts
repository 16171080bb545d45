/**
 * `analyticUncertainty` takes a panel's units in blocks (their rows of a period
 * read as one run): a unit's numbers must not depend on which block it falls in,
 * nor where, nor on the other units. The SYNTHETIC sample history's 6 regions,
 * copied 12 times under other codes (72 units: two full blocks and a partial
 * one), with some raw values of the copies removed so that their months are
 * complete or not unit by unit, give each unit the numbers of a build of that
 * unit alone, bit for bit, in the full computation and in the release's subset;
 * and the full computation's numbers are those of the code before it took units
 * in blocks (SHA-256 of the arrays' bytes; `sameNumbers.test.ts` pins the
 * sample's own numbers). Also with every aggregate kept where half its children
 * are present, so that a month's effective weights are rescaled unit by unit.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samplePanel, xiangtanFramework } from '../../test/noise/sampleData.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { createPanel } from '../panel/panel.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { analyticUncertainty, type AnalyticUncertainty } from './analyticUncertainty.ts';
import { cellNoise } from './cellNoise.ts';

/** The Xiangtan framework with every aggregate kept where half its children are present: its weights rescaled over them. */
function rescalingFramework(): Framework {
  const json = JSON.parse(readFileSync(join(ROOT, 'data/framework/xiangtan.json'), 'utf8'));
  for (const node of json.nodes) if (node.type === 'aggregate') node.aggregation.minAvailability = 0.5;
  return defineFramework(json);
}

describe.each([
  ['the Xiangtan framework', xiangtanFramework(), '4dcb0e011c948ea31aa421d04dc492c0bc59087df2e2bd38d258aeecc3f4b81d'],
  ['its aggregates rescaled over the children present', rescalingFramework(), 'c39341e75d5f88bc12bb4fb4b6d27903940a6c2c0eb576124868eeb7a1ffb19b'],
])('analyticUncertainty over many blocks of units (SYNTHETIC sample history, copied; %s)', (_, fw, pinned) => {
  const sample = samplePanel(fw);
  const U = sample.units.length;
  const P = sample.periods.length;
  const C = sample.codes.length;
  const units = Array.from({ length: 12 * U }, (_, w) => `${sample.units[w % U]}-${Math.floor(w / U)}`);
  /** The panel of units `which` (indices into `units`): the sample's rows, with a few indicator values of the copies removed. */
  const panel = (which: readonly number[]): Panel => {
    const values = new Float64Array(which.length * P * C);
    const flags = new Uint8Array(which.length * P * C);
    for (let p = 0; p < P; p++) {
      for (let v = 0; v < which.length; v++) {
        const w = which[v];
        for (let c = 0; c < C; c++) {
          const from = (p * U + (w % U)) * C + c;
          const to = (p * which.length + v) * C + c;
          // About one value in 400 of the copies, never the population: a count's 12-month windows
          // and the surveys' carried values then leave some of a copy's months incomplete.
          const removed = w >= U && fw.indicators.includes(sample.codes[c]) && (w * 7919 + p * 104729 + c * 1299709) % 400 === 0;
          values[to] = removed ? Number.NaN : sample.values[from];
          flags[to] = sample.flags[from];
        }
      }
    }
    return createPanel({ units: which.map((w) => units[w]), periods: sample.periods, codes: sample.codes, values, flags });
  };
  const all = units.map((_, w) => w);
  const large = buildIndex(fw, panel(all));
  const alone = all.map((w) => buildIndex(fw, panel([w])));
  const K = large.aggregated.codes.length;

  /** Each unit's cells of `a` (every unit) are those of `b(w)` (the unit alone), bit for bit; how many are numbers. */
  const sameAsAlone = (a: Float64Array, b: (w: number) => Float64Array): number => {
    let numbers = 0;
    for (const w of all) {
      const own = b(w);
      for (let p = 0; p < P; p++) {
        for (let k = 0; k < K; k++) {
          const x = a[(p * units.length + w) * K + k];
          const y = own[p * K + k];
          if (!Object.is(x, y)) expect.fail(`${units[w]} ${sample.periods[p]} ${large.aggregated.codes[k]}: ${x} vs ${y}`);
          if (x === x) numbers++;
        }
      }
    }
    return numbers;
  };

  it('the build takes each unit on its own, and the copies differ in which months are complete', () => {
    expect(sameAsAlone(large.aggregated.values, (w) => alone[w].aggregated.values)).toBeGreaterThan(0);
    const incomplete = (w: number) => {
      const out = alone[w].aggregated.values;
      return sample.periods.map((_, p) => out.subarray(p * K, (p + 1) * K).some((x) => x !== x)).join();
    };
    expect(new Set(all.map(incomplete)).size).toBeGreaterThan(20);
  });

  it('every standard error, linear value and change is that of the unit alone', () => {
    const a = analyticUncertainty(large, [1, 12], cellNoise(large.raw, fw));
    const b = alone.map((r) => analyticUncertainty(r, [1, 12], cellNoise(r.raw, fw)));
    const arrays = (x: AnalyticUncertainty) => [x.se, x.linearSe, x.linearValue, x.changeSe[1], x.changeSe[12]];
    arrays(a).forEach((x, n) => expect(sameAsAlone(x, (w) => arrays(b[w])[n])).toBeGreaterThan(units.length * 60));
    const hash = createHash('sha256');
    for (const x of arrays(a)) hash.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    expect(hash.digest('hex')).toBe(pinned);
  });

  it("the index's standard error alone, every month and one month (what a release asks for)", () => {
    for (const periods of [undefined, ['2025-10']]) {
      const options = { codes: [fw.root], ...(periods ? { periods } : {}) };
      const a = analyticUncertainty(large, [], cellNoise(large.raw, fw), options);
      const b = alone.map((r) => analyticUncertainty(r, [], cellNoise(r.raw, fw), options));
      const arrays = (x: AnalyticUncertainty) => [x.se, x.linearSe, x.linearValue];
      arrays(a).forEach((x, n) => expect(sameAsAlone(x, (w) => arrays(b[w])[n])).toBeGreaterThan(periods ? U : units.length * 40));
    }
  });
});
