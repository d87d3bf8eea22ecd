import {
  add,
  beatLength,
  beatsPerMeasure,
  createRng,
  formatTimeSignature,
  measureLength,
  mul,
  parseTimeSignature,
  rat,
  type Note,
  type Pitch,
  type Rational,
} from '@cadenza/core';
import { levelOf, RHYTHM_DICTATION_LEVELS } from './difficulty-model.js';
import type { DictationNote, EarTrainingQuestion } from './question-types.js';
import { playedNote, questionScore } from './question-score.js';
import { writeRhythm } from './rhythm-writer.js';

/** The rhythm sounds on C5; the count-in clicks, short and soft, an octave above. */
const RHYTHM_PITCH: Pitch = { step: 'C', alter: 0, octave: 5 };
const CLICK_PITCH: Pitch = { step: 'C', alter: 0, octave: 6 };
const CLICK_LENGTH = rat(1, 4);

/** Played notes for written values starting at `start` (rests are silence). */
export function soundingNotes(values: readonly DictationNote[], start: Rational, fallback: Pitch): Note[] {
  const notes: Note[] = [];
  let at = start;
  for (const v of values) {
    if (!v.rest) notes.push(playedNote(v.pitch ?? fallback, at, v.duration));
    at = add(at, v.duration);
  }
  return notes;
}

/**
 * A rhythm dictation at `difficulty` (1–10): one bar of count-in clicks on the beat, then the level's
 * bars of rhythm on one pitch, built from its rhythm cells (rests included from level 3).
 */
export function rhythmDictationQuestion(difficulty: number, seed: number): EarTrainingQuestion {
  const level = levelOf(RHYTHM_DICTATION_LEVELS, difficulty);
  const rng = createRng(seed);
  const meter = rng.pick(level.meters);
  const timeSignature = parseTimeSignature(meter);
  const answer = writeRhythm(rng, { timeSignature, bars: level.bars, cellIds: level.cells, rests: true });
  const leadIn = measureLength(timeSignature);
  const beats = beatsPerMeasure(timeSignature);
  const clicks = Array.from({ length: beats }, (_, i) =>
    playedNote(CLICK_PITCH, mul(rat(i), beatLength(timeSignature)), CLICK_LENGTH, 60),
  );
  const notes = [...clicks, ...soundingNotes(answer, leadIn, RHYTHM_PITCH)];
  const barWord = `${level.bars} bar${level.bars === 1 ? '' : 's'}`;
  return {
    type: 'rhythm_dictation',
    difficulty,
    seed,
    prompt:
      `After one bar of clicks on the beat, you will hear ${barWord} of rhythm in ${meter}. ` +
      'Write down its note values and rests.',
    choices: [],
    score: questionScore({ title: 'Rhythm dictation', tempo: level.tempo, notes, timeSignature }),
    tempo: level.tempo,
    leadIn,
    given: [`time signature ${formatTimeSignature(timeSignature)}`, barWord, `count-in: ${beats} clicks`],
    key: { type: 'rhythm_dictation', timeSignature, bars: level.bars, answer },
  };
}
