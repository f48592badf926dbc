import {
  GAS_CONSTANT,
  GRAVITY,
  type JoulesPerKilogram,
  type Kelvin,
  type KilogramsPerCubicMetre,
  type KilogramsPerMole,
  type KilogramsPerSecond,
  type Metres,
  type MetresPerSecond,
  type Pascals,
  type SquareMetres,
  type WattsPerSquareMetre,
} from '../units/index.ts';
import { frustumMesh, meshViewFactorMax, type FlameSurfaceMesh, type Vec3 } from './flame-surface.ts';
import { atmosphericTransmissivity, type Atmosphere } from './transmissivity.ts';

/** Molar mass of dry air, kg/mol. */
const AIR_MOLAR_MASS = 0.028964;
const DEG = Math.PI / 180;

/** State of a gas jet once it has expanded to ambient pressure. */
export interface ExpandedJet {
  mach: number;
  temperature: Kelvin;
  velocity: MetresPerSecond;
  density: KilogramsPerCubicMetre;
}

/**
 * Expanded-jet state for Chamberlain's model (YB (2005) §6.5): isentropic expansion of an ideal gas from
 * its stagnation state to ambient pressure, M_j² = (2/(γ−1))·[(P0/Pa)^((γ−1)/γ) − 1] — for a choked hole the
 * same as YB's form from the throat pressure P_c; T_j = T0/(1 + (γ−1)/2·M_j²); u_j = M_j·√(γ·R·T_j/M);
 * ρ_j = Pa·M/(R·T_j).
 * @param stagnationPressure P0, Pa absolute (> ambientPressure); stagnationTemperature T0, K
 * @param gamma cp/cv (> 1); molarMass kg/mol; ambientPressure Pa
 */
export function expandedJet(
  stagnationPressure: Pascals,
  stagnationTemperature: Kelvin,
  gamma: number,
  molarMass: KilogramsPerMole,
  ambientPressure: Pascals,
): ExpandedJet {
  if (!(gamma > 1)) throw new RangeError(`gamma must be > 1, got ${gamma}`);
  if (!(stagnationPressure > ambientPressure))
    throw new RangeError(
      `stagnation pressure ${stagnationPressure} Pa must exceed ambient ${ambientPressure} Pa`,
    );
  const g1 = gamma - 1;
  const mach = Math.sqrt((2 / g1) * ((stagnationPressure / ambientPressure) ** (g1 / gamma) - 1));
  const temperature = stagnationTemperature / (1 + (g1 / 2) * mach * mach);
  return {
    mach,
    temperature: temperature as Kelvin,
    velocity: (mach * Math.sqrt((gamma * GAS_CONSTANT * temperature) / molarMass)) as MetresPerSecond,
    density: ((ambientPressure * molarMass) / (GAS_CONSTANT * temperature)) as KilogramsPerCubicMetre,
  };
}

export interface JetFireInput {
  /** Mass release rate m, kg/s (> 0). */
  massRate: KilogramsPerSecond;
  /** Velocity of the jet expanded to ambient pressure u_j, m/s (> 0); see {@link expandedJet}. */
  jetVelocity: MetresPerSecond;
  /** Molar mass of the fuel, kg/mol (> 0). */
  molarMass: KilogramsPerMole;
  /** Heat of combustion ΔHc, J/kg (> 0). */
  heatOfCombustion: JoulesPerKilogram;
  /** Air density ρ_air, kg/m³; default 1.225. */
  airDensity?: KilogramsPerCubicMetre;
  /**
   * Density of the expanded jet ρ_j, kg/m³ (only the base width W1 uses it); default: the fuel at the air's
   * temperature and pressure, ρ_air·M/M_air. {@link expandedJet} gives the true (colder, denser) value.
   */
  jetDensity?: KilogramsPerCubicMetre;
  /** Wind speed u_w, m/s; default 0. */
  windSpeed?: MetresPerSecond;
  /** θ_jv: angle between the hole axis and the horizontal, in the wind direction, degrees; default 90 (upward). */
  angleDeg?: number;
}

/** Chamberlain flame: a frustum of a cone lifted off the hole and leaning with the wind. */
export interface JetFire {
  /** Effective source diameter D_s, m. */
  sourceDiameter: Metres;
  /** Flame length (hole to tip) of a vertical flame in still air, L_b0, m. */
  flameLengthStillAir: Metres;
  /** Flame length hole to tip, L_b, m. */
  flameLength: Metres;
  /** α: angle between the hole axis and the flame axis, degrees (positive turns the flame downwind). */
  tiltDeg: number;
  /** Lift-off distance b along the hole axis, m. */
  liftOff: Metres;
  /** Frustum length R_l, m. */
  frustumLength: Metres;
  /** Frustum base width W1 and tip width W2, m. */
  widthBase: Metres;
  widthTip: Metres;
  /** Frustum surface area including both ends, m². */
  surfaceArea: SquareMetres;
  /** Fraction of the heat of combustion radiated, F_s. */
  radiativeFraction: number;
  /** Surface emissive power, W/m². */
  sep: WattsPerSquareMetre;
  /** θ_jv used, degrees. */
  angleDeg: number;
}

/**
 * Chamberlain (1987) jet-fire model as YB (2005) §6.5 and Assael & Kakosimos (2010) §4 (models.md §5.2):
 * - D_s = √(4m/(π·ρ_air·u_j)); W = M/(15.816·M + 0.0395) (stoichiometric mass fraction, M in kg/mol);
 * - L_b0 = Y·D_s, Y from 0.024·(g·D_s/u_j²)^(1/3)·Y^(5/3) + 0.2·Y^(2/3) − (2.85/W)^(2/3) = 0;
 * - L_b = L_b0·(0.51·e^(−0.4·u_w) + 0.49)·(1 − 6.07e-3·(θ_jv − 90°));
 * - α = (θ_jv − 90)(1 − e^(−25.6r)) + 8000r/Ri(L_b0) (r ≤ 0.05) or + (134 + 1726√(r − 0.026))/Ri(L_b0),
 *   r = u_w/u_j, Ri(L) = L·(g/(D_s²·u_j²))^(1/3);
 * - b = L_b·sin(Kα)/sin α, K = 0.185·e^(−20r) + 0.015; R_l = √(L_b² − b²·sin²α) − b·cos α;
 * - W1 = D_s·(13.5·e^(−6r) + 1.5)·[1 − (1 − √(ρ_air/ρ_j)/15)·e^(−70·Ri(D_s)·C'·r)], C' = 1000·e^(−100r) + 0.8;
 *   W2 = L_b·(0.18·e^(−1.5r) + 0.31)·(1 − 0.47·e^(−25r));
 * - A = (π/4)(W1² + W2²) + (π/2)(W1 + W2)·√(R_l² + ((W2 − W1)/2)²);
 * - F_s = 0.21·e^(−0.00323·u_j) + 0.11; SEP = F_s·m·ΔHc/A.
 * Fitted on vertical and inclined natural-gas flares; horizontal releases and non-hydrocarbon fuels are
 * extrapolations (see docs/models/fires.md).
 */
export function jetFire(input: JetFireInput): JetFire {
  const m = input.massRate;
  const uj = input.jetVelocity;
  positive('massRate', m);
  positive('jetVelocity', uj);
  positive('molarMass', input.molarMass);
  positive('heatOfCombustion', input.heatOfCombustion);
  const rhoAir = input.airDensity ?? (1.225 as KilogramsPerCubicMetre);
  positive('airDensity', rhoAir);
  const rhoJet = input.jetDensity ?? rhoAir * (input.molarMass / AIR_MOLAR_MASS);
  positive('jetDensity', rhoJet);
  const uw = input.windSpeed ?? 0;
  if (!(uw >= 0)) throw new RangeError(`windSpeed must be ≥ 0 m/s, got ${uw}`);
  const thetaJv = input.angleDeg ?? 90;
  if (!(thetaJv >= 0 && thetaJv <= 180)) throw new RangeError(`angleDeg must be in [0, 180], got ${thetaJv}`);

  const ds = Math.sqrt((4 * m) / (Math.PI * rhoAir * uj));
  const w = input.molarMass / (15.816 * input.molarMass + 0.0395);
  const lb0 = stillAirLengthRatio(ds, uj, w) * ds;
  const lb = lb0 * (0.51 * Math.exp(-0.4 * uw) + 0.49) * (1 - 6.07e-3 * (thetaJv - 90));
  const richardsonScale = Math.cbrt(GRAVITY / (ds * ds * uj * uj));
  const riLb0 = lb0 * richardsonScale;
  const r = uw / uj;
  const turn = (thetaJv - 90) * (1 - Math.exp(-25.6 * r));
  const alphaDeg = turn + (r <= 0.05 ? (8000 * r) / riLb0 : (134 + 1726 * Math.sqrt(r - 0.026)) / riLb0);
  const alpha = alphaDeg * DEG;
  const k = 0.185 * Math.exp(-20 * r) + 0.015;
  // sin(Kα)/sin α → K as α → 0 (a straight flame lifts off by K·L_b).
  const liftOff = Math.abs(alpha) < 1e-9 ? k * lb : (lb * Math.sin(k * alpha)) / Math.sin(alpha);
  const frustumLength = Math.sqrt(lb * lb - liftOff ** 2 * Math.sin(alpha) ** 2) - liftOff * Math.cos(alpha);
  const riDs = ds * richardsonScale;
  const cPrime = 1000 * Math.exp(-100 * r) + 0.8;
  const w1 =
    ds *
    (13.5 * Math.exp(-6 * r) + 1.5) *
    (1 - (1 - Math.sqrt(rhoAir / rhoJet) / 15) * Math.exp(-70 * riDs * cPrime * r));
  const w2 = lb * (0.18 * Math.exp(-1.5 * r) + 0.31) * (1 - 0.47 * Math.exp(-25 * r));
  const area =
    (Math.PI / 4) * (w1 * w1 + w2 * w2) +
    (Math.PI / 2) * (w1 + w2) * Math.sqrt(frustumLength ** 2 + ((w2 - w1) / 2) ** 2);
  const fs = 0.21 * Math.exp(-0.00323 * uj) + 0.11;
  return {
    sourceDiameter: ds as Metres,
    flameLengthStillAir: lb0 as Metres,
    flameLength: lb as Metres,
    tiltDeg: alphaDeg,
    liftOff: liftOff as Metres,
    frustumLength: frustumLength as Metres,
    widthBase: w1 as Metres,
    widthTip: w2 as Metres,
    surfaceArea: area as SquareMetres,
    radiativeFraction: fs,
    sep: ((fs * m * input.heatOfCombustion) / area) as WattsPerSquareMetre,
    angleDeg: thetaJv,
  };
}

/**
 * Y = L_b0/D_s from Chamberlain's still-air correlation 0.024·(g·D_s/u_j²)^(1/3)·Y^(5/3) + 0.2·Y^(2/3) =
 * (2.85/W)^(2/3) (YB (2005) §6.5). The left side rises monotonically in Y, so bisection on z = Y^(2/3)
 * between 0 and the buoyancy-free root always converges.
 */
function stillAirLengthRatio(ds: number, uj: number, w: number): number {
  const c = 0.024 * Math.cbrt((GRAVITY * ds) / (uj * uj));
  const rhs = (2.85 / w) ** (2 / 3);
  // In z = Y^(2/3): c·z^2.5 + 0.2·z = rhs.
  let lo = 0;
  let hi = rhs / 0.2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const z = (lo + hi) / 2;
    if (c * z ** 2.5 + 0.2 * z > rhs) hi = z;
    else lo = z;
  }
  return ((lo + hi) / 2) ** 1.5;
}

/**
 * A jet flame placed in space, ready for flux evaluations: the frustum surface mesh, its base, axis and
 * centre (x downwind, y crosswind, z up, m). Build once per flame with {@link placeJetFire}.
 */
export interface PlacedJetFire {
  fire: JetFire;
  surface: FlameSurfaceMesh;
  base: Vec3;
  axis: Vec3;
  centre: Vec3;
}

/**
 * Where the flame sits: the hole at height `releaseHeight` above the origin, the hole axis in the vertical
 * plane of the wind (x downwind) at θ_jv above the horizontal; the frustum starts at the lift-off point b along
 * the hole axis and its axis is turned by α from the hole axis towards the downwind horizontal (YB (2005)
 * §6.5; Chamberlain 1987).
 * @param releaseHeight height of the hole above the ground, m (≥ 0)
 */
export function placeJetFire(fire: JetFire, releaseHeight: Metres): PlacedJetFire {
  if (!(releaseHeight >= 0)) throw new RangeError(`releaseHeight must be ≥ 0 m, got ${releaseHeight}`);
  const hole = fire.angleDeg * DEG;
  const flame = (fire.angleDeg - fire.tiltDeg) * DEG;
  const base: Vec3 = [fire.liftOff * Math.cos(hole), 0, releaseHeight + fire.liftOff * Math.sin(hole)];
  const axis: Vec3 = [Math.cos(flame), 0, Math.sin(flame)];
  const half = fire.frustumLength / 2;
  return {
    fire,
    surface: frustumMesh(base, axis, fire.frustumLength, fire.widthBase / 2, fire.widthTip / 2),
    base,
    axis,
    centre: [base[0] + half * axis[0], base[1], base[2] + half * axis[2]],
  };
}

/**
 * Heat flux from a jet fire at a point (x, y, z), m, solid-flame method: q = SEP·F·τ (YB (2005) eq. 6.4), with
 * F the view factor of the Chamberlain frustum to a target turned to face it, integrated numerically over the
 * frustum surface (YB approximates the frustum by a cylinder to use the closed forms; the integral needs no
 * such step and holds for any target position). τ over the path from the frustum surface (distance to the
 * frustum centre less its mean radius). Parts of the flame below the ground do not radiate. A target inside
 * the frustum is in the flame: q = SEP. W/m²; allocation-free.
 */
export function jetFireHeatFlux(
  placed: PlacedJetFire,
  atmosphere: Atmosphere,
  x: number,
  y: number,
  z: number,
): WattsPerSquareMetre {
  const { fire, base, axis, centre } = placed;
  const dx = x - base[0];
  const dy = y - base[1];
  const dz = z - base[2];
  const along = dx * axis[0] + dy * axis[1] + dz * axis[2];
  if (along >= 0 && along <= fire.frustumLength) {
    const radius = (fire.widthBase + ((fire.widthTip - fire.widthBase) * along) / fire.frustumLength) / 2;
    if (dx * dx + dy * dy + dz * dz - along * along <= radius * radius) return fire.sep;
  }
  const viewFactor = meshViewFactorMax(placed.surface, x, y, z);
  const path = Math.hypot(x - centre[0], y - centre[1], z - centre[2]) - (fire.widthBase + fire.widthTip) / 4;
  const transmissivity = atmosphericTransmissivity(atmosphere, Math.max(0, path) as Metres);
  return (fire.sep * viewFactor * transmissivity) as WattsPerSquareMetre;
}

/**
 * Heat flux from a jet fire treated as a point source at the flame centre — the API 521 form (models.md §5.2):
 * q = τ·F_s·m·ΔHc/(4π·d²), d from the flame centre, m. A screening approximation: it ignores the flame's
 * shape and overestimates close to the flame.
 * @param radiatedPower F_s·m·ΔHc, W; distance d, m (> 0); transmissivity τ
 */
export function pointSourceHeatFlux(
  radiatedPower: number,
  distance: Metres,
  transmissivity: number,
): WattsPerSquareMetre {
  positive('distance', distance);
  return ((transmissivity * radiatedPower) / (4 * Math.PI * distance * distance)) as WattsPerSquareMetre;
}

/**
 * Heat flux along a ray from the point below the hole, for the risk engine's polar grid: fills `out[i]` with
 * q (W/m²) at ground distance `distances[i]` (m) on the bearing `bearing` (rad, 0 = downwind), target at
 * height `targetHeight` (m), solid-flame method of {@link jetFireHeatFlux}. No allocation per point.
 */
export function jetFireFluxProfile(
  placed: PlacedJetFire,
  atmosphere: Atmosphere,
  bearing: number,
  targetHeight: number,
  distances: Float64Array,
  out: Float64Array,
): void {
  if (out.length < distances.length) throw new RangeError('out must be at least as long as distances');
  const cos = Math.cos(bearing);
  const sin = Math.sin(bearing);
  for (let i = 0; i < distances.length; i++) {
    const d = distances[i]!;
    out[i] = jetFireHeatFlux(placed, atmosphere, d * cos, d * sin, targetHeight);
  }
}

function positive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}
