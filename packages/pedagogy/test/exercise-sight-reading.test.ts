import {
  intervalBetween,
  keySignatureFifths,
  midiOf,
  samePitchClass,
  type Note,
  type Pitch,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { generateExercise, keyPitchClasses, levelRow, SIGHT_READING_LEVELS } from '../src/index.js';
import { assert, checkRhythmBars, cycle, notesOf } from './exercise-helpers.js';

const SUBTYPES = ['stepwise_motion', 'interval_jumps', 'key_signature_reading', 'rhythm_reading'] as const;
const absoluteStep = (p: Pitch): number => p.octave * 7 + 'CDEFGAB'.indexOf(p.step);

describe('sight-reading exercises', () => {
  it('use only the intervals, range, note values and accidentals their level allows (400 seeds)', () => {
    for (let i = 0; i < 400; i++) {
      const subtype = cycle(SUBTYPES, i);
      const difficulty = (i % 10) + 1;
      const e = generateExercise({ skillType: 'sight_reading', subtype, difficulty, seed: i });
      const level = levelRow(SIGHT_READING_LEVELS, difficulty);
      const where = `${subtype} d${difficulty} seed ${i}`;
      checkRhythmBars(e, 1);
      const melody = notesOf(e.score, 1);
      const inKey = keyPitchClasses(e.key);
      const steps = melody.map((n) => absoluteStep(n.pitch));
      assert(Math.max(...steps) - Math.min(...steps) <= level.rangeSteps, `${where}: range too wide`);
      melody.forEach((n: Note, j) => {
        const previous = melody[j - 1];
        if (previous) {
          const leap = Math.abs(intervalBetween(previous.pitch, n.pitch).steps);
          assert(leap <= level.maxInterval, `${where}: a leap of ${leap} steps`);
        }
      });
      for (const events of e.rhythm ?? []) {
        for (const ev of events) assert(level.noteValues.includes(ev.value), `${where}: ${ev.value}`);
        if (!level.rests) assert(!events.some((ev) => ev.rest), `${where}: a rest`);
      }
      // Accidentals: notes outside the key (minor: its raised 7th counts as in the key), per bar.
      const perBar = new Map<number, number>();
      const barLength = (e.timeSignature.beats * 4) / e.timeSignature.beatType;
      for (const n of melody) {
        if (inKey.some((pc) => samePitchClass(pc, n.pitch))) continue;
        const bar = Math.floor(n.position.n / n.position.d / barLength);
        perBar.set(bar, (perBar.get(bar) ?? 0) + 1);
      }
      for (const count of perBar.values())
        assert(count <= level.accidentalsPerBar, `${where}: ${count} accidentals`);
      assert(Math.abs(keySignatureFifths(e.key)) <= Math.max(1, level.maxKeyFifths), `${where}: key too far`);
      assert(
        level.meters.includes(`${e.timeSignature.beats}/${e.timeSignature.beatType}`),
        `${where}: meter`,
      );
      // It ends on the tonic.
      const last = melody[melody.length - 1] as Note;
      assert(samePitchClass(last.pitch, e.key.tonic), `${where}: ends on ${last.pitch.step}`);
      if (level.hands === 'together') assert(notesOf(e.score, 2).length === e.bars, `${where}: no bass line`);
    }
  });

  it('keeps stepwise motion mostly to steps and interval jumps mostly to leaps', () => {
    const share = (subtype: string): number => {
      let steps = 0;
      let moves = 0;
      for (let seed = 0; seed < 30; seed++) {
        const melody = notesOf(
          generateExercise({ skillType: 'sight_reading', subtype, difficulty: 7, seed }).score,
          1,
        );
        melody.slice(1).forEach((n, j) => {
          const leap = Math.abs(intervalBetween((melody[j] as Note).pitch, n.pitch).steps);
          moves++;
          if (leap <= 1) steps++;
        });
      }
      return steps / moves;
    };
    expect(share('stepwise_motion')).toBeGreaterThan(0.75);
    expect(share('interval_jumps')).toBeLessThan(0.45);
  });

  it("reads the key signature the subtype trains: the level's most sharps or flats", () => {
    for (let seed = 0; seed < 20; seed++) {
      const e = generateExercise({
        skillType: 'sight_reading',
        subtype: 'key_signature_reading',
        difficulty: 8,
        seed,
      });
      expect(Math.abs(keySignatureFifths(e.key))).toBe(6);
    }
  });

  it('stays in a five-finger position at level 1 in C', () => {
    const e = generateExercise({
      skillType: 'sight_reading',
      subtype: 'stepwise_motion',
      difficulty: 1,
      keySignature: 'C',
      seed: 3,
    });
    const midis = notesOf(e.score, 1).map((n) => midiOf(n.pitch));
    expect(Math.min(...midis)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...midis)).toBeLessThanOrEqual(67);
  });
});
