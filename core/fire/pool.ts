import {
  GRAVITY,
  type JoulesPerKilogram,
  type JoulesPerKilogramKelvin,
  type Kelvin,
  type KilogramsPerCubicMetre,
  type KilogramsPerSquareMetreSecond,
  type Metres,
  type MetresPerSecond,
  type Probability,
  type Radians,
  type SquareMetresPerSecond,
  type WattsPerSquareMetre,
} from '../units/index.ts';
import { meshViewFactorMax, obliqueCylinderMesh, type FlameSurfaceMesh } from './flame-surface.ts';
import { atmosphericTransmissivity, type Atmosphere } from './transmissivity.ts';
import { viewFactorCylinder, viewFactorCylinderMax } from './view-factor.ts';

/**
 * Burning rate of a pool, Babrauskas (1983) as YB (2005) eq. 6.66: m'' = m''∞·(1 − exp(−kβ·D)).
 * YB Table 6.5 gives m''∞ and kβ per fuel (gasoline 0.055, 2.1; LNG 0.078, 1.1; benzene 0.085, 2.7).
 * A fuel with no diameter term (methanol 0.015) is entered with kβ = Infinity.
 * @param maxBurningRate m''∞, kg/(m²·s) (> 0)
 * @param kBeta kβ, 1/m (> 0)
 * @param poolDiameter D, m (> 0)
 */
export function burningRateBabrauskas(
  maxBurningRate: KilogramsPerSquareMetreSecond,
  kBeta: number,
  poolDiameter: Metres,
): KilogramsPerSquareMetreSecond {
  positive('maxBurningRate', maxBurningRate);
  positive('kBeta', kBeta);
  positive('poolDiameter', poolDiameter);
  return (maxBurningRate * -Math.expm1(-kBeta * poolDiameter)) as KilogramsPerSquareMetreSecond;
}

/**
 * Burning rate from fuel properties, Burgess (YB (2005) eq. 6.67):
 * m'' = 0.001·ΔHc/(ΔHv + cp·(Tb − Ta)) for a liquid boiling above ambient, m'' = 0.001·ΔHc/ΔHv for a
 * liquefied gas (Tb ≤ Ta). kg/(m²·s).
 * @param heatOfCombustion ΔHc, J/kg; heatOfVaporization ΔHv at Tb, J/kg; liquidHeatCapacity cp, J/(kg·K)
 * @param boilingPoint Tb, K; ambientTemperature Ta, K
 */
export function burningRateBurgess(
  heatOfCombustion: JoulesPerKilogram,
  heatOfVaporization: JoulesPerKilogram,
  liquidHeatCapacity: JoulesPerKilogramKelvin,
  boilingPoint: Kelvin,
  ambientTemperature: Kelvin,
): KilogramsPerSquareMetreSecond {
  positive('heatOfCombustion', heatOfCombustion);
  positive('heatOfVaporization', heatOfVaporization);
  const sensible =
    boilingPoint > ambientTemperature ? liquidHeatCapacity * (boilingPoint - ambientTemperature) : 0;
  return ((0.001 * heatOfCombustion) / (heatOfVaporization + sensible)) as KilogramsPerSquareMetreSecond;
}

/**
 * Mean flame height of a pool fire in still air, Thomas (1963), YB (2005) ch. 6 (models.md §5.1 item 2):
 * L = 42·D·(m''/(ρa·√(g·D)))^0.61, m.
 */
export function flameLengthThomasStill(
  burningRate: KilogramsPerSquareMetreSecond,
  poolDiameter: Metres,
  airDensity: KilogramsPerCubicMetre,
): Metres {
  return (42 *
    poolDiameter *
    dimensionlessBurningRate(burningRate, poolDiameter, airDensity) ** 0.61) as Metres;
}

/**
 * Flame length of a pool fire in wind, Thomas as YB (2005) eqs. 6.12–6.14:
 * L = 55·D·(m''/(ρa·√(g·D)))^0.67·(u*)^−0.21, u* = u_w/u_c, u_c = (g·m''·D/ρa)^(1/3), u* = 1 if u_w < u_c. m.
 * @param windSpeed u_w at 10 m, m/s (≥ 0)
 */
export function flameLengthThomasWind(
  burningRate: KilogramsPerSquareMetreSecond,
  poolDiameter: Metres,
  airDensity: KilogramsPerCubicMetre,
  windSpeed: MetresPerSecond,
): Metres {
  const characteristicVelocity = Math.cbrt((GRAVITY * burningRate * poolDiameter) / airDensity);
  const uStar = Math.max(1, windSpeed / characteristicVelocity);
  return (55 *
    poolDiameter *
    dimensionlessBurningRate(burningRate, poolDiameter, airDensity) ** 0.67 *
    uStar ** -0.21) as Metres;
}

/**
 * Flame tilt from the vertical, YB (2005) eqs. 6.16 and 6.68–6.70: sinθ/cos²θ = 0.666·Fr^0.333·Re^0.117 with
 * Fr = u_w²/(g·D), Re = u_w·D/ν; solved as sinθ = (√(4c² + 1) − 1)/(2c). rad; 0 in still air.
 * @param windSpeed u_w, m/s (≥ 0); poolDiameter D, m; airViscosity ν, m²/s (> 0)
 */
export function flameTiltPool(
  windSpeed: MetresPerSecond,
  poolDiameter: Metres,
  airViscosity: SquareMetresPerSecond,
): Radians {
  positive('airViscosity', airViscosity);
  if (windSpeed === 0) return 0 as Radians;
  const froude = (windSpeed * windSpeed) / (GRAVITY * poolDiameter);
  const reynolds = (windSpeed * poolDiameter) / airViscosity;
  const c = 0.666 * froude ** 0.333 * reynolds ** 0.117;
  return Math.asin((Math.sqrt(4 * c * c + 1) - 1) / (2 * c)) as Radians;
}

/**
 * Surface emissive power of a smoky pool fire, YB (2005) eqs. 6.20/6.71:
 * SEP_max = F_s·m''·ΔHc/(1 + 4·L/D); SEP = SEP_max·(1 − s) + SEP_soot·s. W/m².
 * @param radiativeFraction F_s (YB example 0.4); sootFraction s (0.8); sootEmissivePower SEP_soot (20 kW/m²)
 */
export function surfaceEmissivePowerPool(
  burningRate: KilogramsPerSquareMetreSecond,
  heatOfCombustion: JoulesPerKilogram,
  flameLength: Metres,
  poolDiameter: Metres,
  radiativeFraction = 0.4,
  sootFraction = 0.8,
  sootEmissivePower = 20000 as WattsPerSquareMetre,
): { sepMax: WattsPerSquareMetre; sep: WattsPerSquareMetre } {
  const sepMax =
    (radiativeFraction * burningRate * heatOfCombustion) / (1 + (4 * flameLength) / poolDiameter);
  return {
    sepMax: sepMax as WattsPerSquareMetre,
    sep: (sepMax * (1 - sootFraction) + sootEmissivePower * sootFraction) as WattsPerSquareMetre,
  };
}

/**
 * Surface emissive power of a large hydrocarbon pool fire, Mudan & Croce as YB (2005) eq. 6.19:
 * SEP = 140·exp(−0.12·D) + 20·(1 − exp(−0.12·D)) kW/m². Returns W/m².
 */
export function surfaceEmissivePowerMudanCroce(poolDiameter: Metres): WattsPerSquareMetre {
  const clear = Math.exp(-0.12 * poolDiameter);
  return (1000 * (140 * clear + 20 * (1 - clear))) as WattsPerSquareMetre;
}

export interface PoolFireInput {
  /** Pool diameter D (equivalent circle), m (> 0). */
  poolDiameter: Metres;
  /** Heat of combustion ΔHc, J/kg (> 0). */
  heatOfCombustion: JoulesPerKilogram;
  /** Burning rate m'', kg/(m²·s); if absent, Babrauskas from `maxBurningRate` and `kBeta`. */
  burningRate?: KilogramsPerSquareMetreSecond;
  maxBurningRate?: KilogramsPerSquareMetreSecond;
  /** kβ, 1/m. */
  kBeta?: number;
  /** Wind speed at 10 m, m/s; default 0 (still air: Thomas still-air form and no tilt). */
  windSpeed?: MetresPerSecond;
  /** Air density, kg/m³; default 1.225. */
  airDensity?: KilogramsPerCubicMetre;
  /** Kinematic viscosity of air, m²/s; default 1.5e-5. */
  airViscosity?: SquareMetresPerSecond;
  /** Radiative fraction F_s; default 0.4. */
  radiativeFraction?: number;
  /** Fraction of the flame surface covered by soot, s; default 0.8. */
  sootFraction?: number;
  /** Emissive power of the soot-covered surface, W/m²; default 20000. */
  sootEmissivePower?: WattsPerSquareMetre;
}

/** The flame of a pool fire: a cylinder of the pool's diameter, leaning downwind (x). */
export interface PoolFire {
  poolDiameter: Metres;
  burningRate: KilogramsPerSquareMetreSecond;
  /** Flame length along its axis, m. */
  flameLength: Metres;
  /** Tilt of the flame axis from the vertical, downwind, rad. */
  tilt: Radians;
  sepMax: WattsPerSquareMetre;
  /** Emissive power of the flame surface used for the flux, W/m². */
  sep: WattsPerSquareMetre;
}

/**
 * Solid-flame pool fire, YB (2005) ch. 6 (worked example 6.6.3): burning rate (given or Babrauskas eq. 6.66),
 * flame length (Thomas: the still-air form when the wind is 0, with wind eqs. 6.12–6.14), tilt (eq. 6.16),
 * and emissive power (eqs. 6.20/6.71).
 * @throws RangeError for a non-positive diameter or heat of combustion, or when neither a burning rate nor
 *   the Babrauskas pair is given.
 */
export function poolFire(input: PoolFireInput): PoolFire {
  const d = input.poolDiameter;
  positive('poolDiameter', d);
  positive('heatOfCombustion', input.heatOfCombustion);
  const wind = input.windSpeed ?? (0 as MetresPerSecond);
  if (!(wind >= 0)) throw new RangeError(`windSpeed must be ≥ 0 m/s, got ${wind}`);
  const rhoAir = input.airDensity ?? (1.225 as KilogramsPerCubicMetre);
  positive('airDensity', rhoAir);
  let burningRate: KilogramsPerSquareMetreSecond;
  if (input.burningRate !== undefined) {
    positive('burningRate', input.burningRate);
    burningRate = input.burningRate;
  } else if (input.maxBurningRate !== undefined && input.kBeta !== undefined) {
    burningRate = burningRateBabrauskas(input.maxBurningRate, input.kBeta, d);
  } else {
    throw new RangeError('give burningRate, or maxBurningRate and kBeta (Babrauskas)');
  }
  const flameLength =
    wind > 0
      ? flameLengthThomasWind(burningRate, d, rhoAir, wind)
      : flameLengthThomasStill(burningRate, d, rhoAir);
  const tilt = flameTiltPool(wind, d, input.airViscosity ?? (1.5e-5 as SquareMetresPerSecond));
  const { sepMax, sep } = surfaceEmissivePowerPool(
    burningRate,
    input.heatOfCombustion,
    flameLength,
    d,
    input.radiativeFraction,
    input.sootFraction,
    input.sootEmissivePower,
  );
  return { poolDiameter: d, burningRate, flameLength, tilt, sepMax, sep };
}

/** Heat flux at a ground target. */
export interface FireHeatFlux {
  /** Vertical and horizontal view factors; 1 when engulfed. */
  fv: number;
  fh: number;
  /** View factor used: F_max = √(fv² + fh²) (target facing the flame); 1 when engulfed. */
  viewFactor: number;
  transmissivity: Probability;
  /** q = SEP·F·τ (YB (2005) eq. 6.4), W/m². */
  heatFlux: WattsPerSquareMetre;
  /** The target is inside the pool or under the leaning flame: in the flame, q = SEP. */
  engulfed: boolean;
}

/**
 * Heat flux from a pool fire at a ground target downwind, facing the flame: q = SEP·F_max·τ (YB (2005)
 * eq. 6.4) with the Mudan tilted-cylinder view factor (Raj when there is no tilt). The transmissivity path
 * runs from the pool edge to the target (X − R). A target inside the pool or under the leaning flame
 * (X ≤ R + L·sinθ) is engulfed: q = SEP, F = 1, τ = 1.
 * @param distance X, from the pool centre to the target, m (≥ 0)
 */
export function poolFireHeatFluxDownwind(
  fire: PoolFire,
  distance: Metres,
  atmosphere: Atmosphere,
): FireHeatFlux {
  if (!(distance >= 0)) throw new RangeError(`distance must be ≥ 0 m, got ${distance}`);
  const r = fire.poolDiameter / 2;
  const a = fire.flameLength / r;
  const b = distance / r;
  if (b <= 1 + a * Math.sin(fire.tilt)) return engulfed(fire.sep);
  const f = viewFactorCylinder(a, b, fire.tilt);
  const transmissivity = atmosphericTransmissivity(atmosphere, (distance - r) as Metres);
  return {
    fv: f.fv,
    fh: f.fh,
    viewFactor: f.fmax,
    transmissivity,
    heatFlux: (fire.sep * f.fmax * transmissivity) as WattsPerSquareMetre,
    engulfed: false,
  };
}

/**
 * Heat flux along a ray from the pool centre, for the risk engine's polar grid: fills `out[i]` with q (W/m²)
 * at ground distance `distances[i]` (m) on the bearing `bearing` (rad, 0 = downwind, π = upwind), for a
 * target turned to face the flame. Downwind (or for an upright flame) it uses the closed form (Mudan/Raj);
 * on other bearings the numerical view factor of the same leaning cylinder (flame-surface.ts). Targets
 * inside the pool or under the flame get q = SEP. No allocation per point.
 */
export function poolFireFluxProfile(
  fire: PoolFire,
  atmosphere: Atmosphere,
  bearing: number,
  distances: Float64Array,
  out: Float64Array,
): void {
  if (out.length < distances.length) throw new RangeError('out must be at least as long as distances');
  const r = fire.poolDiameter / 2;
  // An upright flame looks the same from every bearing, so the closed form serves all of them.
  const closedForm = fire.tilt === 0 || Math.cos(bearing) === 1;
  const mesh: FlameSurfaceMesh | undefined = closedForm
    ? undefined
    : obliqueCylinderMesh(r, fire.flameLength, fire.tilt);
  const cos = Math.cos(bearing);
  const sin = Math.sin(bearing);
  const lean = fire.flameLength * Math.sin(fire.tilt);
  for (let i = 0; i < distances.length; i++) {
    const x = distances[i]!;
    if (mesh === undefined) {
      out[i] =
        x <= r + lean
          ? fire.sep
          : fire.sep *
            viewFactorCylinderMax(fire.flameLength / r, x / r, fire.tilt) *
            atmosphericTransmissivity(atmosphere, (x - r) as Metres);
      continue;
    }
    const tx = x * cos;
    const ty = x * sin;
    // Under the flame: inside the footprint swept by the pool circle as it leans downwind.
    const along = Math.min(Math.max(tx, 0), lean);
    if ((tx - along) ** 2 + ty * ty <= r * r) {
      out[i] = fire.sep;
      continue;
    }
    const tau = atmosphericTransmissivity(atmosphere, Math.max(0, x - r) as Metres);
    out[i] = fire.sep * meshViewFactorMax(mesh, tx, ty, 0) * tau;
  }
}

function engulfed(sep: WattsPerSquareMetre): FireHeatFlux {
  return { fv: 1, fh: 1, viewFactor: 1, transmissivity: 1 as Probability, heatFlux: sep, engulfed: true };
}

function dimensionlessBurningRate(
  burningRate: KilogramsPerSquareMetreSecond,
  poolDiameter: Metres,
  airDensity: KilogramsPerCubicMetre,
): number {
  return burningRate / (airDensity * Math.sqrt(GRAVITY * poolDiameter));
}

function positive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}
