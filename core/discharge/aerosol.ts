import {
  GRAVITY,
  type DynamicViscosity,
  type Kelvin,
  type KilogramsPerCubicMetre,
  type Metres,
  type MetresPerSecond,
  type NewtonsPerMetre,
  type Probability,
} from '../units/index.ts';
import { erfc } from '../math/erf.ts';

export interface AirborneSplit {
  /** Mass fraction of the release that stays airborne (vapour plus aerosol), 0–1. */
  airborneFraction: Probability;
  /** Mass fraction that rains out to form a pool, 0–1 (= 1 − airborneFraction). */
  rainoutFraction: Probability;
}

/**
 * Screening rainout rule (CCPS99, used by several QRA tools; spec/models.md §1.4): the liquid carried as
 * aerosol equals the flashed mass, so the airborne fraction is twice the flash fraction, capped at 1.
 * @param flashFraction adiabatic flash fraction, 0–1 (see `flashFraction`).
 * @throws RangeError when flashFraction is outside 0–1.
 */
export function rainoutRuleOfThumb(flashFraction: Probability): AirborneSplit {
  requireFraction('flashFraction', flashFraction);
  const airborne = Math.min(1, 2 * flashFraction);
  return { airborneFraction: airborne as Probability, rainoutFraction: (1 - airborne) as Probability };
}

export interface DropletDiameterInput {
  /** Liquid surface tension, N/m (> 0), at the boiling point (the jet cools to it on flashing). */
  surfaceTension: NewtonsPerMetre;
  /** Air density, kg/m³ (> 0), evaluated as in the source at the boiling point. */
  airDensity: KilogramsPerCubicMetre;
  /** Liquid discharge velocity at the orifice, m/s (> 0). */
  dischargeVelocity: MetresPerSecond;
  /** Liquid temperature before release, K. */
  temperature: Kelvin;
  /** Normal boiling point, K. */
  boilingPoint: Kelvin;
  /** Critical Weber number of aerodynamic break-up; default 12 (RELEASE). */
  criticalWeber?: number;
}

export interface DropletDiameterResult {
  /** Aerodynamic break-up diameter σ·We_c/(ρ_air·u²), m. */
  aerodynamicDiameter: Metres;
  /** Flashing break-up diameter 0.03/(10 + 4·(T − Tb)) m (superheat in K). */
  flashingDiameter: Metres;
  /** Initial droplet diameter: the smaller of the two, m. */
  dropletDiameter: Metres;
}

/**
 * Initial droplet diameter of the RELEASE model (Johnson & Woodward 1999, CCPS; spec/models.md §1.4):
 * d_p = min(σ·We_c/(ρ_air·u_d²), 0.03/(10 + 4·(T − Tb))), We_c = 12. The second (flash-shattering)
 * correlation is dimensional (m, K); a liquid that is not superheated uses ΔT = 0, i.e. 3 mm.
 * @throws RangeError naming the parameter for non-positive σ, ρ_air, u_d or We_c.
 */
export function releaseDropletDiameter(input: DropletDiameterInput): DropletDiameterResult {
  const criticalWeber = input.criticalWeber ?? 12;
  requirePositive('surfaceTension', input.surfaceTension);
  requirePositive('airDensity', input.airDensity);
  requirePositive('dischargeVelocity', input.dischargeVelocity);
  requirePositive('criticalWeber', criticalWeber);
  const aerodynamic =
    (input.surfaceTension * criticalWeber) / (input.airDensity * input.dischargeVelocity ** 2);
  const superheat = Math.max(0, input.temperature - input.boilingPoint);
  const flashing = 0.03 / (10 + 4 * superheat);
  return {
    aerodynamicDiameter: aerodynamic as Metres,
    flashingDiameter: flashing as Metres,
    dropletDiameter: Math.min(aerodynamic, flashing) as Metres,
  };
}

/** White (1974) drag coefficient of a sphere, C_D = 0.4 + 24/Re + 6/(1 + √Re), valid Re < 2·10⁵. */
export function sphereDragCoefficient(reynolds: number): number {
  return 0.4 + 24 / reynolds + 6 / (1 + Math.sqrt(reynolds));
}

export interface CriticalDiameterInput {
  /** Liquid density, kg/m³. */
  liquidDensity: KilogramsPerCubicMetre;
  /** Air density, kg/m³ (> 0, < liquidDensity). */
  airDensity: KilogramsPerCubicMetre;
  /** Air dynamic viscosity, Pa·s (> 0). */
  airViscosity: DynamicViscosity;
  /** Liquid discharge velocity at the orifice, m/s (> 0). */
  dischargeVelocity: MetresPerSecond;
  /** Angle β of the critical trajectory, degrees; default 4.46 (RELEASE). */
  trajectoryAngleDeg?: number;
}

/**
 * Critical droplet diameter of the RELEASE model (spec/models.md §1.4): droplets larger than d_c settle
 * faster than u_c = u_d·tan β (β = 4.46°) and rain out. d_c is the diameter whose terminal velocity is u_c:
 * (ρ_L − ρ_a)·g·πd³/6 = C_D(Re)·½·ρ_a·u_c²·πd²/4, Re = ρ_a·u_c·d/μ_a, C_D by White (1974), i.e.
 * d_c = 3·C_D·ρ_a·u_c²/(4·g·(ρ_L − ρ_a)). Note the sign in White's term 6/(1 + √Re): the worked butane
 * example of [DIS-FLASH] codes 6/(1 − √Re) (public-cases.md caution).
 * The balance is solved by bisection on ln d: the residual is monotone in d, so the root is unique.
 * @returns the critical diameter, m.
 * @throws RangeError naming the parameter for non-positive inputs or air denser than the liquid.
 */
export function releaseCriticalDiameter(input: CriticalDiameterInput): Metres {
  const { liquidDensity, airDensity, airViscosity, dischargeVelocity } = input;
  const angleDeg = input.trajectoryAngleDeg ?? 4.46;
  requirePositive('airDensity', airDensity);
  requirePositive('airViscosity', airViscosity);
  requirePositive('dischargeVelocity', dischargeVelocity);
  if (!(liquidDensity > airDensity)) {
    throw new RangeError(`liquidDensity (${liquidDensity}) must exceed airDensity (${airDensity})`);
  }
  if (!(angleDeg > 0 && angleDeg < 90)) {
    throw new RangeError(`trajectoryAngleDeg must be in (0, 90), got ${angleDeg}`);
  }
  const criticalVelocity = dischargeVelocity * Math.tan((angleDeg * Math.PI) / 180);
  // residual(d) = d − d_c(C_D(Re(d))) rises with d because C_D falls with Re.
  const residual = (d: number) => {
    const reynolds = (airDensity * criticalVelocity * d) / airViscosity;
    return (
      d -
      (3 * sphereDragCoefficient(reynolds) * airDensity * criticalVelocity ** 2) /
        (4 * GRAVITY * (liquidDensity - airDensity))
    );
  };
  let lo = 1e-12;
  let hi = 10;
  if (residual(hi) < 0) throw new RangeError('dischargeVelocity too high: critical diameter above 10 m');
  for (let i = 0; i < 200 && hi / lo > 1 + 1e-14; i++) {
    const mid = Math.sqrt(lo * hi);
    if (residual(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi) as Metres;
}

/**
 * Mass fraction of the (unflashed) liquid carried as aerosol: the droplets smaller than d_c in a
 * log-normal mass distribution with geometric standard deviation σ_G whose number median is d_p
 * (mass median d_p·exp(3·ln²σ_G)); RELEASE model, spec/models.md §1.4:
 * f_a = ½·[1 − erf((3·ln²σ_G − ln d_c + ln d_p)/(√2·ln σ_G))].
 * @param dropletDiameter d_p, m (> 0).
 * @param criticalDiameter d_c, m (> 0).
 * @param sigmaG σ_G (> 1); default 1.8 (RELEASE).
 */
export function releaseAerosolFraction(
  dropletDiameter: Metres,
  criticalDiameter: Metres,
  sigmaG = 1.8,
): Probability {
  requirePositive('dropletDiameter', dropletDiameter);
  requirePositive('criticalDiameter', criticalDiameter);
  if (!(sigmaG > 1)) throw new RangeError(`sigmaG must be > 1, got ${sigmaG}`);
  const lnSigma = Math.log(sigmaG);
  const z =
    (3 * lnSigma ** 2 - Math.log(criticalDiameter) + Math.log(dropletDiameter)) / (Math.SQRT2 * lnSigma);
  return (0.5 * erfc(z)) as Probability;
}

export interface ReleaseRainoutInput
  extends DropletDiameterInput, Omit<CriticalDiameterInput, 'dischargeVelocity'> {
  /** Adiabatic flash fraction, 0–1 (see `flashFraction`). */
  flashFraction: Probability;
  /** σ_G of the droplet distribution; default 1.8. */
  sigmaG?: number;
}

export interface ReleaseRainoutResult extends AirborneSplit, DropletDiameterResult {
  /** Critical droplet diameter d_c, m. */
  criticalDiameter: Metres;
  /** Fraction of the unflashed liquid that stays airborne as aerosol, 0–1. */
  aerosolFraction: Probability;
}

/**
 * Airborne and rained-out fractions of a flashing liquid jet by the RELEASE model (Johnson & Woodward
 * 1999; spec/models.md §1.4): airborne = f_v + (1 − f_v)·f_a, rainout = (1 − f_v)·(1 − f_a), with f_a from
 * `releaseAerosolFraction`, d_p from `releaseDropletDiameter` and d_c from `releaseCriticalDiameter`.
 * Droplet evaporation along the trajectory is not modelled (a known limitation of RELEASE).
 */
export function releaseRainout(input: ReleaseRainoutInput): ReleaseRainoutResult {
  requireFraction('flashFraction', input.flashFraction);
  const droplets = releaseDropletDiameter(input);
  const criticalDiameter = releaseCriticalDiameter(input);
  const aerosolFraction = releaseAerosolFraction(droplets.dropletDiameter, criticalDiameter, input.sigmaG);
  const rainout = (1 - input.flashFraction) * (1 - aerosolFraction);
  return {
    ...droplets,
    criticalDiameter,
    aerosolFraction,
    airborneFraction: (1 - rainout) as Probability,
    rainoutFraction: rainout as Probability,
  };
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}

function requireFraction(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
}
