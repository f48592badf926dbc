/**
 * Undo/redo over immutable snapshots of a document. Each edit is a new snapshot; edits that carry the same
 * coalescing key one after another (the keystrokes typed into one field, the moves of one drag) make a single
 * undo step. The document is "dirty" while the present snapshot is not the one last saved or loaded, so
 * undoing back to the saved state makes it clean again.
 */

/** How many undo steps are kept. */
export const UNDO_LIMIT = 200;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The snapshot last saved or loaded from a file; null for a document never saved. */
  saved: T | null;
  /** Key of the last edit while it may still absorb the next one; null after undo/redo/commit. */
  coalesceKey: string | null;
}

export type HistoryAction<T> =
  /** Replace the document and forget its history (new, open, demo); `fromFile` marks it clean. */
  | { type: 'load'; doc: T; fromFile: boolean }
  /** Apply an update; `key` merges it with the previous edit of the same key into one undo step. */
  | { type: 'edit'; update: (doc: T) => T; key?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** End the current coalescing run (a field lost focus, a drag ended). */
  | { type: 'commit' }
  /** The present snapshot was written to a file. */
  | { type: 'saved' };

export function initialHistory<T>(doc: T, fromFile: boolean): History<T> {
  return { past: [], present: doc, future: [], saved: fromFile ? doc : null, coalesceKey: null };
}

export function historyReducer<T>(state: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case 'load':
      return initialHistory(action.doc, action.fromFile);
    case 'edit': {
      const next = action.update(state.present);
      if (next === state.present) return state;
      const key = action.key ?? null;
      if (key !== null && key === state.coalesceKey) {
        return { ...state, present: next, future: [] };
      }
      const past = [...state.past, state.present].slice(-UNDO_LIMIT);
      return { ...state, past, present: next, future: [], coalesceKey: key };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined) return state;
      return {
        ...state,
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        coalesceKey: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return {
        ...state,
        past: [...state.past, state.present],
        present: next,
        future: rest,
        coalesceKey: null,
      };
    }
    case 'commit':
      return state.coalesceKey === null ? state : { ...state, coalesceKey: null };
    case 'saved':
      return { ...state, saved: state.present, coalesceKey: null };
  }
}

export const isDirty = <T>(state: History<T>): boolean => state.present !== state.saved;
export const canUndo = <T>(state: History<T>): boolean => state.past.length > 0;
export const canRedo = <T>(state: History<T>): boolean => state.future.length > 0;
