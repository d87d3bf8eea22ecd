import { eq, midiOf, samePitch, sub, toNumber, type Pitch, type Rational } from '@cadenza/core';
import { noteName, valueName, withArticle } from './music-words.js';
import type { DictationNote } from './question-types.js';

/** The verdict on one note of the answer key. */
export interface NoteGrade {
  /** Index in the answer key, from 0. */
  readonly index: number;
  readonly expected: DictationNote;
  /** The student's note matched to it, or null when they left it out. */
  readonly given: DictationNote | null;
  readonly givenIndex: number | null;
  /** Same sounding pitch (null for rhythm dictation and rests). */
  readonly pitchCorrect: boolean | null;
  /** Same note value, and a rest where the key has a rest. */
  readonly rhythmCorrect: boolean;
  readonly correct: boolean;
  /** What a teacher would write beside it; empty when correct. */
  readonly comment: string;
}

export interface DictationGrade {
  readonly notes: readonly NoteGrade[];
  /** Notes the student wrote that match nothing in the key. */
  readonly extra: readonly { readonly givenIndex: number; readonly given: DictationNote }[];
  /** Share of the key's pitched notes with the right pitch, 0–1; null for rhythm dictation. */
  readonly pitchAccuracy: number | null;
  /** Share of the key's notes with the right value, 0–1. */
  readonly rhythmAccuracy: number;
  /** 0–100: points for right pitches and values over what was possible, extra notes counting against. */
  readonly score: number;
  readonly allCorrect: boolean;
}

/**
 * Cost of leaving a key note unmatched or a written note extra: more than half a full mismatch (about
 * 2), so a wrong note is matched to its place rather than counted missing plus extra. When the student
 * wrote as many notes as the key, a gap costs double: notes are read in order unless a left-out note and
 * an added one clearly shift a whole passage.
 */
const GAP = 1.5;
const GAP_SAME_COUNT = 3;

const pitched = (n: DictationNote): boolean => !n.rest && n.pitch !== undefined;

function compare(expected: DictationNote, given: DictationNote, withPitch: boolean) {
  const rhythm = eq(expected.duration, given.duration) && !!expected.rest === !!given.rest;
  let pitch: boolean | null = null;
  let cost = rhythm ? 0 : rhythmCost(expected.duration, given.duration);
  if (withPitch && pitched(expected) && expected.pitch) {
    const sounding = given.rest ? undefined : given.pitch;
    pitch = sounding !== undefined && midiOf(sounding) === midiOf(expected.pitch);
    if (!pitch) cost += sounding ? pitchCost(expected.pitch, sounding) : 1.024;
  }
  return { rhythm, pitch, cost };
}

const describe = (n: DictationNote): string => {
  const value = withArticle(valueName(n.duration, n.rest === true));
  return n.pitch && !n.rest ? `${noteName(n.pitch)} (${value})` : value;
};

/** A wrong pitch costs a little more the further it is, so ties go to the nearest written note. */
const pitchCost = (a: Pitch, b: Pitch): number => 1 + 0.001 * Math.min(Math.abs(midiOf(a) - midiOf(b)), 24);
const rhythmCost = (a: Rational, b: Rational): number =>
  1 + 0.001 * Math.min(Math.abs(toNumber(sub(a, b))) * 4, 24);

function commentOn(
  expected: DictationNote,
  given: DictationNote | null,
  pitch: boolean | null,
  rhythm: boolean,
) {
  if (!given) return `missing: ${describe(expected)}`;
  const parts: string[] = [];
  if (pitch === false) {
    parts.push(
      `pitch: you wrote ${given.pitch && !given.rest ? noteName(given.pitch) : 'no pitch'}, it was ${noteName(expected.pitch!)}`,
    );
  }
  if (!rhythm) {
    const was = expected.rest ? valueName(expected.duration, true) : valueName(expected.duration);
    const wrote = given.rest ? valueName(given.duration, true) : valueName(given.duration);
    parts.push(`rhythm: you wrote ${withArticle(wrote)}, it was ${withArticle(was)}`);
  }
  if (pitch === true && given.pitch && expected.pitch && !samePitch(given.pitch, expected.pitch)) {
    parts.push(`right sound; in this key it is written ${noteName(expected.pitch)}`);
  }
  return parts.join('; ');
}

/** Which written note answers which key note (null: none), by least-cost alignment. */
function align(
  expected: readonly DictationNote[],
  given: readonly DictationNote[],
  withPitch: boolean,
): [number | null, number | null][] {
  const n = expected.length;
  const m = given.length;
  const gap = n === m ? GAP_SAME_COUNT : GAP;
  const cost: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i + j) * gap),
  );
  const at = (i: number, j: number): number => (cost[i] as number[])[j] as number;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const match = at(i - 1, j - 1) + compare(expected[i - 1]!, given[j - 1]!, withPitch).cost;
      (cost[i] as number[])[j] = Math.min(match, at(i - 1, j) + gap, at(i, j - 1) + gap);
    }
  }
  const pairs: [number | null, number | null][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    if (
      i > 0 &&
      j > 0 &&
      here === at(i - 1, j - 1) + compare(expected[i - 1]!, given[j - 1]!, withPitch).cost
    ) {
      pairs.push([--i, --j]);
    } else if (i > 0 && here === at(i - 1, j) + gap) {
      pairs.push([--i, null]);
    } else {
      pairs.push([null, --j]);
    }
  }
  pairs.reverse();
  return pairs;
}

/**
 * Grades a written dictation note by note. The answer is aligned to the key (edit distance: a wrong
 * pitch or value costs about 1 each, a left-out or extra note 1.5, or 3 when the counts agree), so one
 * forgotten or added note does not make all later ones wrong. Each key note then gets its pitch and rhythm verdict. Pitches count by sound (an
 * enharmonic spelling is right, with a note on how the key spells it).
 */
export function gradeDictation(
  expected: readonly DictationNote[],
  given: readonly DictationNote[],
  options: { readonly withPitch: boolean },
): DictationGrade {
  const n = expected.length;
  const pairs = align(expected, given, options.withPitch);
  const notes: NoteGrade[] = [];
  const extra: { givenIndex: number; given: DictationNote }[] = [];
  for (const [e, g] of pairs) {
    if (e === null) {
      extra.push({ givenIndex: g!, given: given[g!]! });
      continue;
    }
    const want = expected[e]!;
    const got = g === null ? null : given[g]!;
    const verdict = got
      ? compare(want, got, options.withPitch)
      : { rhythm: false, pitch: options.withPitch && pitched(want) ? false : null };
    notes.push({
      index: e,
      expected: want,
      given: got,
      givenIndex: g,
      pitchCorrect: verdict.pitch,
      rhythmCorrect: verdict.rhythm,
      correct: got !== null && verdict.rhythm && verdict.pitch !== false,
      comment: commentOn(want, got, verdict.pitch, verdict.rhythm),
    });
  }
  const pitchedNotes = notes.filter((g) => g.pitchCorrect !== null);
  const pitchRight = pitchedNotes.filter((g) => g.pitchCorrect).length;
  const rhythmRight = notes.filter((g) => g.rhythmCorrect).length;
  const possible = n + pitchedNotes.length + extra.length * (options.withPitch ? 2 : 1);
  return {
    notes,
    extra,
    pitchAccuracy: options.withPitch
      ? pitchedNotes.length === 0
        ? 1
        : pitchRight / pitchedNotes.length
      : null,
    rhythmAccuracy: n === 0 ? 1 : rhythmRight / n,
    score: possible === 0 ? 100 : Math.round((100 * (pitchRight + rhythmRight)) / possible),
    allCorrect: extra.length === 0 && notes.every((g) => g.correct),
  };
}
