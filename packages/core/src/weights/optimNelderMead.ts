import { PinganError } from '../errors/pinganError.ts';

/**
 * R's `optim(par, fn, method = "Nelder-Mead")`, step for step (the `nmmin`
 * routine of R's src/appl/optim.c: reflection 1, contraction ½, expansion 2;
 * initial simplex step 10% of the largest |par|, or 0.1; the stopping rule
 * `max f − min f ≤ reltol · (|f(par)| + reltol)` fixed at the start; `maxit`
 * counts function evaluations; a non-finite value counts as 1e35). It exists
 * to reproduce searches made in R, such as COINr's `get_opt_weights`; for
 * new work `nelderMead` has tolerances on both the values and the points.
 *
 * @example
 * const r = optimNelderMead((x) => (x[0] - 1) ** 2 + (x[1] - 2) ** 2, [0, 0], { reltol: 1e-12, maxit: 1000 });
 * r.par.map((v) => Number(v.toFixed(4))); // [1, 2]
 * r.convergence; // 0
 */
export function optimNelderMead(
  fn: (x: readonly number[]) => number,
  par: readonly number[],
  control: { readonly reltol?: number; readonly maxit?: number } = {},
): { par: number[]; value: number; counts: number; convergence: 0 | 1 | 10 } {
  const BIG = 1.0e35;
  const alpha = 1;
  const beta = 0.5;
  const gamma = 2;
  const reltol = control.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = control.maxit ?? 500;
  const n = par.length;
  const value = (x: readonly number[]): number => {
    const f = fn(x);
    return Number.isFinite(f) ? f : BIG;
  };
  const b = [...par];
  let f = fn(b);
  if (!Number.isFinite(f)) throw new PinganError('out-of-domain', 'function cannot be evaluated at initial parameters');
  let funcount = 1;
  const convtol = reltol * (Math.abs(f) + reltol);
  const n1 = n + 1;
  const C = n + 2;
  // P[i][j]: coordinate i (row n holds the value) of vertex j; column C − 1 is the centroid.
  const P = Array.from({ length: n1 }, () => new Array<number>(C).fill(0));
  P[n1 - 1][0] = f;
  for (let i = 0; i < n; i++) P[i][0] = b[i];
  let L = 1;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(b[i]) > step) step = 0.1 * Math.abs(b[i]);
  if (step === 0) step = 0.1;
  for (let j = 2; j <= n1; j++) {
    for (let i = 0; i < n; i++) P[i][j - 1] = b[i];
    let trystep = step;
    while (P[j - 2][j - 1] === b[j - 2]) {
      P[j - 2][j - 1] = b[j - 2] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail: 0 | 1 | 10 = 0;
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j + 1 !== L) {
          for (let i = 0; i < n; i++) b[i] = P[i][j];
          P[n1 - 1][j] = value(b);
          funcount++;
        }
      }
      calcvert = false;
    }
    let VL = P[n1 - 1][L - 1];
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n1; j++) {
      if (j !== L) {
        const v = P[n1 - 1][j - 1];
        if (v < VL) {
          L = j;
          VL = v;
        }
        if (v > VH) {
          H = j;
          VH = v;
        }
      }
    }
    if (VH <= VL + convtol) break;
    for (let i = 0; i < n; i++) {
      let temp = -P[i][H - 1];
      for (let j = 0; j < n1; j++) temp += P[i][j];
      P[i][C - 1] = temp / n;
    }
    for (let i = 0; i < n; i++) b[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
    f = value(b);
    funcount++;
    const VR = f;
    if (VR < VL) {
      P[n1 - 1][C - 1] = f;
      for (let i = 0; i < n; i++) {
        const e = gamma * b[i] + (1 - gamma) * P[i][C - 1];
        P[i][C - 1] = b[i];
        b[i] = e;
      }
      f = value(b);
      funcount++;
      if (f < VR) {
        for (let i = 0; i < n; i++) P[i][H - 1] = b[i];
        P[n1 - 1][H - 1] = f;
      } else {
        for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
        P[n1 - 1][H - 1] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[i][H - 1] = b[i];
        P[n1 - 1][H - 1] = VR;
      }
      for (let i = 0; i < n; i++) b[i] = (1 - beta) * P[i][H - 1] + beta * P[i][C - 1];
      f = value(b);
      funcount++;
      if (f < P[n1 - 1][H - 1]) {
        for (let i = 0; i < n; i++) P[i][H - 1] = b[i];
        P[n1 - 1][H - 1] = f;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j + 1 !== L) {
            for (let i = 0; i < n; i++) {
              P[i][j] = beta * (P[i][j] - P[i][L - 1]) + P[i][L - 1];
              size += Math.abs(P[i][j] - P[i][L - 1]);
            }
          }
        }
        if (size < oldsize) oldsize = size;
        else {
          fail = 10;
          break;
        }
      }
    }
  } while (funcount <= maxit);
  if (funcount > maxit) fail = 1;
  return { par: Array.from({ length: n }, (_, i) => P[i][L - 1]), value: P[n1 - 1][L - 1], counts: funcount, convergence: fail };
}
