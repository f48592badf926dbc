import { STANDARD_ATMOSPHERE, type Kilograms, type Metres, type Pascals } from '../units/index.ts';
import {
  KINGERY_BULMASH_MAX_OVERPRESSURE,
  kingeryBulmash,
  kingeryBulmashOverpressure,
  kingeryBulmashScaledDistance,
} from './kingery-bulmash.ts';
import { kinneyGrahamOverpressureRatio, kinneyGrahamScaledDistance } from './kinney-graham.ts';
import { hopkinsonScaledDistance } from './tnt.ts';

/** TNT blast curves: Kingery-Bulmash hemispherical surface burst, or Kinney-Graham free-air burst. */
export type TntBlastCurve = 'kingery-bulmash' | 'kinney-graham';

/**
 * Peak overpressure as a function of distance for one charge, prepared once per event so that the risk
 * engine's per-cell calls do no allocation and no cube roots of the charge.
 */
export interface OverpressureField {
  /** Peak side-on overpressure at `distance` m from the charge centre, Pa. Allocation-free. */
  overpressureAt(distance: number): number;
  /**
   * Largest distance at which the overpressure is still ≥ `overpressure` Pa, m. Allocation-free.
   * @throws RangeError when the threshold is not positive or above the curve's largest value
   */
  distanceTo(overpressure: number): number;
}

/**
 * Sachs ambient-pressure scaling (Baker 1973, as in models.md §6.2): a charge at ambient pressure Pa behaves
 * like one at the reference pressure with Z' = Z·(Pa/P_ref)^(1/3) and ΔP = (Pa/P_ref)·ΔP_ref(Z').
 * The sound-speed (temperature) part of the scaling is not applied: the curves are for 15 °C air.
 */
function sachsRatio(ambientPressure: number): number {
  if (!(ambientPressure > 0)) throw new RangeError(`ambientPressure must be > 0 Pa, got ${ambientPressure}`);
  return ambientPressure / STANDARD_ATMOSPHERE;
}

/**
 * Prepares the overpressure-versus-distance field of a TNT charge for the risk engine.
 * Kingery-Bulmash (Swisdak 1994 fit, hemispherical surface burst; held constant below Z = 0.2 and continued as
 * its power law beyond Z = 198.5, see `kingeryBulmashOverpressure`) or Kinney & Graham (1985, free-air sphere).
 * @param curve blast curve
 * @param tntMass TNT-equivalent mass W, kg (> 0)
 * @param ambientPressure Pa (> 0); default 101325 (Sachs scaling, see above)
 * @throws RangeError when tntMass or ambientPressure is not positive
 */
export function tntOverpressureField(
  curve: TntBlastCurve,
  tntMass: Kilograms,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): OverpressureField {
  if (!(tntMass > 0)) throw new RangeError(`tntMass must be > 0 kg, got ${tntMass}`);
  const s = sachsRatio(ambientPressure);
  // Z' = R·(s/W)^(1/3): one length scale per charge.
  const toScaled = Math.cbrt(s / tntMass);
  if (curve === 'kingery-bulmash') {
    return {
      overpressureAt: (distance) => s * kingeryBulmashOverpressure(distance * toScaled),
      distanceTo: (overpressure) => {
        if (!(overpressure > 0 && overpressure <= s * KINGERY_BULMASH_MAX_OVERPRESSURE)) {
          throw new RangeError(
            `overpressure ${overpressure} Pa is outside the Kingery-Bulmash range ` +
              `(0, ${(s * KINGERY_BULMASH_MAX_OVERPRESSURE).toFixed(0)}] Pa`,
          );
        }
        return kingeryBulmashScaledDistance(overpressure / s) / toScaled;
      },
    };
  }
  return {
    overpressureAt: (distance) => ambientPressure * kinneyGrahamOverpressureRatio(distance * toScaled),
    distanceTo: (overpressure) => kinneyGrahamScaledDistance(overpressure / ambientPressure) / toScaled,
  };
}

/**
 * Fills `out[i]` with the overpressure at `distances[i]`, Pa: a radial profile for the risk engine.
 * @throws RangeError when the arrays differ in length
 */
export function fillOverpressureProfile(
  field: OverpressureField,
  distances: Float64Array,
  out: Float64Array,
): void {
  if (out.length !== distances.length) {
    throw new RangeError(`out has ${out.length} elements, distances has ${distances.length}`);
  }
  for (let i = 0; i < distances.length; i++) out[i] = field.overpressureAt(distances[i]!);
}

export interface BlastTntInput {
  /** TNT-equivalent mass, kg (> 0). */
  tntMass: Kilograms;
  /** Distance from the charge centre, m (> 0). */
  distance: Metres;
  /** Default kingery-bulmash. */
  curve?: TntBlastCurve;
  /** Ambient pressure, Pa; default 101325. */
  ambientPressure?: Pascals;
}

export interface BlastTntResult {
  /** Hopkinson-Cranz scaled distance R/W^(1/3), m/kg^(1/3) (before the ambient-pressure correction). */
  scaledDistance: number;
  /** Peak side-on overpressure, Pa. */
  overpressure: Pascals;
  /** Incident positive impulse, Pa·s (Kingery-Bulmash only, for Z ≤ 158.7). */
  impulse?: number;
  /** Time of arrival, s (Kingery-Bulmash only, Z ≤ 40). */
  arrivalTime?: number;
  /** Positive-phase duration, s (Kingery-Bulmash only, Z ≤ 40). */
  positivePhaseDuration?: number;
}

/**
 * Blast parameters of a TNT charge at one distance: the `blast-tnt` model (spec/model-cli.md).
 * Kingery-Bulmash: Swisdak (1994) fits with Sachs scaling for the ambient pressure (impulse × s^(2/3)·W^(1/3),
 * times × W^(1/3)/s^(1/3), s = Pa/101325). Kinney-Graham (1985): overpressure only.
 * @throws RangeError naming `distance` when the Kingery-Bulmash scaled distance is outside 0.2–198.5 m/kg^(1/3)
 */
export function blastTnt(input: BlastTntInput): BlastTntResult {
  const curve = input.curve ?? 'kingery-bulmash';
  const pa = input.ambientPressure ?? STANDARD_ATMOSPHERE;
  const s = sachsRatio(pa);
  if (!(input.tntMass > 0)) throw new RangeError(`tntMass must be > 0 kg, got ${input.tntMass}`);
  if (!(input.distance > 0)) throw new RangeError(`distance must be > 0 m, got ${input.distance}`);
  const scaledDistance = hopkinsonScaledDistance(input.distance, input.tntMass);
  const zSachs = scaledDistance * Math.cbrt(s);
  if (curve === 'kinney-graham') {
    return { scaledDistance, overpressure: (pa * kinneyGrahamOverpressureRatio(zSachs)) as Pascals };
  }
  let kb;
  try {
    kb = kingeryBulmash(zSachs);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const w3 = Math.cbrt(input.tntMass / s);
    throw new RangeError(
      `distance ${input.distance} m gives a scaled distance of ${zSachs.toPrecision(4)} m/kg^(1/3), outside ` +
        `the Kingery-Bulmash range 0.2–198.5 m/kg^(1/3): for this charge use ` +
        `${(0.2 * w3).toPrecision(4)}–${(198.5 * w3).toPrecision(4)} m`,
    );
  }
  const w3 = Math.cbrt(input.tntMass);
  const result: BlastTntResult = { scaledDistance, overpressure: (s * kb.overpressure) as Pascals };
  if (kb.scaledImpulse !== undefined) result.impulse = kb.scaledImpulse * s ** (2 / 3) * w3;
  if (kb.scaledArrivalTime !== undefined) result.arrivalTime = (kb.scaledArrivalTime * w3) / Math.cbrt(s);
  if (kb.scaledPositivePhaseDuration !== undefined) {
    result.positivePhaseDuration = (kb.scaledPositivePhaseDuration * w3) / Math.cbrt(s);
  }
  return result;
}
