import { createContext, useContext, useState, type ReactNode } from 'react';

/** The project being worked on, kept while the user moves between screens. */
export interface OpenProject {
  /** The file it was opened from or saved to; null until it is saved. */
  fileName: string | null;
  text: string;
}

interface ProjectState {
  project: OpenProject | null;
  setProject(project: OpenProject | null): void;
}

const ProjectContext = createContext<ProjectState | null>(null);

export function ProjectProvider({ children }: { children: ReactNode }) {
  const [project, setProject] = useState<OpenProject | null>(null);
  return <ProjectContext value={{ project, setProject }}>{children}</ProjectContext>;
}

export function useProject(): ProjectState {
  const state = useContext(ProjectContext);
  if (!state) throw new Error('useProject outside ProjectProvider');
  return state;
}
