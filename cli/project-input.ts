import type { Project } from '../core/project/types.ts';
import type { RuleSet } from '../core/rules/types.ts';
import { parseProject, ProjectError } from '../data/project/index.ts';
import { loadRuleSetFile } from '../data/rules/file.ts';
import { getRuleSet, RuleSetError } from '../data/rules/index.ts';
import { builtInLibrary } from '../data/substances/library.ts';
import type { Substance } from '../core/substance/index.ts';
import { UsageError, type CliIo } from './io.ts';

export interface LoadedProject {
  /** The JSON as read, for the input hash. */
  json: unknown;
  project: Project;
  rules: RuleSet;
  substanceOf: (id: string) => Substance | undefined;
}

/**
 * Reads a project JSON file and the rule set it names (or `rulesFile`), validated; every problem becomes a
 * UsageError naming the file and the field (exit code 2).
 */
export async function loadProjectFile(path: string, io: CliIo, rulesFile?: string): Promise<LoadedProject> {
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
