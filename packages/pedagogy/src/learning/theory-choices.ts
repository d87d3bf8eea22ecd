import { keyFromFifths, pitchClassName, type Key, type Mode, type PitchClass, type Rng } from '@cadenza/core';
import type { TheoryQuestion } from './learning-types.js';

/** One answer button: a stable id (the answer itself, e.g. "m3", "Eb") and what it says. */
export interface TheoryChoice {
  readonly id: string;
  readonly label: string;
}

/** A question before its choices are drawn and shuffled. */
export interface QuestionDraft {
  readonly prompt: string;
  readonly answer: TheoryChoice;
  /** Wrong answers to draw from (duplicates of the answer or of each other are dropped). */
  readonly distractors: readonly TheoryChoice[];
  readonly explanation: string;
}

export type QuestionMaker = (rng: Rng) => QuestionDraft;

/** How many choices a question offers at most. */
export const THEORY_CHOICES = 4;

/** The draft as a question: the answer and up to three distinct wrong choices, shuffled. */
export function finishQuestion(draft: QuestionDraft, id: string, topicId: string, rng: Rng): TheoryQuestion {
  const seen = new Set([draft.answer.id]);
  const labels = new Set([draft.answer.label]);
  const wrong: TheoryChoice[] = [];
  for (const d of rng.shuffle(draft.distractors)) {
    if (wrong.length === THEORY_CHOICES - 1) break;
    if (seen.has(d.id) || labels.has(d.label)) continue;
    seen.add(d.id);
    labels.add(d.label);
    wrong.push(d);
  }
  return {
    id,
    topicId,
    prompt: draft.prompt,
    choices: rng.shuffle([draft.answer, ...wrong]),
    answer: draft.answer.id,
    explanation: draft.explanation,
  };
}

/** A pitch class as a choice: id "Eb", label "E♭". */
export const noteChoice = (pc: PitchClass): TheoryChoice => ({
  id: pitchClassName(pc),
  label: pitchClassName(pc, true),
});

/** "E♭". */
export const noteText = (pc: PitchClass): string => pitchClassName(pc, true);

/** A key of at most `maxFifths` sharps or flats, major or minor. */
export function pickKey(rng: Rng, maxFifths: number, mode: Mode = 'major'): Key {
  return keyFromFifths(rng.int(-maxFifths, maxFifths), mode);
}

/** "E♭ major". */
export const keyText = (key: Key): string => `${pitchClassName(key.tonic, true)} ${key.mode}`;

/** A key as a choice: id "Eb major". */
export const keyChoice = (key: Key): TheoryChoice => ({
  id: `${pitchClassName(key.tonic)} ${key.mode}`,
  label: keyText(key),
});

/** A plain value as a choice (numbers, words). */
export const plainChoice = (value: string | number, label = String(value)): TheoryChoice => ({
  id: String(value),
  label,
});

/** Ordinal words for scale degrees and note positions. */
export const ordinal = (n: number): string => {
  const special: Readonly<Record<number, string>> = { 1: '1st', 2: '2nd', 3: '3rd' };
  return special[n] ?? `${n}th`;
};

/** Notes joined as a chord or a melody is written: "C–E♭–G". */
export const spelled = (notes: readonly PitchClass[]): string => notes.map(noteText).join('–');

/** A chord symbol as printed: "Ebm7b5" → "E♭m7♭5", "F#7#11" → "F♯7♯11". */
export const symbolText = (symbol: string): string =>
  symbol
    .replace(/([A-G])b/g, '$1♭')
    .replace(/b(\d)/g, '♭$1')
    .replace(/#/g, '♯');

/** "1 half step", "3 half steps". */
export const halfSteps = (n: number): string => `${n} half step${Math.abs(n) === 1 ? '' : 's'}`;
