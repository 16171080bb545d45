import { describe, expect, it } from 'vitest';
import type { TreatmentSpec } from '../framework/methods.ts';
import { treatColumn } from './treatColumn.ts';

const coinr: TreatmentSpec = { method: 'winsorise', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' };

describe('treatColumn (COINr default Treat)', () => {
  it('winsorises one extreme outlier and passes (COINr test-treat.R: c(1:10, 100))', () => {
    // Before: n = 11, Σx = 155, mean = 155/11 = 14.0909
    //   Σd² = Σx² − n·mean² = 10385 − 155²/11 = 90210/11 = 8200.909
    //   Σd³ = 625574.380, Σd⁴ = 54562100.750
    //   skew = √11 · 625574.380 / 8200.909^1.5 · √(11·10) / 9 = 2.793716 · 1.165345 = 3.255638
    //   r = 11 · 54562100.750 / 8200.909² = 8.924004
    //   kurt = (12 · (8.924004 − 3) + 6) · 10 / (9 · 8) = 77.088 · 10 / 72 = 10.706674
    //   |3.26| ≥ 2 and 10.71 ≥ 3.5 → fails.
    // Winsorise: skew ≥ 0 → the max (100, position 10) becomes the next highest, 10.
    // After: 1…10, 10: Σx = 65, mean 5.9091, Σd² = 485 − 65²/11 = 100.909, Σd³ = −33.471
    //   skew = √11 · (−33.471) / 100.909^1.5 · √110 / 9 = −0.127622 → |−0.13| < 2 → passes.
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];
    const { values, changed, report } = treatColumn(x, coinr);
    expect(Array.from(values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect(changed).toEqual([10]);
    expect(report.method).toBe('winsorised');
    expect(report.winsorisedHigh).toBe(1);
    expect(report.winsorisedLow).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.skewBefore).toBeCloseTo(3.255638184060508, 10);
    expect(report.kurtBefore).toBeCloseTo(10.70667390642197, 10);
    expect(report.skewAfter).toBeCloseTo(-0.127621659676085, 10);
    expect(report.kurtAfter).toBeCloseTo(-1.336677217758299, 10);
    expect(x[10]).toBe(100);
  });

  it('reverts a failed winsorisation and logs the original column, even if that still fails', () => {
    // 44 zeros and 10, 11, 12, 13, 14, 15 (n = 50, mean 1.5, Σd² = 44 · 1.5² + 743.5 = 842.5):
    //   skew 2.509 ≥ 2, kurt 4.677 ≥ 3.5 → fails.
    // Winsorising moves the top 1, 2, 3, 4, 5 points down in turn, reaching nwin = 5 = winmax with
    // 44 zeros and six 10s. That two-point column: mean 60/50 = 1.2, d = −1.2 (×44), 8.8 (×6)
    //   Σd² = 44 · 1.44 + 6 · 77.44 = 528
    //   Σd³ = 44 · (−1.728) + 6 · 681.472 = 4012.8
    //   Σd⁴ = 44 · 2.0736 + 6 · 5996.9536 = 36072.96
    //   skew = √50 · 4012.8 / 528^1.5 · √(50·49) / 48 = 2.338800 · 1.031193 = 2.411701
    //   r = 50 · 36072.96 / 528² = 6.469697; kurt = (51 · 3.469697 + 6) · 49 / (48 · 47) = 3.973747
    //   still fails → COINr (combine_treat = FALSE) discards the winsorisation and applies
    //   log_CT to the original: a = 0.01 · (15 − 0) = 0.15, so 0 → ln 0.15, 10 → ln 10.15, … 15 → ln 15.15.
    // The logged column still fails (skew 2.417, kurt 4.011) but is returned: COINr only
    // records the last check.
    const x = [...new Array<number>(44).fill(0), 10, 11, 12, 13, 14, 15];
    const { values, changed, report } = treatColumn(x, coinr);
    expect(values[0]).toBeCloseTo(Math.log(0.15), 14);
    expect(values[44]).toBeCloseTo(Math.log(10.15), 14);
    expect(values[49]).toBeCloseTo(Math.log(15.15), 14);
    expect(changed.length).toBe(50);
    expect(report).toMatchObject({ method: 'log', winsorisedHigh: 0, winsorisedLow: 0, passed: false });
    expect(report.skewBefore).toBeCloseTo(2.509146754388076, 10);
    expect(report.skewAfter).toBeCloseTo(2.41683574182691, 10);
    expect(report.kurtAfter).toBeCloseTo(4.01079125388932, 10);

    // With fallback 'none', the failed winsorisation is kept (COINr with f2 = NULL): the last
    // step moved the five points at 11 (the original 11…15) to 10.
    const kept = treatColumn(x, { ...coinr, fallback: 'none' } as TreatmentSpec);
    expect(Array.from(kept.values.subarray(44))).toEqual([10, 10, 10, 10, 10, 10]);
    expect(kept.changed).toEqual([45, 46, 47, 48, 49]);
    expect(kept.report).toMatchObject({ method: 'winsorised', winsorisedHigh: 5, passed: false });
    expect(kept.report.skewAfter).toBeCloseTo(2.411700858552899, 10);
    expect(kept.report.kurtAfter).toBeCloseTo(3.973746776273377, 10);
  });

  it('logs when one winsorised point is not enough (COINr test-treat.R: c(1:20, 100, 200), winmax 1)', () => {
    // Before: n = 22, mean 510/22 = 23.18; skew 3.586, kurt 13.339 → fails.
    // Winsorise 1: 200 → 100: skew 2.817, kurt 7.134 → fails; nwin = 1 = winmax → stop.
    // log_CT of the original: min 1, max 200, a = 0.01 · 199 = 1.99:
    //   1 → ln(0 + 1.99) = 0.688135, 20 → ln(19 + 1.99) = 3.044046, 200 → ln(199 + 1.99) = 5.303255
    //   skew 0.969 < 2 → passes.
    const x = [...Array.from({ length: 20 }, (_, i) => i + 1), 100, 200];
    const { values, report } = treatColumn(x, { ...coinr, winmax: 1 } as TreatmentSpec);
    expect(values[0]).toBeCloseTo(Math.log(1.99), 14);
    expect(values[19]).toBeCloseTo(Math.log(19 + 1.99), 14);
    expect(values[21]).toBeCloseTo(Math.log(199 + 1.99), 14);
    expect(report.method).toBe('log');
    expect(report.passed).toBe(true);
    expect(report.skewBefore).toBeCloseTo(3.585570448860673, 10);
    expect(report.skewAfter).toBeCloseTo(0.969498407383868, 10);
  });

  it('leaves passing columns, undefined checks and "none" alone', () => {
    // 1…10, 100, 100: skew 2.03 ≥ 2 but kurt 2.58 < 3.5 → passes untouched
    const tied = treatColumn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 100], coinr);
    expect(tied.changed).toEqual([]);
    expect(tied.report).toMatchObject({ method: 'none', passed: true });
    // two values: no skewness → NA → untreated
    expect(treatColumn([1, 1000], coinr).report).toMatchObject({ method: 'none', passed: null });
    // ten 1s and a 5: winsorising gives a constant column, NA check → COINr returns it untreated
    const flat = treatColumn([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5], coinr);
    expect(flat.values[10]).toBe(5);
    expect(flat.report).toMatchObject({ method: 'none', passed: null });
    const none = treatColumn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], { method: 'none' });
    expect(none.values[10]).toBe(100);
    expect(none.report).toMatchObject({ method: 'none', passed: false });
  });

  it('ignores and keeps missing values', () => {
    const x = [Number.NaN, 1, 2, 3, 4, 5, Number.NaN, 6, 7, 8, 9, 10, 100];
    const { values, changed } = treatColumn(x, coinr);
    expect(values[0]).toBeNaN();
    expect(values[6]).toBeNaN();
    expect(values[12]).toBe(10);
    expect(changed).toEqual([12]);
  });
});
