import { rat, type Rational } from '@cadenza/core';

/** Note values the exercises use, by name, in quarter notes (a triplet eighth is exactly 1/3). */
export const NOTE_VALUES = {
  whole: rat(4),
  'dotted-half': rat(3),
  half: rat(2),
  'dotted-quarter': rat(3, 2),
  quarter: rat(1),
  'triplet-quarter': rat(2, 3),
  'dotted-eighth': rat(3, 4),
  eighth: rat(1, 2),
  'triplet-eighth': rat(1, 3),
  sixteenth: rat(1, 4),
} as const satisfies Record<string, Rational>;

export type NoteValueName = keyof typeof NOTE_VALUES;

/** The name of a duration when it is one of the exercise note values. */
export function noteValueName(duration: Rational): NoteValueName | undefined {
  for (const [name, value] of Object.entries(NOTE_VALUES)) {
    if (value.n === duration.n && value.d === duration.d) return name as NoteValueName;
  }
  return undefined;
}
