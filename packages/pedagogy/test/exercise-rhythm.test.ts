import { midiOf } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { generateExercise, levelRow, PERCUSSION_PITCH, RHYTHM_LEVELS, rhythmValues } from '../src/index.js';
import { assert, checkRhythmBars, cycle, notesOf } from './exercise-helpers.js';

const SUBTYPES = ['quarter_notes', 'eighth_notes', 'triplets', 'syncopation', 'dotted_rhythms'] as const;

describe('rhythm exercises', () => {
  it('fill every bar exactly with the level and subtype note values (400 seeds)', () => {
    for (let i = 0; i < 400; i++) {
      const subtype = cycle(SUBTYPES, i);
      const difficulty = (i % 10) + 1;
      const e = generateExercise({
        skillType: 'rhythm',
        subtype,
        difficulty,
        seed: i,
        durationBars: 1 + (i % 6),
      });
      checkRhythmBars(e);
      const allowed = rhythmValues(subtype, levelRow(RHYTHM_LEVELS, difficulty));
      for (const events of e.rhythm ?? []) {
        for (const ev of events)
          assert(allowed.includes(ev.value), `${subtype} d${difficulty}: ${ev.value} not allowed`);
      }
      const level = levelRow(RHYTHM_LEVELS, difficulty);
      if (!level.rests)
        assert(!(e.rhythm ?? []).flat().some((ev) => ev.rest), `rests at level ${difficulty}`);
      assert(
        level.meters.includes(`${e.timeSignature.beats}/${e.timeSignature.beatType}`),
        'meter not in the level',
      );
      // One pitch on the reading staff.
      assert(new Set(notesOf(e.score, 1).map((n) => midiOf(n.pitch))).size === 1, 'more than one pitch');
    }
  });

  it('trains its subtype: every triplet exercise has triplets, every dotted one dotted notes', () => {
    for (let i = 0; i < 40; i++) {
      const t = generateExercise({
        skillType: 'rhythm',
        subtype: 'triplets',
        difficulty: (i % 10) + 1,
        seed: i,
      });
      expect((t.rhythm ?? []).flat().some((ev) => ev.value.startsWith('triplet'))).toBe(true);
      expect(t.timeSignature.beatType).toBe(4);
      const d = generateExercise({
        skillType: 'rhythm',
        subtype: 'dotted_rhythms',
        difficulty: (i % 10) + 1,
        seed: i,
      });
      expect((d.rhythm ?? []).flat().some((ev) => ev.value.startsWith('dotted'))).toBe(true);
    }
  });

  it('keeps the beat in the left hand from level 8 and writes a percussion line on request', () => {
    const e = generateExercise({
      skillType: 'rhythm',
      subtype: 'syncopation',
      difficulty: 9,
      timeSignature: '4/4',
      durationBars: 2,
    });
    const pulse = notesOf(e.score, 2);
    expect(pulse.map((n) => n.position.n / n.position.d)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(e.score.parts[0]?.clefs).toEqual(['treble', 'bass']);
    const p = generateExercise({
      skillType: 'rhythm',
      subtype: 'eighth_notes',
      difficulty: 3,
      specialFocus: 'percussion',
    });
    expect(p.score.parts[0]?.clefs).toEqual(['percussion']);
    expect(notesOf(p.score).every((n) => midiOf(n.pitch) === midiOf(PERCUSSION_PITCH))).toBe(true);
    checkRhythmBars(p);
  });

  it('refuses triplets in 6/8, naming the time signature', () => {
    expect(() =>
      generateExercise({ skillType: 'rhythm', subtype: 'triplets', timeSignature: '6/8' }),
    ).toThrow(/time_signature/);
  });

  it('writes 6/8 in dotted-quarter beats', () => {
    const e = generateExercise({
      skillType: 'rhythm',
      subtype: 'eighth_notes',
      difficulty: 6,
      timeSignature: '6/8',
      seed: 4,
    });
    checkRhythmBars(e);
    expect(e.bars).toBe(4);
  });
});
