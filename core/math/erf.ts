/**
 * The error function and its complement, shared by every model that integrates a Gaussian (dispersion,
 * rainout, probits).
 *
 * erf/erfc follow W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Mathematics of Computation 23 (1969) 631–637, as coded in the Netlib SPECFUN routine CALERF
 * (three intervals: |x| ≤ 0.46875, ≤ 4, > 4; relative error below 1e-15 in double precision).
 * erfc is evaluated directly, not as 1 − erf, so that small tail probabilities (P ≈ 1e-10, the
 * edge of a risk contour) keep their relative accuracy.
 */

/** 1/√π. */
const ONE_OVER_SQRT_PI = 0.5641895835477563;
/** Below this erf(x) = 2x/√π to double precision (CALERF XSMALL). */
const ERF_TINY = 1.11e-16;
/** Above this erfc(x) underflows to 0 in double precision (CALERF XBIG). */
const ERFC_BIG = 26.543;

// CALERF coefficient sets (Cody 1969, Netlib SPECFUN): A/B for erf on [0, 0.46875];
// C/D for erfc·exp(x²) on (0.46875, 4]; P/Q for the asymptotic form of erfc on (4, ∞). Written as the
// nearest doubles of the published 18-digit values.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];

/** Coefficient i of a constant table; the tables are fixed, so a miss is a programming error. */
function k(table: readonly number[], i: number): number {
  const v = table[i];
  if (v === undefined) throw new Error(`coefficient ${i} missing`);
  return v;
}

/** erf(x) for |x| ≤ 0.46875 (Cody 1969, first interval). */
function erfSmall(x: number): number {
  const ysq = Math.abs(x) > ERF_TINY ? x * x : 0;
  let num = k(A, 4) * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + k(A, i)) * ysq;
    den = (den + k(B, i)) * ysq;
  }
  return (x * (num + k(A, 3))) / (den + k(B, 3));
}

/** erfc(y) for y > 0.46875 (Cody 1969, second and third intervals). */
function erfcLarge(y: number): number {
  if (y >= ERFC_BIG) return 0;
  let r: number;
  if (y <= 4) {
    let num = k(C, 8) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + k(C, i)) * y;
      den = (den + k(D, i)) * y;
    }
    r = (num + k(C, 7)) / (den + k(D, 7));
  } else {
    const z = 1 / (y * y);
    let num = k(P, 5) * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + k(P, i)) * z;
      den = (den + k(Q, i)) * z;
    }
    r = (ONE_OVER_SQRT_PI - (z * (num + k(P, 4))) / (den + k(Q, 4))) / y;
  }
  // exp(−y²) split as exp(−ysq²)·exp(−del) so that the rounding of y² does not cost accuracy (CALERF).
  const ysq = Math.trunc(16 * y) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del) * r;
}

/**
 * Error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt. Cody (1969) rational Chebyshev approximation
 * (Netlib SPECFUN CALERF); relative error < 1e-15.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const r = 1 - erfcLarge(y);
  return x < 0 ? -r : r;
}

/**
 * Complementary error function erfc(x) = 1 − erf(x), evaluated without cancellation for large x.
 * Cody (1969) (Netlib SPECFUN CALERF); relative error < 1e-15 wherever the result does not underflow.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}
