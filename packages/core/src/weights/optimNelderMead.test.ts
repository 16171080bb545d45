import { describe, expect, it } from 'vitest';
import { optimNelderMead } from './optimNelderMead.ts';

describe('optimNelderMead (R optim, method "Nelder-Mead")', () => {
  it("follows R's search step for step on R's own example (Rosenbrock from c(-1.2, 1))", () => {
    // R 4.2.2: optim(c(-1.2, 1), function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2)
    // → par 1.0002601387256695 1.000505999303765, value 8.8252410967227472e-08, counts 195, convergence 0
    const r = optimNelderMead((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1]);
    expect(r.counts).toBe(195);
    expect(r.convergence).toBe(0);
    expect(Math.abs(r.par[0] - 1.0002601387256695)).toBeLessThan(1e-12);
    expect(Math.abs(r.par[1] - 1.000505999303765)).toBeLessThan(1e-12);
    expect(Math.abs(r.value - 8.8252410967227472e-8)).toBeLessThan(1e-18);
  });

  it('stops at maxit evaluations with convergence 1', () => {
    const r = optimNelderMead((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxit: 20 });
    expect(r.convergence).toBe(1);
    expect(r.counts).toBeGreaterThan(20);
  });
});
