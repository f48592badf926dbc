import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  historyReducer,
  initialHistory,
  isDirty,
  UNDO_LIMIT,
  type History,
} from './history.ts';

type Doc = { n: number; name: string };
const set =
  (patch: Partial<Doc>) =>
  (doc: Doc): Doc => ({ ...doc, ...patch });

function run(state: History<Doc>, ...actions: Parameters<typeof historyReducer<Doc>>[1][]): History<Doc> {
  return actions.reduce(historyReducer<Doc>, state);
}

describe('undo/redo history', () => {
  const start = initialHistory<Doc>({ n: 0, name: '' }, true);

  it('undoes and redoes each edit in order', () => {
    const s = run(start, { type: 'edit', update: set({ n: 1 }) }, { type: 'edit', update: set({ n: 2 }) });
    expect(s.present.n).toBe(2);
    const undone = run(s, { type: 'undo' });
    expect(undone.present.n).toBe(1);
    expect(run(undone, { type: 'undo' }).present.n).toBe(0);
    expect(run(undone, { type: 'redo' }).present.n).toBe(2);
  });

  it('merges edits with the same key into one step (typing into one field)', () => {
    const s = run(
      start,
      { type: 'edit', update: set({ name: '2' }), key: 'name' },
      { type: 'edit', update: set({ name: '20' }), key: 'name' },
      { type: 'edit', update: set({ name: '20 t' }), key: 'name' },
    );
    expect(s.past).toHaveLength(1);
    expect(run(s, { type: 'undo' }).present.name).toBe('');
  });

  it('starts a new step after a commit even with the same key', () => {
    const s = run(
      start,
      { type: 'edit', update: set({ n: 1 }), key: 'n' },
      { type: 'commit' },
      { type: 'edit', update: set({ n: 2 }), key: 'n' },
    );
    expect(run(s, { type: 'undo' }).present.n).toBe(1);
  });

  it('drops the redo branch when a new edit is made after undo', () => {
    const s = run(
      start,
      { type: 'edit', update: set({ n: 1 }) },
      { type: 'undo' },
      { type: 'edit', update: set({ n: 5 }) },
    );
    expect(canRedo(s)).toBe(false);
    expect(run(s, { type: 'redo' })).toBe(s);
  });

  it('ignores undo and redo with nothing to do, and updates that change nothing', () => {
    expect(run(start, { type: 'undo' })).toBe(start);
    expect(run(start, { type: 'redo' })).toBe(start);
    expect(run(start, { type: 'edit', update: (doc) => doc })).toBe(start);
    expect(canUndo(start)).toBe(false);
  });

  it('is dirty after an edit, clean after undoing back to the saved snapshot or saving', () => {
    const edited = run(start, { type: 'edit', update: set({ n: 1 }) });
    expect(isDirty(start)).toBe(false);
    expect(isDirty(edited)).toBe(true);
    expect(isDirty(run(edited, { type: 'undo' }))).toBe(false);
    const saved = run(edited, { type: 'saved' });
    expect(isDirty(saved)).toBe(false);
    expect(isDirty(run(saved, { type: 'undo' }))).toBe(true);
  });

  it('a new project (not from a file) is dirty until saved', () => {
    expect(isDirty(initialHistory<Doc>({ n: 0, name: 'x' }, false))).toBe(true);
  });

  it(`keeps at most ${UNDO_LIMIT} undo steps`, () => {
    let s = start;
    for (let i = 1; i <= UNDO_LIMIT + 10; i += 1)
      s = historyReducer(s, { type: 'edit', update: set({ n: i }) });
    expect(s.past).toHaveLength(UNDO_LIMIT);
    expect(s.past[0]?.n).toBe(10);
  });
});
