import {
  createRng,
  intervalBetween,
  invertInterval,
  midiOf,
  parseInterval,
  rat,
  transpose,
  ZERO,
  type Interval,
  type Pitch,
  type PitchClass,
} from '@cadenza/core';
import { pickChoices } from './answer-choices.js';
import { INTERVAL_LEVELS, levelOf } from './difficulty-model.js';
import { intervalLabel } from './music-words.js';
import type { EarTrainingQuestion, IntervalPlayback } from './question-types.js';
import { playedNote, questionScore } from './question-score.js';

/** The fourteen everyday spellings a played note starts from (no double accidentals, no E♯/C♭…). */
export const EVERYDAY_SPELLINGS: readonly PitchClass[] = (
  [
    ['C', 0],
    ['C', 1],
    ['D', -1],
    ['D', 0],
    ['E', -1],
    ['E', 0],
    ['F', 0],
    ['F', 1],
    ['G', -1],
    ['G', 0],
    ['A', -1],
    ['A', 0],
    ['B', -1],
    ['B', 0],
  ] as const
).map(([step, alter]): PitchClass => ({ step, alter }));

/** Both notes of an interval question lie in C3–C6 (MIDI 48–84), the piano's clearest middle. */
export const INTERVAL_RANGE = { low: 48, high: 84 } as const;

const PROMPTS: Readonly<Record<IntervalPlayback, string>> = {
  melodic_up: 'Two notes, one after the other; the second is higher. Which interval is it?',
  melodic_down: 'Two notes, one after the other; the second is lower. Which interval is it?',
  harmonic: 'Two notes played together. Which interval is it?',
};

/** Every first note (everyday spelling, octaves 2–6) whose interval lands in range with a plain spelling. */
function startingNotes(move: Interval): { first: Pitch; second: Pitch }[] {
  const found: { first: Pitch; second: Pitch }[] = [];
  for (const pc of EVERYDAY_SPELLINGS) {
    for (let octave = 2; octave <= 6; octave++) {
      const first = { ...pc, octave };
      const second = transpose(first, move);
      const inRange = [first, second].every(
        (p) => midiOf(p) >= INTERVAL_RANGE.low && midiOf(p) <= INTERVAL_RANGE.high,
      );
      if (inRange && Math.abs(second.alter) <= 1) found.push({ first, second });
    }
  }
  return found;
}

/**
 * An interval recognition question at `difficulty` (1–10): an interval of the level, played rising,
 * falling or together as the level allows, from a random everyday note; the choices follow the model.
 */
export function intervalQuestion(difficulty: number, seed: number): EarTrainingQuestion {
  const level = levelOf(INTERVAL_LEVELS, difficulty);
  const rng = createRng(seed);
  const answer = rng.pick(level.intervals);
  const playback = rng.pick(level.playbacks);
  const size = parseInterval(answer);
  const { first, second } = rng.pick(
    startingNotes(playback === 'melodic_down' ? invertInterval(size) : size),
  );
  const half = rat(2);
  const notes =
    playback === 'harmonic'
      ? [playedNote(first, ZERO, rat(4)), playedNote(second, ZERO, rat(4))]
      : [playedNote(first, ZERO, half), playedNote(second, half, half)];
  return {
    type: 'interval_recognition',
    difficulty,
    seed,
    prompt: PROMPTS[playback],
    choices: pickChoices(rng, level.intervals, answer, level.choices, intervalLabel),
    score: questionScore({ title: 'Which interval?', tempo: level.tempo, notes }),
    tempo: level.tempo,
    leadIn: ZERO,
    given: [],
    key: {
      type: 'interval_recognition',
      playback,
      notes: [first, second],
      interval: intervalBetween(first, second),
      answer,
    },
  };
}
