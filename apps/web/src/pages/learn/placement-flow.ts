import type { PlacementAnswer, PlacementItem, PlacementSubmission } from '../../api/learning.js';

/**
 * The placement test, one item at a time: each item is answered (a choice, or the notes played on a
 * keyboard) or skipped, then the next one shows; after the last, the answers go to the server. Pure: the
 * page dispatches and draws.
 */

export interface PlacementState {
  readonly testId: string;
  readonly items: readonly PlacementItem[];
  /** The item showing (items.length once every item is answered or skipped). */
  readonly index: number;
  /** Answers by item id; a skipped item has none (the server keeps the self estimate for it). */
  readonly answers: Readonly<Record<string, PlacementAnswer>>;
  readonly skipped: readonly string[];
}

/** A note played for an exercise item, in seconds from the take's start. */
export interface PlayedNote {
  readonly midi: number;
  readonly start: number;
  readonly end: number;
  readonly velocity: number;
}

export type PlacementAction =
  | { readonly type: 'choose'; readonly choice: string }
  | { readonly type: 'play'; readonly notes: readonly PlayedNote[] }
  | { readonly type: 'skip' };

export function startPlacement(testId: string, items: readonly PlacementItem[]): PlacementState {
  return { testId, items, index: 0, answers: {}, skipped: [] };
}

/** The item showing, or undefined when the test is finished. */
export function currentItem(state: PlacementState): PlacementItem | undefined {
  return state.items[state.index];
}

export function isFinished(state: PlacementState): boolean {
  return state.index >= state.items.length;
}

/** "3 of 7" for the item showing (the last number once finished). */
export function progressText(state: PlacementState): string {
  const total = state.items.length;
  return `${Math.min(state.index + 1, total)} of ${total}`;
}

/** Notes as the placement answer takes them: durations, not end times; nothing shorter than 0. */
export function placementNotes(notes: readonly PlayedNote[]): NonNullable<PlacementAnswer['notes']> {
  return notes.map((note) => ({
    midi: note.midi,
    start: Math.max(0, note.start),
    duration: Math.max(0, note.end - note.start),
    velocity: note.velocity,
  }));
}

export function placementReducer(state: PlacementState, action: PlacementAction): PlacementState {
  const item = currentItem(state);
  if (!item) return state;
  const next = state.index + 1;
  switch (action.type) {
    case 'choose':
      if (item.kind === 'exercise') return state;
      return {
        ...state,
        index: next,
        answers: { ...state.answers, [item.item_id]: { item_id: item.item_id, choice: action.choice } },
      };
    case 'play':
      if (item.kind !== 'exercise') return state;
      return {
        ...state,
        index: next,
        answers: {
          ...state.answers,
          [item.item_id]: { item_id: item.item_id, notes: placementNotes(action.notes) },
        },
      };
    case 'skip':
      return { ...state, index: next, skipped: [...state.skipped, item.item_id] };
  }
}

/** The body of POST /students/me/placement, answers in the items' order. */
export function placementSubmission(state: PlacementState): PlacementSubmission {
  return {
    test_id: state.testId,
    answers: state.items.flatMap((item) => {
      const answer = state.answers[item.item_id];
      return answer ? [answer] : [];
    }),
  };
}
