import { classifyProject } from '../../core/classification/index.ts';
import { consequenceInstallations } from '../../core/qra/explosives.ts';
import type { Substance } from '../../core/substance/index.ts';
import { inputHash } from '../../data/hash.ts';
import { parseProject, ProjectError } from '../../data/project/index.ts';
import { getRuleSet, RuleSetError } from '../../data/rules/index.ts';
import type { PrepareAssessmentRequest, PreparedAssessment } from '../../shared/contract.ts';
import { ApiError } from './handlers.ts';

/**
 * Reads a project for the renderer's engine: parses the JSON text, validates and converts it with data/project
 * (every problem named with its path), takes the rule set it names, the library records of its substances,
 * its classification (GB 18218 / GB/T 37243 §4) and input hash. The result is plain data in SI: it crosses
 * IPC or HTTP and then a Web Worker boundary unchanged, where core/qra computes the assessment.
 * @param substanceOf the library record of a substance id
 * @param engineVersion stamped on results and reports (package.json version)
 * @throws ApiError with a message for the user when the text is not a computable project
 */
export function prepareAssessment(
  request: PrepareAssessmentRequest,
  substanceOf: (id: string) => Substance | undefined,
  engineVersion: string,
): PreparedAssessment {
  let json: unknown;
  try {
    json = JSON.parse(request.text);
  } catch (error) {
    throw new ApiError(`${request.fileName}: not valid JSON (${(error as Error).message})`);
  }
  try {
    const project = parseProject(json, {
      fileName: request.fileName,
      isKnownSubstance: (id) => substanceOf(id) !== undefined,
    });
    const rules = getRuleSet(project.settings.ruleSet.id, project.settings.ruleSet.version);
    const substances = [...new Set(project.installations.map((i) => i.substance))]
      .sort()
      .map((id) => substanceOf(id))
      .filter((s): s is Substance => s !== undefined);
    const classification = classifyProject(project, rules, substanceOf);
    return {
      project,
      rules,
      substances,
      classification,
      consequenceInstallations: consequenceInstallations(project, classification),
      inputHash: inputHash(json),
      engineVersion,
    };
  } catch (error) {
    if (error instanceof ProjectError || error instanceof RuleSetError) throw new ApiError(error.message);
    if (error instanceof RangeError) throw new ApiError(`${request.fileName}: ${error.message}`);
    throw error;
  }
}
