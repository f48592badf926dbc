export {
  DEFAULT_HEAT_EXCHANGER_TUBE_DIAMETER,
  DEFAULT_ROAD_TANKER_CONNECTION_DIAMETER,
  HOURS_PER_YEAR,
  equipmentLabel,
  frequencyScale,
  holeSizeDurationLimit,
  locCasesForEquipment,
  locCasesForInstallation,
  type LocOptions,
} from './catalogue.ts';
export {
  DEFAULT_DISCHARGE_COEFFICIENT,
  DEFAULT_GROUND,
  DEFAULT_MINIMUM_POOL_THICKNESS,
  DEFAULT_POOL_WIND_SPEED,
  DEFAULT_RELEASE_HEIGHT,
  cylinderLiquidHead,
  poolEvaporation,
  releaseSourceTerm,
  type SourceTermOptions,
} from './source-term.ts';
export * from './types.ts';
