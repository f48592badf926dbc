/**
 * A small plant modelled from its equipment (an ammonia vessel and a hydrogen buffer, two weather classes, a
 * skewed wind rose, one target), shared by the CLI tests of the engine.
 */
export const smallModelledPlant = {
  format: 'safedist-project',
  version: 1,
  name: 'small modelled plant',
  weather: {
    classes: [
      { id: 'D5', stability: 'D', windSpeed: 5, probability: 0.6 },
      { id: 'F1.5', stability: 'F', windSpeed: 1.5, probability: 0.4 },
    ],
    windRose: {
      sectors: 12,
      probabilities: [0.2, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.05, 0.05],
    },
  },
  installations: [
    {
      id: 'NH3',
      name: 'ammonia vessel',
      kind: 'storage',
      status: 'existing',
      position: { x: 0, y: 0 },
      substance: 'ammonia',
      inventory: '2 t',
      temperature: '15 degC',
      pressure: '7.3 bar',
      phase: 'liquefied-gas',
      equipment: [{ type: 'pressure-vessel', volume: '5 m^3', fill: 0.8 }],
    },
    {
      id: 'H2',
      name: 'hydrogen buffer',
      kind: 'production',
      status: 'existing',
      position: { x: 150, y: -50 },
      substance: 'hydrogen',
      inventory: '20 kg',
      temperature: '20 degC',
      pressure: '21 bar',
      phase: 'gas',
      equipment: [{ type: 'process-vessel', volume: '10 m^3' }],
    },
  ],
  targets: [
    {
      id: 'R1',
      name: 'houses',
      category: 'general-2',
      polygon: [
        [300, 200],
        [400, 200],
        [400, 300],
        [300, 300],
      ],
      population: { day: 60, night: 90 },
    },
  ],
  probes: [],
  settings: { cellSize: 20 },
};
