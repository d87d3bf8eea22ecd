import {
  CHORD_TYPE_BY_ID,
  chordTypeIntervals,
  createRng,
  midiOf,
  rat,
  transpose,
  ZERO,
  type Note,
  type Pitch,
} from '@cadenza/core';
import { pickChoices } from './answer-choices.js';
import { CHORD_LEVELS, levelOf } from './difficulty-model.js';
import { EVERYDAY_SPELLINGS } from './interval-question.js';
import type { EarTrainingQuestion } from './question-types.js';
import { playedNote, questionScore } from './question-score.js';

/** What each quality is called on a button. */
export const CHORD_QUALITY_LABELS: Readonly<Record<string, string>> = {
  major: 'major triad',
  minor: 'minor triad',
  dim: 'diminished triad',
  aug: 'augmented triad',
  '7': 'dominant seventh',
  maj7: 'major seventh',
  m7: 'minor seventh',
  m7b5: 'half-diminished seventh',
  dim7: 'diminished seventh',
  mMaj7: 'minor-major seventh',
  augMaj7: 'augmented major seventh',
};

export const chordQualityLabel = (id: string): string => CHORD_QUALITY_LABELS[id] ?? id;

/** The lowest note of a chord question lies in C3–C4 (MIDI 48–60); the whole chord stays below C6. */
const BASS_RANGE = { low: 48, high: 60, top: 84 } as const;

/** The chord's tones in close position from its root, with the lowest `inversion` tones moved up an octave. */
export function voiceChord(root: Pitch, typeId: string, inversion: number): Pitch[] {
  const type = CHORD_TYPE_BY_ID.get(typeId);
  if (!type) throw new RangeError(`no chord type '${typeId}'`);
  const tones = chordTypeIntervals(type).map((i) => transpose(root, i));
  const moved = tones.map((p, i) => (i < inversion ? { ...p, octave: p.octave + 1 } : p));
  return moved.sort((a, b) => midiOf(a) - midiOf(b));
}

/**
 * A chord quality question at `difficulty` (1–10): a quality of the level on an everyday root whose
 * tones all spell without double accidentals, in an inversion the level allows, broken then together at
 * levels 1–3.
 */
export function chordQuestion(difficulty: number, seed: number): EarTrainingQuestion {
  const level = levelOf(CHORD_LEVELS, difficulty);
  const rng = createRng(seed);
  const answer = rng.pick(level.qualities);
  const size = CHORD_TYPE_BY_ID.get(answer)?.intervals.length ?? 3;
  const inversion = rng.pick(level.inversions.filter((i) => i < size));
  const voicings: { root: Pitch; notes: Pitch[] }[] = [];
  for (const pc of EVERYDAY_SPELLINGS) {
    for (let octave = 2; octave <= 4; octave++) {
      const root = { ...pc, octave };
      const notes = voiceChord(root, answer, inversion);
      const bass = midiOf(notes[0] as Pitch);
      const top = midiOf(notes[notes.length - 1] as Pitch);
      const plain = notes.every((p) => Math.abs(p.alter) <= 1);
      if (plain && bass >= BASS_RANGE.low && bass <= BASS_RANGE.high && top <= BASS_RANGE.top) {
        voicings.push({ root, notes });
      }
    }
  }
  const { root, notes } = rng.pick(voicings);
  const played: Note[] = [];
  let start = ZERO;
  if (level.arpeggiate) {
    notes.forEach((p, i) => played.push(playedNote(p, rat(i), rat(1))));
    start = rat(4);
  }
  for (const p of notes) played.push(playedNote(p, start, rat(4)));
  return {
    type: 'chord_quality',
    difficulty,
    seed,
    prompt: level.arpeggiate
      ? 'A chord, first one note at a time, then all together. What quality is it?'
      : 'A chord, all notes together. What quality is it?',
    choices: pickChoices(rng, level.qualities, answer, level.choices, chordQualityLabel),
    score: questionScore({ title: 'Which chord?', tempo: level.tempo, notes: played }),
    tempo: level.tempo,
    leadIn: ZERO,
    given: [],
    key: { type: 'chord_quality', notes, root, inversion, arpeggiated: level.arpeggiate, answer },
  };
}
