/**
 * A study for the report's end-to-end check, built from user-defined scenarios only (so it runs while the
 * LOC generator is incomplete): three installations (one new), toxic downwind zones, heat and explosion
 * zones, a plant boundary, targets of four classes, a population area and per-class wind roses.
 */
const rose = (p: number[]) => p.map((v) => v / p.reduce((s, x) => s + x, 0));

export const REPORT_STUDY = {
  format: 'safedist-project',
  version: 1,
  name: '示范化工园区储运项目（报告测试用）',
  site: {
    origin: { lon: 118.82, lat: 32.25 },
    rotationDeg: 12,
    boundary: [
      [-300, -250],
      [350, -250],
      [350, 300],
      [-300, 300],
    ],
    residentsWithin500m: 1200,
  },
  weather: {
    ambient: { temperature: '15 degC', relativeHumidity: 0.75, pressure: 101325 },
    dayFraction: 0.44,
    classes: [
      { id: 'D5', stability: 'D', windSpeed: 5, probability: 0.6 },
      { id: 'F1.5', stability: 'F', windSpeed: 1.5, probability: 0.4 },
    ],
    windRose: {
      sectors: 12,
      byClass: {
        D5: rose([6, 9, 12, 13, 10, 8, 7, 8, 7, 6, 7, 7]),
        'F1.5': rose([10, 8, 6, 5, 5, 6, 8, 10, 12, 11, 10, 9]),
      },
    },
  },
  installations: [
    {
      id: 'CL-01',
      name: '液氯储罐区',
      kind: 'storage',
      status: 'existing',
      position: { x: -180, y: 120 },
      outline: [
        [-200, 105],
        [-160, 105],
        [-160, 135],
        [-200, 135],
      ],
      substance: 'chlorine',
      inventory: '50 t',
      temperature: '15 degC',
      pressure: '6 bar',
      phase: 'liquefied-gas',
      equipment: [],
      scenarios: [
        {
          id: 'CL-R',
          type: 'user-defined',
          frequency: 5e-6,
          outcomes: [
            {
              probability: 1,
              effect: 'toxic',
              downwind: [
                { length: 300, halfWidth: 40, lethality: 0.9 },
                { length: 900, halfWidth: 120, lethality: 0.1 },
              ],
            },
          ],
        },
        {
          id: 'CL-L',
          type: 'user-defined',
          frequency: 1e-4,
          outcomes: [{ probability: 1, effect: 'toxic', zones: [{ radius: 60, lethality: 0.5 }] }],
        },
      ],
    },
    {
      id: 'NH3-02',
      name: '新建液氨储罐',
      kind: 'storage',
      status: 'new',
      position: { x: 60, y: 180 },
      substance: 'ammonia',
      inventory: '40 t',
      temperature: '15 degC',
      pressure: '7.3 bar',
      phase: 'liquefied-gas',
      equipment: [],
      scenarios: [
        {
          id: 'NH3-R',
          type: 'user-defined',
          frequency: 5e-6,
          outcomes: [
            {
              probability: 1,
              effect: 'toxic',
              zones: [
                { radius: 150, lethality: 0.8 },
                { radius: 350, lethality: 0.05 },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'LPG-01',
      name: '液化石油气球罐区',
      kind: 'storage',
      status: 'existing',
      position: { x: 220, y: -120 },
      outline: [
        [180, -140],
        [260, -140],
        [260, -100],
        [180, -100],
      ],
      substance: 'lpg',
      inventory: '360 t',
      temperature: '15 degC',
      pressure: '7 bar',
      phase: 'liquefied-gas',
      equipment: [],
      scenarios: [
        {
          id: 'LPG-BLEVE',
          type: 'user-defined',
          frequency: 1e-6,
          outcomes: [
            {
              probability: 0.7,
              effect: 'heat',
              zones: [
                { radius: 250, lethality: 1 },
                { radius: 450, lethality: 0.1 },
              ],
            },
            { probability: 0.3, effect: 'explosion', zones: [{ radius: 200, lethality: 0.5 }] },
          ],
        },
      ],
    },
  ],
  targets: [
    {
      id: 'S1',
      name: '实验小学',
      category: 'high-sensitivity',
      polygon: [
        [420, 100],
        [520, 100],
        [520, 180],
        [420, 180],
      ],
      population: { day: 900, night: 0 },
      indoorFraction: { day: 0.93, night: 0.99 },
    },
    {
      id: 'H1',
      name: '社区卫生服务中心',
      category: 'important',
      position: { x: -450, y: -50 },
      population: { day: 120, night: 40 },
      indoorFraction: { day: 0.93, night: 0.99 },
    },
    {
      id: 'R1',
      name: '东苑小区',
      category: 'general-1',
      polygon: [
        [-250, 380],
        [-50, 380],
        [-50, 520],
        [-250, 520],
      ],
      population: { day: 600, night: 1500 },
      indoorFraction: { day: 0.93, night: 0.99 },
    },
    {
      id: 'F1',
      name: '邻近工厂',
      category: 'general-3',
      polygon: [
        [380, -300],
        [520, -300],
        [520, -180],
        [380, -180],
      ],
      population: { day: 200, night: 50 },
      indoorFraction: { day: 0.93, night: 0.99 },
    },
  ],
  population: [
    {
      id: 'W1',
      name: '园区道路',
      polygon: [
        [-300, -320],
        [350, -320],
        [350, -280],
        [-300, -280],
      ],
      population: { day: 60, night: 10 },
      indoorFraction: { day: 0, night: 0 },
    },
  ],
  probes: [{ id: 'P1', x: 0, y: 0 }],
  settings: { cellSize: 5 },
};
