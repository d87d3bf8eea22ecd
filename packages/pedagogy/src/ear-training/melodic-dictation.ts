import {
  createRng,
  formatTimeSignature,
  intervalBetween,
  intervalQuality,
  keyFromFifths,
  keyScale,
  measureLength,
  midiOf,
  parseTimeSignature,
  placeAtOrAbove,
  pitchClassName,
  ZERO,
  type Key,
  type Pitch,
  type PitchClass,
  type Rng,
} from '@cadenza/core';
import { levelOf, MELODIC_DICTATION_LEVELS, type MelodicDictationLevel } from './difficulty-model.js';
import { noteName } from './music-words.js';
import type { DictationNote, EarTrainingQuestion } from './question-types.js';
import { playedNote, questionScore } from './question-score.js';
import { soundingNotes } from './rhythm-dictation.js';
import { writeRhythm } from './rhythm-writer.js';

/** The scale a dictation melody uses: the key's, with minor as harmonic minor (raised seventh). */
export function dictationScale(key: Key): PitchClass[] {
  const scale = keyScale(key);
  if (key.mode !== 'minor') return scale;
  const seventh = scale[6] as PitchClass;
  return [...scale.slice(0, 6), { step: seventh.step, alter: seventh.alter + 1 }];
}

/** Maps scale degrees (0 = tonic, 7 = tonic above, -1 = the note below the tonic) to pitches. */
export function degreePitches(key: Key): (degree: number) => Pitch {
  const scale = dictationScale(key);
  // The tonic lies in C4–B4, so a melody around it sits on the treble staff.
  const tonicMidi = midiOf(placeAtOrAbove(key.tonic, 60));
  const known = new Map<number, Pitch>();
  return (degree) => {
    const seen = known.get(degree);
    if (seen) return seen;
    const octaves = Math.floor(degree / 7);
    const pc = scale[degree - 7 * octaves] as PitchClass;
    const p = placeAtOrAbove(pc, tonicMidi);
    const pitch = { ...p, octave: p.octave + octaves };
    known.set(degree, pitch);
    return pitch;
  };
}

/** Relative weight of a move by this many letter steps: steps first, repeats and leaps less often. */
const moveWeight = (steps: number): number => (steps === 0 ? 0.5 : steps === 1 ? 4 : steps === 2 ? 2 : 1);

/**
 * Scale degrees for `count` notes: starting on a tonic-chord degree (the tonic itself below level 5),
 * ending on the tonic, each move at most `maxLeap` letter steps, inside the level's range, and never an
 * augmented or diminished interval (no augmented second in harmonic minor, no tritone leaps).
 */
function melodyDegrees(rng: Rng, level: MelodicDictationLevel, count: number, pitchOf: (d: number) => Pitch) {
  const inRange = (d: number) => d >= level.lowestDegree && d <= level.highestDegree;
  const openings = level.maxLeap >= 4 ? [0, 2, 4, -3].filter(inRange) : [0];
  const degrees = [rng.pick(openings)];
  for (let i = 1; i < count; i++) {
    const from = degrees[i - 1] as number;
    const movesLeft = count - 1 - i;
    const options: number[] = [];
    for (let to = from - level.maxLeap; to <= from + level.maxLeap; to++) {
      if (!inRange(to)) continue;
      if (Math.abs(to) > level.maxLeap * movesLeft) continue; // the tonic must stay reachable
      if (movesLeft === 0 && to !== 0) continue;
      const quality = intervalQuality(intervalBetween(pitchOf(from), pitchOf(to)));
      if (quality !== 'P' && quality !== 'M' && quality !== 'm') continue;
      options.push(to);
    }
    if (options.length === 0) throw new RangeError('internal: no melodic move reaches the tonic');
    degrees.push(
      rng.weighted(
        options,
        options.map((to) => moveWeight(Math.abs(to - from))),
      ),
    );
  }
  return degrees;
}

const keyName = (key: Key): string => `${pitchClassName(key.tonic, true)} ${key.mode}`;

/**
 * A melodic dictation at `difficulty` (1–10): the key chord for one bar, then a melody of the level's
 * bars, meter, key, range, leaps and note values, starting on a note of the key chord and ending on the
 * tonic. The student is told the meter, the key and the first note.
 */
export function melodicDictationQuestion(difficulty: number, seed: number): EarTrainingQuestion {
  const level = levelOf(MELODIC_DICTATION_LEVELS, difficulty);
  const rng = createRng(seed);
  const meter = rng.pick(level.meters);
  const timeSignature = parseTimeSignature(meter);
  const key = keyFromFifths(rng.int(-level.maxKeyFifths, level.maxKeyFifths), rng.pick(level.modes));
  const rhythm = writeRhythm(rng, {
    timeSignature,
    bars: level.bars,
    cellIds: level.cells,
    rests: false,
    endLong: true,
  });
  const pitchOf = degreePitches(key);
  const degrees = melodyDegrees(rng, level, rhythm.length, pitchOf);
  const answer: DictationNote[] = rhythm.map((r, i) => ({
    pitch: pitchOf(degrees[i] as number),
    duration: r.duration,
  }));
  const leadIn = measureLength(timeSignature);
  const chord = [0, 2, 4].map((d) => {
    const p = pitchOf(d);
    return playedNote({ ...p, octave: p.octave - 1 }, ZERO, leadIn, 64);
  });
  const first = answer[0]?.pitch as Pitch;
  const barWord = `${level.bars} bar${level.bars === 1 ? '' : 's'}`;
  return {
    type: 'melodic_dictation',
    difficulty,
    seed,
    prompt:
      `You will hear the key chord of ${keyName(key)}, then a melody of ${barWord} in ${meter}. ` +
      `Write it down, pitches and rhythm. It starts on ${noteName(first)}.`,
    choices: [],
    score: questionScore({
      title: 'Melodic dictation',
      tempo: level.tempo,
      notes: [...chord, ...soundingNotes(answer, leadIn, first)],
      timeSignature,
      key,
      clef: 'treble',
    }),
    tempo: level.tempo,
    leadIn,
    given: [
      `key ${keyName(key)}`,
      `time signature ${formatTimeSignature(timeSignature)}`,
      barWord,
      `first note ${noteName(first)}`,
    ],
    key: { type: 'melodic_dictation', key, timeSignature, bars: level.bars, answer },
  };
}
