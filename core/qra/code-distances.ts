import { shapeDistance } from '../classification/exposure.ts';
import type { Installation, PopulationArea, Project } from '../project/types.ts';
import type { TargetCategory } from '../rules/types.ts';
import type { Metres } from '../units/index.ts';

/**
 * Shortest distance between an installation and an area, m: from the installation's outline (its position
 * when it has none) to the area's polygon (or position); 0 when they overlap. This is how
 * spec/project-format.md measures distances from installations ("its outline, or its position when it has
 * none"), and how the design codes measure separations (from the equipment's outer edge to the building's).
 * @throws RangeError naming the area when it has neither polygon nor position
 */
export function separationDistance(
  installation: Pick<Installation, 'position' | 'outline'>,
  area: Pick<PopulationArea, 'id' | 'polygon' | 'position'>,
): Metres {
  const areaShape = area.polygon ?? (area.position ? [area.position] : undefined);
  if (!areaShape) throw new RangeError(`area '${area.id}' has neither polygon nor position`);
  return shapeDistance(installation.outline ?? [installation.position], areaShape) as Metres;
}

/** One design-code separation check (GB/T 37243-2019 §4, units needing neither QRA nor consequence method). */
export interface CodeDistanceCheck {
  installation: string;
  /** The area measured to or named; absent when the user gave only `actual` and a category, or neither. */
  target?: string;
  /** The target's category (a protection target's own), or the category the user named. */
  targetCategory?: TargetCategory;
  /** The code clause as the user wrote it, e.g. "GB 50160-2008 表4.1.9". */
  code: string;
  /** Distance the code requires, m. */
  required: Metres;
  /** Distance checked, m: the user's `actual`, or the one SafeDist measured. */
  actual: Metres;
  /** True when SafeDist measured `actual` (outline or position to the area's polygon or position). */
  measured: boolean;
  /** actual ≥ required. */
  complies: boolean;
}

/**
 * Checks the design-code separation distances the project gives on its installations (spec/standards.md
 * A §2.2 step 3 and the defaults table: "the user enters the required and actual code distances; SafeDist
 * checks and reports them"). For each entry: the actual distance is the user's `actual`, else the separation
 * (see `separationDistance`) to `target`, else to the nearest protection target of `targetCategory`; the
 * entry complies when actual ≥ required. The codes' own measuring conventions (e.g. from a tank's wall, a
 * building's outer wall) are the user's to honour in the outlines and polygons.
 * @throws RangeError naming `installations[i].codeDistances[k]` when an entry names an unknown area, or has
 *   nothing to measure to and no `actual` (data/project's checks reject such projects first)
 */
export function checkCodeDistances(
  project: Pick<Project, 'installations' | 'targets' | 'population'>,
): CodeDistanceCheck[] {
  const checks: CodeDistanceCheck[] = [];
  project.installations.forEach((inst, i) => {
    inst.codeDistances?.forEach((c, k) => {
      const at = `installations[${i}].codeDistances[${k}]`;
      let target = c.target;
      let targetCategory = c.targetCategory;
      let actual = c.actual;
      if (c.target !== undefined) {
        const protectionTarget = project.targets.find((t) => t.id === c.target);
        const area = protectionTarget ?? project.population.find((a) => a.id === c.target);
        if (!area)
          throw new RangeError(`${at}.target: no protection target or population area '${c.target}'`);
        if (protectionTarget) targetCategory = protectionTarget.category;
        actual ??= separationDistance(inst, area);
      } else if (actual === undefined) {
        if (c.targetCategory === undefined)
          throw new RangeError(
            `${at}: expected target or targetCategory (to measure the distance to), or actual`,
          );
        let nearest: { id: string; distance: Metres } | undefined;
        for (const t of project.targets) {
          if (t.category !== c.targetCategory) continue;
          const distance = separationDistance(inst, t);
          if (!nearest || distance < nearest.distance) nearest = { id: t.id, distance };
        }
        if (!nearest)
          throw new RangeError(
            `${at}.targetCategory: no protection target of category ${c.targetCategory} to measure to`,
          );
        target = nearest.id;
        actual = nearest.distance;
      }
      checks.push({
        installation: inst.id,
        ...(target !== undefined ? { target } : {}),
        ...(targetCategory !== undefined ? { targetCategory } : {}),
        code: c.code,
        required: c.required,
        actual,
        measured: c.actual === undefined,
        complies: actual >= c.required,
      });
    });
  });
  return checks;
}
