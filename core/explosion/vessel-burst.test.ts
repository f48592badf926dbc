import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import {
  brodeEnergy,
  isentropicExpansionEnergy,
  isothermalAvailabilityEnergy,
  vesselBurstTntMass,
} from './vessel-burst.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
// 10 m³ of gas at 20 bar(a) bursting into 1 bar(a), γ = 1.4.
const vessel = { pressure: si.pascals(2e6), volume: si.cubicMetres(10), ambientPressure: si.pascals(1e5) };

describe('pressure-vessel burst energy (models.md §6.4)', () => {
  it('Brode: (P1 − P0)·V/(γ − 1) = 1.9e6·10/0.4 = 4.75e7 J', () => {
    expect(rel(brodeEnergy({ ...vessel, gamma: 1.4 }), 4.75e7)).toBeLessThan(1e-12);
  });

  it('isentropic expansion: P1·V/(γ−1)·[1 − (P0/P1)^((γ−1)/γ)] = 5e7·(1 − 0.05^(2/7)) = 2.87555e7 J', () => {
    expect(rel(isentropicExpansionEnergy({ ...vessel, gamma: 1.4 }), 2.87555e7)).toBeLessThan(1e-5);
  });

  it('isothermal availability: P1·V·[ln(P1/P0) − (1 − P0/P1)] = 2e7·(ln 20 − 0.95) = 4.09146e7 J', () => {
    expect(rel(isothermalAvailabilityEnergy(vessel), 4.09146e7)).toBeLessThan(1e-5);
  });

  it('has the known small-overpressure limits: Brode εP0V/(γ−1), isentropic εP0V/γ, isothermal ε²P0V/2', () => {
    const eps = 1e-4;
    const small = {
      pressure: si.pascals(1e5 * (1 + eps)),
      volume: si.cubicMetres(1),
      ambientPressure: si.pascals(1e5),
    };
    expect(rel(brodeEnergy({ ...small, gamma: 1.4 }), (eps * 1e5) / 0.4)).toBeLessThan(1e-9);
    expect(rel(isentropicExpansionEnergy({ ...small, gamma: 1.4 }), (eps * 1e5) / 1.4)).toBeLessThan(1e-3);
    expect(rel(isothermalAvailabilityEnergy(small), (eps * eps * 1e5) / 2)).toBeLessThan(1e-3);
  });

  it('rejects a vessel not above ambient pressure and γ ≤ 1', () => {
    expect(() => brodeEnergy({ ...vessel, pressure: si.pascals(1e5), gamma: 1.4 })).toThrow(/pressure/);
    expect(() => isentropicExpansionEnergy({ ...vessel, gamma: 1 })).toThrow(/gamma/);
    expect(() => isothermalAvailabilityEnergy({ ...vessel, volume: si.cubicMetres(0) })).toThrow(/volume/);
  });
});

describe('vesselBurstTntMass (W = f·E/E_TNT)', () => {
  it('converts 4.68 MJ with half of it in the blast into 0.5 kg TNT', () => {
    expect(rel(vesselBurstTntMass(si.joules(4.68e6), 0.5), 0.5)).toBeLessThan(1e-12);
  });

  it('rejects a blast fraction outside (0, 1]', () => {
    expect(() => vesselBurstTntMass(si.joules(1e6), 1.2)).toThrow(/blastFraction/);
  });
});
