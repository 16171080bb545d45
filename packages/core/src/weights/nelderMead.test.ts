import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a quadratic bowl', () => {
    const r = nelderMead((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2 + 3, [0, 0]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(-2, 5);
    expect(r.value).toBeCloseTo(3, 10);
  });
  it('solves Rosenbrock from the classic start (−1.2, 1)', () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.value).toBeLessThan(1e-8);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });
  it('works in more dimensions (4-D Rosenbrock)', () => {
    const f = (x: Float64Array) => {
      let s = 0;
      for (let i = 0; i < x.length - 1; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
      return s;
    };
    const r = nelderMead(f, [0, 0, 0, 0], { maxIterations: 20000, initialStep: 0.5 });
    expect(r.converged).toBe(true);
    r.x.forEach((v) => expect(v).toBeCloseTo(1, 3));
  });
  it('stops at the iteration limit and says so', () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxIterations: 5 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(5);
  });
  it('treats NaN as +∞ and stops at −∞', () => {
    const r = nelderMead((x) => (x[0] < 0 ? Number.NaN : (x[0] - 2) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(2, 5);
    const s = nelderMead((x) => (x[0] > 1.05 ? Number.NEGATIVE_INFINITY : -x[0]), [1]);
    expect(s.value).toBe(Number.NEGATIVE_INFINITY);
    expect(s.converged).toBe(true);
  });
  it('rejects an empty or non-finite start and a zero step', () => {
    expect(() => nelderMead(() => 0, [])).toThrow(/at least one parameter/);
    expect(() => nelderMead(() => 0, [Number.NaN])).toThrow(/finite starting point/);
    expect(() => nelderMead(() => 0, [1], { initialStep: 0 })).toThrow(/initialStep/);
  });
});
