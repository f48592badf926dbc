import type { RiskEvent } from '../risk/events.ts';
import type { PopulationPoint, SocietalOutcome } from '../risk/societal.ts';
import type { RuleSet } from '../rules/types.ts';

/**
 * An installation's events as built at `origin`. When every event's source is `origin` itself (`movable`:
 * the engine's events are, a release or a user scenario starts at the installation's position) the events
 * hold for the installation anywhere with the source moved, since the footprints are in the wind frame and
 * do not depend on the position. A case the engine cannot model is not kept: it fails again each time.
 */
export interface EventTemplate {
  origin: readonly [number, number];
  events: readonly RiskEvent[];
  movable: boolean;
}

/** An installation's events at one position, with what has been computed from them. */
export interface Placement {
  events: readonly RiskEvent[];
  /** Each event's individual risk at a point (per year), by point key; null when every event gives 0. */
  pointRisk: Map<string, Float64Array | null>;
  /** The events' societal outcomes, by population key. */
  outcomes: Map<string, SocietalOutcome[]>;
}

export interface JudgeCacheLimits {
  /** Event templates kept (each holds its footprints' tables); default 48. */
  templates?: number;
  /** Placements kept (each holds its events' risks at the target points); default 192. */
  placements?: number;
}

/** A map that forgets its least recently used entry beyond `limit` entries. */
class Recent<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * What `judgeProject` (core/qra/assess.ts) keeps between calls, for loops that judge many variants of one
 * project (core/plan): per installation its events, keyed by everything they are built from (the
 * installation but its position, the substance, the weather, the settings the events read, the rule set
 * object), and per position the events' risks at the target points and their societal outcomes. A variant
 * that changes one installation then recomputes that installation only. The caller creates one with
 * `createJudgeCache()` and passes it in the options; it holds closures (the footprints) and is meant for
 * one process. It never changes a result: the sums are made in the same order as without it.
 */
export class JudgeCache {
  private readonly byRules = new WeakMap<
    RuleSet,
    { templates: Recent<EventTemplate>; placements: Recent<Placement> }
  >();
  private readonly populations = new Recent<PopulationPoint[]>(8);
  private readonly limits: Required<JudgeCacheLimits>;
  /** Installations whose events were built, and found already built. */
  readonly stats = { built: 0, reused: 0 };

  constructor(limits: JudgeCacheLimits = {}) {
    this.limits = { templates: limits.templates ?? 48, placements: limits.placements ?? 192 };
  }

  private forRules(rules: RuleSet) {
    let entry = this.byRules.get(rules);
    if (!entry) {
      entry = {
        templates: new Recent(this.limits.templates),
        placements: new Recent(this.limits.placements),
      };
      this.byRules.set(rules, entry);
    }
    return entry;
  }

  /** The template under `key` for rule set `rules`, built by `build` when absent. */
  template(rules: RuleSet, key: string, build: () => EventTemplate): EventTemplate {
    const templates = this.forRules(rules).templates;
    const found = templates.get(key);
    if (found) {
      this.stats.reused++;
      return found;
    }
    this.stats.built++;
    const made = build();
    templates.set(key, made);
    return made;
  }

  /** The placement under `key` (a template key and a position) for `rules`, built by `build` when absent. */
  placement(rules: RuleSet, key: string, build: () => Placement): Placement {
    const placements = this.forRules(rules).placements;
    const found = placements.get(key);
    if (found) return found;
    const made = build();
    placements.set(key, made);
    return made;
  }

  /** The population points under `key`, built by `build` when absent. */
  population(key: string, build: () => PopulationPoint[]): PopulationPoint[] {
    const found = this.populations.get(key);
    if (found) return found;
    const made = build();
    this.populations.set(key, made);
    return made;
  }
}

/** A cache for `judgeProject` (see {@link JudgeCache}). */
export function createJudgeCache(limits: JudgeCacheLimits = {}): JudgeCache {
  return new JudgeCache(limits);
}
