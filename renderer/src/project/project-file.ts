/**
 * What the Start screen needs to know about a project file (spec/project-format.md, version 1) before the
 * editor exists: that it is one, its name and how much it holds. Full validation of the contents belongs to
 * data/ and happens when a project is computed.
 */

export const PROJECT_FORMAT = 'safedist-project';
export const PROJECT_VERSION = 1;

export interface ProjectSummary {
  name: string;
  version: number;
  installations: number;
  targets: number;
}

/** Why a text is not a readable project, as an i18n key with its values (keys under `project.`). */
export type ProjectProblem =
  | { key: 'project.notJson'; values: { message: string } }
  | { key: 'project.notProject'; values?: undefined }
  | { key: 'project.unsupportedVersion'; values: { version: string } }
  | { key: 'project.notArray'; values: { field: string } };

export function summariseProject(text: string): { summary: ProjectSummary } | { problem: ProjectProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: { key: 'project.notJson', values: { message: (error as Error).message } } };
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== PROJECT_FORMAT
  ) {
    return { problem: { key: 'project.notProject' } };
  }
  const project = parsed as Record<string, unknown>;
  if (project.version !== PROJECT_VERSION) {
    return {
      problem: { key: 'project.unsupportedVersion', values: { version: JSON.stringify(project.version) } },
    };
  }
  const counts = { installations: 0, targets: 0 };
  for (const field of ['installations', 'targets'] as const) {
    const value = project[field] ?? [];
    if (!Array.isArray(value)) return { problem: { key: 'project.notArray', values: { field } } };
    counts[field] = value.length;
  }
  return {
    summary: {
      name: typeof project.name === 'string' ? project.name : '',
      version: PROJECT_VERSION,
      ...counts,
    },
  };
}

/** A new, empty version-1 project: a name and nothing to compute yet. */
export function newProjectText(name: string): string {
  return `${JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_VERSION, name, installations: [], targets: [] }, null, 2)}\n`;
}

/** A file name for saving: the project name without characters file systems refuse. */
export function projectFileName(name: string): string {
  const stem =
    name
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
      .trim()
      .slice(0, 150) || 'project';
  return `${stem}.safedist.json`;
}
