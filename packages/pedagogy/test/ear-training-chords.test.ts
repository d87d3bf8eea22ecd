import {
  CHORD_TYPE_BY_ID,
  chordTypeIntervals,
  intervalBetweenClasses,
  midiOf,
  parsePitch,
  pitchName,
  stepIndex,
  type Pitch,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  CHORD_LEVELS,
  checkAnswer,
  chordQuestion,
  explainChord,
  qualityAnatomy,
  voiceChord,
  type EarTrainingQuestion,
} from '../src/ear-training/index.js';

const SEEDS = Array.from({ length: 100 }, (_, i) => i * 104729 + 11);
const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

const cache = new Map<number, EarTrainingQuestion[]>();
/** The questions of a level for all SEEDS, made once and shared by the tests of this file. */
function questionsAt(level: number): EarTrainingQuestion[] {
  const made = cache.get(level) ?? SEEDS.map((seed) => chordQuestion(level, seed));
  cache.set(level, made);
  return made;
}

function chordKey(q: EarTrainingQuestion) {
  if (q.key.type !== 'chord_quality') throw new Error('not a chord question');
  return q.key;
}

const names = (ps: readonly Pitch[]) => ps.map((p) => pitchName(p)).join(' ');

describe('chord quality questions', () => {
  it('voices chords spelled by their intervals, inverted by moving the lowest tones up', () => {
    expect(names(voiceChord(parsePitch('B3'), 'dim', 0))).toBe('B3 D4 F4');
    expect(names(voiceChord(parsePitch('C4'), 'aug', 0))).toBe('C4 E4 G#4');
    expect(names(voiceChord(parsePitch('Eb3'), 'major', 1))).toBe('G3 Bb3 Eb4');
    expect(names(voiceChord(parsePitch('F3'), 'minor', 2))).toBe('C4 F4 Ab4');
    expect(names(voiceChord(parsePitch('C#3'), 'dim7', 0))).toBe('C#3 E3 G3 Bb3');
    expect(names(voiceChord(parsePitch('B3'), 'm7b5', 0))).toBe('B3 D4 F4 A4');
    expect(names(voiceChord(parsePitch('G3'), '7', 3))).toBe('F4 G4 B4 D5');
    expect(names(voiceChord(parsePitch('D3'), 'mMaj7', 0))).toBe('D3 F3 A3 C#4');
  });

  it.each(LEVELS)(
    'level %i: the chord is spelled as its quality, in an inversion the level allows',
    (level) => {
      const model = CHORD_LEVELS[level - 1]!;
      for (const q of questionsAt(level)) {
        const key = chordKey(q);
        const type = CHORD_TYPE_BY_ID.get(key.answer)!;
        expect(model.qualities).toContain(key.answer);
        expect(model.inversions).toContain(key.inversion);
        expect(key.inversion).toBeLessThan(type.intervals.length);
        expect(key.notes).toHaveLength(type.intervals.length);
        // Rebuilt in root position, the tones stack in thirds on the letters and match the quality's intervals.
        const cut = key.notes.length - key.inversion;
        const fromRoot = [...key.notes.slice(cut), ...key.notes.slice(0, cut)];
        expect(fromRoot[0]!.step).toBe(key.root.step);
        expect(fromRoot[0]!.alter).toBe(key.root.alter);
        fromRoot.forEach((p, i) => {
          expect((stepIndex(p.step) - stepIndex(key.root.step) + 7) % 7).toBe((2 * i) % 7);
          expect(intervalBetweenClasses(key.root, p)).toEqual(chordTypeIntervals(type)[i]);
        });
        // Bass first, rising, no double accidentals, and the bass is the inversion's chord tone.
        for (let i = 1; i < key.notes.length; i++)
          expect(midiOf(key.notes[i]!)).toBeGreaterThan(midiOf(key.notes[i - 1]!));
        for (const p of key.notes) expect(Math.abs(p.alter)).toBeLessThanOrEqual(1);
        expect(intervalBetweenClasses(key.root, key.notes[0]!)).toEqual(
          chordTypeIntervals(type)[key.inversion],
        );
        // The score plays the chord together (after the broken chord at levels 1–3).
        const played = q.score.parts[0]!.notes;
        expect(played).toHaveLength(model.arpeggiate ? 2 * key.notes.length : key.notes.length);
        expect(played.slice(-key.notes.length).map((n) => midiOf(n.pitch))).toEqual(key.notes.map(midiOf));
      }
    },
  );

  it.each(LEVELS)('level %i: the choices hold the answer once, as many as the model says', (level) => {
    const model = CHORD_LEVELS[level - 1]!;
    for (const q of questionsAt(level)) {
      const ids = q.choices.map((c) => c.id);
      expect(ids.filter((id) => id === chordKey(q).answer)).toHaveLength(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(Math.min(model.choices, model.qualities.length));
      for (const id of ids) expect(model.qualities).toContain(id);
    }
  });

  it('grows from major vs minor to every quality, inversions from level 7', () => {
    expect(CHORD_LEVELS.map((l) => l.choices)).toEqual([2, 3, 4, 4, 5, 6, 7, 8, 10, 11]);
    expect(CHORD_LEVELS[9]!.choices).toBe(CHORD_LEVELS[9]!.qualities.length);
    expect(CHORD_LEVELS.map((l) => Math.max(...l.inversions))).toEqual([0, 0, 0, 0, 0, 0, 2, 2, 3, 3]);
  });
});

describe('chord explanations', () => {
  it('explains a quality by its thirds and its fifth (and seventh)', () => {
    expect(qualityAnatomy('dim', { step: 'B', alter: 0 })).toBe(
      'stacked thirds: a minor third (3 half steps) from B to D, then a minor third (3 half steps) from D to F; ' +
        'root to fifth is a diminished fifth (6 half steps)',
    );
    expect(qualityAnatomy('7', { step: 'G', alter: 0 })).toBe(
      'stacked thirds: a major third (4 half steps) from G to B, then a minor third (3 half steps) from B to D, ' +
        'then a minor third (3 half steps) from D to F; root to fifth is a perfect fifth (7 half steps); ' +
        'root to seventh is a minor seventh (10 half steps)',
    );
    const text = explainChord({
      answer: 'major',
      root: parsePitch('Eb3'),
      notes: voiceChord(parsePitch('Eb3'), 'major', 1),
      inversion: 1,
    });
    expect(text).toContain(
      'That was a major triad: E♭ major triad, played in first inversion, with the third (G) in the bass (G–B♭–E♭)',
    );
  });

  it('checking a chord answer names the right quality, right or wrong', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const q = chordQuestion(8, seed);
      const key = chordKey(q);
      const right = checkAnswer(q, { kind: 'choice', choice: key.answer });
      expect(right.correct).toBe(true);
      expect(right.explanation.startsWith('Yes! That was')).toBe(true);
      const other = q.choices.find((c) => c.id !== key.answer)!;
      const wrong = checkAnswer(q, { kind: 'choice', choice: other.id });
      expect(wrong.correct).toBe(false);
      expect(wrong.correctChoice).toBe(key.answer);
      expect(wrong.explanation).toContain(`You chose`);
      expect(wrong.explanation).toContain(`That was`);
      expect(wrong.correctAnswer).toBe(q.choices.find((c) => c.id === key.answer)!.label);
    }
  });
});
