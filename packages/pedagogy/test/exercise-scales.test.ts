import {
  findScaleType,
  keySignatureFifths,
  midiOf,
  parsePitchClass,
  samePitchClass,
  scaleNotes,
  SCALE_TYPES,
  type Note,
  type PitchClass,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { generateExercise, levelRow, SCALE_LEVELS, type Exercise, type Level } from '../src/index.js';
import { assert, checkFullBars, cycle, notesOf, runsOf } from './exercise-helpers.js';

const NAMED = ['major', 'minor_natural', 'minor_harmonic', 'minor_melodic'] as const;
const BOTH_MODES = ['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#', 'F', 'Bb', 'Eb', 'Ab'];
const SAFE_FOR_MODES = ['C', 'G', 'D', 'A', 'E', 'F', 'Bb', 'Eb'];
const LEVELS: Level[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The scale's notes up and down, from the core catalogue (independent of the exercise code). */
function expectedClasses(subtype: string, tonic: PitchClass): { up: PitchClass[]; down: PitchClass[] } {
  const id =
    subtype === 'major'
      ? 'ionian'
      : subtype === 'minor_natural'
        ? 'aeolian'
        : subtype === 'minor_harmonic'
          ? 'harmonic-minor'
          : subtype === 'minor_melodic'
            ? 'melodic-minor'
            : subtype;
  const up = scaleNotes(tonic, findScaleType(id));
  const down = subtype === 'minor_melodic' ? scaleNotes(tonic, findScaleType('aeolian')) : up;
  return { up, down };
}

function checkRun(run: readonly Note[], subtype: string, tonic: PitchClass, octaves: number): void {
  const { up, down } = expectedClasses(subtype, tonic);
  const n = up.length;
  expect(run.length).toBe(2 * n * octaves + 1);
  const top = n * octaves;
  run.forEach((note, i) => {
    const wanted = i <= top ? up[i % n] : down[(2 * top - i) % n];
    if (!samePitchClass(note.pitch, wanted as PitchClass)) {
      throw new Error(
        `${subtype} on ${tonic.step}${tonic.alter}: note ${i} is ${note.pitch.step}${note.pitch.alter}`,
      );
    }
    if (i > 0) {
      const step = midiOf(note.pitch) - midiOf((run[i - 1] as Note).pitch);
      assert(
        i <= top ? step > 0 : step < 0,
        `${subtype} on ${tonic.step}${tonic.alter}: note ${i} goes the wrong way`,
      );
    }
  });
  expect(midiOf((run[top] as Note).pitch) - midiOf((run[0] as Note).pitch)).toBe(12 * octaves);
}

function checkScale(e: Exercise, subtype: string, tonic: PitchClass): void {
  const level = levelRow(SCALE_LEVELS, e.difficulty);
  for (const staff of [1, 2]) {
    const runs = runsOf(notesOf(e.score, staff));
    for (const run of runs) checkRun(run, subtype, tonic, Number(/(\d) octave/.exec(e.title)?.[1]));
    checkFullBars(e, staff);
  }
  // Hands together: the left hand doubles the right an octave lower, note for note.
  if (level.hands === 'together') {
    const right = notesOf(e.score, 1);
    const left = notesOf(e.score, 2);
    expect(left.map((n) => midiOf(n.pitch) + 12)).toEqual(right.map((n) => midiOf(n.pitch)));
    expect(e.score.parts[0]?.staves).toBe(2);
  }
}

describe('scale exercises', () => {
  it('play the named scales in the requested key, spelled from the key, over 300 seeds', () => {
    for (let i = 0; i < 300; i++) {
      const subtype = cycle(NAMED, i);
      const keyText = cycle(BOTH_MODES, i + 3);
      const difficulty = cycle(LEVELS, i + 1);
      const e = generateExercise({
        skillType: 'scales',
        subtype,
        keySignature: keyText,
        difficulty,
        seed: i,
      });
      const tonic = parsePitchClass(keyText);
      expect(e.key).toEqual({ tonic, mode: subtype === 'major' ? 'major' : 'minor' });
      expect(e.score.keys[0]?.key).toEqual(e.key);
      checkScale(e, subtype, tonic);
    }
  });

  it('plays every one of the 32 catalogue scales with its own spelling', () => {
    for (let i = 0; i < SCALE_TYPES.length * 4; i++) {
      const scale = SCALE_TYPES[i % SCALE_TYPES.length];
      const keyText = cycle(SAFE_FOR_MODES, i);
      const e = generateExercise({
        skillType: 'scales',
        subtype: scale?.id,
        keySignature: keyText,
        difficulty: cycle(LEVELS, i),
        seed: i,
      });
      // "harmonic-minor" and "melodic-minor" are read as the named minor subtypes (melodic falls as natural minor).
      const named = { 'harmonic-minor': 'minor_harmonic', 'melodic-minor': 'minor_melodic' } as Record<
        string,
        string
      >;
      expect(e.subtype).toBe(named[scale?.id ?? ''] ?? scale?.id);
      checkScale(e, e.subtype, parsePitchClass(keyText));
    }
  });

  it('spells the F♯ harmonic minor leading tone E♯ and the B♭ melodic minor way down with A♭ and G♭', () => {
    const f = generateExercise({
      skillType: 'scales',
      subtype: 'minor_harmonic',
      keySignature: 'F#',
      difficulty: 1,
    });
    expect(notesOf(f.score, 1).some((n) => n.pitch.step === 'E' && n.pitch.alter === 1)).toBe(true);
    const b = generateExercise({
      skillType: 'scales',
      subtype: 'minor_melodic',
      keySignature: 'Bb',
      difficulty: 1,
    });
    const right = notesOf(b.score, 1).map((n) => `${n.pitch.step}${n.pitch.alter}`);
    expect(right.slice(0, 8)).toEqual(['B-1', 'C0', 'D-1', 'E-1', 'F0', 'G0', 'A0', 'B-1']);
    expect(right.slice(8)).toEqual(['A-1', 'G-1', 'F0', 'E-1', 'D-1', 'C0', 'B-1']);
  });

  it('plays the chromatic scale with sharps up and flats down, every step a semitone', () => {
    for (let i = 0; i < 60; i++) {
      const keyText = cycle(BOTH_MODES, i);
      const e = generateExercise({
        skillType: 'scales',
        subtype: 'chromatic',
        keySignature: keyText,
        difficulty: cycle(LEVELS, i),
        seed: i,
      });
      for (const run of runsOf(notesOf(e.score, 1))) {
        const top = (run.length - 1) / 2;
        run.forEach((n, j) => {
          if (j === 0 || j === top || j === run.length - 1) {
            expect(samePitchClass(n.pitch, parsePitchClass(keyText))).toBe(true);
            return;
          }
          assert(
            Math.abs(midiOf(n.pitch) - midiOf((run[j - 1] as Note).pitch)) === 1,
            `${keyText}: not a semitone`,
          );
          assert(
            j < top ? n.pitch.alter >= 0 : n.pitch.alter <= 0,
            `${keyText}: a flat going up or a sharp coming down`,
          );
        });
        expect(new Set(run.slice(0, 12).map((n) => midiOf(n.pitch) % 12)).size).toBe(12);
      }
      checkFullBars(e, 1);
    }
  });

  it("chooses a key within the level's key signatures when none is asked for", () => {
    for (let i = 0; i < 100; i++) {
      const difficulty = cycle(LEVELS, i);
      const e = generateExercise({ skillType: 'scales', subtype: 'major', difficulty, seed: i });
      expect(Math.abs(keySignatureFifths(e.key))).toBeLessThanOrEqual(
        levelRow(SCALE_LEVELS, difficulty).maxKeyFifths,
      );
    }
  });

  it('follows the difficulty model: octaves, note value and hands', () => {
    const easy = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'G',
      difficulty: 1,
    });
    expect(easy.title).toBe('G major scale, 1 octave');
    expect(notesOf(easy.score, 1)[0]?.duration).toEqual({ n: 1, d: 1 });
    // Hands separately: the left hand starts after the right hand's pass.
    expect(notesOf(easy.score, 2)[0]?.position).toEqual({ n: 16, d: 1 });
    const hard = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'G',
      difficulty: 9,
    });
    expect(hard.title).toBe('G major scale, 4 octaves');
    expect(notesOf(hard.score, 1)[0]?.duration).toEqual({ n: 1, d: 4 });
    expect(notesOf(hard.score, 2)[0]?.position).toEqual({ n: 0, d: 1 });
  });

  it('fills the requested bars with whole passes and holds the last tonic to the end', () => {
    const e = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'D',
      difficulty: 5,
      durationBars: 10,
    });
    expect(e.bars).toBe(10);
    const right = notesOf(e.score, 1);
    const last = right[right.length - 1] as Note;
    expect(last.position.n / last.position.d + last.duration.n / last.duration.d).toBe(40);
    expect(runsOf(right)).toHaveLength(1);
    // 2 octaves in eighths = 29 notes = 4 bars; two passes fit in 10 bars.
    expect(right.length).toBe(58);
    // Too few bars for 2 octaves: falls back to one octave.
    const short = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'D',
      difficulty: 5,
      durationBars: 2,
    });
    expect(short.title).toBe('D major scale, 1 octave');
  });
});
