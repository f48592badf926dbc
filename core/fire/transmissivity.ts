import type { Kelvin, Metres, Pascals, Probability } from '../units/index.ts';

/** One mmHg in Pa (760 mmHg = 101325 Pa). */
const PASCALS_PER_MMHG = 101325 / 760;

/**
 * Saturated vapour pressure of water over liquid water, Pa: p = exp(20.386 − 5132/T) mmHg, the fit used with
 * Wayne's transmissivity in HyRAM (`calc_transmissivity`). Within 3 % of the steam tables from 15 to 40 °C,
 * 8 % high at 0 °C; kept because it is the fit that goes with the correlation below in HyRAM.
 * @param temperature K (> 0)
 */
export function saturatedWaterVapourPressure(temperature: Kelvin): Pascals {
  if (!(temperature > 0)) throw new RangeError(`temperature must be > 0 K, got ${temperature}`);
  return (Math.exp(20.386 - 5132 / temperature) * PASCALS_PER_MMHG) as Pascals;
}

/**
 * Shortest path for which Wayne's fit is used as it stands, m. Its log² terms are fitted to paths of metres
 * and more; for a shorter path they turn the curve over, so the value at 1 m is used instead.
 */
export const WAYNE_MIN_PATH = 1 as Metres;

/**
 * Atmospheric transmissivity of thermal radiation over a path, Wayne (1991) correlation (J. Loss Prev.
 * Process Ind. 4:86), as coded in HyRAM `calc_transmissivity` (models.md §5.1 item 6):
 *   X_H2O = RH·X·p_sat[mmHg]·288.651/T,  X_CO2 = X·(273/T)·(CO2/335 ppm),
 *   τ = 1.006 − 0.01171·log X_H2O − 0.02368·log² X_H2O − 0.03188·log X_CO2 + 0.001164·log² X_CO2 (log₁₀).
 * The result is limited to [0, 1]. Paths shorter than {@link WAYNE_MIN_PATH} use the 1 m value.
 * @param pathLength X, flame surface to target, m (≥ 0)
 * @param temperature ambient temperature, K
 * @param relativeHumidity RH, 0–1
 * @param co2ppm atmospheric CO₂, ppm by volume; default 335 (Wayne's reference)
 */
export function transmissivityWayne(
  pathLength: Metres,
  temperature: Kelvin,
  relativeHumidity: number,
  co2ppm = 335,
): Probability {
  if (!(pathLength >= 0)) throw new RangeError(`pathLength must be ≥ 0 m, got ${pathLength}`);
  if (!(relativeHumidity >= 0 && relativeHumidity <= 1))
    throw new RangeError(`relativeHumidity must be in [0, 1], got ${relativeHumidity}`);
  if (!(co2ppm > 0)) throw new RangeError(`co2ppm must be > 0, got ${co2ppm}`);
  const x = Math.max(pathLength, WAYNE_MIN_PATH);
  const pSatMmHg = saturatedWaterVapourPressure(temperature) / PASCALS_PER_MMHG;
  const co2 = Math.log10(((x * 273) / temperature) * (co2ppm / 335));
  // Dry air has no water term (log of 0): the CO₂ band alone remains.
  const h2oPath = (relativeHumidity * x * pSatMmHg * 288.651) / temperature;
  const h2o = h2oPath > 0 ? Math.log10(h2oPath) : undefined;
  const tau =
    1.006 -
    (h2o === undefined ? 0 : 0.01171 * h2o + 0.02368 * h2o * h2o) -
    0.03188 * co2 +
    0.001164 * co2 * co2;
  return Math.min(1, Math.max(0, tau)) as Probability;
}

/**
 * Atmospheric transmissivity, Bagster (1986) as YB (2005) eq. 6.29: τ = 2.02·(p_w·X)^−0.09, p_w = RH·p_sat(T)
 * (Pa), X path length (m). Fitted for 10⁴ < p_w·X < 10⁵ Pa·m; outside that the value is extrapolated and
 * limited to ≤ 1.
 * @param pathLength X, m (> 0); temperature K; relativeHumidity 0–1 (> 0)
 */
export function transmissivityBagster(
  pathLength: Metres,
  temperature: Kelvin,
  relativeHumidity: number,
): Probability {
  if (!(pathLength > 0)) throw new RangeError(`pathLength must be > 0 m, got ${pathLength}`);
  if (!(relativeHumidity > 0 && relativeHumidity <= 1))
    throw new RangeError(`relativeHumidity must be in (0, 1], got ${relativeHumidity}`);
  const pw = relativeHumidity * saturatedWaterVapourPressure(temperature);
  return Math.min(1, 2.02 * (pw * pathLength) ** -0.09) as Probability;
}

/** How the air between flame and target is described: a fixed τ, or the weather for Wayne's correlation. */
export type Atmosphere =
  { transmissivity: number } | { temperature: Kelvin; relativeHumidity: number; co2ppm?: number };

/**
 * τ over a path for the given atmosphere: the fixed value, or {@link transmissivityWayne}.
 * @param pathLength flame surface to target, m
 */
export function atmosphericTransmissivity(atmosphere: Atmosphere, pathLength: Metres): Probability {
  if ('transmissivity' in atmosphere) {
    const tau = atmosphere.transmissivity;
    if (!(tau >= 0 && tau <= 1)) throw new RangeError(`transmissivity must be in [0, 1], got ${tau}`);
    return tau as Probability;
  }
  return transmissivityWayne(
    pathLength,
    atmosphere.temperature,
    atmosphere.relativeHumidity,
    atmosphere.co2ppm,
  );
}
