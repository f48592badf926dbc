import type { Containment, LocDefinition, PipeBand, PurpleBookCatalogue } from './types.ts';

/** The fields of an equipment item that pick its LOCs (a core/project `Equipment` is one). */
export type LocSelector =
  | { type: 'pressure-vessel' | 'process-vessel' | 'loading-arm' | 'loading-hose' }
  | { type: 'atmospheric-tank'; containment: Containment }
  | { type: 'pipe'; diameter: number }
  | { type: 'pump'; canned: boolean }
  | { type: 'heat-exchanger'; side: 'shell' | 'tubes' }
  | { type: 'road-tanker'; pressurised: boolean };

/**
 * The pipe band a nominal diameter falls in (Purple Book CPR 18E Table 3.17: DN < 75 mm, 75–150 mm,
 * > 150 mm; spec/standards.md A §4.1). Bounds and their inclusiveness come from the rule set.
 * @param diameter nominal diameter, m
 * @throws RangeError when no band covers it (a rule set with a gap)
 */
export function pipeBandFor(bands: readonly PipeBand[], diameter: number): PipeBand {
  const band = bands.find((b) => {
    const min = b.minDiameter ?? 0;
    const aboveMin = b.minInclusive ? diameter >= min : diameter > min;
    const belowMax =
      b.maxDiameter === undefined || (b.maxInclusive ? diameter <= b.maxDiameter : diameter < b.maxDiameter);
    return aboveMin && belowMax;
  });
  if (!band) throw new RangeError(`diameter: no pipe band of the rule set covers ${diameter} m`);
  return band;
}

/**
 * The Purple Book loss-of-containment cases of one equipment item, before the item's overrides
 * (spec/project-format.md "Equipment"; spec/standards.md A §4.1): vessels by type, atmospheric tanks by
 * containment, pipes by diameter band, pumps canned or not, heat exchangers by side, road tankers
 * pressurised or not. Frequencies are in each LOC's `frequencyBasis`.
 */
export function catalogueLocs(
  catalogue: PurpleBookCatalogue,
  equipment: LocSelector,
): readonly LocDefinition[] {
  switch (equipment.type) {
    case 'pressure-vessel':
      return catalogue.pressureVessel;
    case 'process-vessel':
      return catalogue.processVessel;
    case 'atmospheric-tank':
      return catalogue.atmosphericTank[equipment.containment];
    case 'pipe':
      return pipeBandFor(catalogue.pipe, equipment.diameter).locs;
    case 'pump':
      return equipment.canned ? catalogue.pump.canned : catalogue.pump.standard;
    case 'heat-exchanger':
      return catalogue.heatExchanger[equipment.side];
    case 'loading-arm':
      return catalogue.loadingArm;
    case 'loading-hose':
      return catalogue.loadingHose;
    case 'road-tanker':
      return equipment.pressurised ? catalogue.roadTanker.pressurised : catalogue.roadTanker.atmospheric;
  }
}
