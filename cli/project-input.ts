import type { Project } from '../core/project/types.ts';
import type { RuleSet } from '../core/rules/types.ts';
import { parseProject, ProjectError } from '../data/project/index.ts';
import { loadRuleSetFile } from '../data/rules/file.ts';
import { getRuleSet, RuleSetError } from '../data/rules/index.ts';
import { builtInLibrary } from '../data/substances/library.ts';
import type { Substance } from '../core/substance/index.ts';
import type { Classification } from '../core/classification/index.ts';
import type { AssessmentResult } from '../core/qra/assess.ts';
import { ProjectStore, ruleSetKey, StoreError } from '../data/store/index.ts';
import { UsageError, type CliIo } from './io.ts';
import { ENGINE_VERSION } from './version.ts';

/** What `safedist assess` computes for a project, as cached in a project file. */
export interface CachedAssessment {
  classification: Classification;
  result: AssessmentResult;
}

/** The results cache of a project file (`.sdp`), keyed by input hash, engine version and rule set. */
export interface ResultCache {
  get(hash: string, rules: RuleSet): CachedAssessment | undefined;
  put(hash: string, rules: RuleSet, value: CachedAssessment): void;
}

export interface LoadedProject {
  /** The JSON as read, for the input hash. */
  json: unknown;
  project: Project;
  rules: RuleSet;
  substanceOf: (id: string) => Substance | undefined;
  /** Present for a project file (`.sdp`): its cached results. */
  results?: ResultCache;
}

/**
 * Reads a project file (`.sdp`): the project, the rule set copied into it (or `rulesFile`), and its substance
 * copies before the library's.
 */
async function loadStoreFile(path: string, rulesFile?: string): Promise<LoadedProject> {
  const library = builtInLibrary();
  try {
    const store = ProjectStore.open(path);
    try {
      const substances = store.substances;
      const substanceOf = (id: string) => substances.get(id) ?? library.substances.find((s) => s.id === id);
      const json: unknown = JSON.parse(store.text);
      const ruleSet = rulesFile === undefined ? undefined : await loadRuleSetFile(rulesFile);
      const rules = ruleSet ?? store.rules;
      const project = ruleSet
        ? parseProject(json, {
            fileName: path,
            isKnownSubstance: (id) => substanceOf(id) !== undefined,
            ruleSet,
          })
        : store.project;
      const key = (hash: string, r: RuleSet) => ({
        inputHash: hash,
        engineVersion: ENGINE_VERSION,
        ruleSet: ruleSetKey(r),
      });
      const withStore = <T>(body: (s: ProjectStore) => T): T => {
        const s = ProjectStore.open(path);
        try {
          return body(s);
        } finally {
          s.close();
        }
      };
      const results: ResultCache = {
        get: (hash, r) => withStore((s) => s.getResult(key(hash, r)) as CachedAssessment | undefined),
        put: (hash, r, value) =>
          withStore((s) =>
            s.putResult(key(hash, r), {
              classification: value.classification,
              // Only the result's own fields: the engine's working layers are not part of it.
              result: Object.fromEntries(Object.entries(value.result).filter(([k]) => k !== 'layers')),
            }),
          ),
      };
      return { json, project, rules, substanceOf, results };
    } finally {
      store.close();
    }
  } catch (e) {
    if (e instanceof StoreError || e instanceof ProjectError || e instanceof RuleSetError)
      throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Reads a project JSON file, or a project file (`.sdp`), and the rule set it names (or `rulesFile`),
 * validated; every problem becomes a UsageError naming the file and the field (exit code 2).
 */
export async function loadProjectFile(path: string, io: CliIo, rulesFile?: string): Promise<LoadedProject> {
  if (path.toLowerCase().endsWith('.sdp')) return loadStoreFile(path, rulesFile);
  const text = await io.readFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const library = builtInLibrary();
  const substanceOf = (id: string) => library.substances.find((s) => s.id === id);
  try {
    const ruleSet = rulesFile === undefined ? undefined : await loadRuleSetFile(rulesFile);
    const project = parseProject(json, {
      fileName: path,
      isKnownSubstance: (id) => substanceOf(id) !== undefined,
      ...(ruleSet ? { ruleSet } : {}),
    });
    const rules = ruleSet ?? getRuleSet(project.settings.ruleSet.id, project.settings.ruleSet.version);
    return { json, project, rules, substanceOf };
  } catch (e) {
    if (e instanceof ProjectError || e instanceof RuleSetError) throw new UsageError(e.message);
    throw e;
  }
}
