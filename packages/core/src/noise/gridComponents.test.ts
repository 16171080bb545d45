import { describe, expect, it } from 'vitest';
import { ComponentGrid, EXACT_ATOMS, componentMoments, emptyComponent, ensureCapacity, scaleInto, trimTails, type Component } from './gridComponents.ts';

const of = (values: number[], probabilities: number[]): Component => ({ values: Float64Array.from(values), probabilities: Float64Array.from(probabilities), n: values.length, mean: 0, variance: 0 });
const atoms = (c: Component) => ({ values: Array.from(c.values.subarray(0, c.n)), probabilities: Array.from(c.probabilities.subarray(0, c.n)) });
/** Poisson(λ) probabilities of 0 … n − 1, scaled to sum to 1. */
const poisson = (lam: number, n: number) => {
  const p = Array.from({ length: n }, (_, k) => Math.exp(-lam + k * Math.log(lam) - lnFactorial(k)));
  const total = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / total);
};
const lnFactorial = (k: number): number => (k <= 1 ? 0 : Math.log(k) + lnFactorial(k - 1));

describe('component helpers', () => {
  it('give their doc examples', () => {
    const c = emptyComponent(8);
    expect([c.n, c.values.length]).toEqual([0, 8]);
    const small = emptyComponent(2);
    ensureCapacity(small, 5);
    expect(small.values.length).toBe(5);
    const coin = of([-1, 1], [0.5, 0.5]);
    componentMoments(coin);
    expect([coin.mean, coin.variance]).toEqual([0, 1]);
    const tailed = of([0, 1, 2], [1e-12, 0.5, 0.5 - 1e-12]);
    trimTails(tailed);
    expect([tailed.n, tailed.values[0], tailed.probabilities[0]]).toEqual([2, 1, 0.5 + 1e-12]);
    const scaled = emptyComponent(2);
    scaleInto(scaled, of([1, 2], [0.5, 0.5]), 3);
    expect(atoms(scaled).values).toEqual([3, 6]);
  });

  it('trimTails keeps the total probability and leaves a component without thin tails as it is', () => {
    // The first atom's 6e-10 is folded; with the second's it would pass 1e-9, so the second stays.
    const c = of([0, 1, 2, 3, 4], [6e-10, 6e-10, 0.6, 0.4 - 1.6e-9, 4e-10]);
    trimTails(c);
    expect(atoms(c).values).toEqual([1, 2, 3]);
    expect(atoms(c).probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    const untouched = of([0, 1], [0.5, 0.5]);
    trimTails(untouched);
    expect(atoms(untouched)).toEqual({ values: [0, 1], probabilities: [0.5, 0.5] });
  });
});

describe('ComponentGrid', () => {
  it('gives its doc example: two fair coins differenced, exactly', () => {
    const grid = new ComponentGrid(256);
    const c = emptyComponent();
    const coin = { start: 0, probabilities: Float64Array.of(0.5, 0.5) };
    grid.addLattice(c, 1, coin, 0.5);
    grid.addLattice(c, -1, coin, 0.5);
    expect(atoms(c)).toEqual({ values: [-1, 0, 1], probabilities: [0.25, 0.5, 0.25] });
  });

  it('convolves few atoms exactly (every sum, sorted, equal values merged): two dice', () => {
    const grid = new ComponentGrid(256);
    const die = of([1, 2, 3, 4, 5, 6], Array(6).fill(1 / 6));
    const sum = emptyComponent();
    grid.convolve(sum, die, die.values, die.probabilities, die.n);
    expect(atoms(sum).values).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    atoms(sum).probabilities.forEach((p, k) => expect(p).toBeCloseTo((6 - Math.abs(k - 5)) / 36, 15));
  });

  it('bins many atoms onto at most `resolution` points, keeping the mass, the mean and every atom within a step of its bin', () => {
    const grid = new ComponentGrid(32);
    const a = of(Array.from({ length: 40 }, (_, k) => k), poisson(12, 40));
    const b = of(Array.from({ length: 40 }, (_, k) => -k), poisson(9, 40));
    expect(a.n * b.n).toBeGreaterThan(EXACT_ATOMS);
    const d = emptyComponent();
    grid.convolve(d, a, b.values, b.probabilities, b.n);
    expect(d.n).toBeLessThanOrEqual(32);
    componentMoments(d);
    componentMoments(a);
    componentMoments(b);
    expect(atoms(d).probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // The mean is kept (each bin sits at its atoms' mean); a Skellam(12, 9) difference's is 3.
    expect(d.mean).toBeCloseTo(a.mean + b.mean, 10);
    expect(d.mean).toBeCloseTo(3, 6);
    // Binning can only lose spread, and less than a step's worth: (range / 31)² / 4.
    const step = (39 + 39) / 31;
    expect(d.variance).toBeLessThanOrEqual(a.variance + b.variance + 1e-9);
    expect(d.variance).toBeGreaterThan(a.variance + b.variance - (step * step) / 4);
    expect(atoms(d).values).toEqual([...atoms(d).values].sort((x, y) => x - y));
  });

  it('binTo reports the variance the atoms had within their bins, so that it can join a normal part', () => {
    const grid = new ComponentGrid(64);
    const c = of([0, 1, 10, 11], [0.25, 0.25, 0.25, 0.25]);
    const target = emptyComponent();
    // Two bins over [0, 11]: {0, 1} at 0.5 and {10, 11} at 10.5, each with variance 0.25 within it.
    const within = grid.binTo(2, c.values, c.probabilities, c.n, target, true);
    expect(atoms(target)).toEqual({ values: [0.5, 10.5], probabilities: [0.5, 0.5] });
    expect(within).toBeCloseTo(0.25, 15);
    componentMoments(c);
    componentMoments(target);
    expect(target.variance + within).toBeCloseTo(c.variance, 12);
  });

  it('coarsens a component onto a quarter of its resolution before it is convolved, and leaves a small one alone', () => {
    const grid = new ComponentGrid(64);
    const c = of(Array.from({ length: 100 }, (_, k) => k), poisson(50, 100));
    grid.coarsen(c);
    expect(c.n).toBeLessThanOrEqual(16);
    expect(atoms(c).probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    const small = of([0, 1, 2], [0.2, 0.5, 0.3]);
    grid.coarsen(small);
    expect(atoms(small)).toEqual({ values: [0, 1, 2], probabilities: [0.2, 0.5, 0.3] });
  });

  it('adds a lattice of a negative coefficient with its values ascending', () => {
    const grid = new ComponentGrid(256);
    const c = emptyComponent();
    grid.addLattice(c, -2, { start: 1, probabilities: Float64Array.of(0.2, 0.3, 0.5) }, 2);
    // −2 (N − 2) for N = 1, 2, 3: 2, 0, −2, ascending: −2, 0, 2 (the 0 is −2 × 0, a negative zero).
    expect(atoms(c)).toEqual({ values: [-2, -0, 2], probabilities: [0.5, 0.3, 0.2] });
  });
});
