import {
  buildChord,
  CHORD_TYPE_BY_ID,
  chroma,
  midiOf,
  parsePitchClass,
  realizeRomanNumeral,
  samePitchClass,
  type Chord,
  type Key,
  type Note,
  type PitchClass,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { ARPEGGIO_LEVELS, generateExercise, levelRow } from '../src/index.js';
import { assert, checkFullBars, cycle, notesOf, passesOf, runsOf } from './exercise-helpers.js';

const SUBTYPES = ['major_triad', 'minor_triad', 'dominant_7th', 'diminished'] as const;
const KEYS = ['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'F', 'Bb', 'Eb', 'Ab', 'C#'];

/** The chord each subtype should spell, built here from the core catalogue. */
function expectedChord(subtype: string, key: Key): Chord {
  const type = (id: string) => CHORD_TYPE_BY_ID.get(id) ?? buildChord(key.tonic, []).type;
  if (subtype === 'dominant_7th') return realizeRomanNumeral('V7', key);
  const id = subtype === 'minor_triad' ? 'minor' : subtype === 'diminished' ? 'dim7' : 'major';
  const t = type(id);
  if (!t) throw new Error(`no ${id}`);
  return buildChord(key.tonic, t);
}

describe('arpeggio exercises', () => {
  it('play chord tones in order, up and down, in the inversions the level asks for (300 seeds)', () => {
    for (let i = 0; i < 300; i++) {
      const subtype = cycle(SUBTYPES, i);
      const keyText = cycle(KEYS, i + 5);
      const difficulty = (i % 10) + 1;
      const e = generateExercise({
        skillType: 'arpeggios',
        subtype,
        keySignature: keyText,
        difficulty,
        seed: i,
      });
      const chord = expectedChord(subtype, e.key);
      expect(samePitchClass(e.key.tonic, parsePitchClass(keyText))).toBe(true);
      const k = chord.notes.length;
      const level = levelRow(ARPEGGIO_LEVELS, difficulty);
      const inversions = level.inversions === 'root' ? 1 : level.inversions === 'root-and-first' ? 2 : k;
      for (const staff of [1, 2]) {
        const runs = passesOf(notesOf(e.score, staff));
        runs.forEach((run, r) => {
          const inversion = r % inversions;
          const order: PitchClass[] = [...chord.notes.slice(inversion), ...chord.notes.slice(0, inversion)];
          const top = (run.length - 1) / 2;
          expect(top % k).toBe(0);
          const where = `${subtype} on ${keyText}, d${difficulty}, staff ${staff}`;
          run.forEach((n: Note, j) => {
            const index = j <= top ? j % k : (2 * top - j) % k;
            assert(
              samePitchClass(n.pitch, order[index] as PitchClass),
              `${where}: note ${j} is not chord tone ${index}`,
            );
            if (j > 0) {
              const step = midiOf(n.pitch) - midiOf((run[j - 1] as Note).pitch);
              // Each move goes to the next chord tone: at most a perfect fourth (in the inversions).
              assert(step !== 0 && Math.abs(step) <= 5, `${where}: a move of ${step} semitones`);
              assert(j <= top ? step > 0 : step < 0, `${where}: note ${j} goes the wrong way`);
            }
          });
        });
        checkFullBars(e, staff);
      }
    }
  });

  it('spells the chords from the key: D♭ major, C♯ minor, D7 in G, C diminished seventh with B𝄫', () => {
    const names = (subtype: string, key: string) =>
      notesOf(
        generateExercise({ skillType: 'arpeggios', subtype, keySignature: key, difficulty: 1 }).score,
        1,
      )
        .slice(0, 4)
        .map((n) => `${n.pitch.step}${n.pitch.alter}`);
    expect(names('major_triad', 'Db')).toEqual(['D-1', 'F0', 'A-1', 'D-1']);
    expect(names('minor_triad', 'C#')).toEqual(['C1', 'E0', 'G1', 'C1']);
    expect(names('dominant_7th', 'G')).toEqual(['D0', 'F1', 'A0', 'C0']);
    expect(names('diminished', 'C')).toEqual(['C0', 'E-1', 'G-1', 'B-2']);
  });

  it('plays one asked-for inversion', () => {
    const e = generateExercise({
      skillType: 'arpeggios',
      subtype: 'major_triad',
      keySignature: 'C',
      difficulty: 9,
      inversion: 2,
    });
    const runs = runsOf(notesOf(e.score, 1));
    expect(runs.every((r) => r[0]?.pitch.step === 'G')).toBe(true);
    expect(runs[0]?.map((n) => chroma(n.pitch))).toContain(0);
  });
});
