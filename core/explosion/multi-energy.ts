import {
  STANDARD_ATMOSPHERE,
  type CubicMetres,
  type Joules,
  type Metres,
  type MetresPerSecond,
  type PascalSeconds,
  type Pascals,
  type Seconds,
} from '../units/index.ts';
import type { OverpressureField } from './blast.ts';

/**
 * Combustion energy per unit volume of a stoichiometric hydrocarbon-air mixture used by the TNO Multi-Energy
 * method, J/m³ (YB §5.5; AQ/T 3046 E.60–E.62; models.md §6.2).
 */
export const MULTI_ENERGY_DENSITY = 3.5e6;

/**
 * Charge energy of an obstructed region for the Multi-Energy method, E = 3.5 MJ/m³ × V, J (models.md §6.2).
 * @param volume volume of stoichiometric mixture in the obstructed region, m³ (> 0)
 * @throws RangeError when the volume is not positive
 */
export function multiEnergyChargeEnergy(volume: CubicMetres): Joules {
  if (!(volume > 0)) throw new RangeError(`volume must be > 0 m³, got ${volume}`);
  return (MULTI_ENERGY_DENSITY * volume) as Joules;
}

/**
 * Source (initial) overpressure of Multi-Energy charge strengths 1–10, as a fraction of P0:
 * 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5 and 10 (strength 10 = detonation, "≥ 10").
 * models.md §6.2 (van den Berg 1985; YB Fig. 5.x), confidence "likely".
 * @param strength integer 1–10
 * @throws RangeError naming `strength` when it is not an integer in 1–10
 */
export function multiEnergySourceOverpressureRatio(strength: number): number {
  const ratio = SOURCE_OVERPRESSURE_RATIO[strength - 1];
  if (!Number.isInteger(strength) || ratio === undefined) {
    throw new RangeError(`strength must be an integer 1–10, got ${strength}`);
  }
  return ratio;
}

const SOURCE_OVERPRESSURE_RATIO: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

/** Checks E, P0 and returns the Sachs length (E/P0)^(1/3), m. */
function sachsLength(energy: number, ambientPressure: number): number {
  if (!(energy > 0)) throw new RangeError(`energy must be > 0 J, got ${energy}`);
  if (!(ambientPressure > 0)) throw new RangeError(`ambientPressure must be > 0 Pa, got ${ambientPressure}`);
  return Math.cbrt(energy / ambientPressure);
}

function checkSoundSpeed(soundSpeed: number): void {
  if (!(soundSpeed > 0)) throw new RangeError(`soundSpeed must be > 0 m/s, got ${soundSpeed}`);
}

/**
 * Sachs-scaled distance R̄ = R/(E/P0)^(1/3), dimensionless (models.md §6.2 and §6.3; used by the Multi-Energy
 * and Baker-Strehlow-Tang methods).
 * @param distance R, m (≥ 0)
 * @param energy charge energy E, J (> 0)
 * @param ambientPressure P0, Pa (> 0); default 101325
 */
export function sachsScaledDistance(
  distance: Metres,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): number {
  return distance / sachsLength(energy, ambientPressure);
}

/**
 * Distance from a Sachs-scaled distance, R = R̄·(E/P0)^(1/3), m (models.md §6.2).
 */
export function sachsDistance(
  scaledDistance: number,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): Metres {
  return (scaledDistance * sachsLength(energy, ambientPressure)) as Metres;
}

/**
 * Positive impulse from a Sachs-scaled impulse, i = ī·E^(1/3)·P0^(2/3)/c0, Pa·s (models.md §6.2 and §6.3).
 * @param scaledImpulse ī, dimensionless
 * @param energy E, J (> 0)
 * @param ambientPressure P0, Pa (> 0)
 * @param soundSpeed c0, m/s (> 0)
 */
export function sachsImpulse(
  scaledImpulse: number,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): PascalSeconds {
  checkSoundSpeed(soundSpeed);
  return ((scaledImpulse * sachsLength(energy, ambientPressure) * ambientPressure) /
    soundSpeed) as PascalSeconds;
}

/**
 * Sachs-scaled impulse from a positive impulse, ī = i·c0/(E^(1/3)·P0^(2/3)) (models.md §6.3), the inverse of
 * `sachsImpulse`.
 */
export function sachsScaledImpulse(
  impulse: PascalSeconds,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): number {
  checkSoundSpeed(soundSpeed);
  return (impulse * soundSpeed) / (sachsLength(energy, ambientPressure) * ambientPressure);
}

/**
 * Positive-phase duration from a Sachs-scaled duration, t+ = t̄·(E/P0)^(1/3)/c0, s (models.md §6.2).
 */
export function sachsDuration(
  scaledDuration: number,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): Seconds {
  checkSoundSpeed(soundSpeed);
  return ((scaledDuration * sachsLength(energy, ambientPressure)) / soundSpeed) as Seconds;
}

/*
 * Multi-Energy blast curves.
 *
 * Source: MSB (Myndigheten för samhällsskydd och beredskap), "Beräkning av impulsbelastad konstruktion,
 * B06-105 Beräkningsstöd: Gasexplosion i det fria", M. Johansson, 2017-12-18, §4.3.2, eq. (4.5)–(4.7),
 * Tabell 4.2 (overpressure) and Tabell 4.3 (duration); msb.se contentassets/872971cf790a4cdcbd53b85a32011703/
 * b06.-berakningsstod/b06-105_gasexplosion-i-det-fria.pdf. The author fitted power laws piece by piece,
 * P' = a·r'^b and t' = c·r'^d, to the van den Berg (1985) Multi-Energy blast charts as computed by the Gexcon
 * (2011) Multi-Energy web calculator, and reports agreement to "a few percent". MSB explains why it does not
 * use the fits of Díaz Alonso et al. (2006): checking them showed errors for some strengths. Those fits are
 * not used here either.
 * The pieces are straight lines in log-log space, so evaluating them interpolates the curves in log-log space.
 * Where two pieces meet, the rounded coefficients leave small steps: up to 1.5 % for overpressure and 4.2 % for
 * duration. The tests list these steps.
 */

/** One piece of a fit y = a·r'^b, used for scaled distances up to `rMax` (inclusive; the last piece is open). */
interface PowerPiece {
  readonly rMax: number;
  readonly a: number;
  readonly b: number;
}

const piece = (a: number, b: number, rMax = Infinity): PowerPiece => ({ a, b, rMax });

/** MSB B06-105 Tabell 4.2: P' = ΔP/P0 = a·r'^b for strengths 1…10 (index = strength − 1). */
const OVERPRESSURE_FITS: readonly (readonly PowerPiece[])[] = [
  [piece(0.01, 0, 0.69), piece(0.007, -0.98)],
  [piece(0.02, 0, 0.64), piece(0.013, -0.97)],
  [piece(0.05, 0, 0.61), piece(0.031, -0.96)],
  [piece(0.1, 0, 0.63), piece(0.064, -0.97)],
  [piece(0.2, 0, 0.6), piece(0.12, -1.0)],
  [piece(0.5, 0, 0.64), piece(0.32, -1.01, 2.35), piece(0.47, -1.46, 3.21), piece(0.32, -1.13)],
  [piece(1, 0, 0.48), piece(0.48, -1.0, 0.96), piece(0.47, -1.46, 3.21), piece(0.32, -1.13)],
  [piece(2, 0, 0.37), piece(0.47, -1.46, 3.21), piece(0.32, -1.13)],
  [piece(5, 0, 0.2), piece(0.47, -1.46, 3.21), piece(0.32, -1.13)],
  [piece(0.43, -2.35, 0.9), piece(0.47, -1.46, 3.21), piece(0.32, -1.13)],
];

/**
 * MSB B06-105 Tabell 4.3: t' = t+·c0/(E/P0)^(1/3) = c·r'^d for strengths 1…10. For strength 7 the table's
 * footnote adds c = 0.35, d = 0.11 for r' > 10.49.
 */
const DURATION_FITS: readonly (readonly PowerPiece[])[] = [
  [piece(3.83, -0.34, 0.5), piece(4.85, 0)],
  [piece(2.44, -0.34, 0.54), piece(3, 0)],
  [piece(1.56, -0.38, 0.52), piece(2, 0)],
  [piece(1.02, -0.38, 0.53), piece(1.3, 0)],
  [piece(0.52, -0.44, 0.51), piece(0.7, 0)],
  [piece(0.26, -0.46, 0.49), piece(0.38, 0.07, 7.81), piece(0.35, 0.11)],
  [
    piece(0.21, -0.46, 0.62),
    piece(0.3, 0.29, 1.59),
    piece(0.32, 0.15, 9.4),
    piece(0.29, 0.19, 10.49),
    piece(0.35, 0.11),
  ],
  [piece(0.17, -0.4, 0.58), piece(0.27, 0.45, 1.32), piece(0.29, 0.19, 10.49), piece(0.35, 0.11)],
  [piece(0.13, -0.51, 0.53), piece(0.24, 0.46, 2.02), piece(0.29, 0.19, 10.49), piece(0.35, 0.11)],
  [piece(0.13, -0.22, 0.51), piece(0.22, 0.57, 2.07), piece(0.29, 0.19, 10.49), piece(0.35, 0.11)],
];

/**
 * Range of the fits. MSB plots them from r' = 0.1 (Figur 4.3–4.5), which is well inside the charge: a
 * hemisphere of 3.5 MJ/m³ has radius r0' = (3·P0/(2π·3.5 MJ/m³))^(1/3) ≈ 0.24. Tabell 4.2 states that it
 * holds only where P' ≥ 0.001.
 */
export const MULTI_ENERGY_FIT_RANGE = { minScaledDistance: 0.1, minScaledOverpressure: 0.001 } as const;

/** Evaluates a piecewise power law at r' (> 0). Allocation-free; the last piece is open-ended. */
function evaluatePieces(pieces: readonly PowerPiece[], r: number): number {
  let k = 0;
  while (r > pieces[k]!.rMax) k++;
  const p = pieces[k]!;
  return p.a * r ** p.b;
}

function fitsFor(fits: readonly (readonly PowerPiece[])[], strength: number): readonly PowerPiece[] {
  const pieces = Number.isInteger(strength) ? fits[strength - 1] : undefined;
  if (pieces === undefined) throw new RangeError(`strength must be an integer 1–10, got ${strength}`);
  return pieces;
}

/**
 * Largest P' the engine curve reaches for each strength: the first piece's value at r' = 0.1, or a little more
 * where a later piece starts just above the end of the previous one (the up to 0.7 % steps).
 */
const MAX_SCALED_OVERPRESSURE: readonly number[] = OVERPRESSURE_FITS.map((pieces) => {
  let max = 0;
  for (let k = 0; k < pieces.length; k++) {
    const start = k === 0 ? MULTI_ENERGY_FIT_RANGE.minScaledDistance : pieces[k - 1]!.rMax;
    max = Math.max(max, pieces[k]!.a * start ** pieces[k]!.b);
  }
  return max;
});

/** Largest r' of the fit (where P' falls to 0.001, on the open last piece) for each strength. */
const MAX_SCALED_DISTANCE: readonly number[] = OVERPRESSURE_FITS.map((pieces) => {
  const last = pieces[pieces.length - 1]!;
  return (MULTI_ENERGY_FIT_RANGE.minScaledOverpressure / last.a) ** (1 / last.b);
});

/**
 * Dimensionless side-on overpressure P' = ΔP/P0 of Multi-Energy strength 1–10 at Sachs-scaled distance r',
 * risk-engine form (MSB B06-105 eq. 4.5 and Tabell 4.2). It never throws for r' ≥ 0 and never allocates.
 * Outside the fitted range it extends the curve, as the Kingery-Bulmash engine curve does. Below r' = 0.1 it
 * holds the r' = 0.1 value, which for strengths 1–9 is the source overpressure itself; for strength 10 it is
 * 96·P0, far above any lethality threshold. Beyond P' = 0.001 it continues the last power law.
 * @param strength integer 1–10
 * @param scaledDistance r' = R/(E/P0)^(1/3)
 * @throws RangeError naming `strength` when it is not an integer 1–10
 */
export function multiEnergyScaledOverpressure(strength: number, scaledDistance: number): number {
  const pieces = fitsFor(OVERPRESSURE_FITS, strength);
  return evaluatePieces(pieces, Math.max(scaledDistance, MULTI_ENERGY_FIT_RANGE.minScaledDistance));
}

/**
 * Dimensionless positive-phase duration t' = t+·c0/(E/P0)^(1/3) of strength 1–10 at r' (MSB B06-105 eq. 4.6
 * and Tabell 4.3), without range checks.
 * @throws RangeError naming `strength` when it is not an integer 1–10
 */
export function multiEnergyScaledDuration(strength: number, scaledDistance: number): number {
  return evaluatePieces(fitsFor(DURATION_FITS, strength), scaledDistance);
}

/**
 * Largest Sachs-scaled distance at which the overpressure of strength 1–10 is still ≥ P', the inverse of
 * `multiEnergyScaledOverpressure`. It is closed form, since every piece is a power law, and it allocates
 * nothing. On a plateau (the source overpressure) it returns the plateau's far end. If a threshold falls
 * inside a step down where two pieces join, the answer is the joint itself.
 * @param strength integer 1–10
 * @param scaledOverpressure P' threshold (0 < P' ≤ the curve's largest value, `multiEnergyMaxScaledOverpressure`)
 * @throws RangeError naming `overpressure` when the threshold is not positive or is never reached
 */
export function multiEnergyScaledDistance(strength: number, scaledOverpressure: number): number {
  const pieces = fitsFor(OVERPRESSURE_FITS, strength);
  if (!(scaledOverpressure > 0)) {
    throw new RangeError(`overpressure must be > 0, got a scaled overpressure of ${scaledOverpressure}`);
  }
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k]!;
    if (p.b === 0) {
      if (p.a >= scaledOverpressure) return p.rMax;
      continue;
    }
    if (p.rMax !== Infinity && p.a * p.rMax ** p.b >= scaledOverpressure) return p.rMax;
    const r = (scaledOverpressure / p.a) ** (1 / p.b);
    const rLow = k === 0 ? MULTI_ENERGY_FIT_RANGE.minScaledDistance : pieces[k - 1]!.rMax;
    if (r >= rLow) return r;
  }
  throw new RangeError(
    `overpressure ${scaledOverpressure}·P0 is above the largest value of the strength-${strength} ` +
      `Multi-Energy curve (${MAX_SCALED_OVERPRESSURE[strength - 1]!.toPrecision(4)}·P0): it is reached nowhere`,
  );
}

/**
 * Largest P' of the engine curve of strength 1–10. For strengths 1–9 this is the source overpressure, up to
 * 0.7 % more where a fitted piece starts just above the plateau. For strength 10 it is the held value at
 * r' = 0.1.
 */
export function multiEnergyMaxScaledOverpressure(strength: number): number {
  fitsFor(OVERPRESSURE_FITS, strength);
  return MAX_SCALED_OVERPRESSURE[strength - 1]!;
}

/**
 * Overpressure-versus-distance field of one Multi-Energy charge, prepared once per event for the risk engine:
 * `overpressureAt` and `distanceTo` allocate nothing and take no cube roots. `maxOverpressure` (Pa) is the
 * largest value the field reaches: a threshold above it is reached nowhere (then `distanceTo` throws, as the
 * TNT fields do).
 * @param strength integer 1–10 (MSB B06-105 Tabell 4.2)
 * @param energy charge energy E, J (> 0), e.g. `multiEnergyChargeEnergy(volume)`
 * @param ambientPressure P0, Pa (> 0); default 101325
 * @throws RangeError naming `strength`, `energy` or `ambientPressure`
 */
export function multiEnergyOverpressureField(
  strength: number,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): OverpressureField & { readonly maxOverpressure: number } {
  const pieces = fitsFor(OVERPRESSURE_FITS, strength);
  const toScaled = 1 / sachsLength(energy, ambientPressure);
  const minR = MULTI_ENERGY_FIT_RANGE.minScaledDistance;
  return {
    maxOverpressure: MAX_SCALED_OVERPRESSURE[strength - 1]! * ambientPressure,
    overpressureAt: (distance) =>
      ambientPressure * evaluatePieces(pieces, Math.max(distance * toScaled, minR)),
    distanceTo: (overpressure) =>
      multiEnergyScaledDistance(strength, overpressure / ambientPressure) / toScaled,
  };
}

/**
 * Distances covered by the fits for one charge, m: r' from 0.1 out to where P' falls to 0.001
 * (MSB B06-105 Tabell 4.2 and Figur 4.3).
 * @throws RangeError naming `strength`, `energy` or `ambientPressure`
 */
export function multiEnergyDistanceRange(
  strength: number,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): { min: Metres; max: Metres } {
  fitsFor(OVERPRESSURE_FITS, strength);
  const length = sachsLength(energy, ambientPressure);
  return {
    min: (MULTI_ENERGY_FIT_RANGE.minScaledDistance * length) as Metres,
    max: (MAX_SCALED_DISTANCE[strength - 1]! * length) as Metres,
  };
}

export interface MultiEnergyBlastInput {
  /** Distance from the centre of the obstructed region, m (> 0). */
  distance: Metres;
  /** Charge energy E, J (> 0): 3.5 MJ/m³ × stoichiometric volume in the obstructed region. */
  energy: Joules;
  /** Charge strength, integer 1–10; default 7. */
  strength?: number;
  /** Ambient pressure P0, Pa; default 101325. */
  ambientPressure?: Pascals;
  /** Ambient sound speed c0, m/s; default 340. */
  soundSpeed?: MetresPerSecond;
}

export interface MultiEnergyBlastResult {
  /** Sachs-scaled distance r' = R/(E/P0)^(1/3). */
  scaledDistance: number;
  /** Side-on overpressure ΔP, Pa. */
  overpressure: Pascals;
  /** Positive-phase side-on impulse, Pa·s (triangular pulse, ΔP·t+/2). */
  impulse: PascalSeconds;
  /** Positive-phase duration t+, s. */
  duration: Seconds;
  /** P' = ΔP/P0. */
  scaledOverpressure: number;
  /** t' = t+·c0/(E/P0)^(1/3). */
  scaledDuration: number;
  /** i' = i·c0/(E^(1/3)·P0^(2/3)) = P'·t'/2. */
  scaledImpulse: number;
}

/** Default Multi-Energy charge strength (spec/model-cli.md). */
export const DEFAULT_MULTI_ENERGY_STRENGTH = 7;

/**
 * Blast of a Multi-Energy charge at one distance: the `multi-energy` model (spec/model-cli.md). Uses
 * MSB B06-105 eq. (4.5) and (4.6) with Tabell 4.2 and 4.3 for P' and t', and eq. (4.7) for the impulse,
 * i' = P'·t'/2 (a triangular pulse). The results are unscaled with Sachs scaling (models.md §6.2):
 * ΔP = P'·P0, t+ = t'·(E/P0)^(1/3)/c0, i = i'·E^(1/3)·P0^(2/3)/c0.
 * @throws RangeError naming `distance` and the valid distances when r' < 0.1 or P' < 0.001 (outside the fits);
 *   naming `strength`, `energy`, `ambientPressure` or `soundSpeed` when those are invalid
 */
export function multiEnergyBlast(input: MultiEnergyBlastInput): MultiEnergyBlastResult {
  const strength = input.strength ?? DEFAULT_MULTI_ENERGY_STRENGTH;
  const p0 = input.ambientPressure ?? STANDARD_ATMOSPHERE;
  const c0 = input.soundSpeed ?? (340 as MetresPerSecond);
  checkSoundSpeed(c0);
  const range = multiEnergyDistanceRange(strength, input.energy, p0);
  if (!(input.distance >= range.min && input.distance <= range.max)) {
    throw new RangeError(
      `distance ${input.distance} m is outside the Multi-Energy fits (r' from 0.1 to where ΔP/P0 = 0.001): ` +
        `for this charge and strength ${strength} use ${range.min.toPrecision(4)}–${range.max.toPrecision(4)} m`,
    );
  }
  const scaledDistance = sachsScaledDistance(input.distance, input.energy, p0);
  const scaledOverpressure = evaluatePieces(OVERPRESSURE_FITS[strength - 1]!, scaledDistance);
  const scaledDuration = evaluatePieces(DURATION_FITS[strength - 1]!, scaledDistance);
  const scaledImpulse = (scaledOverpressure * scaledDuration) / 2;
  return {
    scaledDistance,
    overpressure: (scaledOverpressure * p0) as Pascals,
    impulse: sachsImpulse(scaledImpulse, input.energy, p0, c0),
    duration: sachsDuration(scaledDuration, input.energy, p0, c0),
    scaledOverpressure,
    scaledDuration,
    scaledImpulse,
  };
}
