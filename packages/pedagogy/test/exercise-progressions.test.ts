import {
  checkVoiceLeading,
  createScore,
  midiOf,
  realizeRomanNumeral,
  samePitchClass,
  type Note,
  type Score,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { generateExercise, MAX_UPPER_MOVE, type Exercise } from '../src/index.js';
import { assert, checkFullBars, cycle } from './exercise-helpers.js';

const SUBTYPES = ['I_IV_V_I', 'ii_V_I', 'I_vi_IV_V', 'circle_of_fifths'] as const;
const KEYS = [
  'C',
  'G',
  'D',
  'A',
  'E',
  'B',
  'F#',
  'F',
  'Bb',
  'Eb',
  'Ab',
  'Db',
  'Am',
  'Em',
  'Bm',
  'F#m',
  'C#m',
  'Dm',
  'Gm',
  'Cm',
  'Fm',
];

/** The chords as four separate voices, so the core voice-leading checker sees soprano, alto, tenor, bass. */
function satbScore(e: Exercise): Score {
  const notes: Note[] = (e.chords ?? []).flatMap((c) => [
    { pitch: c.bass, position: c.position, duration: c.duration, staff: 2, voice: 1 },
    ...c.upper.map((pitch, v) => ({
      pitch,
      position: c.position,
      duration: c.duration,
      staff: 1,
      voice: 3 - v,
    })),
  ]);
  return createScore({
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes }],
    meters: e.score.meters,
    keys: e.score.keys,
  });
}

describe('chord progression exercises', () => {
  it('voice-lead every chord of the key smoothly, with no parallel fifths or octaves (240 seeds)', () => {
    for (let i = 0; i < 240; i++) {
      const subtype = cycle(SUBTYPES, i);
      const keyText = cycle(KEYS, i + 2);
      const difficulty = (i % 10) + 1;
      const e = generateExercise({
        skillType: 'chords',
        subtype,
        keySignature: keyText,
        difficulty,
        seed: i,
      });
      const chords = e.chords ?? [];
      expect(chords.length).toBeGreaterThanOrEqual(3);
      chords.forEach((c, j) => {
        const where = `${subtype} in ${keyText} (d${difficulty}), chord ${j + 1} ${c.numeral}`;
        const chord = realizeRomanNumeral(c.numeral, e.key);
        // The bass is the numeral's bass; the right hand plays chord tones only.
        assert(samePitchClass(c.bass, chord.bass), `${where}: wrong bass`);
        for (const p of c.upper)
          assert(
            chord.notes.some((pc) => samePitchClass(pc, p)),
            `${where}: not a chord tone`,
          );
        // A triad is complete in the right hand; a seventh chord has all four tones between the hands.
        const all = [c.bass, ...c.upper];
        for (const pc of chord.notes)
          assert(
            all.some((p) => samePitchClass(p, pc)),
            `${where}: a chord tone is missing`,
          );
        assert(midiOf(c.upper[0] ?? c.bass) > midiOf(c.bass), `${where}: the right hand is below the bass`);
        const previous = chords[j - 1];
        if (previous) {
          c.upper.forEach((p, v) => {
            const move = Math.abs(midiOf(p) - midiOf(previous.upper[v] ?? p));
            assert(move <= MAX_UPPER_MOVE, `${where}: voice ${v + 1} leaps ${move} semitones`);
          });
          assert(
            Math.abs(midiOf(c.bass) - midiOf(previous.bass)) <= 12,
            `${where}: the bass leaps past an octave`,
          );
        }
      });
      // The last chord is the tonic.
      expect(/^(I|i)(maj7|7)?$/.test(chords[chords.length - 1]?.numeral ?? '')).toBe(true);
      const report = checkVoiceLeading(satbScore(e));
      expect(report.voices).toHaveLength(4);
      const parallels = report.findings.filter(
        (f) => f.rule === 'parallel-fifths' || f.rule === 'parallel-octaves',
      );
      expect(parallels.map((f) => `${subtype} in ${keyText} (d${difficulty}): ${f.message}`)).toEqual([]);
      expect(report.findings.filter((f) => f.rule === 'voice-crossing')).toEqual([]);
      checkFullBars(e, 2);
    }
  });

  it('writes I–IV64–V65–I in C with the bass C–C–B–C at the inversion levels', () => {
    const e = generateExercise({
      skillType: 'chord_progressions',
      subtype: 'I_IV_V_I',
      keySignature: 'C',
      difficulty: 6,
    });
    expect(e.chords?.map((c) => c.numeral)).toEqual(['I', 'IV64', 'V65', 'I']);
    expect(e.chords?.map((c) => `${c.bass.step}${c.bass.alter}`)).toEqual(['C0', 'C0', 'B0', 'C0']);
    expect(e.score.parts[0]?.staves).toBe(2);
  });

  it('uses the raised leading tone for V in minor and ends a I–vi–IV–V on the tonic', () => {
    const e = generateExercise({
      skillType: 'chord_progressions',
      subtype: 'I_vi_IV_V',
      keySignature: 'Am',
      difficulty: 1,
    });
    expect(e.chords?.map((c) => c.numeral)).toEqual(['i', 'VI', 'iv', 'V', 'i']);
    const v = e.chords?.[3];
    expect(v?.upper.some((p) => p.step === 'G' && p.alter === 1)).toBe(true);
    expect(e.bars).toBe(5);
  });

  it('repeats the progression to fill the bars asked for', () => {
    const e = generateExercise({
      skillType: 'chord_progressions',
      subtype: 'ii_V_I',
      keySignature: 'F',
      difficulty: 3,
      durationBars: 6,
    });
    // Half notes: ii–V–I is 1.5 bars, four passes fit in 6 bars.
    expect(e.chords).toHaveLength(12);
    expect(e.bars).toBe(6);
  });
});
