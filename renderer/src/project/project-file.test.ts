import { describe, expect, it } from 'vitest';
import { newProjectText, projectFileName, summariseProject } from './project-file.ts';

// Project JSON version 1: spec/project-format.md ("format": "safedist-project", "version": 1).
describe('summariseProject', () => {
  it('round-trips a new project', () => {
    expect(summariseProject(newProjectText('示例化工有限公司'))).toEqual({
      summary: { name: '示例化工有限公司', version: 1, installations: 0, targets: 0 },
    });
  });

  it('counts installations and targets', () => {
    const text = JSON.stringify({
      format: 'safedist-project',
      version: 1,
      name: 'P',
      installations: [{ id: 'T101' }, { id: 'T102' }],
      targets: [{ id: 'S1' }],
    });
    expect(summariseProject(text)).toEqual({
      summary: { name: 'P', version: 1, installations: 2, targets: 1 },
    });
  });

  it('names what is wrong with a file that is not a readable project', () => {
    expect(summariseProject('{')).toMatchObject({ problem: { key: 'project.notJson' } });
    expect(summariseProject('{"format":"geojson"}')).toEqual({ problem: { key: 'project.notProject' } });
    expect(summariseProject('null')).toEqual({ problem: { key: 'project.notProject' } });
    expect(summariseProject('{"format":"safedist-project","version":2}')).toEqual({
      problem: { key: 'project.unsupportedVersion', values: { version: '2' } },
    });
    expect(summariseProject('{"format":"safedist-project","version":1,"targets":{}}')).toEqual({
      problem: { key: 'project.notArray', values: { field: 'targets' } },
    });
  });
});

describe('projectFileName', () => {
  it('keeps Chinese names and replaces characters file systems refuse', () => {
    expect(projectFileName('示例化工有限公司')).toBe('示例化工有限公司.safedist.json');
    expect(projectFileName('A/B: "C"?')).toBe('A_B_ _C__.safedist.json');
    expect(projectFileName('   ')).toBe('project.safedist.json');
  });
});
