export {
  ProjectStore,
  ruleSetKey,
  type AuditEntry,
  type PlanPolyline,
  type ResultKey,
  type SubstanceSource,
  type WriteOptions,
} from './store.ts';
export { StoreError } from './errors.ts';
export {
  autosavePath,
  discardAutosave,
  readAutosave,
  recoverAutosave,
  writeAutosave,
  type Autosave,
} from './autosave.ts';
export { writeFileAtomic } from './atomic.ts';
export { SCHEMA_VERSION } from './schema.ts';
