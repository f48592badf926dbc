/// <reference lib="webworker" />
/**
 * The rectification-or-relocation plan in a Web Worker: core/plan planProject on the project, rules and
 * substances of the assessment shown, so the page stays responsive through the tens to hundreds of variants
 * the search judges. The work is synchronous: cancelling is the page terminating the worker.
 */
import { planProject } from '../../../core/plan/index.ts';
import type { PlanRequest, PlanResponse } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { input } = event.data;
  let answer: PlanResponse;
  try {
    const substances = new Map(input.substances.map((s) => [s.id, s]));
    const plan = planProject(input.project, {
      rules: input.rules,
      substanceOf: (id) => substances.get(id),
      consequenceInstallations: input.consequenceInstallations,
    });
    answer = { kind: 'planned', plan };
  } catch (error) {
    answer = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
